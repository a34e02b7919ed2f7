/**
 * The printable report.html in every bundle: self-contained (styles inline, images as
 * data: URLs, no script, a CSP that forbids loading anything), readable on screen and
 * laid out for A4/Letter when printed to PDF. Page text reaches it only as escaped text.
 */
import { toBase64 } from '../evidence/hash.ts';
import type { Artifact } from '../evidence/manifest.ts';
import { html, safeHref, SafeHtml } from './html-escape.ts';
import type { Report } from './model.ts';

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

function reportSection(report: Report, versions: readonly Report[], input: ReportHtmlInput): SafeHtml {
  const seller = report.listing.seller;
  const price = report.listing.price;
  const images = report.evidence.filter((artifact) => artifact.mediaType === 'image/png');
  return html`<section class="report" id="report-${report.id}">
<h2>Report ${report.id} — version ${report.version}</h2>
${facts([
  ['Listing URL', link(report.listingUrl)],
  ['Listing title', report.listing.title],
  ['Marketplace', report.listing.marketplace],
  ['Listing id', report.listing.listingId],
  ['Price', price ? price.text : null],
  ['Seller', seller ? [seller.name, seller.id].filter(Boolean).join(' · ') || null : null],
  ['Seller URL', seller?.url ? link(seller.url) : null],
  ['Policy category', report.category],
  ['Severity', html`<span class="sev-${report.severity}">${report.severity}</span>`],
  ['Case', report.caseId || null],
  ['Tags', report.tags.join(', ') || null],
  ['Reviewer', report.reviewerId],
  ['Filed (UTC)', report.filedAt],
  ['Rule packs', report.packs.map((pack) => `${pack.id}@${pack.version}`).join(', ') || null],
])}
<h3>Reviewer notes</h3>
${report.notes ? html`<div class="notes">${report.notes}</div>` : html`<p class="meta">No notes.</p>`}
<h3>Findings (${report.findings.length})</h3>
${
  report.findings.length === 0
    ? html`<p class="meta">No findings.</p>`
    : html`<table><thead><tr><th>Term</th><th>Category</th><th>Severity</th><th>Where</th><th>As written</th><th>Why</th><th>Rule (pack)</th></tr></thead><tbody>
${report.findings.map(
  (finding) => html`<tr><td>${finding.link ? link(finding.link, finding.term) : finding.term}</td><td>${finding.category}</td><td><span class="sev-${finding.severity}">${finding.severity}</span></td><td>${finding.where}${finding.zone === 'page' ? ' (page chrome)' : ''}</td><td><code>${finding.matched}</code><div class="meta">${finding.context}</div></td><td>${finding.explanation}</td><td><code>${finding.ruleId}</code><div class="meta">${finding.packId ? `${finding.packId}@${finding.packVersion ?? '?'}` : 'pack not recorded'}</div></td></tr>`,
)}
</tbody></table>`
}
<h3>Seller credentials</h3>
${
  report.credentials.length === 0
    ? html`<p class="meta">No credential found on the page.</p>`
    : html`<table><thead><tr><th>Type</th><th>Value</th><th>Status</th><th>Reason</th></tr></thead><tbody>${report.credentials.map(
        (credential) => html`<tr><td>${credential.type}</td><td><code>${credential.value}</code></td><td>${credential.status}</td><td>${credential.reason}</td></tr>`,
      )}</tbody></table>`
}
<h3>Evidence</h3>
<table><thead><tr><th>Artifact</th><th>File</th><th>Bytes</th><th>SHA-256</th><th>Captured (UTC)</th></tr></thead><tbody>
${report.evidence.map(
  (artifact) => html`<tr><td>${artifact.kind}</td><td><code>${input.artifactPath(report, artifact)}</code></td><td>${artifact.size.toLocaleString('en')}</td><td class="hash">${artifact.sha256}</td><td>${artifact.capturedAt}</td></tr>`,
)}
${report.missingEvidence.map((missing) => html`<tr><td>${missing.kind}</td><td colspan="4" class="meta">Missing or partial: ${missing.reason}</td></tr>`)}
</tbody></table>
${images.map((artifact) => {
  const path = input.artifactPath(report, artifact);
  const bytes = input.images.get(path);
  const caption = html`<figcaption>${artifact.kind} — <code>${path}</code> — SHA-256 <span class="hash">${artifact.sha256}</span></figcaption>`;
  return bytes && bytes.length <= EMBED_LIMIT
    ? html`<figure><img alt="${artifact.kind} of the listing" src="${dataUrl(bytes, artifact.mediaType)}">${caption}</figure>`
    : html`<figure><p class="meta">Image not embedded (too large): open ${path} in the bundle.</p>${caption}</figure>`;
})}
<h3>Integrity</h3>
${facts([
  ['Report hash', html`<span class="hash">${report.hash}</span>`],
  ['Chain position', `#${report.chain.seq}`],
  ['Previous in chain', html`<span class="hash">${report.chain.prevHash}</span>`],
  ['Replaces version', report.previousVersionHash ? html`<span class="hash">${report.previousVersionHash}</span>` : 'none (first version)'],
])}
${
  versions.length > 1
    ? html`<h3>Version history</h3><table><thead><tr><th>Version</th><th>Filed (UTC)</th><th>Hash</th></tr></thead><tbody>${versions.map(
        (version) => html`<tr><td>${version.version}</td><td>${version.filedAt}</td><td class="hash">${version.hash}</td></tr>`,
      )}</tbody></table>`
    : null
}
</section>`;
}

export function renderReportHtml(input: ReportHtmlInput): string {
  const byId = new Map<string, Report[]>();
  for (const report of input.reports) byId.set(report.id, [...(byId.get(report.id) ?? []), report]);
  const sections = [...byId.values()].map((versions) => {
    const sorted = [...versions].sort((a, b) => a.version - b.version);
    return reportSection(sorted[sorted.length - 1] as Report, sorted, input);
  });
  const page = html`<!doctype html>
<html lang="en">
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
<p class="meta">Generated ${input.generatedAt} (UTC) by ${input.generator}. ${byId.size} report(s).
${input.signature ? html`Manifest signed; key fingerprint <span class="hash">${input.signature.fingerprint}</span>.` : 'Manifest not signed.'}
Verify with <code>npm run cli -- verify &lt;bundle.zip&gt;</code>: it recomputes every SHA-256 in manifest.json and the report chain.</p>
</header>
${sections}
</body>
</html>
`;
  return page.html;
}
