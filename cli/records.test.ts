import { describe, expect, it } from 'vitest';
import { parseRecordLine, recordBlocks, recordListing } from './records.ts';

describe('JSONL listing records', () => {
  it('turns title, description, seller and extra text into listing blocks', () => {
    const parsed = parseRecordLine(
      JSON.stringify({ id: 'a1', url: 'https://x.example/1', title: 'Green tea', description: 'Loose leaf', seller: 'Tea House', bullets: ['100 bags'], keywords: 'tea, herbal', extra: { kept: true } }),
    );
    if (!parsed.ok) throw new Error(parsed.problem);
    expect(recordBlocks(parsed.record)).toEqual([
      { text: 'Green tea', where: 'visible', zone: 'listing' },
      { text: 'Loose leaf', where: 'visible', zone: 'listing' },
      { text: 'Tea House', where: 'visible', zone: 'listing' },
      { text: '100 bags', where: 'visible', zone: 'listing' },
      { text: 'tea, herbal', where: 'visible', zone: 'listing' },
    ]);
    expect(recordListing(parsed.record)).toEqual({
      marketplace: null,
      pageType: 'item',
      title: 'Green tea',
      listingId: 'a1',
      price: null,
      seller: { name: 'Tea House', id: null, url: null },
    });
  });

  it('reads seller and price objects, and leaves unknowns null', () => {
    const parsed = parseRecordLine(
      JSON.stringify({ id: 7, title: 'Pan', seller: { name: 'Panadería', id: 99 }, price: { amount: 1234.56, currency: 'EUR', text: '1.234,56 €' } }),
    );
    if (!parsed.ok) throw new Error(parsed.problem);
    expect(recordListing(parsed.record)).toMatchObject({
      listingId: '7',
      seller: { name: 'Panadería', id: '99', url: null },
      price: { amount: 1234.56, currency: 'EUR', text: '1.234,56 €' },
    });
    const empty = parseRecordLine('{"title": "x", "seller": ""}');
    expect(empty.ok && recordListing(empty.record).seller).toBeNull();
  });

  it.each([
    ['{"title": "x",', /^invalid JSON \(/],
    ['[1, 2]', /^expected a JSON object, got an array$/],
    ['"text"', /^expected a JSON object, got "text"$/],
    ['{"title": 42}', /^title: expected string, got number$/],
    ['{"title": "x", "bullets": "not a list"}', /^bullets: expected array, got string$/],
    ['{"title": "x", "seller": 5}', /^seller: not one of the accepted forms$/],
    ['{"id": "only-an-id"}', /^record has no text to scan/],
  ])('rejects %s precisely', (line, problem) => {
    const parsed = parseRecordLine(line);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatch(problem);
  });
});
