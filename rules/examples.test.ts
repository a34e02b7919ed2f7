/**
 * Every rule's examples, run through the real engine with all bundled packs compiled
 * together (as the extension and CLI run them): each positive example must yield a
 * match of that rule, each negative none. Each example is scanned as one listing block.
 * A match also carries the rule's canonical term and category, and its offsets point
 * at exactly the text it reports.
 */
import { describe, expect, it } from 'vitest';
import { compileEngine } from '../core/engine/index.ts';
import type { Match } from '../core/engine/index.ts';
import { DEFAULT_PACKS } from '../core/rules/defaults.ts';

const engine = compileEngine(DEFAULT_PACKS);

function matchesIn(text: string): Match[] {
  return engine.scan([{ text, where: 'visible', zone: 'listing' }]).matches;
}

for (const pack of DEFAULT_PACKS) {
  describe(`pack ${pack.id}`, () => {
    for (const rule of pack.rules) {
      if (rule.status === 'deprecated') continue;
      it(`${rule.id}: positives match, negatives do not`, () => {
        const missed: string[] = [];
        const wrong: string[] = [];
        for (const text of rule.examples.positive) {
          const own = matchesIn(text).filter((m) => m.ruleId === rule.id);
          if (own.length === 0) missed.push(text);
          for (const m of own) {
            if (m.term !== rule.canonical || m.category !== rule.category || m.severity !== rule.severity || m.tier !== rule.tier || m.packId !== pack.id || text.slice(m.start, m.end) !== m.matched) {
              wrong.push(`${text} → ${JSON.stringify({ term: m.term, category: m.category, tier: m.tier, matched: m.matched, at: [m.start, m.end] })}`);
            }
          }
        }
        const tripped = rule.examples.negative.filter((text) => matchesIn(text).some((m) => m.ruleId === rule.id));
        expect({ missed, tripped, wrong }).toEqual({ missed: [], tripped: [], wrong: [] });
      });
    }
  });
}
