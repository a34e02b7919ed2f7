import { describe, expect, it } from 'vitest';
import { isMarketplaceUrl, MARKETPLACE_MATCHES } from './marketplaces.ts';

describe('marketplace list', () => {
  it('covers country sites and subdomains', () => {
    expect(isMarketplaceUrl('https://www.amazon.es/dp/B0001')).toBe(true);
    expect(isMarketplaceUrl('https://articulo.mercadolibre.com.mx/MLM-1')).toBe(true);
    expect(isMarketplaceUrl('https://detail.1688.com/offer/1.html')).toBe(true);
    expect(isMarketplaceUrl('https://www.facebook.com/marketplace/item/1')).toBe(true);
  });

  it('does not run on look-alikes or other Facebook pages', () => {
    expect(isMarketplaceUrl('https://amazon.com.evil.example/')).toBe(false);
    expect(isMarketplaceUrl('https://notamazon.com/')).toBe(false);
    expect(isMarketplaceUrl('https://www.facebook.com/groups/1')).toBe(false);
    expect(isMarketplaceUrl('file:///tmp/amazon.com.html')).toBe(false);
  });

  it('writes valid match patterns without TLD wildcards', () => {
    for (const p of MARKETPLACE_MATCHES) expect(p).toMatch(/^\*:\/\/\*\.[a-z0-9.-]+\.[a-z]{2,}\/(marketplace\/)?\*$/);
    expect(new Set(MARKETPLACE_MATCHES).size).toBe(MARKETPLACE_MATCHES.length);
  });
});
