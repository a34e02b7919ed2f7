import { describe, expect, it } from 'vitest';
import { authorityForHost, EU_AUTHORITIES } from './eu-authorities.ts';
import { checkEuLogoLink, checkEuLogoLinks, looksLikeEuLogo } from './eu-common-logo.ts';
import { checkAempsLink } from './es-aemps.ts';

const LOGO = '/img/logo-comun-venta-online.png';

describe('EU common logo', () => {
  it.each([
    ['https://www.bfarm.de/DE/Arzneimittel/versandhandel/register?id=1', 'DE'],
    ['https://www.dimdi.de/dynamic/de/arzneimittel/versandhandel/register/1234', 'DE'],
    ['https://www.ordre.pharmacien.fr/ecommerce/search?id=1', 'FR'],
    ['https://www.salute.gov.it/portale/farmaciOnline/detail?id=77', 'IT'],
    ['https://www.infarmed.pt/web/infarmed/entidades/locais-venda?id=9', 'PT'],
    ['https://www.thepsi.ie/gns/pharmacy-practice/online-pharmacies.aspx?id=9', 'IE'],
    ['https://pclportal.mhra.gov.uk/register/seller/1234', 'GB'],
  ])('a logo linking to %s (%s) is unverified: open the entry', (href, country) => {
    const r = checkEuLogoLink({ href, text: 'Click to verify if this website is operating legally', src: LOGO });
    expect(r).toMatchObject({ type: 'eu-common-logo', status: 'unverified', value: href });
    expect(r?.reason).toContain(`(${country})`);
  });

  it('any link to a dedicated register (NL CIBG) counts, logo image or not', () => {
    const r = checkEuLogoLink({ href: 'https://www.aanbiedersmedicijnen.nl/aanbieders/1234', text: '' });
    expect(r?.status).toBe('unverified');
  });

  it.each([
    ['https://example.com/verified', 'example.com'],
    ['https://www.bfarm.de.example.net/register', 'www.bfarm.de.example.net'],
    ['https://europa.eu/', 'europa.eu'],
  ])('a logo linking to %s is invalid', (href, host) => {
    const r = checkEuLogoLink({ href, text: '', src: LOGO });
    expect(r?.status).toBe('invalid');
    expect(r?.reason).toContain(`links to ${host}`);
  });

  it('a logo that links nowhere is invalid', () => {
    expect(checkEuLogoLink({ href: '', text: 'Haga clic para verificar si este sitio web opera legalmente', src: '/logo.png' })?.status).toBe('invalid');
  });

  it('an image recorded apart from its anchor is not "linking nowhere" when the anchor goes to an authority', () => {
    const image = { href: '', text: 'Click to verify if this website is operating legally', src: LOGO };
    const anchor = { href: 'https://www.bfarm.de/register?id=1', text: 'Click to verify if this website is operating legally' };
    expect(checkEuLogoLinks([image, anchor]).map((r) => r.status)).toEqual(['unverified']);
    expect(checkEuLogoLinks([image, { href: 'https://distafarma.aemps.es/x?farma=1', text: '' }])).toEqual([]);
    expect(checkEuLogoLinks([image]).map((r) => r.status)).toEqual(['invalid']);
  });

  it('ignores ordinary links to an authority and unrelated EU logos (NextGenerationEU funding)', () => {
    expect(checkEuLogoLink({ href: 'https://www.bfarm.de/DE/Home/_node.html', text: 'BfArM news' })).toBeNull();
    expect(checkEuLogoLink({ href: 'https://next-generation-eu.europa.eu/', text: 'Financiado por la Unión Europea', src: '/img/logo-ue-nextgeneration.png' })).toBeNull();
    expect(looksLikeEuLogo({ href: '', text: 'EU logo', src: '/eu-logo.png' })).toBe(false);
  });

  it('has an authority for every EU member state and the EEA states', () => {
    const countries = new Set(EU_AUTHORITIES.map((a) => a.country));
    for (const c of 'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE NO IS LI'.split(' ')) {
      expect(countries.has(c), c).toBe(true);
    }
    expect(authorityForHost('distafarma.aemps.es')).toMatchObject({ register: true, authority: { country: 'ES' } });
    expect(authorityForHost('aemps.gob.es.evil.com')).toBeNull();
  });
});

describe('Spain AEMPS register (Distafarma)', () => {
  it('a link to Distafarma is es-aemps, unverified', () => {
    const href = 'https://distafarma.aemps.es/farmacom/faces/sec/CCAA/listadoCCAA.xhtml?farma=12345';
    expect(checkAempsLink({ href, text: '' })).toMatchObject({ type: 'es-aemps', status: 'unverified', value: href });
    expect(checkEuLogoLink({ href, text: '', src: LOGO })).toBeNull(); // reported once, as es-aemps
  });

  it('a Spanish logo linking to the AEMPS site counts; a plain AEMPS news link does not', () => {
    expect(checkAempsLink({ href: 'https://www.aemps.gob.es/farmacias?id=1', text: 'Haga clic para verificar si este sitio web opera legalmente' })?.status).toBe('unverified');
    expect(checkAempsLink({ href: 'https://www.aemps.gob.es/informa/notas/', text: 'Notas informativas' })).toBeNull();
  });

  it('a Spanish logo linking elsewhere is reported invalid by the EU logo check', () => {
    const r = checkEuLogoLink({ href: 'https://farmacia-barata.example.es/legal', text: 'logotipo común', src: LOGO });
    expect(r?.status).toBe('invalid');
  });
});
