import { describe, expect, it } from 'vitest';
import { hostMatches, siteDecision } from './sites.ts';

describe('site decisions', () => {
  it('matches exact hosts and wildcard subdomains, including the bare domain', () => {
    expect(hostMatches('*.ebay.de', 'www.ebay.de')).toBe(true);
    expect(hostMatches('*.ebay.de', 'ebay.de')).toBe(true);
    expect(hostMatches('*.ebay.de', 'notebay.de')).toBe(false);
    expect(hostMatches('shop.example.org', 'shop.example.org.')).toBe(true);
    expect(hostMatches('shop.example.org', 'a.shop.example.org')).toBe(false);
  });

  it('lets deny win over the marketplace and allow lists', () => {
    const sites = { marketplaces: ['*.ebay.de'], allow: ['shop.example.org'], deny: ['kleinanzeigen.ebay.de'] };
    expect(siteDecision(sites, 'www.ebay.de')).toBe('marketplace');
    expect(siteDecision(sites, 'kleinanzeigen.ebay.de')).toBe('deny');
    expect(siteDecision(sites, 'shop.example.org')).toBe('allow');
    expect(siteDecision(sites, 'example.com')).toBe('on-demand');
  });
});
