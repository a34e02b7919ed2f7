import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { compileEngine } from '../../core/engine/index.ts';
import { median, time } from '../../bench/node.ts';
import { stressPack, stressTerm, termsOf } from '../../bench/packs.ts';
import { hugeSearchPage, plainText, typicalListing } from '../../bench/pages.ts';
import { table } from '../../bench/run.ts';

function count(html: string): { nodes: number; textNodes: number; chars: number } {
  const { document } = parseHTML(html);
  let nodes = 0;
  let textNodes = 0;
  let chars = 0;
  const walk = (node: Node) => {
    nodes += 1;
    if (node.nodeType === 3) {
      textNodes += 1;
      chars += (node as Text).data.length;
    }
    for (const child of Array.from(node.childNodes)) walk(child);
  };
  walk(document.body);
  return { nodes, textNodes, chars };
}

describe('benchmark pages', () => {
  it('a typical listing has about 2,000 nodes', () => {
    const { nodes } = count(typicalListing());
    expect(nodes).toBeGreaterThan(1800);
    expect(nodes).toBeLessThan(2500);
  });

  it('the huge search page has about 15,000 text nodes and a million characters', () => {
    const { textNodes, chars } = count(hugeSearchPage());
    expect(textNodes).toBeGreaterThan(14_000);
    expect(textNodes).toBeLessThan(16_500);
    expect(chars).toBeGreaterThan(900_000);
    expect(chars).toBeLessThan(1_200_000);
  });

  it('are deterministic and carry the sprinkled terms', () => {
    const a = hugeSearchPage({ cards: 40, terms: ['oxycodone'] });
    expect(hugeSearchPage({ cards: 40, terms: ['oxycodone'] })).toBe(a);
    expect(a).toContain('oxycodone 30mg');
    expect(plainText(10_000, ['tramadol']).join(' ')).toContain('tramadol 20mg');
  });
});

describe('stress pack', () => {
  it('has the asked number of distinct terms and compiles', () => {
    const pack = stressPack(1000);
    const terms = termsOf([pack]);
    expect(terms).toHaveLength(1000);
    expect(stressTerm(7)).toBe(stressTerm(7));
    const engine = compileEngine([pack]);
    expect(engine.termCount).toBeGreaterThanOrEqual(1000);
    const term = terms[123] ?? '';
    expect(engine.scan([{ text: `buy ${term} now`, where: 'visible', zone: 'listing' }]).matches.map((m) => m.term)).toContain(pack.rules[12]?.canonical);
  });
});

describe('timing helpers', () => {
  it('take the median and keep every run', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    const t = time(3, () => undefined);
    expect(t.runs).toHaveLength(3);
  });

  it('print every results key in the table', () => {
    const results = {
      scanVsTreeWalker: { ratio: 2.5, typicalRatio: 2, stressRatio: 3, busyRatio: 2, huge: { scanMs: { median: 60 }, treeWalkerMs: { median: 24 }, chars: 1, textNodes: 1 } },
      markjsVsScan: { ratio: 900 },
      regexVsScan: { ratio: 0.7 },
      incrementalVsFull: { ratio: 0.03 },
      longestTaskMs: { value: 12 },
      compileMs5k: { value: 80 },
      heapMB5k: { value: 9 },
      engineMBps: { value: 40, stress: 20 },
      ahoCorasickMBps: { value: 30, stress: 15 },
      naiveRegexMBps: { value: 5, stress: 0.5 },
    };
    const text = table(results);
    for (const value of ['2.5', '900', '0.7', '0.03', '12', '80', '9', '40', '30']) expect(text).toContain(value);
  });
});
