/** Small pieces shared by the options page sections. */
import type { ReactNode } from 'react';
import type { PackError } from '../../core/rules/load.ts';
import type { T } from './messages.ts';

/** Shown beside a setting an organisation's policy has fixed; the control itself is disabled. */
export function LockedNote({ t, id }: { t: T; id: string }) {
  return (
    <span className="locked" id={id}>
      <span aria-hidden="true">🔒 </span>
      {t('lockedByPolicy')}
    </span>
  );
}

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="card">
      <h2 id={`${id}-title`} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** Every validation error, precisely: file, JSON path, line and column, what is wrong, what was expected. */
export function PackErrorList({ t, errors, id }: { t: T; errors: readonly PackError[]; id?: string }) {
  if (errors.length === 0) return null;
  return (
    <div role="alert" className="errors" id={id}>
      <p>{t.plural('errorCount', errors.length)}</p>
      <ol>
        {errors.map((error, i) => (
          <li key={i} className="pack-error">
            <code>{error.file}</code> <code className="path">{error.path}</code>
            {error.line !== undefined ? <span> {t('lineColumn', { line: error.line, column: error.column ?? 0 })}</span> : null}
            {': '}
            <span className="message">{error.message}</span>
            {' — '}
            <span className="expected">{t('expected', { what: error.expected })}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
