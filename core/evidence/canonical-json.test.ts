import { describe, expect, it } from 'vitest';
import { canonicalJson, CanonicalJsonError } from './canonical-json.ts';
import { sha256Canonical, sha256Hex, utf8 } from './hash.ts';

describe('canonicalJson', () => {
  it('sorts keys by UTF-16 code units at every depth and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
    // RFC 8785 §3.2.3 example order: code units, so "\u20ac" (€) sorts after "\r" and before the emoji's surrogate.
    expect(canonicalJson({ '\u20ac': 1, '\r': 2, '\ud83d\ude00': 3, '1': 4 })).toBe('{"\\r":2,"1":4,"€":1,"😀":3}');
  });

  it('gives the same bytes whatever the key insertion order', () => {
    expect(canonicalJson({ x: 1, y: [true, null] })).toBe(canonicalJson({ y: [true, null], x: 1 }));
  });

  it('writes numbers in shortest round-trip form and -0 as 0', () => {
    expect(canonicalJson([1e21, 0.1, -0, 1.5e-7, 100])).toBe('[1e+21,0.1,0,1.5e-7,100]');
  });

  it('escapes strings as JSON.stringify does (control characters, quotes, lone surrogates)', () => {
    expect(canonicalJson('a"b\\c\n\u0001\ud800')).toBe('"a\\"b\\\\c\\n\\u0001\\ud800"');
  });

  it('omits undefined members like JSON but refuses values with no JSON form', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(() => canonicalJson({ a: [1, undefined] })).toThrow(CanonicalJsonError);
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/NaN has no JSON form at \$\.n/);
    expect(() => canonicalJson({ when: new Date(0) })).toThrow(/plain objects/);
    expect(() => canonicalJson(10n)).toThrow(/bigint/);
  });
});

describe('sha256', () => {
  it('matches the FIPS 180-2 test vector', async () => {
    expect(await sha256Hex(utf8('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('hashes only the bytes of a view, not its whole buffer', async () => {
    const buffer = utf8('xxabcxx');
    expect(await sha256Hex(buffer.subarray(2, 5))).toBe(await sha256Hex(utf8('abc')));
  });

  it('hashes values by canonical form', async () => {
    expect(await sha256Canonical({ b: 2, a: 1 })).toBe(await sha256Hex(utf8('{"a":1,"b":2}')));
  });
});
