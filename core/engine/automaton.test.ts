import { describe, expect, it } from 'vitest';
import { buildAutomaton } from './automaton.ts';

/** Every occurrence of every pattern, found the slow way. */
function naive(patterns: string[], text: string): string[] {
  const found: string[] = [];
  patterns.forEach((pattern, id) => {
    if (!pattern) return;
    for (let at = text.indexOf(pattern); at >= 0; at = text.indexOf(pattern, at + 1)) found.push(`${id}@${at + pattern.length - 1}`);
  });
  return found.sort();
}

function scan(patterns: string[], text: string): string[] {
  const automaton = buildAutomaton(patterns);
  const codes = Uint16Array.from(text, (ch) => ch.charCodeAt(0));
  const found: string[] = [];
  automaton.scan(codes, codes.length, (pattern, end) => found.push(`${pattern}@${end}`));
  return found.sort();
}

describe('buildAutomaton', () => {
  it('finds overlapping and nested patterns', () => {
    const patterns = ['he', 'she', 'his', 'hers', 'oxy', 'oxycodone', 'codone', 'x'];
    const text = 'ushers oxycodone his shexhe';
    expect(scan(patterns, text)).toEqual(naive(patterns, text));
  });

  it('agrees with a naive search on random texts over a small alphabet', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const word = (length: number) => Array.from({ length }, () => 'abcd冰毒'[random(6)]).join('');
    for (let round = 0; round < 50; round++) {
      const patterns = Array.from({ length: 1 + random(30) }, () => word(1 + random(5)));
      const text = word(200);
      // A pattern given twice is reported under the last id it was given.
      const lastIdOnly = (hit: string) => {
        const id = Number(hit.split('@')[0]);
        return patterns.lastIndexOf(patterns[id] as string) === id;
      };
      expect(scan(patterns, text)).toEqual(naive(patterns, text).filter(lastIdOnly));
    }
  });
});
