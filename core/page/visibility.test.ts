import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { buildTextMap, computedIsBlock, computedVisibilityProbe, staticVisibilityProbe } from './index.ts';
import { lengthPx, parseInlineStyle } from './visibility.ts';
import { indistinguishable, parseColor } from './colors.ts';

describe('CSS helpers', () => {
  it('parses inline styles, lengths and colours', () => {
    expect(parseInlineStyle('Display: NONE !important; color:#FFF;;bad')).toEqual(
      new Map([
        ['display', 'none'],
        ['color', '#fff'],
      ]),
    );
    expect([lengthPx('0'), lengthPx('-9999px'), lengthPx('0.5em'), lengthPx('12pt'), lengthPx('0%'), lengthPx('50%'), lengthPx('auto')]).toEqual([0, -9999, 8, 16, 0, null, null]);
    expect(parseColor('#fff')).toEqual([255, 255, 255, 1]);
    expect(parseColor('rgba(255, 255, 255, 0)')).toEqual([255, 255, 255, 0]);
    expect(parseColor('rgb(250 250 250 / 50%)')).toEqual([250, 250, 250, 0.5]);
    expect(parseColor('WHITE')).toEqual([255, 255, 255, 1]);
    expect(parseColor('var(--x)')).toBeNull();
    expect(indistinguishable([254, 254, 254, 1], [255, 255, 255, 1])).toBe(true);
    expect(indistinguishable([34, 34, 34, 1], [255, 255, 255, 1])).toBe(false);
    expect(indistinguishable([255, 255, 255, 1], [255, 255, 255, 0])).toBe(false);
  });
});

describe('computed-style probe (live pages)', () => {
  const page = (html: string): Window => {
    const window = new Window({ url: 'https://shop.example/' });
    window.document.write(html);
    return window;
  };

  it('sees text hidden by style sheets, which the static probe cannot', () => {
    const window = page(
      '<style>.gone{display:none}.tiny{font-size:0}.card{background:#ffffff}.white{color:#fff}.ghost{opacity:0}.away{position:absolute;left:-10000px}</style>' +
        '<p>shown</p><div class="gone">by display</div><div class="tiny">by font size</div>' +
        '<div class="card"><span class="white">by colour</span></div><p class="ghost">by opacity</p><p class="away">by position</p>',
    );
    const doc = window.document as unknown as Document;
    const live = buildTextMap(doc, { visibility: computedVisibilityProbe(window as unknown as globalThis.Window) });
    expect(live.blocks.filter((b) => b.where === 'hidden').map((b) => b.text)).toEqual([
      'by display',
      'by font size',
      'by colour',
      'by opacity',
      'by position',
    ]);
    expect(live.blocks.filter((b) => b.where === 'visible').map((b) => b.text)).toEqual(['shown']);
    const saved = buildTextMap(doc, { visibility: staticVisibilityProbe });
    expect(saved.blocks.filter((b) => b.where === 'hidden')).toEqual([]);
  });

  it('reads the document title as structured data, not as text hidden in <head>', () => {
    const window = new Window({ url: 'https://shop.example/' });
    window.document.write('<html><head><style>head{display:none}</style><title>Buy xanax</title></head><body><p>tea</p></body></html>');
    const probe = computedVisibilityProbe(window as unknown as globalThis.Window);
    expect(probe.isHidden(window.document.head as unknown as Element)).toBe(true);
    const map = buildTextMap(window.document as unknown as Document, { visibility: probe });
    expect(map.blocks.map((b) => [b.text, b.where])).toEqual([
      ['Buy xanax', 'structured-data'],
      ['tea', 'visible'],
    ]);
  });

  it('tells block from inline by computed display', () => {
    const window = page('<style>.row{display:block}.word{display:inline}</style><p><span class="row">oxy</span><span class="row">codone</span></p><div class="word">fent</div><div class="word">anyl</div>');
    const isBlock = computedIsBlock(window as unknown as globalThis.Window);
    const map = buildTextMap(window.document as unknown as Document, { visibility: staticVisibilityProbe, isBlock });
    expect(map.blocks.map((b) => b.text)).toEqual(['oxy', 'codone', 'fentanyl']);
  });
});
