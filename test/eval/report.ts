/**
 * Renders an evaluation for people: a plain-text table for the terminal and a self-contained
 * HTML report listing every miss, false alarm, must-not-flag breach and credential error with
 * its context. Every piece of page text is escaped: the corpus is hostile by design.
 */
import type { PageEvaluation } from './match.ts';
import { weakest, type GroupScore, type Rate, type Summary } from './metrics.ts';
import type { RecordsSummary } from './records.ts';

export function percent(r: Rate): string {
  return r.value === null ? '   n/a' : `${(r.value * 100).toFixed(1).padStart(5)}%`;
}

const frac = (r: Rate) => `${r.hit}/${r.total}`;

function groupTable(title: string, groups: readonly GroupScore[]): string[] {
  const lines = [`${title.padEnd(26)} ${'recall'.padStart(7)} ${''.padEnd(8)} ${'precision'.padStart(9)}`];
  for (const g of groups) {
    lines.push(`  ${g.key.padEnd(24)} ${percent(g.recall)} ${frac(g.recall).padEnd(8)} ${percent(g.precision).padStart(9)} ${frac(g.precision)}`);
  }
  return lines;
}

export function textReport(summary: Summary, records: readonly RecordsSummary[]): string {
  const lines = [
    `Corpus: ${summary.pages} pages (${summary.violatingPages} violating)`,
    `  recall     ${percent(summary.recall)} (${frac(summary.recall)} expected findings)`,
    `  precision  ${percent(summary.precision)} (${frac(summary.precision)} distinct findings reported)`,
    `  credential status accuracy   ${percent(summary.credentialAccuracy)} (${frac(summary.credentialAccuracy)})`,
    `  credential required / missing ${percent(summary.credentialRequiredAccuracy)} / ${percent(summary.missingCredentialAccuracy)}`,
    `  page verdict accuracy        ${percent(summary.verdictAccuracy)} (${frac(summary.verdictAccuracy)}); flagged-or-clear ${percent(summary.pageFlagAccuracy)}`,
    `  trick named in the finding   ${percent(summary.trickAttribution)} (${frac(summary.trickAttribution)})`,
    `  must-not-flag breaches       ${summary.mustNotFlagViolations}; benign pages with findings ${summary.benignPagesWithFindings}`,
    `  verdicts (expected → actual) ${JSON.stringify(summary.verdictConfusion)}`,
    '',
    ...groupTable('By category', summary.byCategory),
    '',
    ...groupTable('By trick', summary.byTrick),
    '',
    ...groupTable('By language', summary.byLanguage),
    '',
    ...groupTable('By marketplace', summary.byMarketplace),
    '',
    `Rules with false alarms: ${
      summary.byRule
        .filter((g) => g.precision.value !== null && g.precision.value < 1)
        .map((g) => `${g.key} ${frac(g.precision)}`)
        .join(', ') || 'none'
    }`,
    `Weakest tricks: ${weakest(summary.byTrick, 3).map((g) => `${g.key} ${percent(g.recall).trim()}`).join(', ')}`,
    `Weakest categories: ${weakest(summary.byCategory, 3).map((g) => `${g.key} ${percent(g.recall).trim()}`).join(', ')}`,
  ];
  for (const r of records) {
    lines.push(
      '',
      `Records ${r.name}: ${r.records} records, ${r.flagged} flagged (${percent({ hit: r.flagged, total: r.records, value: r.records ? r.flagged / r.records : null }).trim()}), ${r.withFindings} with findings, ${r.errors} errors, ${r.seconds.toFixed(1)} s`,
    );
    if (r.recall) lines.push(`  recall ${percent(r.recall)} (${frac(r.recall)})`);
    for (const [rule, count] of r.topRules.slice(0, 8)) lines.push(`  ${String(count).padStart(5)}  ${rule}`);
  }
  return lines.join('\n');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Makes invisible characters visible in the report, so a reviewer sees the disguise. */
function reveal(text: string): string {
  return escapeHtml(text).replace(/[\u00ad\u200b-\u200f\u2060\ufeff]/g, (ch) => `<span class="inv">U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}</span>`);
}

function groupRows(groups: readonly GroupScore[]): string {
  return groups
    .map((g) => `<tr><td>${escapeHtml(g.key)}</td><td>${percent(g.recall)}</td><td>${frac(g.recall)}</td><td>${percent(g.precision)}</td><td>${frac(g.precision)}</td></tr>`)
    .join('');
}

function table(title: string, groups: readonly GroupScore[]): string {
  return `<h3>${escapeHtml(title)}</h3><table><tr><th></th><th>recall</th><th></th><th>precision</th><th></th></tr>${groupRows(groups)}</table>`;
}

const pageLink = (e: PageEvaluation, corpusHref: string) =>
  `<a href="${escapeHtml(corpusHref + e.page.file)}">${escapeHtml(e.page.file)}</a>`;

export function htmlReport(summary: Summary, evaluations: readonly PageEvaluation[], records: readonly RecordsSummary[], options: { scanner: string; corpusHref: string; generatedAt: string }): string {
  const link = (e: PageEvaluation) => pageLink(e, options.corpusHref);
  const misses = evaluations.flatMap((e) =>
    e.misses.map(
      (m) =>
        `<tr><td>${link(e)}</td><td>${escapeHtml(m.expected.term)}</td><td>${escapeHtml(m.expected.category)}</td><td>${escapeHtml(m.expected.where)}</td><td>${escapeHtml(m.expected.trick)}</td><td>${m.foundElsewhere.map((f) => `${escapeHtml(f.where)}: ${reveal(f.context)}`).join('<br>')}</td></tr>`,
    ),
  );
  const alarms = evaluations.flatMap((e) =>
    e.falseAlarms.map(
      (f) =>
        `<tr><td>${link(e)}</td><td>${escapeHtml(f.term)}</td><td>${escapeHtml(f.category)}</td><td>${escapeHtml(f.ruleId)}</td><td>${escapeHtml(f.where)}/${escapeHtml(f.zone)}</td><td><b>${reveal(f.matched)}</b></td><td>${reveal(f.context)}</td></tr>`,
    ),
  );
  const breaches = evaluations.flatMap((e) =>
    e.mustNotFlag.map((b) => `<tr><td>${link(e)}</td><td>${reveal(b.phrase)}</td><td>${escapeHtml(b.finding.ruleId)}</td><td><b>${reveal(b.finding.matched)}</b></td><td>${reveal(b.finding.context)}</td></tr>`),
  );
  const credentials = evaluations.flatMap((e) =>
    e.credentials
      .filter((c) => !c.correct)
      .map(
        (c) =>
          `<tr><td>${link(e)}</td><td>${escapeHtml(c.expected.type)}</td><td>${escapeHtml(c.expected.value)}</td><td>${escapeHtml(c.expected.status)}</td><td>${c.actual ? `${escapeHtml(c.actual.status)}: ${escapeHtml(c.actual.reason)}` : 'not reported'}</td></tr>`,
      ),
  );
  const verdicts = evaluations
    .filter((e) => !e.verdictCorrect || !e.missingCredentialCorrect || !e.credentialRequiredCorrect)
    .map(
      (e) =>
        `<tr><td>${link(e)}</td><td>${escapeHtml(e.page.verdict)} → ${escapeHtml(e.result.verdict)}</td><td>${String(e.page.credentialRequired)} → ${String(e.result.credentialRequired)}</td><td>${String(e.page.missingCredential)} → ${String(e.result.missingCredential)}</td><td>${escapeHtml(e.page.note)}</td></tr>`,
    );
  const section = (title: string, head: string[], rows: string[]) =>
    `<h2>${escapeHtml(title)} (${rows.length})</h2>${rows.length ? `<table><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr>${rows.join('')}</table>` : '<p>None.</p>'}`;
  const recordSections = records
    .map(
      (r) =>
        `<h2>Records: ${escapeHtml(r.name)}</h2><p>${r.records} records, ${r.flagged} not clear, ${r.withFindings} with findings, ${r.errors} errors, ${r.seconds.toFixed(1)} s${r.recall ? `; recall ${percent(r.recall)} (${frac(r.recall)})` : ''}.</p>` +
        `<table><tr><th>rule</th><th>records</th></tr>${r.topRules.map(([rule, n]) => `<tr><td>${escapeHtml(rule)}</td><td>${n}</td></tr>`).join('')}</table>` +
        `<table><tr><th>record</th><th>verdict</th><th>examples</th></tr>${r.examples.map((x) => `<tr><td>${escapeHtml(x.id)}</td><td>${escapeHtml(x.verdict)}</td><td>${reveal(x.detail)}</td></tr>`).join('')}</table>`,
    )
    .join('');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Listing Inspector – detection quality</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:24px;max-width:1300px}table{border-collapse:collapse;margin:8px 0 16px}td,th{border:1px solid #ccc;padding:3px 6px;vertical-align:top;text-align:left}th{background:#f3f3f3}.inv{background:#fd0;font-size:10px;padding:0 2px}</style></head>
<body><h1>Detection quality</h1>
<p>Scanner: ${escapeHtml(options.scanner)} · generated ${escapeHtml(options.generatedAt)} · ${summary.pages} pages, ${summary.violatingPages} violating.</p>
<ul><li>Recall ${percent(summary.recall)} (${frac(summary.recall)})</li><li>Precision ${percent(summary.precision)} (${frac(summary.precision)})</li>
<li>Credential status accuracy ${percent(summary.credentialAccuracy)} (${frac(summary.credentialAccuracy)})</li>
<li>Page verdict accuracy ${percent(summary.verdictAccuracy)}; flagged-or-clear ${percent(summary.pageFlagAccuracy)}</li>
<li>Must-not-flag breaches: ${summary.mustNotFlagViolations}</li></ul>
${table('By category', summary.byCategory)}${table('By trick', summary.byTrick)}${table('By language', summary.byLanguage)}${table('By marketplace', summary.byMarketplace)}${table('By rule (precision)', summary.byRule)}
${section('Misses', ['page', 'term', 'category', 'where', 'trick', 'same term found elsewhere'], misses)}
${section('False alarms', ['page', 'term', 'category', 'rule', 'where/zone', 'matched', 'context'], alarms)}
${section('Must-not-flag breaches', ['page', 'phrase', 'rule', 'matched', 'context'], breaches)}
${section('Credential errors', ['page', 'type', 'value', 'expected', 'actual'], credentials)}
${section('Verdict and credential-need errors', ['page', 'verdict', 'credential required', 'missing credential', 'note'], verdicts)}
${recordSections}
</body></html>
`;
}
