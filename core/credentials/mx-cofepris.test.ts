import { describe, expect, it } from 'vitest';
import { mxCofepris, mxCofeprisProduct, validateCofeprisLicence, validateCofeprisProduct } from './mx-cofepris.ts';

const now = new Date('2026-11-29T00:00:00Z');
const ctx = { url: null, host: null, site: null, now };

describe('COFEPRIS product registration (Reg. No. … SSA)', () => {
  it.each([
    ['123M2015 SSA IV', undefined],
    ['471M2001 SSA IV', undefined],
    ['183M99 SSA', undefined],
    ['039m2003 ssa iv', undefined],
    ['88M2010 SSA II', 'controlled medicine'],
    ['１２３Ｍ２０１５ ＳＳＡ ＩＶ', undefined],
  ])('%s is unverified', (written, note) => {
    const r = validateCofeprisProduct(written, now);
    expect(r.status).toBe('unverified');
    expect(r.reason).toContain('not a seller licence');
    if (note) expect(r.reason).toContain(note);
  });

  it.each([
    ['123M2031 SSA IV', /year 2031 is impossible/],
    ['123M1890 SSA IV', /year 1890/],
    ['123M2015 SSA VII', /group VII does not exist/],
    ['M2015 SSA', /not a registro sanitario/],
  ])('%s is invalid', (written, reason) => {
    expect(validateCofeprisProduct(written, now)).toMatchObject({ status: 'invalid', reason: expect.stringMatching(reason) });
  });

  it('reads the registration where packs and listings print it', () => {
    const find = (t: string) => (mxCofeprisProduct.fromText?.(t, ctx) ?? []).map((r) => r.value);
    expect(find('Paracetamol 500 mg, 20 tabletas. Reg. No. 471M2001 SSA IV. Consulte a su médico.')).toEqual(['471M2001 SSA IV']);
    expect(find('Reg. Núm. 039M2003SSA IV')).toEqual(['039M2003SSA IV']);
    expect(find('Modelo 2015 SSD 500GB')).toEqual([]);
    expect(find('Pack 5 x 10 SSA filters')).toEqual([]);
  });
});

describe('COFEPRIS licencia sanitaria / aviso de funcionamiento', () => {
  it('a labelled number is unverified: no published format', () => {
    const find = (t: string) => (mxCofepris.fromText?.(t, ctx) ?? []).map((r) => `${r.status} ${r.value}`);
    expect(find('Farmacia con Licencia Sanitaria No. 09 AM 15 0012 expedida por COFEPRIS')).toEqual(['unverified 09 AM 15 0012']);
    expect(find('AVISO DE FUNCIONAMIENTO: 193300201A0123')).toEqual(['unverified 193300201A0123']);
    expect(find('Licencia sanitaria 12')).toEqual(['invalid 12']);
    expect(find('Licencia de conducir 123456')).toEqual([]);
  });

  it('validateCofeprisLicence needs at least four digits', () => {
    expect(validateCofeprisLicence('A1-2').status).toBe('invalid');
    expect(validateCofeprisLicence('2315-AB').status).toBe('unverified');
  });
});
