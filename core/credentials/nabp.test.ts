import { describe, expect, it } from 'vitest';
import { checkNabpLinks, checkPharmacyDomain, isPharmacyTld } from './nabp.ts';
import { credentialContext } from './extract.ts';

const now = new Date('2026-11-29T00:00:00Z');
const at = (url: string | null) => credentialContext(url, now);

describe('.pharmacy domains (NABP)', () => {
  it.each(['https://example.pharmacy/', 'https://shop.example.pharmacy/item/1', 'https://EXAMPLE.PHARMACY./x', 'https://example．pharmacy/'])(
    '%s is valid: only NABP-verified pharmacies get .pharmacy names',
    (url) => {
      const [r] = checkPharmacyDomain(at(url));
      expect(r).toMatchObject({ type: 'nabp-pharmacy-domain', value: 'example.pharmacy', status: 'valid' });
      expect(r?.reason).toContain('safe.pharmacy');
    },
  );

  it.each([
    'https://pharmacy.example.com/',
    'https://example-pharmacy.com/',
    'https://example.pharmacy.evil.com/',
    'https://www.examplepharmacy.com/',
    'https://example.com/pharmacy/',
  ])('%s proves nothing: a lookalike, no result', (url) => {
    expect(checkPharmacyDomain(at(url))).toEqual([]);
  });

  it('gives nothing without a page address or on NABP’s own site', () => {
    expect(checkPharmacyDomain(at(null))).toEqual([]);
    expect(checkPharmacyDomain(at('https://safe.pharmacy/buy-safely/'))).toEqual([]);
    expect(isPharmacyTld('pharmacy')).toBe(false);
  });
});

describe('NABP Digital Pharmacy Accreditation seals', () => {
  it('a seal linking to NABP is unverified, with the link to open', () => {
    const [r] = checkNabpLinks([{ href: 'https://safe.pharmacy/buy-safely/?url=example.com', text: '', src: '/img/nabp-digital-pharmacy-seal.png' }], at('https://example.com/'));
    expect(r).toMatchObject({ type: 'nabp-digital-pharmacy', status: 'unverified', value: 'example.com' });
  });

  it('a seal naming another domain is invalid', () => {
    const [r] = checkNabpLinks([{ href: 'https://safe.pharmacy/buy-safely/?url=realpharmacy.com', text: 'NABP Accredited' }], at('https://example.com/'));
    expect(r?.status).toBe('invalid');
  });

  it('an NABP seal image linking anywhere but NABP is invalid', () => {
    const [r] = checkNabpLinks([{ href: 'https://example.com/trust', text: 'Accredited', src: '/img/NABP-accredited.png' }], at('https://example.com/'));
    expect(r?.status).toBe('invalid');
    expect(r?.reason).toContain('not to NABP');
  });

  it('plain links that merely mention pharmacies are ignored', () => {
    expect(checkNabpLinks([{ href: 'https://example.com/pharmacy', text: 'Pharmacy' }], at('https://example.com/'))).toEqual([]);
  });
});
