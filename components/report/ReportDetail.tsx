/** One report: facts, findings, version history, evidence previews, workflow. */
import type { Report, ReportState } from '../../core/report/model.ts';
import type { EvidenceKey } from '../../platform/reports/store.ts';
import { EvidenceList } from './EvidencePreview.tsx';
import type { ReportsT } from './useReportsT.ts';

export function ReportDetail({ versions, state, evidenceKey, onClose, t }: { versions: readonly Report[]; state: ReportState | undefined; evidenceKey: EvidenceKey | null; onClose: () => void; t: ReportsT }) {
  const report = versions[versions.length - 1];
  if (!report) return null;
  const delivery = state?.delivery;
  return (
    <section aria-labelledby="detail-heading" className="banner">
      <div className="toolbar">
        <h2 id="detail-heading" style={{ margin: 0 }}>
          {report.listing.title ?? report.listingUrl}
        </h2>
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
        <a href={`/report.html?edit=${encodeURIComponent(report.id)}`}>{t('edit', { version: report.version + 1 })}</a>
      </div>
      <dl className="grid">
        <div>
          <dt>{t('report')}</dt>
          <dd>
            {report.id} v{report.version} · chain #{report.chain.seq}
          </dd>
        </div>
        <div>
          <dt>{t('status')}</dt>
          <dd>
            <span className="status">{state?.status ?? 'filed'}</span>
            {delivery && delivery.state !== 'none' ? (
              <span data-testid="delivery">
                {' · '}
                {t('deliveryState', { state: delivery.state })}
                {delivery.attempts ? `, ${t('attempts', { count: delivery.attempts })}` : ''}
                {delivery.lastError ? ` — ${delivery.lastError}` : ''}
                {delivery.receipt ? ` — ${t('receipt', { receipt: delivery.receipt })}` : ''}
              </span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t('listing')}</dt>
          <dd>
            <a href={report.listingUrl} target="_blank" rel="noreferrer noopener">
              {report.listingUrl}
            </a>
          </dd>
        </div>
        <div>
          <dt>{t('seller')}</dt>
          <dd>{[report.listing.seller?.name, report.listing.seller?.id].filter(Boolean).join(' · ') || '—'}</dd>
        </div>
        <div>
          <dt>{t('categorySeverity')}</dt>
          <dd className={`sev-${report.severity}`}>
            {report.category} / {report.severity}
          </dd>
        </div>
        <div>
          <dt>{t('caseTags')}</dt>
          <dd>{[report.caseId, report.tags.join(', ')].filter(Boolean).join(' · ') || '—'}</dd>
        </div>
        <div>
          <dt>{t('filedCol')}</dt>
          <dd>{t('filedBy', { time: report.filedAt, reviewer: report.reviewerId })}</dd>
        </div>
        <div>
          <dt>{t('hash')}</dt>
          <dd className="hash">{report.hash}</dd>
        </div>
      </dl>
      {report.notes ? <p style={{ whiteSpace: 'pre-wrap' }}>{report.notes}</p> : null}
      <h3>{t('findings', { count: report.findings.length })}</h3>
      <ul>
        {report.findings.map((finding, index) => (
          <li key={`${finding.ruleId}-${index}`}>
            <span className={`sev-${finding.severity}`}>{finding.term}</span> “{finding.matched}” ({finding.where}) — {finding.explanation}{' '}
            <span className="muted">
              {finding.ruleId}
              {finding.packId ? ` · ${finding.packId}@${finding.packVersion}` : ''}
            </span>{' '}
            {finding.link ? (
              <a href={finding.link} target="_blank" rel="noreferrer noopener">
                {t('openAtText')}
              </a>
            ) : null}
          </li>
        ))}
      </ul>
      {versions.length > 1 ? (
        <>
          <h3>{t('history')}</h3>
          <ol>
            {versions.map((version) => (
              <li key={version.version}>
                {t('versionLine', { version: version.version, time: version.filedAt })} · <span className="hash">{version.hash}</span>
              </li>
            ))}
          </ol>
        </>
      ) : null}
      <h3>{t('evidence')}</h3>
      <EvidenceList artifacts={report.evidence} missing={report.missingEvidence} evidenceKey={evidenceKey} t={t} />
    </section>
  );
}
