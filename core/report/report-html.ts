/**
 * The printable report.html in every bundle: self-contained (styles inline, images as
 * data: URLs, no script, a CSP that forbids loading anything), readable on screen and
 * laid out for A4/Letter when printed to PDF. Page text reaches it only as escaped text.
 */
import { toBase64 } from '../evidence/hash.ts';
import type { Artifact } from '../evidence/manifest.ts';
import { html, safeHref, SafeHtml } from './html-escape.ts';
import type { Report } from './model.ts';
import { label, REPORT_HTML_LABELS, type ReportHtmlLabels, type ReportHtmlLocale } from './report-html-labels.ts';

/** Images above this size are linked, not embedded, to keep the HTML printable. */
const EMBED_LIMIT = 6 * 1024 * 1024;

export interface ReportHtmlInput {
  title: string;
  generatedAt: string;
  generator: string;
  /** Every version in the bundle, any order; the newest of each report is shown in full. */
  reports: readonly Report[];
  /** Bundle path of each artifact by report id + sha256, for links and embedding. */
  artifactPath: (report: Report, artifact: Artifact) => string;
  /** Bytes of images to embed, by bundle path. */
  images: ReadonlyMap<string, Uint8Array>;
  signature: { fingerprint: string } | null;
  /** The report's language (default English). */
  locale?: ReportHtmlLocale;
}

const STYLE = `
:root { color-scheme: light; font: 10.5pt/1.45 "Liberation Sans", Arial, sans-serif; color: #111; }
body { margin: 0 auto; max-width: 60rem; padding: 1.5rem; }
h1 { font-size: 17pt; margin: 0 0 .25rem; } h2 { font-size: 13pt; margin: 1.4rem 0 .4rem; border-bottom: 1px solid #999; }
h3 { font-size: 11pt; margin: 1rem 0 .3rem; }
table { border-collapse: collapse; width: 100%; margin: .3rem 0; }
th, td { border: 1px solid #bbb; padding: .2rem .35rem; text-align: left; vertical-align: top; }
th { background: #eee; font-weight: 600; }
dl.facts { display: grid; grid-template-columns: 11rem 1fr; gap: .1rem .8rem; margin: .3rem 0; }
dl.facts dt { font-weight: 600; } dl.facts dd { margin: 0; overflow-wrap: anywhere; }
code, .hash { font-family: "Liberation Mono", monospace; font-size: 8.5pt; overflow-wrap: anywhere; }
.notes { white-space: pre-wrap; border: 1px solid #bbb; padding: .4rem; background: #fafafa; }
.sev-high { font-weight: 700; } .sev-high::before { content: "▲ "; } .sev-medium::before { content: "■ "; } .sev-low::before { content: "○ "; }
figure { margin: .5rem 0; } figure img { max-width: 100%; border: 1px solid #999; }
figcaption { font-size: 9pt; color: #444; }
.meta { color: #444; font-size: 9pt; }
section.report { break-before: page; } section.report:first-of-type { break-before: auto; }
tr, figure, dl { break-inside: avoid; }
@page { margin: 14mm 12mm; }
@media print { body { padding: 0; max-width: none; } a { color: inherit; } }
`;

function dataUrl(bytes: Uint8Array, mediaType: string): string {
  return `data:${mediaType};base64,${toBase64(bytes)}`;
}

function link(url: string, label?: string): SafeHtml {
  const href = safeHref(url);
  return href ? html`<a href="${href}">${label ?? url}</a>` : html`${label ?? url}`;
}

function facts(rows: ReadonlyArray<[string, SafeHtml | string | null]>): SafeHtml {
  return html`<dl class="facts">${rows.map(([label, value]) => html`<dt>${label}</dt><dd>${value ?? '—'}</dd>`)}</dl>`;
}

function reportSection(report: Report, versions: readonly Report[], input: ReportHtmlInput, L: ReportHtmlLabels): SafeHtml {
  const t = (key: keyof ReportHtmlLabels, params?: Record<string, string | number>) => label(L, key, params);
  const seller = report.listing.seller;
  const price = report.listing.price;
  const images = report.evidence.filter((artifact) => artifact.mediaType === 'image/png');
  return html`<section class="report" id="report-${report.id}">
<h2>${t('reportHeading', { id: report.id, version: report.version })}</h2>
${facts([
  [t('listingUrl'), link(report.listingUrl)],
  [t('listingTitle'), report.listing.title],
  [t('marketplace'), report.listing.marketplace],
  [t('listingId'), report.listing.listingId],
  [t('price'), price ? price.text : null],
  [t('seller'), seller ? [seller.name, seller.id].filter(Boolean).join(' · ') || null : null],
  [t('sellerUrl'), seller?.url ? link(seller.url) : null],
  [t('category'), report.category],
  [t('severity'), html`<span class="sev-${report.severity}">${report.severity}</span>`],
  [t('case'), report.caseId || null],
  [t('tags'), report.tags.join(', ') || null],
  [t('reviewer'), report.reviewerId],
  [t('filed'), report.filedAt],
  [t('packs'), report.packs.map((pack) => `${pack.id}@${pack.version}`).join(', ') || null],
])}
<h3>${t('notes')}</h3>
${report.notes ? html`<div class="notes">${report.notes}</div>` : html`<p class="meta">${t('noNotes')}</p>`}
<h3>${t('findings', { count: report.findings.length })}</h3>
${
  report.findings.length === 0
    ? html`<p class="meta">${t('noFindings')}</p>`
    : html`<table><thead><tr><th>${t('term')}</th><th>${t('category')}</th><th>${t('severity')}</th><th>${t('where')}</th><th>${t('asWritten')}</th><th>${t('why')}</th><th>${t('rule')}</th></tr></thead><tbody>
${report.findings.map(
  (finding) => html`<tr><td>${finding.link ? link(finding.link, finding.term) : finding.term}</td><td>${finding.category}</td><td><span class="sev-${finding.severity}">${finding.severity}</span></td><td>${finding.where}${finding.zone === 'page' ? ` ${t('pageChrome')}` : ''}</td><td><code>${finding.matched}</code><div class="meta">${finding.context}</div></td><td>${finding.explanation}</td><td><code>${finding.ruleId}</code><div class="meta">${finding.packId ? `${finding.packId}@${finding.packVersion ?? '?'}` : t('packUnknown')}</div></td></tr>`,
)}
</tbody></table>`
}
<h3>${t('credentials')}</h3>
${
  report.credentials.length === 0
    ? html`<p class="meta">${t('noCredentials')}</p>`
    : html`<table><thead><tr><th>${t('type')}</th><th>${t('value')}</th><th>${t('status')}</th><th>${t('reason')}</th></tr></thead><tbody>${report.credentials.map(
        (credential) => html`<tr><td>${credential.type}</td><td><code>${credential.value}</code></td><td>${credential.status}</td><td>${credential.reason}</td></tr>`,
      )}</tbody></table>`
}
<h3>${t('evidence')}</h3>
<table><thead><tr><th>${t('artifact')}</th><th>${t('file')}</th><th>${t('bytes')}</th><th>SHA-256</th><th>${t('captured')}</th></tr></thead><tbody>
${report.evidence.map(
  (artifact) => html`<tr><td>${artifact.kind}</td><td><code>${input.artifactPath(report, artifact)}</code></td><td>${artifact.size.toLocaleString(input.locale ?? 'en')}</td><td class="hash">${artifact.sha256}</td><td>${artifact.capturedAt}</td></tr>`,
)}
${report.missingEvidence.map((missing) => html`<tr><td>${missing.kind}</td><td colspan="4" class="meta">${t('missing', { reason: missing.reason })}</td></tr>`)}
</tbody></table>
${images.map((artifact) => {
  const path = input.artifactPath(report, artifact);
  const bytes = input.images.get(path);
  const caption = html`<figcaption>${artifact.kind} — <code>${path}</code> — SHA-256 <span class="hash">${artifact.sha256}</span></figcaption>`;
  return bytes && bytes.length <= EMBED_LIMIT
    ? html`<figure><img alt="${t('imageOf', { kind: artifact.kind })}" src="${dataUrl(bytes, artifact.mediaType)}">${caption}</figure>`
    : html`<figure><p class="meta">${t('notEmbedded', { path })}</p>${caption}</figure>`;
})}
<h3>${t('integrity')}</h3>
${facts([
  [t('reportHash'), html`<span class="hash">${report.hash}</span>`],
  [t('chainPosition'), `#${report.chain.seq}`],
  [t('previousInChain'), html`<span class="hash">${report.chain.prevHash}</span>`],
  [t('replaces'), report.previousVersionHash ? html`<span class="hash">${report.previousVersionHash}</span>` : t('firstVersion')],
])}
${
  versions.length > 1
    ? html`<h3>${t('history')}</h3><table><thead><tr><th>${t('version')}</th><th>${t('filed')}</th><th>${t('hash')}</th></tr></thead><tbody>${versions.map(
        (version) => html`<tr><td>${version.version}</td><td>${version.filedAt}</td><td class="hash">${version.hash}</td></tr>`,
      )}</tbody></table>`
    : null
}
</section>`;
}

export function renderReportHtml(input: ReportHtmlInput): string {
  const locale = input.locale ?? 'en';
  const L = REPORT_HTML_LABELS[locale];
  const byId = new Map<string, Report[]>();
  for (const report of input.reports) byId.set(report.id, [...(byId.get(report.id) ?? []), report]);
  const sections = [...byId.values()].map((versions) => {
    const sorted = [...versions].sort((a, b) => a.version - b.version);
    return reportSection(sorted[sorted.length - 1] as Report, sorted, input, L);
  });
  const page = html`<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${input.title}</title>
<style>${new SafeHtml(STYLE)}</style>
</head>
<body>
<header>
<h1>${input.title}</h1>
<p class="meta">${label(L, 'generated', { time: input.generatedAt, generator: input.generator, count: byId.size })}
${input.signature ? html`${L.signed} <span class="hash">${input.signature.fingerprint}</span>.` : L.unsigned}
${label(L, 'verifyWith', { command: 'npm run cli -- verify <bundle.zip>' })}</p>
</header>
${sections}
</body>
</html>
`;
  return page.html;
}
