/**
 * The filing form: prefilled from the scan, saved as typed, validated with the report
 * model's zod schema, filed through the background (the chain's one writer).
 * Keyboard: every control in tab order, Ctrl/⌘+Enter files, errors are announced and
 * focus moves to the first field in error.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { CATEGORIES, SEVERITIES } from '../../core/findings.ts';
import type { FormError } from '../../core/report/filing.ts';
import type { ReportDraft } from '../../core/report/model.ts';
import type { FileReply } from '../../platform/messages/reports.ts';
import type { StoredCapture } from '../../platform/reports/db.ts';
import type { DraftRecord } from '../../platform/reports/store.ts';
import { readableEvidenceKey } from '../../platform/reports/unlock.ts';
import type { EvidenceKey } from '../../platform/reports/store.ts';
import { EvidenceList } from './EvidencePreview.tsx';
import { useDraftAutosave } from './useDraftAutosave.ts';
import { useReportsT } from './useReportsT.ts';

type Form = ReportDraft['form'];

interface FieldProps {
  name: string;
  label: string;
  errors: readonly FormError[];
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string; name: string }) => React.ReactNode;
  hint?: string;
}

function Field({ name, label, errors, children, hint }: FieldProps) {
  const id = useId();
  const mine = errors.filter((error) => error.path === name || error.path.startsWith(`${name}.`));
  const describedBy = [mine.length ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      {children({ id, name, 'aria-invalid': mine.length > 0, ...(describedBy ? { 'aria-describedby': describedBy } : {}) })}
      {hint ? (
        <div id={`${id}-hint`} className="muted">
          {hint}
        </div>
      ) : null}
      {mine.length ? (
        <div id={`${id}-error`} className="error">
          {mine.map((error) => error.message).join('; ')}
        </div>
      ) : null}
    </div>
  );
}

export function ReportForm({ initial, capture }: { initial: DraftRecord; capture: StoredCapture | null }) {
  const t = useReportsT();
  const [draft, setDraft] = useState<DraftRecord>(initial);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [result, setResult] = useState<FileReply | null>(null);
  const [busy, setBusy] = useState(false);
  const [tagsText, setTagsText] = useState(initial.form.tags.join(', '));
  const [evidenceKey, setEvidenceKey] = useState<EvidenceKey | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const filed = result?.ok === true;
  const { savedAt, error: saveError, flush, suspend, resume } = useDraftAutosave(filed ? null : draft);

  useEffect(() => {
    void readableEvidenceKey().then(setEvidenceKey);
  }, []);

  const set = <K extends keyof Form>(key: K, value: Form[K]) => setDraft((current) => ({ ...current, form: { ...current.form, [key]: value } }));
  const setListing = (change: Partial<Form['listing']>) => set('listing', { ...draft.form.listing, ...change });
  const included = useMemo(() => new Set(draft.form.findings.map((finding) => `${finding.ruleId}|${finding.matched}|${finding.where}`)), [draft.form.findings]);
  const allFindings = capture?.page.findings ?? [];

  const file = async () => {
    setBusy(true);
    setResult(null);
    const form = { ...draft.form, tags: tagsText.split(',').map((tag) => tag.trim()).filter(Boolean) };
    await flush();
    // The background saves this form with the draft, then files it and deletes the draft in one transaction.
    suspend();
    let reply: FileReply;
    try {
      reply = (await browser.runtime.sendMessage({ type: 'reports.file', draftId: draft.draftId, form })) as FileReply;
    } catch (error) {
      reply = { ok: false, error: `could not reach the background: ${(error as Error).message}; your draft is saved` };
    }
    if (!reply.ok) {
      resume();
      setDraft((current) => ({ ...current, form }));
    }
    setBusy(false);
    setResult(reply);
    setErrors(reply.ok ? [] : (reply.errors ?? []));
    if (!reply.ok && reply.errors?.length) {
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid=true]')?.focus());
    }
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !busy && !filed) {
      event.preventDefault();
      void file();
    }
  };

  if (result?.ok) {
    return (
      <section className="banner ok" role="status" aria-live="polite">
        <h2>{t('filed')}</h2>
        <p>{t('filedDetail', { id: result.id, version: result.version, seq: result.seq })}</p>
        <p>
          SHA-256 <span className="hash" data-testid="report-hash">{result.hash}</span>
        </p>
        <p>
          <a href={browser.runtime.getURL(`/reports.html#${result.id}`)}>{t('openOnReports')}</a>
        </p>
      </section>
    );
  }

  const form = draft.form;
  return (
    <form ref={formRef} onKeyDown={onKeyDown} onSubmit={(event) => (event.preventDefault(), void file())} aria-describedby="form-help" noValidate>
      <p id="form-help" className="muted">
        {t('formHelp')} {draft.editsReport ? t('editsVersion', { version: draft.editsReport.version + 1, id: draft.editsReport.id }) : ''}
      </p>
      <div className="grid">
        <Field name="category" label={t('category')} errors={errors}>
          {(props) => (
            <select {...props} value={form.category} onChange={(event) => set('category', event.target.value)}>
              <option value="">{t('choose')}</option>
              {CATEGORIES.map((category) => (
                <option key={category} value={category}>
                  {category}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="severity" label={t('severity')} errors={errors}>
          {(props) => (
            <select {...props} value={form.severity} onChange={(event) => set('severity', event.target.value)}>
              {SEVERITIES.map((severity) => (
                <option key={severity} value={severity}>
                  {severity}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="caseId" label={t('caseId')} errors={errors}>
          {(props) => <input type="text" {...props} value={form.caseId} onChange={(event) => set('caseId', event.target.value)} />}
        </Field>
        <Field name="tags" label={t('tags')} errors={errors} hint={t('tagsHint')}>
          {(props) => <input type="text" {...props} value={tagsText} onChange={(event) => (setTagsText(event.target.value), set('tags', event.target.value.split(',').map((tag) => tag.trim()).filter(Boolean)))} />}
        </Field>
        <Field name="reviewerId" label={t('reviewerId')} errors={errors}>
          {(props) => <input type="text" {...props} value={form.reviewerId} onChange={(event) => set('reviewerId', event.target.value)} />}
        </Field>
      </div>
      <h2>{t('listing')}</h2>
      <div className="grid">
        <Field name="listingUrl" label={t('listingUrl')} errors={errors}>
          {(props) => <input type="url" {...props} value={form.listingUrl} onChange={(event) => set('listingUrl', event.target.value)} />}
        </Field>
        <Field name="listing.title" label={t('title')} errors={errors}>
          {(props) => <input type="text" {...props} value={form.listing.title ?? ''} onChange={(event) => setListing({ title: event.target.value || null })} />}
        </Field>
        <Field name="listing.listingId" label={t('listingId')} errors={errors}>
          {(props) => <input type="text" {...props} value={form.listing.listingId ?? ''} onChange={(event) => setListing({ listingId: event.target.value || null })} />}
        </Field>
        <Field name="listing.price" label={t('price')} errors={errors}>
          {(props) => <input type="text" {...props} readOnly value={form.listing.price?.text ?? ''} />}
        </Field>
        <Field name="listing.seller.name" label={t('seller')} errors={errors}>
          {(props) => (
            <input
              type="text"
              {...props}
              value={form.listing.seller?.name ?? ''}
              onChange={(event) => setListing({ seller: { name: event.target.value || null, id: form.listing.seller?.id ?? null, url: form.listing.seller?.url ?? null } })}
            />
          )}
        </Field>
        <Field name="listing.seller.id" label={t('sellerId')} errors={errors}>
          {(props) => (
            <input
              type="text"
              {...props}
              value={form.listing.seller?.id ?? ''}
              onChange={(event) => setListing({ seller: { name: form.listing.seller?.name ?? null, id: event.target.value || null, url: form.listing.seller?.url ?? null } })}
            />
          )}
        </Field>
      </div>
      <h2 id="findings-heading">{t('findings', { count: form.findings.length })}</h2>
      {allFindings.length === 0 && form.findings.length === 0 ? <p className="muted">{t('noFindings')}</p> : null}
      <table aria-labelledby="findings-heading">
        <thead>
          <tr>
            <th scope="col">{t('include')}</th>
            <th scope="col">{t('term')}</th>
            <th scope="col">{t('category')}</th>
            <th scope="col">{t('where')}</th>
            <th scope="col">{t('why')}</th>
            <th scope="col">{t('link')}</th>
          </tr>
        </thead>
        <tbody>
          {(allFindings.length ? capture!.page.findings.map((finding) => form.findings.find((f) => f.ruleId === finding.ruleId && f.matched === finding.matched && f.where === finding.where) ?? { ...finding, packId: null, packVersion: null, link: '' }) : form.findings).map((finding, index) => {
            const key = `${finding.ruleId}|${finding.matched}|${finding.where}`;
            return (
              <tr key={`${key}-${index}`}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('includeFinding', { term: finding.term, matched: finding.matched })}
                    checked={included.has(key)}
                    onChange={(event) =>
                      set('findings', event.target.checked ? [...form.findings, finding] : form.findings.filter((f) => `${f.ruleId}|${f.matched}|${f.where}` !== key))
                    }
                  />
                </td>
                <td>
                  <strong>{finding.term}</strong> <span className="muted">“{finding.matched}”</span>
                </td>
                <td className={`sev-${finding.severity}`}>{finding.category}</td>
                <td>{finding.where}</td>
                <td>{finding.explanation}</td>
                <td>{finding.link ? <a href={finding.link} target="_blank" rel="noreferrer noopener">{t('openAtText')}</a> : <span className="muted">{t('notLinkable')}</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2>{t('credentials')}</h2>
      {form.credentials.length === 0 ? (
        <p className="muted">{t('noCredentials')}</p>
      ) : (
        <ul>
          {form.credentials.map((credential) => (
            <li key={`${credential.type}-${credential.value}`}>
              {credential.type} {credential.value}: <strong>{credential.status}</strong> — {credential.reason}
            </li>
          ))}
        </ul>
      )}
      <Field name="notes" label={t('notes')} errors={errors}>
        {(props) => <textarea {...props} value={form.notes} onChange={(event) => set('notes', event.target.value)} />}
      </Field>
      <h2>{t('evidence')}</h2>
      {capture ? <EvidenceList artifacts={capture.artifacts} missing={capture.missing} evidenceKey={evidenceKey} t={t} previews={false} /> : <p className="muted">{t('noCapture')}</p>}
      <div className="toolbar" style={{ marginTop: '1rem' }}>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('filing') : t('file')}
        </button>
        <span role="status" aria-live="polite" className="muted" data-testid="save-status">
          {saveError ?? (savedAt ? t('draftSaved', { time: new Date(savedAt).toLocaleTimeString(t.locale) }) : '')}
        </span>
      </div>
      {result && !result.ok ? (
        <p className="error" role="alert">
          {result.error}
          {result.errors?.length ? `: ${result.errors.map((error) => `${error.path || 'form'} — ${error.message}`).join('; ')}` : ''}
        </p>
      ) : null}
    </form>
  );
}
