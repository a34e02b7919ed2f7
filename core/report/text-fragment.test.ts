import { describe, expect, it } from 'vitest';
import { encodeFragmentPart, textDirective, textFragmentLink } from './text-fragment.ts';

const finding = { matched: 'oxycodone', context: 'buy cheap oxycodone online, no rx', where: 'visible' as const };

describe('text-fragment links', () => {
  it('links an unambiguous term without context', () => {
    expect(textFragmentLink('https://shop.example/item/1', finding, { pageText: 'Listing: buy cheap oxycodone online' })).toBe(
      'https://shop.example/item/1#:~:text=oxycodone',
    );
  });

  it('adds prefix and suffix when the term occurs more than once', () => {
    expect(textDirective(finding, { pageText: 'oxycodone … buy cheap oxycodone online' })).toBe('text=buy%20cheap-,oxycodone,-online%2C%20no%20rx');
  });

  it('encodes the directive syntax characters and Unicode', () => {
    expect(encodeFragmentPart('4-MMC, 10&20')).toBe('4%2DMMC%2C%2010%2620');
    expect(textDirective({ matched: '羟考酮', context: '出售 羟考酮 现货', where: 'visible' }, { pageText: '出售 羟考酮 现货' })).toBe(
      'text=%E7%BE%9F%E8%80%83%E9%85%AE',
    );
  });

  it('keeps an ordinary fragment and replaces an earlier directive', () => {
    expect(textFragmentLink('https://a.example/p#reviews', finding, { pageText: 'oxycodone' })).toBe('https://a.example/p#reviews:~:text=oxycodone');
    expect(textFragmentLink('https://a.example/p#:~:text=old', finding, { pageText: 'oxycodone' })).toBe('https://a.example/p#:~:text=oxycodone');
  });

  it('gives no link for text a browser cannot scroll to, or a bad URL', () => {
    expect(textFragmentLink('https://a.example/', { ...finding, where: 'hidden' })).toBe('');
    expect(textFragmentLink('https://a.example/', { ...finding, where: 'structured-data' })).toBe('');
    expect(textFragmentLink('not a url', finding)).toBe('');
  });

  it('drops context that runs into the match mid-word', () => {
    expect(textDirective({ matched: 'codone', context: 'oxycodone here', where: 'visible' })).toBe('text=codone,-here');
  });
});
