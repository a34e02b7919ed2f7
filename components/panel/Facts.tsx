/** Listing facts from the site adapter and the seller's credential verdicts. */
import type { CredentialResult, ListingFacts } from '../../core/findings.ts';
import { t } from '../../platform/i18n.ts';

export function Facts({ listing }: { listing: ListingFacts }) {
  const unknown = <span className="unknown">{t('panel.unknown')}</span>;
  const price = listing.price ? `${listing.price.text}` : null;
  const seller = listing.seller ? [listing.seller.name, listing.seller.id].filter(Boolean).join(' · ') : null;
  return (
    <section aria-labelledby="facts-h">
      <h2 id="facts-h">{t('panel.listing')}</h2>
      <dl className="facts">
        <dt>{t('panel.marketplace')}</dt>
        <dd data-fact="marketplace">{listing.marketplace ?? unknown}</dd>
        <dt>{t('panel.title')}</dt>
        <dd data-fact="title">{listing.title ?? unknown}</dd>
        <dt>{t('panel.listingId')}</dt>
        <dd data-fact="listingId">{listing.listingId ?? unknown}</dd>
        <dt>{t('panel.price')}</dt>
        <dd data-fact="price">{price ?? unknown}</dd>
        <dt>{t('panel.seller')}</dt>
        <dd data-fact="seller">
          {seller || unknown}
          {listing.seller?.url ? <span className="muted"> ({listing.seller.url})</span> : null}
        </dd>
      </dl>
    </section>
  );
}

export function Credentials({ credentials, required, missing }: { credentials: readonly CredentialResult[]; required: boolean; missing: boolean }) {
  return (
    <section aria-labelledby="cred-h">
      <h2 id="cred-h">{t('panel.credentials')}</h2>
      {missing ? (
        <p className="credential missing" data-credential="missing">
          <span className="pill pill-missing">{t('credential.missing')}</span> {t('panel.credentialMissing')}
        </p>
      ) : null}
      {credentials.length === 0 ? <p className="muted">{required ? null : t('panel.credentialNotRequired')} {t('panel.noCredentials')}</p> : null}
      <ul className="credentials">
        {credentials.map((c) => (
          <li key={`${c.type}:${c.value}`} className="credential" data-credential={c.status}>
            <span className={`pill pill-${c.status}`}>{t(`credential.${c.status}`)}</span> <strong>{c.type}</strong> <code>{c.value}</code>
            <div className="muted">{c.reason}</div>
          </li>
        ))}
      </ul>
    </section>
  );
}
