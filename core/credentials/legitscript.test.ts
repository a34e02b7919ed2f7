import { describe, expect, it } from 'vitest';
import { checkLegitscriptLinks, legitscriptRecordDomain, legitscriptSealId } from './legitscript.ts';
import { credentialContext } from './extract.ts';

const now = new Date('2026-11-29T00:00:00Z');
const at = (url: string | null) => credentialContext(url, now);
const SEAL = 'https://static.legitscript.com/seals/1234567.png';

describe('LegitScript links and seals', () => {
  it('reads the record domain from each link form', () => {
    expect(legitscriptRecordDomain('https://www.legitscript.com/websites/?checker_keywords=Example.com')).toBe('example.com');
    expect(legitscriptRecordDomain('https://legitscript.com/websites/www.example.com/')).toBe('example.com');
    expect(legitscriptRecordDomain('https://www.legitscript.com/pharmacy/example.com')).toBe('example.com');
    expect(legitscriptRecordDomain('https://legitscript.com.evil.net/websites/example.com')).toBeNull();
    expect(legitscriptRecordDomain('https://example.com/legitscript.com/websites/example.com')).toBeNull();
  });

  it('reads seal ids only from assets LegitScript serves', () => {
    expect(legitscriptSealId(SEAL)).toBe('1234567');
    expect(legitscriptSealId('https://static.legitscript.com/seals/8765.js')).toBe('8765');
    expect(legitscriptSealId('https://example.com/seals/1234567.png')).toBeNull();
    expect(legitscriptSealId(undefined)).toBeNull();
  });

  it('is valid when a LegitScript seal links to the record for this very site', () => {
    const [r] = checkLegitscriptLinks(
      [{ href: 'https://www.legitscript.com/websites/?checker_keywords=example.com', text: 'Verify LegitScript Approval', src: SEAL }],
      at('https://shop.example.com/item/1'),
    );
    expect(r).toMatchObject({ type: 'legitscript', value: 'example.com', status: 'valid' });
    expect(r?.reason).toContain('checker_keywords=example.com');
  });

  it('finds the seal when the page records image and anchor as separate links', () => {
    const results = checkLegitscriptLinks(
      [
        { href: '', text: '', src: SEAL },
        { href: 'https://www.legitscript.com/websites/example.com', text: 'LegitScript approved' },
      ],
      at('https://example.com/'),
    );
    expect(results.map((r) => r.status)).toEqual(['valid']);
  });

  it('is invalid when the seal names another domain (a borrowed seal)', () => {
    const [r] = checkLegitscriptLinks(
      [{ href: 'https://www.legitscript.com/websites/?checker_keywords=realpharmacy.com', text: '', src: SEAL }],
      at('https://fake-meds.example.net/'),
    );
    expect(r?.status).toBe('invalid');
    expect(r?.reason).toContain('realpharmacy.com, not for this site (example.net)');
  });

  it('on a marketplace, a seller’s seal naming the seller’s own site is unverified, not borrowed', () => {
    const [r] = checkLegitscriptLinks(
      [{ href: 'https://www.legitscript.com/websites/?checker_keywords=sellerpharmacy.com', text: '', src: SEAL }],
      at('https://www.amazon.co.uk/dp/B000000000'),
    );
    expect(r?.status).toBe('unverified');
    expect(r?.reason).toContain("sellerpharmacy.com, the seller's own site, not this amazon.co.uk listing");
  });

  it('rejects a lookalike domain: realpharmacy.com.evil.net is not realpharmacy.com', () => {
    const [r] = checkLegitscriptLinks(
      [{ href: 'https://www.legitscript.com/websites/realpharmacy.com', text: '', src: SEAL }],
      at('https://realpharmacy.com.evil.net/'),
    );
    expect(r?.status).toBe('invalid');
  });

  it('is unverified without a seal, without a page address, or with a seal and no record link', () => {
    expect(checkLegitscriptLinks([{ href: 'https://www.legitscript.com/websites/example.com', text: '' }], at('https://example.com/'))[0]?.status).toBe(
      'unverified',
    );
    expect(checkLegitscriptLinks([{ href: 'https://www.legitscript.com/websites/example.com', text: '', src: SEAL }], at(null))[0]?.status).toBe(
      'unverified',
    );
    expect(checkLegitscriptLinks([{ href: '', text: '', src: SEAL }], at('https://example.com/'))).toEqual([
      expect.objectContaining({ status: 'unverified', value: 'seal 1234567' }),
    ]);
  });

  it('says nothing about ordinary links', () => {
    expect(checkLegitscriptLinks([{ href: 'https://example.com/about', text: 'About us' }], at('https://example.com/'))).toEqual([]);
  });
});
