import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { hasAny } from './dom-index.ts';
import { withMemo } from './memo.ts';

const doc = parseHTML(`<html><body><div id="main" class="a b"><span data-x="Hello World" role="main">t</span><a href="/marketplace/item/1">i</a></div></body></html>`).document as unknown as Document;

describe('hasAny', () => {
  // Inside and outside a memo scope the answers are querySelector's own.
  for (const [label, run] of [['memoised', withMemo], ['plain', <T>(f: () => T): T => f()]] as const) {
    it(`${label}: finds what querySelector finds`, () => {
      run(() => {
        expect(hasAny(doc, '#main')).toBe(true);
        expect(hasAny(doc, '#nope, .b')).toBe(true);
        expect(hasAny(doc, 'div.a > span[data-x="Hello World"]')).toBe(true);
        expect(hasAny(doc, '[data-x*="world" i]')).toBe(true);
        expect(hasAny(doc, 'a[href*="/marketplace/item/"]')).toBe(true);
        expect(hasAny(doc, 'span:not(.zzz)')).toBe(true);
      });
    });
    it(`${label}: rules out what cannot match`, () => {
      run(() => {
        expect(hasAny(doc, '#missing')).toBe(false);
        expect(hasAny(doc, '.c, section')).toBe(false);
        expect(hasAny(doc, '[data-x*="world"]')).toBe(false);
        expect(hasAny(doc, '[data-x="Hello"]')).toBe(false);
        expect(hasAny(doc, 'div.a span.b')).toBe(false);
        expect(hasAny(doc, 'a[href*="/profile/"]')).toBe(false);
      });
    });
  }
});
