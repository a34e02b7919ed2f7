/** Pack sizes for reports and the README: rules, terms per language, CAS numbers. */
import type { Pack } from './schema.ts';
import { TERM_LANGUAGES } from './schema.ts';

export type TermLanguage = (typeof TERM_LANGUAGES)[number];

export interface PackStats {
  id: string;
  version: string;
  rules: number;
  terms: Record<TermLanguage, number> & { total: number };
  cas: number;
  byTier: Record<'A' | 'B' | 'C', number>;
}

export function packStats(pack: Pack): PackStats {
  const terms = { intl: 0, en: 0, es: 0, zh: 0, emoji: 0, total: 0 };
  const byTier = { A: 0, B: 0, C: 0 };
  let cas = 0;
  for (const rule of pack.rules) {
    byTier[rule.tier]++;
    cas += rule.cas?.length ?? 0;
    for (const lang of TERM_LANGUAGES) {
      const n = rule.terms[lang]?.length ?? 0;
      terms[lang] += n;
      terms.total += n;
    }
  }
  return { id: pack.id, version: pack.version, rules: pack.rules.length, terms, cas, byTier };
}

/** A plain-text table of pack sizes with a total row. */
export function formatStats(all: readonly PackStats[]): string {
  const head = ['pack', 'rules', 'A/B/C', 'intl', 'en', 'es', 'zh', 'emoji', 'terms', 'CAS'];
  const row = (s: PackStats) => [s.id, s.rules, `${s.byTier.A}/${s.byTier.B}/${s.byTier.C}`, s.terms.intl, s.terms.en, s.terms.es, s.terms.zh, s.terms.emoji, s.terms.total, s.cas].map(String);
  const sum = (f: (s: PackStats) => number) => all.reduce((n, s) => n + f(s), 0);
  const total = ['total', sum((s) => s.rules), `${sum((s) => s.byTier.A)}/${sum((s) => s.byTier.B)}/${sum((s) => s.byTier.C)}`,
    sum((s) => s.terms.intl), sum((s) => s.terms.en), sum((s) => s.terms.es), sum((s) => s.terms.zh), sum((s) => s.terms.emoji), sum((s) => s.terms.total), sum((s) => s.cas)].map(String);
  const rows = [head, ...all.map(row), total];
  const widths = head.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')).join('\n');
}
