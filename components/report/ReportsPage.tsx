/**
 * The reports page: search and filters, bulk selection, exports, submission, status
 * workflow, chain verification, encryption unlock, and a detail view.
 * Keyboard: "/" focuses search, arrow keys move between rows, Space selects, Enter opens, Esc closes.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { CATEGORIES, SEVERITIES } from '../../core/findings.ts';
import { describeChainProblem, verifyReports } from '../../core/report/chain.ts';
import { canMove, REPORT_STATUSES, type Report, type ReportState, type ReportStatus } from '../../core/report/model.ts';
import type { SubmitReply } from '../../platform/messages/reports.ts';
import { exportBundle, exportDsa, exportReportsCsv, exportReportsJson, saveDownload, type Download } from '../../platform/reports/export.ts';
import { allStates, allVersions, listDrafts, updateState, type DraftRecord, type EvidenceKey } from '../../platform/reports/store.ts';
import { enableEncryption, encryptionItem, lock, readableEvidenceKey, unlock } from '../../platform/reports/unlock.ts';
import { applyFilters, NO_FILTERS, siteOf, type ReportFilters, type Row } from './filters.ts';
import { ReportDetail } from './ReportDetail.tsx';
import { useReportsT } from './useReportsT.ts';

export function ReportsPage() {
  const t = useReportsT();
  const [versions, setVersions] = useState<Report[]>([]);
  const [states, setStates] = useState<Map<string, ReportState>>(new Map());
  const [drafts, setDrafts] = useState<DraftRecord[]>([]);
  const [filters, setFilters] = useState<ReportFilters>(NO_FILTERS);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [open, setOpen] = useState<string | null>(location.hash.slice(1) || null);
  const [message, setMessage] = useState<{ text: string; bad?: boolean } | null>(null);
  const [sign, setSign] = useState(true);
  const [evidenceKey, setEvidenceKey] = useState<EvidenceKey | null>(null);
  const [encryption, setEncryption] = useState<{ enabled: boolean }>({ enabled: false });
  const [passphrase, setPassphrase] = useState('');
  const search = useRef<HTMLInputElement>(null);

  const reload = useCallback(async () => {
    setVersions(await allVersions());
    setStates(new Map((await allStates()).map((state) => [state.id, state])));
    setDrafts(await listDrafts());
    setEvidenceKey(await readableEvidenceKey());
    setEncryption(await encryptionItem.getValue());
  }, []);

  useEffect(() => {
    void reload();
    // Delivery states change in the background: refresh while the page is open.
    const timer = setInterval(() => void reload(), 2000);
    return () => clearInterval(timer);
  }, [reload]);

  const latest = useMemo(() => {
    const map = new Map<string, Report>();
    for (const version of versions) if ((map.get(version.id)?.version ?? 0) < version.version) map.set(version.id, version);
    return [...map.values()].sort((a, b) => b.filedAt.localeCompare(a.filedAt));
  }, [versions]);
  const rows: Row[] = latest.map((report) => ({ report, state: states.get(report.id), status: states.get(report.id)?.status ?? 'filed' }));
  const shown = applyFilters(rows, filters);
  const cases = [...new Set(latest.map((report) => report.caseId).filter(Boolean))].sort();
  const sites = [...new Set(latest.map((report) => siteOf(report.listingUrl)).filter(Boolean))].sort();
  const chosen = shown.filter((row) => selected.has(row.report.id));

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLSelectElement;
      if (event.key === '/' && !typing) {
        event.preventDefault();
        search.current?.focus();
      } else if (event.key === 'Escape' && open) setOpen(null);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  const run = async (label: string, task: () => Promise<Download | string>) => {
    setMessage({ text: `${label}…` });
    try {
      const result = await task();
      if (typeof result === 'string') setMessage({ text: result });
      else {
        saveDownload(result);
        setMessage({ text: t('saved', { label, name: result.name }) });
      }
    } catch (error) {
      setMessage({ text: t('failed', { label, error: (error as Error).message }), bad: true });
    }
    await reload();
  };

  const target = chosen.length ? chosen.map((row) => row.report) : shown.map((row) => row.report);
  const moveStatus = (to: ReportStatus) =>
    run(t('markAcknowledged'), async () => {
      let moved = 0;
      for (const row of chosen) {
        const next = await updateState(row.report.id, (state) => (canMove(state.status, to) ? { ...state, status: to, updatedAt: new Date().toISOString() } : state));
        if (next?.status === to) moved++;
      }
      return t('moved', { moved, count: chosen.length, status: to });
    });

  const rowKeys = (event: React.KeyboardEvent<HTMLTableRowElement>, id: string) => {
    const row = event.currentTarget;
    if (event.key === 'ArrowDown') (row.nextElementSibling as HTMLElement | null)?.focus();
    else if (event.key === 'ArrowUp') (row.previousElementSibling as HTMLElement | null)?.focus();
    else if (event.key === 'Enter') setOpen(id);
    else if (event.key === ' ') {
      event.preventDefault();
      toggle(id);
    } else return;
    event.preventDefault();
  };
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const field = (key: keyof ReportFilters, label: string, options?: readonly string[], type = 'text') => (
    <div>
      <label htmlFor={`filter-${key}`}>{label}</label>
      {options ? (
        <select id={`filter-${key}`} value={filters[key]} onChange={(event) => setFilters({ ...filters, [key]: event.target.value })}>
          <option value="">{t('all')}</option>
          {options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      ) : (
        <input id={`filter-${key}`} type={type} value={filters[key]} onChange={(event) => setFilters({ ...filters, [key]: event.target.value })} />
      )}
    </div>
  );

  return (
    <main>
      <h1>{t('reports')}</h1>
      <div className="filters" role="search">
        <div>
          <label htmlFor="filter-text">{t('search')}</label>
          <input id="filter-text" ref={search} type="search" placeholder={t('searchPlaceholder')} value={filters.text} onChange={(event) => setFilters({ ...filters, text: event.target.value })} />
        </div>
        {field('category', t('category'), CATEGORIES)}
        {field('severity', t('severity'), SEVERITIES)}
        {field('status', t('status'), REPORT_STATUSES.filter((status) => status !== 'draft'))}
        {field('caseId', t('case'), cases)}
        {field('site', t('site'), sites)}
        <div>
          {field('from', t('from'), undefined, 'date')}
          {field('to', t('to'), undefined, 'date')}
        </div>
      </div>
      <div className="toolbar" role="toolbar" aria-label={t('actions')}>
        <span className="muted">{chosen.length ? t('selected', { count: chosen.length }) : t('shown', { count: shown.length })}</span>
        <button type="button" onClick={() => void run(t('exportBundle'), () => exportBundle(target.map((report) => report.id), { sign }))} disabled={!target.length}>
          {t('exportBundle')}
        </button>
        <label>
          <input type="checkbox" checked={sign} onChange={(event) => setSign(event.target.checked)} /> {t('sign')}
        </label>
        <button type="button" onClick={() => void run(t('json'), () => exportReportsJson(target))} disabled={!target.length}>
          {t('json')}
        </button>
        <button type="button" onClick={() => void run(t('csv'), () => exportReportsCsv(target))} disabled={!target.length}>
          {t('csv')}
        </button>
        <button type="button" onClick={() => void run(t('dsa'), () => exportDsa(target))} disabled={!target.length}>
          {t('dsa')}
        </button>
        <button
          type="button"
          disabled={!target.length}
          onClick={() =>
            void run(t('submit'), async () => {
              const reply = (await browser.runtime.sendMessage({ type: 'reports.submit', ids: target.map((report) => report.id) })) as SubmitReply;
              if (!reply.ok) throw new Error(reply.error);
              return t('queued', { count: reply.queued });
            })
          }
        >
          {t('submit')}
        </button>
        <button type="button" disabled={!chosen.length} onClick={() => void moveStatus('acknowledged')}>
          {t('markAcknowledged')}
        </button>
        <button
          type="button"
          onClick={() =>
            void run(t('verifyChain'), async () => {
              const problems = await verifyReports(versions);
              if (problems.length) throw new Error(problems.map(describeChainProblem).join('; '));
              return t('chainIntact', { count: versions.length });
            })
          }
        >
          {t('verifyChain')}
        </button>
      </div>
      {message ? (
        <p role="status" aria-live="polite" className={`banner ${message.bad ? 'bad' : ''}`} data-testid="message">
          {message.text}
        </p>
      ) : null}
      {open && rows.some((row) => row.report.id === open) ? (
        <ReportDetail versions={versions.filter((version) => version.id === open)} state={states.get(open)} evidenceKey={evidenceKey} onClose={() => setOpen(null)} t={t} />
      ) : null}
      <table aria-label={t('reports')} aria-multiselectable="true" role="grid">
        <thead>
          <tr>
            <th scope="col">
              <input
                type="checkbox"
                aria-label={t('selectAll')}
                checked={shown.length > 0 && chosen.length === shown.length}
                onChange={(event) => setSelected(event.target.checked ? new Set(shown.map((row) => row.report.id)) : new Set())}
              />
            </th>
            <th scope="col">{t('filedCol')}</th>
            <th scope="col">{t('listing')}</th>
            <th scope="col">{t('category')}</th>
            <th scope="col">{t('status')}</th>
            <th scope="col">{t('delivery')}</th>
            <th scope="col">{t('case')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map(({ report, status, state }) => (
            <tr key={report.id} tabIndex={0} aria-selected={selected.has(report.id)} onKeyDown={(event) => rowKeys(event, report.id)} data-report-id={report.id}>
              <td>
                <input type="checkbox" aria-label={t('select', { name: report.listing.title ?? report.id })} checked={selected.has(report.id)} onChange={() => toggle(report.id)} />
              </td>
              <td>{report.filedAt.slice(0, 16).replace('T', ' ')}</td>
              <td>
                <button type="button" className="linklike" onClick={() => setOpen(report.id)}>
                  {report.listing.title ?? report.listingUrl}
                </button>
                <div className="muted">
                  {siteOf(report.listingUrl)} · v{report.version} · {report.findings.length} finding(s)
                </div>
              </td>
              <td className={`sev-${report.severity}`}>{report.category}</td>
              <td>
                <span className="status">{status}</span>
              </td>
              <td data-testid="delivery-cell">{state?.delivery.state === 'none' ? '—' : `${state?.delivery.state ?? '—'}${state?.delivery.lastError ? ` (${state.delivery.lastError})` : ''}`}</td>
              <td>{report.caseId}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length === 0 ? <p className="muted">{latest.length ? t('noMatch') : t('noReports')}</p> : null}
      {drafts.length ? (
        <>
          <h2>{t('drafts')}</h2>
          <ul>
            {drafts.map((draft) => (
              <li key={draft.draftId}>
                <a href={`/report.html?draft=${draft.draftId}`}>{draft.form.listing.title ?? draft.form.listingUrl ?? draft.draftId}</a> <span className="muted">{t('savedAt', { time: draft.savedAt })}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t('encryption')}</h2>
      <form
        className="toolbar"
        onSubmit={(event) => {
          event.preventDefault();
          void run(encryption.enabled ? t('unlock') : t('turnOn'), async () => {
            if (encryption.enabled) await unlock(passphrase);
            else await enableEncryption(passphrase);
            setPassphrase('');
            return encryption.enabled ? t('unlocked') : t('encryptionOn');
          });
        }}
      >
        <span className="muted">{encryption.enabled ? (evidenceKey ? t('encOnUnlocked') : t('encOnLocked')) : t('encOff')}</span>
        <label htmlFor="passphrase" className="sr-only">
          {t('passphrase')}
        </label>
        <input id="passphrase" type="password" autoComplete="new-password" placeholder={t('passphrase')} value={passphrase} onChange={(event) => setPassphrase(event.target.value)} style={{ width: '16rem' }} />
        <button type="submit">{encryption.enabled ? t('unlock') : t('turnOn')}</button>
        {encryption.enabled && evidenceKey ? (
          <button type="button" onClick={() => void run(t('lock'), async () => (await lock(), t('locked')))}>
            {t('lock')}
          </button>
        ) : null}
      </form>
    </main>
  );
}
