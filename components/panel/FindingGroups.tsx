/** Findings grouped by category (most severe group first), each with its triage controls. */
import { t } from '../../platform/i18n.ts';
import type { InpageFinding, RuleTally, TriageDecision } from '../../platform/messages/contract.ts';
import type { Category } from '../../core/findings.ts';

const SEVERITY_RANK = { high: 0, medium: 1, low: 2 } as const;
/** Shapes as well as colours, for reviewers who do not tell red from amber. */
export const SEVERITY_MARK = { high: '■', medium: '▲', low: '●' } as const;

export interface FindingGroup {
  category: Category;
  findings: InpageFinding[];
  worst: InpageFinding['finding']['severity'];
}

export function groupFindings(findings: readonly InpageFinding[]): FindingGroup[] {
  const byCategory = new Map<Category, InpageFinding[]>();
  for (const f of findings) {
    const list = byCategory.get(f.finding.category) ?? [];
    list.push(f);
    byCategory.set(f.finding.category, list);
  }
  const groups = [...byCategory].map(([category, list]) => ({
    category,
    findings: list,
    worst: list.reduce((w, f) => (SEVERITY_RANK[f.finding.severity] < SEVERITY_RANK[w] ? f.finding.severity : w), 'low' as InpageFinding['finding']['severity']),
  }));
  return groups.sort((a, b) => SEVERITY_RANK[a.worst] - SEVERITY_RANK[b.worst] || b.findings.length - a.findings.length || a.category.localeCompare(b.category));
}

function precision(tally: RuleTally | undefined): string | null {
  if (!tally) return null;
  const judged = tally.confirm + tally['false-positive'];
  return judged === 0 ? null : `${Math.round((tally.confirm / judged) * 100)}% (${tally.confirm}/${judged})`;
}

const DECISIONS: ReadonlyArray<{ decision: TriageDecision; label: string; key: string }> = [
  { decision: 'confirm', label: 'panel.confirm', key: 'c' },
  { decision: 'false-positive', label: 'panel.falsePositive', key: 'f' },
  { decision: 'escalate', label: 'panel.escalate', key: 'e' },
];

export function FindingGroups(props: {
  groups: FindingGroup[];
  selected: string | null;
  decisions: Record<string, TriageDecision>;
  tallies: Record<string, RuleTally>;
  onShow: (f: InpageFinding) => void;
  onTriage: (f: InpageFinding, d: TriageDecision | null) => void;
}) {
  return (
    <div className="groups">
      {props.groups.map((g) => (
        <section key={g.category} className="group" data-category={g.category}>
          <h3>
            <span className={`sev sev-${g.worst}`} aria-hidden="true">{SEVERITY_MARK[g.worst]}</span> {g.category}{' '}
            <span className="badge" data-group-count={g.findings.length}>{g.findings.length}</span>
          </h3>
          <ul>
            {g.findings.map((f) => {
              const decision = props.decisions[f.key];
              const p = precision(props.tallies[f.finding.ruleId]);
              return (
                <li
                  key={f.id}
                  data-finding-id={f.id}
                  data-where={f.finding.where}
                  className={`finding${props.selected === f.id ? ' selected' : ''}`}
                  aria-selected={props.selected === f.id}
                  onClick={() => props.onShow(f)}
                >
                  <div className="line">
                    <span className={`sev sev-${f.finding.severity}`} title={t(`severity.${f.finding.severity}`)}>
                      {SEVERITY_MARK[f.finding.severity]} {t(`severity.${f.finding.severity}`)}
                    </span>{' '}
                    <strong>{f.finding.term}</strong> <q>{f.finding.matched}</q>{' '}
                    <span className={`where where-${f.finding.where}`}>{t(`where.${f.finding.where}`)}</span>
                  </div>
                  <div className="why">{f.finding.explanation}</div>
                  <div className="muted small">
                    {f.finding.ruleId} · {f.element}
                    {f.painted ? null : ` · ${f.detail}`}
                    {p ? ` · ${t('panel.precision', { value: p })}` : null}
                  </div>
                  <div className="row small">
                    <button type="button" onClick={(e) => (e.stopPropagation(), props.onShow(f))}>
                      {f.painted ? t('panel.show') : t('panel.reveal')}
                    </button>
                    {DECISIONS.map((d) => (
                      <button
                        key={d.decision}
                        type="button"
                        aria-pressed={decision === d.decision}
                        data-triage={d.decision}
                        title={`${t(d.label)} (${d.key})`}
                        onClick={(e) => (e.stopPropagation(), props.onTriage(f, decision === d.decision ? null : d.decision))}
                      >
                        {t(d.label)}
                      </button>
                    ))}
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
