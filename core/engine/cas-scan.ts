/**
 * CAS registry numbers in page text. A number counts only when its check digit is right
 * and a rule lists it (precursors, new psychoactive substances): Chinese B2B sellers
 * name their goods by CAS number alone (FinCEN FIN-2024-A002). Shortened forms such as
 * "CAS79099 powder" (CNN 2023) match on a listed number's first block after "CAS".
 */
import { casCheckDigit } from '../rules/cas.ts';
import type { CompiledPacks } from './compiled.ts';

const FULL = /(?<![\d-])(\d{2,7})[-‐‑–\s]?(\d{2})[-‐‑–\s]?(\d)(?![\d])/g;
const SHORT = /\bcas\s*(?:no\.?|number|#|:|：)?\s*(\d{4,7})(?![\d-])/giu;

export interface CasHit {
  start: number;
  end: number;
  cas: string;
  rules: number[];
}

export function findCasNumbers(text: string, compiled: CompiledPacks): CasHit[] {
  if (compiled.cas.size === 0) return [];
  const hits: CasHit[] = [];
  FULL.lastIndex = 0;
  for (let m = FULL.exec(text); m !== null; m = FULL.exec(text)) {
    const [whole, first, second, check] = m as unknown as [string, string, string, string];
    if (casCheckDigit(first + second) !== Number(check)) continue;
    const cas = `${first}-${second}-${check}`;
    const rules = compiled.cas.get(cas);
    if (rules) hits.push({ start: m.index, end: m.index + whole.length, cas, rules });
  }
  SHORT.lastIndex = 0;
  for (let m = SHORT.exec(text); m !== null; m = SHORT.exec(text)) {
    const block = m[1] as string;
    const rules = compiled.casPrefixes.get(block);
    if (!rules) continue;
    const start = m.index + m[0].length - block.length;
    if (hits.some((hit) => hit.start <= start && hit.end > start)) continue;
    hits.push({ start, end: start + block.length, cas: block, rules });
  }
  return hits;
}
