import { describe, expect, it } from 'vitest';
import { cifControlDigit, dniLetter, esNif, validateNif } from './es-nif.ts';

const ctx = { url: null, host: null, site: null, now: new Date('2026-11-29T00:00:00Z') };

describe('validateNif', () => {
  it.each([
    ['12345678Z', 'DNI-based NIF'],
    ['00000000T', 'DNI-based NIF'],
    ['12.345.678-z', 'DNI-based NIF'],
    ['X1234567L', 'NIE'],
    ['Y1234567X', 'NIE'],
    ['Z1234567R', 'NIE'],
    ['K1234567L', 'K NIF'],
    // Real legal entities (public registers): Mercadona, Telefónica, Agencia Tributaria, Ayuntamiento de Madrid.
    ['A46103834', 'legal-entity NIF'],
    ['A82018474', 'legal-entity NIF'],
    ['Q2826000H', 'legal-entity NIF'],
    ['P2807900B', 'legal-entity NIF'],
    ['B-12345674', 'legal-entity NIF'],
    ['ａ４６１０３８３４', 'legal-entity NIF'],
  ])('%s is unverified: control character correct (%s)', (written, what) => {
    const r = validateNif(written);
    expect(r.status).toBe('unverified');
    expect(r.reason).toContain(what);
  });

  it.each([
    ['12345678A', /control letter is A, the number calls for Z/],
    ['X1234567A', /calls for L/],
    ['A46103835', /organisation A with these digits calls for 4/],
    ['A4610383D', /calls for 4/], // A takes a digit, never the letter
    ['Q2826000I', /calls for H/],
    ['Q28260008', /calls for H/], // Q takes a letter, never the digit
    ['1234567Z', /wrong length: 8/],
    ['I1234567A', /not a NIF/],
  ])('%s is invalid', (written, reason) => {
    const r = validateNif(written);
    expect(r.status).toBe('invalid');
    expect(r.reason).toMatch(reason);
  });

  it('computes the DNI letter and the CIF control digit per the official algorithms', () => {
    expect(dniLetter(12345678)).toBe('Z');
    expect(cifControlDigit('4610383')).toBe(4);
    expect(cifControlDigit('2826000')).toBe(8); // letter H = "JABCDEFGHI"[8]
  });
});

describe('NIF extraction', () => {
  const find = (text: string) => (esNif.fromText?.(text, ctx) ?? []).map((r) => `${r.status} ${r.value}`);
  it('reads labelled numbers in Spanish footers', () => {
    expect(find('Farmacia Ejemplo C.B. · CIF: B-12345674 · Calle Mayor 1')).toEqual(['unverified B12345674']);
    expect(find('Titular: Ana Pérez, N.I.F. 12345678Z')).toEqual(['unverified 12345678Z']);
    expect(find('NIF: A46103835')).toEqual(['invalid A46103835']);
    expect(find('Código de Identificación Fiscal A82018474')).toEqual(['unverified A82018474']);
  });
  it('does not read unlabelled numbers', () => {
    expect(find('Referencia 12345678Z')).toEqual([]);
  });
});
