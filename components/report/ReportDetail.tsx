/** One report: facts, findings, version history, evidence previews, workflow. */
import type { Report, ReportState } from '../../core/report/model.ts';
import type { EvidenceKey } from '../../platform/reports/store.ts';
import { EvidenceList } from './EvidencePreview.tsx';

export function ReportDetail({ versions, state, evidenceKey, onClose }: { versions: readonly Report[]; state: ReportState | undefined; evidenceKey: EvidenceKey | null; onClose: () => void }) {
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
          Close (Esc)
        </button>
        <a href={`/report.html?edit=${encodeURIComponent(report.id)}`}>Edit (makes version {report.version + 1})</a>
      </div>
      <dl className="grid">
        <div>
          <dt>Report</dt>
          <dd>
            {report.id} v{report.version} · chain #{report.chain.seq}
          </dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <span className="status">{state?.status ?? 'filed'}</span>
            {delivery && delivery.state !== 'none' ? (
              <span data-testid="delivery">
                {' '}
                · delivery {delivery.state}
                {delivery.attempts ? `, ${delivery.attempts} attempt(s)` : ''}
                {delivery.lastError ? ` — ${delivery.lastError}` : ''}
                {delivery.receipt ? ` — receipt ${delivery.receipt}` : ''}
              </span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>Listing</dt>
          <dd>
            <a href={report.listingUrl} target="_blank" rel="noreferrer noopener">
              {report.listingUrl}
            </a>
          </dd>
        </div>
        <div>
          <dt>Seller</dt>
          <dd>{[report.listing.seller?.name, report.listing.seller?.id].filter(Boolean).join(' · ') || '—'}</dd>
        </div>
        <div>
          <dt>Category / severity</dt>
          <dd className={`sev-${report.severity}`}>
            {report.category} / {report.severity}
          </dd>
        </div>
        <div>
          <dt>Case / tags</dt>
          <dd>{[report.caseId, report.tags.join(', ')].filter(Boolean).join(' · ') || '—'}</dd>
        </div>
        <div>
          <dt>Filed</dt>
          <dd>
            {report.filedAt} by {report.reviewerId}
          </dd>
        </div>
        <div>
          <dt>Hash</dt>
          <dd className="hash">{report.hash}</dd>
        </div>
      </dl>
      {report.notes ? <p style={{ whiteSpace: 'pre-wrap' }}>{report.notes}</p> : null}
      <h3>Findings ({report.findings.length})</h3>
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
                open at text
              </a>
            ) : null}
          </li>
        ))}
      </ul>
      {versions.length > 1 ? (
        <>
          <h3>Version history</h3>
          <ol>
            {versions.map((version) => (
              <li key={version.version}>
                v{version.version} filed {version.filedAt} · <span className="hash">{version.hash}</span>
              </li>
            ))}
          </ol>
        </>
      ) : null}
      <h3>Evidence</h3>
      <EvidenceList artifacts={report.evidence} missing={report.missingEvidence} evidenceKey={evidenceKey} />
    </section>
  );
}
