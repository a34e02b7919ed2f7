/**
 * The findings panel (popup and side panel): verdict and count, listing facts,
 * credential verdicts, findings grouped by category, stepping through the findings on
 * the page, highlight toggle, and keyboard triage whose tallies give each rule's precision.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';
import { t } from '../../platform/i18n.ts';
import type { InpageFinding, TabState, TriageDecision } from '../../platform/messages/contract.ts';
import { focusFinding, sendCommand, sendFromPanel } from '../../platform/messages/index.ts';
import { requestSite } from '../../platform/permissions.ts';
import { Credentials, Facts } from './Facts.tsx';
import { FindingGroups, groupFindings } from './FindingGroups.tsx';
import { ReportActions } from './slots.tsx';
import { useTabState } from './use-tab-state.ts';

const TRIAGE_KEYS: Record<string, TriageDecision | null> = { c: 'confirm', f: 'false-positive', e: 'escalate', u: null };

export function Panel({ tabId }: { tabId: number | null }) {
  const { state, loading, refresh, setState } = useTabState(tabId);
  const [selected, setSelected] = useState<string | null>(null);
  const [position, setPosition] = useState<{ index: number; total: number } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const report = state?.report ?? null;
  const groups = useMemo(() => groupFindings(report?.findings ?? []), [report]);
  const flat = useMemo(() => groups.flatMap((g) => g.findings), [groups]);

  const show = useCallback(
    async (finding: InpageFinding) => {
      if (tabId === null) return;
      setSelected(finding.id);
      const answer = await focusFinding(tabId, finding.id);
      if (answer) setPosition({ index: answer.index, total: answer.total });
    },
    [tabId],
  );

  const step = useCallback(
    async (direction: 'next' | 'previous') => {
      if (tabId === null) return;
      const answer = await focusFinding(tabId, direction);
      if (!answer?.id) return;
      setSelected(answer.id);
      setPosition({ index: answer.index, total: answer.total });
    },
    [tabId],
  );

  const triage = useCallback(
    async (finding: InpageFinding, decision: TriageDecision | null) => {
      if (tabId === null) return;
      const next = (await sendFromPanel({ kind: 'panel/triage', tabId, key: finding.key, ruleId: finding.finding.ruleId, decision })) as TabState;
      if (next) setState(next);
    },
    [tabId, setState],
  );

  const toggleHighlights = useCallback(async () => {
    if (tabId === null || !report) return;
    await sendCommand(tabId, { kind: 'inpage/highlights', on: !report.highlightsOn });
  }, [tabId, report]);

  const inspect = useCallback(async () => {
    if (tabId === null) return;
    try {
      await sendFromPanel({ kind: 'panel/inspect', tabId });
      refresh();
    } catch {
      // No access to this tab: the popup was not opened from its toolbar button, or the page refuses extensions.
      setNotice(t('panel.inspectFailed'));
    }
  }, [tabId, refresh]);

  const always = useCallback(async () => {
    // The permission prompt must open in the click's own task: no await before it.
    const origin = await requestSite(state?.url ?? null);
    if (!origin) return;
    await sendFromPanel({ kind: 'panel/always-inspect', origin });
    setNotice(t('panel.alwaysInspectDone', { site: new URL(origin).host }));
    await inspect();
  }, [state, inspect]);

  const onKey = useCallback(
    (e: ReactKeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const target = e.target as HTMLElement;
      if (target.closest('input, textarea, select, [contenteditable="true"]')) return;
      // Enter and Space on a button are the button's own.
      if ((e.key === 'Enter' || e.key === ' ') && target.closest('button')) return;
      const index = flat.findIndex((f) => f.id === selected);
      const current = flat[index];
      const key = e.key.toLowerCase();
      if (key === 'j' || e.key === 'ArrowDown') {
        const next = flat[index < 0 ? 0 : Math.min(flat.length - 1, index + 1)];
        if (next) void show(next);
      } else if (key === 'k' || e.key === 'ArrowUp') {
        const prev = flat[index <= 0 ? 0 : index - 1];
        if (prev) void show(prev);
      } else if (e.key === 'Enter' && current) {
        void show(current);
      } else if (key === 'h') {
        void toggleHighlights();
      } else if (key in TRIAGE_KEYS && current) {
        void triage(current, TRIAGE_KEYS[key] ?? null);
      } else {
        return;
      }
      e.preventDefault();
    },
    [flat, selected, show, toggleHighlights, triage],
  );

  // Keep the selected row in view as the reviewer steps through.
  useEffect(() => {
    if (selected) document.querySelector(`[data-finding-id="${CSS.escape(selected)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  if (tabId === null || (loading && !state)) return <main className="panel">{t('panel.loading')}</main>;
  if (!state || !report) {
    const inspectable = state?.inspectable ?? false;
    return (
      <main className="panel" onKeyDown={onKey}>
        <header className="top">
          <h1>{t('common.extensionName')}</h1>
        </header>
        <p>{inspectable ? t('panel.notInspected') : t('panel.notInspectable')}</p>
        {inspectable ? (
          <div className="row">
            <button type="button" onClick={() => void inspect()} autoFocus>
              {t('panel.inspect')}
            </button>
            <button type="button" onClick={() => void always()}>
              {t('panel.alwaysInspect')}
            </button>
          </div>
        ) : null}
        {notice ? <p role="status">{notice}</p> : null}
      </main>
    );
  }

  const result = report.result;
  const total = report.findings.length + report.truncated;
  return (
    <main className="panel" onKeyDown={onKey} tabIndex={-1}>
      <header className="top">
        <h1>{t('common.extensionName')}</h1>
        <span className={`verdict verdict-${result.verdict}`} data-verdict={result.verdict}>
          {t(`verdict.${result.verdict}`)}
        </span>
        <span className="count" data-count={total}>
          {t('panel.findingCount', { count: total })}
        </span>
      </header>
      <p className="page-title" title={report.url}>
        {report.title || report.url}
      </p>
      <div className="row toolbar" role="toolbar" aria-label={t('panel.findings')}>
        <button type="button" onClick={() => void step('previous')} disabled={total === 0} data-action="previous">
          ↑ {t('panel.previous')}
        </button>
        <button type="button" onClick={() => void step('next')} disabled={total === 0} data-action="next" autoFocus>
          ↓ {t('panel.next')}
        </button>
        <button type="button" onClick={() => void toggleHighlights()} aria-pressed={report.highlightsOn} data-action="toggle-highlights">
          {report.highlightsOn ? t('panel.highlightsOn') : t('panel.highlightsOff')}
        </button>
        {position ? (
          <span className="muted" role="status" data-position={`${position.index + 1}/${position.total}`}>
            {t('panel.focused', { index: position.index + 1, total: position.total })}
          </span>
        ) : null}
      </div>
      <ReportActions state={state} />
      <section aria-labelledby="findings-h">
        <h2 id="findings-h">{t('panel.findings')}</h2>
        {total === 0 ? <p>{t('panel.noFindings')}</p> : null}
        <FindingGroups
          groups={groups}
          selected={selected}
          decisions={state.decisions}
          tallies={state.tallies}
          onShow={(f) => void show(f)}
          onTriage={(f, d) => void triage(f, d)}
        />
        {report.truncated ? <p className="muted">{t('panel.truncated', { count: report.truncated })}</p> : null}
      </section>
      <Credentials credentials={result.credentials} required={result.credentialRequired} missing={result.missingCredential} />
      <Facts listing={result.listing} />
      <footer className="muted">
        <p>{t('panel.keys')}</p>
        <p data-stats>
          {t('panel.scanStats', { chars: report.stats.chars, ms: report.stats.scanMs, slice: report.stats.longestSliceMs })}
        </p>
      </footer>
    </main>
  );
}
