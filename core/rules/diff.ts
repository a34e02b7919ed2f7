/**
 * What a pack update changes, so a reviewer or team lead can read it before
 * accepting it: rules added, removed and changed (with the fields that changed),
 * and the terms each changed rule gained or lost. Pure: takes two packs.
 */
import type { Pack, Rule, Terms } from './schema.ts';
import { TERM_LANGUAGES } from './schema.ts';

export interface TermChange {
  language: keyof Terms;
  term: string;
}

export interface RuleChange {
  id: string;
  /** Top-level rule fields whose value differs (terms included when any term changed). */
  fields: string[];
  termsAdded: TermChange[];
  termsRemoved: TermChange[];
}

export interface PackDiff {
  fromVersion: string | null;
  toVersion: string;
  rulesAdded: string[];
  rulesRemoved: string[];
  rulesChanged: RuleChange[];
  /** Totals across all rules, including those of added and removed rules. */
  termsAdded: number;
  termsRemoved: number;
}

function termSet(rule: Rule): Set<string> {
  const set = new Set<string>();
  for (const language of TERM_LANGUAGES) {
    for (const term of rule.terms[language] ?? []) set.add(`${language}\u0000${term}`);
  }
  return set;
}

function toChange(key: string): TermChange {
  const [language, term] = key.split('\u0000') as [keyof Terms, string];
  return { language, term };
}

/** Structural equality for JSON data (pack fields are plain JSON). Key order does not matter. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  const ak = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const bk = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ak.length !== bk.length) return false;
  return ak.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export function diffPacks(from: Pack | null, to: Pack): PackDiff {
  const before = new Map((from?.rules ?? []).map((rule) => [rule.id, rule]));
  const after = new Map(to.rules.map((rule) => [rule.id, rule]));
  const diff: PackDiff = {
    fromVersion: from?.version ?? null,
    toVersion: to.version,
    rulesAdded: [],
    rulesRemoved: [],
    rulesChanged: [],
    termsAdded: 0,
    termsRemoved: 0,
  };
  for (const [id, rule] of after) {
    const old = before.get(id);
    if (!old) {
      diff.rulesAdded.push(id);
      diff.termsAdded += termSet(rule).size;
      continue;
    }
    const keys = new Set([...Object.keys(old), ...Object.keys(rule)]);
    const fields = [...keys]
      .filter((key) => !sameJson(old[key as keyof Rule], rule[key as keyof Rule]))
      .sort();
    if (fields.length === 0) continue;
    const oldTerms = termSet(old);
    const newTerms = termSet(rule);
    const termsAdded = [...newTerms].filter((t) => !oldTerms.has(t)).map(toChange);
    const termsRemoved = [...oldTerms].filter((t) => !newTerms.has(t)).map(toChange);
    diff.termsAdded += termsAdded.length;
    diff.termsRemoved += termsRemoved.length;
    diff.rulesChanged.push({ id, fields, termsAdded, termsRemoved });
  }
  for (const [id, rule] of before) {
    if (after.has(id)) continue;
    diff.rulesRemoved.push(id);
    diff.termsRemoved += termSet(rule).size;
  }
  diff.rulesAdded.sort();
  diff.rulesRemoved.sort();
  diff.rulesChanged.sort((a, b) => a.id.localeCompare(b.id));
  return diff;
}

/** Number of terms in a pack across languages: shown in the pack list. */
export function countTerms(pack: Pack): number {
  return pack.rules.reduce((sum, rule) => sum + termSet(rule).size, 0);
}
