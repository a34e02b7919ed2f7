/** What an update changes, before the reviewer accepts it. */
import type { PackDiff } from '../../core/rules/diff.ts';
import type { T } from './messages.ts';

export function PackDiffView({ t, diff }: { t: T; diff: PackDiff }) {
  return (
    <div className="diff" aria-label={t('diffTitle')}>
      <p>
        {diff.fromVersion ? t('diffFromTo', { from: diff.fromVersion, to: diff.toVersion }) : t('diffNew', { to: diff.toVersion })}
      </p>
      <ul className="diff-summary">
        <li>{t.plural('rulesAdded', diff.rulesAdded.length)}</li>
        <li>{t.plural('rulesRemoved', diff.rulesRemoved.length)}</li>
        <li>{t.plural('rulesChanged', diff.rulesChanged.length)}</li>
        <li>{t.plural('termsAdded', diff.termsAdded)}</li>
        <li>{t.plural('termsRemoved', diff.termsRemoved)}</li>
      </ul>
      {diff.rulesAdded.length > 0 && (
        <p>
          <strong>{t('added')}</strong> {diff.rulesAdded.map((id) => <code key={id} className="added">+{id} </code>)}
        </p>
      )}
      {diff.rulesRemoved.length > 0 && (
        <p>
          <strong>{t('removed')}</strong> {diff.rulesRemoved.map((id) => <code key={id} className="removed">−{id} </code>)}
        </p>
      )}
      {diff.rulesChanged.length > 0 && (
        <ul>
          {diff.rulesChanged.map((change) => (
            <li key={change.id}>
              <code>{change.id}</code>: {change.fields.join(', ')}
              {change.termsAdded.map((term) => (
                <code key={`+${term.language}${term.term}`} className="added">
                  {' '}+{term.language}:{term.term}
                </code>
              ))}
              {change.termsRemoved.map((term) => (
                <code key={`-${term.language}${term.term}`} className="removed">
                  {' '}−{term.language}:{term.term}
                </code>
              ))}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
