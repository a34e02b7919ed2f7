import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { jsonLdNodes, jsonLdOrganizationNames, jsonLdProducts, microdataProduct } from './structured.ts';

const doc = (html: string): Document => parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`).document as unknown as Document;
const ld = (json: string): string => `<script type="application/ld+json">${json}</script>`;

describe('JSON-LD products', () => {
  it('reads Product inside @graph with a nested AggregateOffer and its sellers', () => {
    const page = doc(ld(`{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Shop"},
      {"@type":["Product","Thing"],"name":"Kettle","sku":"K1","brand":{"@type":"Brand","name":"Acme"},
       "offers":{"@type":"AggregateOffer","lowPrice":"20.00","priceCurrency":"EUR",
         "offers":[{"@type":"Offer","price":"20.00","seller":{"@type":"Organization","name":"Kettle King","url":"https://kk.example"}}]}}]}`));
    const [product] = jsonLdProducts(page);
    expect(product).toMatchObject({ name: 'Kettle', sku: 'K1', brand: 'Acme' });
    expect(product?.offers[0]).toEqual({ price: '20.00', currency: 'EUR', sellerName: null, sellerUrl: null });
    expect(product?.offers[1]).toEqual({ price: '20.00', currency: 'EUR', sellerName: 'Kettle King', sellerUrl: 'https://kk.example' });
    expect(jsonLdOrganizationNames(jsonLdNodes(page))).toEqual(['Shop']);
  });

  it('reads top-level arrays, full schema.org type URLs, lower-case types and priceSpecification', () => {
    const page = doc(ld(`[{"@type":"BreadcrumbList"},{"@type":"http://schema.org/product","name":"Lamp",
      "offers":[{"@type":"Offer","priceSpecification":{"price":15,"priceCurrency":"USD"}}]}]`));
    expect(jsonLdProducts(page)[0]).toMatchObject({ name: 'Lamp', offers: [{ price: 15, currency: 'USD' }] });
  });

  it('decodes HTML entities that sites leave in JSON-LD strings', () => {
    const page = doc(ld(`{"@type":"Product","name":"Cama Elo&iacute;sa 20.47&#x27;&#x27; &amp; more &bogus;"}`));
    expect(jsonLdProducts(page)[0]?.name).toBe("Cama Eloísa 20.47'' & more &bogus;");
  });

  it('tolerates raw newlines inside strings and skips malformed blocks without throwing', () => {
    const page = doc(ld('{"@type":"Product","name":"Two\nlines"}') + ld('{"@type":"Product", "name": ') + ld('<!-- {"@type":"Product","name":"Commented"} -->'));
    expect(jsonLdProducts(page).map((p) => p.name)).toEqual(['Two lines', 'Commented']);
  });

  it('falls back to a bare Offer with itemOffered (classified ads)', () => {
    const page = doc(ld(`{"@type":"Offer","price":"635000","priceCurrency":"PKR","itemOffered":{"@type":"Car","name":"Alto"},"seller":{"@type":"Person","name":"Raza"}}`));
    expect(jsonLdProducts(page)[0]).toMatchObject({ name: 'Alto', offers: [{ price: '635000', currency: 'PKR', sellerName: 'Raza' }] });
  });

  it('stops at absurd nesting instead of recursing without end', () => {
    let json = '{"@type":"Product","name":"Deep"}';
    for (let i = 0; i < 200; i += 1) json = `{"child":${json}}`;
    expect(() => jsonLdNodes(doc(ld(json)))).not.toThrow();
  });
});

describe('microdata', () => {
  it('reads name, price, currency and seller from the Product scope, not from the seller or brand', () => {
    const page = doc(`<div itemscope itemtype="https://schema.org/Product"><span itemprop="brand" itemscope><span itemprop="name">Brand</span></span>
      <h1 itemprop="name">Teapot</h1><div itemprop="offers" itemscope><meta itemprop="price" content="34.90"><meta itemprop="priceCurrency" content="EUR">
      <div itemprop="seller" itemscope><span itemprop="name">Tea House</span></div></div></div>`);
    expect(microdataProduct(page)).toMatchObject({ name: 'Teapot', price: '34.90', currency: 'EUR', seller: 'Tea House' });
  });

  it('has no name without a Product scope', () => {
    expect(microdataProduct(doc('<span itemprop="name">Home</span>')).name).toBeNull();
  });
});

describe('microdata outside a Product scope', () => {
  it('takes a page-wide price only when it is the only one (carousels mark up theirs too)', () => {
    expect(microdataProduct(doc('<span itemprop="price" content="5">5</span>')).price).toBe('5');
    expect(microdataProduct(doc('<span itemprop="price" content="5"></span><span itemprop="price" content="9"></span>')).price).toBeNull();
  });
});
