/**
 * Every rule's examples, run through the real engine with all bundled packs compiled
 * together (as the extension and CLI run them): each positive example must yield a
 * match of that rule, each negative none. Each example is scanned as one listing block.
 */
import { describe, expect, it } from 'vitest';
import { compileEngine } from '../core/engine/index.ts';
import { DEFAULT_PACKS } from '../core/rules/defaults.ts';

const engine = compileEngine(DEFAULT_PACKS);

function ruleIdsIn(text: string): string[] {
  const { matches } = engine.scan([{ text, where: 'visible', zone: 'listing' }]);
  return [...new Set(matches.map((m) => m.ruleId))];
}

for (const pack of DEFAULT_PACKS) {
  describe(`pack ${pack.id}`, () => {
    for (const rule of pack.rules) {
      if (rule.status === 'deprecated') continue;
      it(`${rule.id}: positives match, negatives do not`, () => {
        const missed = rule.examples.positive.filter((text) => !ruleIdsIn(text).includes(rule.id));
        const tripped = rule.examples.negative.filter((text) => ruleIdsIn(text).includes(rule.id));
        expect({ missed, tripped }).toEqual({ missed: [], tripped: [] });
      });
    }
  });
}
