import { describe, expect, it } from 'vitest';
import { arAnmat, arAnmatProduct, gs1CheckDigit, validateAnmatCertificate, validateAnmatDisposition, validateGln } from './ar-anmat.ts';

const now = new Date('2026-11-29T00:00:00Z');
const ctx = { url: null, host: null, site: null, now };

describe('ANMAT product certificates and dispositions', () => {
  it('certificates of up to 6 digits are unverified', () => {
    expect(validateAnmatCertificate('52.340')).toMatchObject({ status: 'unverified', value: 'Certificado N° 52340' });
    expect(validateAnmatCertificate('1234567')).toMatchObject({ status: 'invalid' });
  });

  it.each([
    ['1234/17', 'unverified'],
    ['5/2019', 'unverified'],
    ['12.345/2019', 'unverified'],
    ['1234/2031', 'invalid'],
    ['1234/1985', 'invalid'],
    ['1234', 'invalid'],
  ])('disposición %s is %s', (written, status) => {
    expect(validateAnmatDisposition(written, now).status).toBe(status);
  });

  it('reads certificates only where the block speaks of ANMAT or a medicinal speciality', () => {
    const find = (t: string) => (arAnmatProduct.fromText?.(t, ctx) ?? []).map((r) => r.value);
    expect(find('Especialidad medicinal autorizada por el Ministerio de Salud. Certificado N° 52.340')).toEqual(['Certificado N° 52340']);
    expect(find('Producto autorizado por ANMAT. Disposición ANMAT N° 1234/17')).toEqual(['Disposición ANMAT N° 1234/17']);
    expect(find('Certificado N° 4471 de garantía del fabricante')).toEqual([]);
    expect(find('Disposición final de residuos 12/2020')).toEqual([]);
  });
});

describe('pharmacy GLN', () => {
  it('computes the GS1 check digit (checked against a published GTIN, 4006381333931)', () => {
    expect(gs1CheckDigit('400638133393')).toBe(1);
  });

  it.each([
    ['7791234567898', 'unverified', /Argentine GS1 prefix/],
    ['4006381333931', 'unverified', /not an Argentine/],
    ['7791234567890', 'invalid', /check digit is 0, the number calls for 8/],
    ['779123456789', 'invalid', /wrong length: 12/],
  ])('%s is %s', (written, status, reason) => {
    expect(validateGln(written)).toMatchObject({ status, reason: expect.stringMatching(reason) });
  });

  it('reads a GLN only in a pharmacy or ANMAT context', () => {
    const find = (t: string) => (arAnmat.fromText?.(t, ctx) ?? []).map((r) => `${r.status} ${r.value}`);
    expect(find('Farmacia del Centro — GLN 7791234567898 — Trazabilidad ANMAT')).toEqual(['unverified GLN 7791234567898']);
    expect(find('Supplier GLN 4006381333931')).toEqual([]);
  });
});
