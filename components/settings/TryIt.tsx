/** Scan a sample text with the enabled packs (custom rules included) and show what matched and why, suppressed matches too. */
import { useId, useMemo, useState } from 'react';
import type { CompiledEngine, EngineScan } from '../../core/engine/types.ts';
import type { Pack } from '../../core/rules/schema.ts';
import type { T } from './messages.ts';

export function TryIt({ t, packs, compile }: { t: T; packs: Pack[]; compile: ((packs: Pack[]) => CompiledEngine) | null }) {
  const [sample, setSample] = useState('');
  const id = useId();
  const outcome = useMemo((): { scan: EngineScan } | { error: string } | null => {
    if (!compile || !sample.trim()) return null;
    try {
      return { scan: compile(packs).scan([{ text: sample, where: 'visible', zone: 'listing' }]) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }, [compile, packs, sample]);

  return (
    <div className="try-it">
      <h3 id={`${id}-title`}>{t('tryTitle')}</h3>
      <label htmlFor={id}>{t('trySample')}</label>
      <textarea id={id} rows={3} value={sample} onChange={(e) => setSample(e.target.value)} />
      {!compile && <p>{t('engineUnavailable')}</p>}
      <div role="status" aria-live="polite" aria-labelledby={`${id}-title`} className="try-results">
        {outcome && 'error' in outcome && <p className="errors">{outcome.error}</p>}
        {outcome && 'scan' in outcome && (
          <>
            <p>{t.plural('tryMatches', outcome.scan.matches.length)}</p>
            <ul className="matches">
              {outcome.scan.matches.map((m, i) => (
                <li key={i} className={`severity-${m.severity}`}>
                  <mark>{m.matched}</mark> → <strong>{m.term}</strong> · <code>{m.ruleId}</code> · {t(`severity_${m.severity}`)} · {t(`category_${m.category}`)}
                  <div className="why">{m.explanation}</div>
                </li>
              ))}
            </ul>
            {outcome.scan.suppressed.length > 0 && (
              <>
                <p>{t.plural('trySuppressed', outcome.scan.suppressed.length)}</p>
                <ul className="suppressed">
                  {outcome.scan.suppressed.map((s, i) => (
                    <li key={i}>
                      <s>{s.matched}</s> · <code>{s.ruleId}</code> — {s.reason}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </div>
    </div>
  );
}
