import { describe, expect, it } from 'vitest';
import { cleanDomain, hostIsWithin, hostOf, isMarketplaceSite, registrableDomain } from './domain.ts';

describe('domain helpers', () => {
  it('reads hosts from http(s) URLs only', () => {
    expect(hostOf('https://Shop.Example.COM./p?x=1')).toBe('shop.example.com');
    expect(hostOf('javascript:alert(1)')).toBeNull();
    expect(hostOf('/relative/path')).toBeNull();
    expect(hostOf(null)).toBeNull();
  });

  it.each([
    ['shop.example.com', 'example.com'],
    ['example.com', 'example.com'],
    ['www.boots.co.uk', 'boots.co.uk'],
    ['articulo.mercadolibre.com.mx', 'mercadolibre.com.mx'],
    ['item.taobao.com', 'taobao.com'],
    ['a.b.example.pharmacy', 'example.pharmacy'],
  ])('registrable domain of %s is %s', (host, site) => {
    expect(registrableDomain(host)).toBe(site);
  });

  it('cleans domains as seals write them', () => {
    expect(cleanDomain('WWW.Example.com/')).toBe('example.com');
    expect(cleanDomain('https://example.com/path')).toBe('example.com');
    expect(cleanDomain('not a domain')).toBeNull();
    expect(cleanDomain('')).toBeNull();
  });

  it('tells subdomains from lookalikes', () => {
    expect(hostIsWithin('static.legitscript.com', 'legitscript.com')).toBe(true);
    expect(hostIsWithin('legitscript.com.evil.net', 'legitscript.com')).toBe(false);
    expect(hostIsWithin('notlegitscript.com', 'legitscript.com')).toBe(false);
  });

  it('knows marketplaces by name in any locale, and nothing else', () => {
    expect(isMarketplaceSite('amazon.co.uk')).toBe(true);
    expect(isMarketplaceSite('mercadolibre.com.mx')).toBe(true);
    expect(isMarketplaceSite('jd.com')).toBe(true);
    expect(isMarketplaceSite('amazonpharmacy-deals.com')).toBe(false);
    expect(isMarketplaceSite('healthyrx.com')).toBe(false);
    expect(isMarketplaceSite(null)).toBe(false);
  });
});
