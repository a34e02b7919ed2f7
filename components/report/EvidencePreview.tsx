/**
 * Evidence previews on extension pages. Images are shown from blob URLs; the HTML
 * snapshot is page HTML, so it is never put into this page's DOM: it opens in a
 * sandboxed iframe (no scripts, opaque origin, and its own no-network CSP) or as text.
 */
import { useEffect, useState } from 'react';
import type { Artifact, MissingArtifact } from '../../core/evidence/manifest.ts';
import { getBlob, LockedError, type EvidenceKey } from '../../platform/reports/store.ts';
import type { ReportsT } from './useReportsT.ts';

function useBlobUrl(artifact: Artifact | undefined, key: EvidenceKey | null, type: string): { url: string | null; text: string | null; error: string | null } {
  const [state, setState] = useState<{ url: string | null; text: string | null; error: string | null }>({ url: null, text: null, error: null });
  useEffect(() => {
    if (!artifact) return;
    let url: string | null = null;
    let cancelled = false;
    getBlob(artifact.sha256, key)
      .then((bytes) => {
        if (cancelled) return;
        if (!bytes) return setState({ url: null, text: null, error: 'the bytes of this artifact are missing from the store' });
        url = URL.createObjectURL(new Blob([bytes], { type }));
        setState({ url, text: type.startsWith('text/') ? new TextDecoder().decode(bytes) : null, error: null });
      })
      .catch((error: unknown) => !cancelled && setState({ url: null, text: null, error: error instanceof LockedError ? error.message : String(error) }));
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [artifact, key, type]);
  return state;
}

function ImagePreview({ artifact, evidenceKey, t }: { artifact: Artifact; evidenceKey: EvidenceKey | null; t: ReportsT }) {
  const { url, error } = useBlobUrl(artifact, evidenceKey, 'image/png');
  return (
    <figure>
      {url ? <img src={url} alt={t('imageOf', { kind: artifact.kind })} /> : <p className="muted">{error ?? t('loading')}</p>}
      <figcaption className="muted">
        {artifact.kind} · {artifact.size.toLocaleString()} bytes · SHA-256 <span className="hash">{artifact.sha256}</span>
      </figcaption>
    </figure>
  );
}

function SnapshotPreview({ artifact, evidenceKey, t }: { artifact: Artifact; evidenceKey: EvidenceKey | null; t: ReportsT }) {
  const [asText, setAsText] = useState(false);
  const { text, error } = useBlobUrl(artifact, evidenceKey, 'text/plain');
  return (
    <figure>
      <button type="button" onClick={() => setAsText(!asText)} aria-pressed={asText}>
        {asText ? t('showRendered') : t('showText')}
      </button>
      {error ? <p className="error">{error}</p> : null}
      {/* srcdoc of a sandbox="" iframe: an opaque origin with scripts off; the snapshot also carries a no-network CSP. */}
      {text !== null && !asText ? <iframe className="snapshot" sandbox="" srcDoc={text} title={t('snapshotTitle')} referrerPolicy="no-referrer" /> : null}
      {text && asText ? <pre className="source">{text}</pre> : null}
      <figcaption className="muted">
        HTML snapshot · {artifact.size.toLocaleString()} bytes · SHA-256 <span className="hash">{artifact.sha256}</span>
      </figcaption>
    </figure>
  );
}

export function EvidenceList({ artifacts, missing, evidenceKey, t, previews = true }: { artifacts: readonly Artifact[]; missing: readonly MissingArtifact[]; evidenceKey: EvidenceKey | null; t: ReportsT; previews?: boolean }) {
  return (
    <section aria-label={t('evidence')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('evidence')}</th>
            <th scope="col">{t('bytes')}</th>
            <th scope="col">SHA-256</th>
            <th scope="col">{t('captured_at')}</th>
          </tr>
        </thead>
        <tbody>
          {artifacts.map((artifact) => (
            <tr key={artifact.kind + artifact.sha256}>
              <td>{artifact.kind}</td>
              <td>{artifact.size.toLocaleString()}</td>
              <td className="hash">{artifact.sha256}</td>
              <td>{artifact.capturedAt}</td>
            </tr>
          ))}
          {missing.map((item) => (
            <tr key={`missing-${item.kind}-${item.reason}`}>
              <td>{item.kind}</td>
              <td colSpan={3} className="muted">
                {t('missing', { reason: item.reason })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {previews
        ? artifacts.map((artifact) =>
            artifact.mediaType === 'image/png' ? (
              <ImagePreview key={artifact.sha256} artifact={artifact} evidenceKey={evidenceKey} t={t} />
            ) : artifact.kind === 'html-snapshot' ? (
              <SnapshotPreview key={artifact.sha256} artifact={artifact} evidenceKey={evidenceKey} t={t} />
            ) : null,
          )
        : null}
    </section>
  );
}
