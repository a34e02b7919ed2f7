import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { chromeElements, isChrome } from './chrome.ts';
import { declaredUrl, ownText, textOf } from './dom.ts';

const doc = (html: string): Document => parseHTML(html).document as unknown as Document;

describe('page chrome', () => {
  const page = doc(`<html><body><header id="site"><a id="pharmacy">Pharmacy</a></header>
    <main><article><header id="product-head"><h1 id="title">Kettle</h1></header></article></main>
    <div class="site-megamenu"><a id="menu-link">Vitamins</a></div><footer id="foot">Licence</footer></body></html>`);

  it('treats site headers, footers, navigation and mega-menus as chrome', () => {
    for (const id of ['pharmacy', 'menu-link', 'foot']) expect(isChrome(page.getElementById(id)!), id).toBe(true);
  });

  it('does not treat a header inside an article (the product heading block) as chrome', () => {
    expect(isChrome(page.getElementById('title')!)).toBe(false);
    expect(chromeElements(page).map((el) => el.id || el.className)).toEqual(['site', 'site-megamenu', 'foot']);
  });
});

describe('DOM helpers', () => {
  it('reads text without scripts and styles, with block boundaries as spaces', () => {
    const page = doc('<div id="x"><div>one</div><div>two</div><script>var a = 1;</script><style>.a{}</style> three&nbsp;four</div>');
    expect(textOf(page.getElementById('x'))).toBe('one two three four');
  });

  it('reads an element\u2019s own text only', () => {
    expect(ownText(doc('<h1 id="h"><span>Brand</span> Name  here</h1>').getElementById('h'))).toBe('Name here');
  });

  it('takes the declared address from canonical, resolved against og:url, and only http(s)', () => {
    expect(declaredUrl(doc('<head><meta property="og:url" content="https://shop.example/p/1"><link rel="canonical" href="/p/1?x=1"></head>'))?.href).toBe('https://shop.example/p/1?x=1');
    expect(declaredUrl(doc('<head><link rel="canonical" href="javascript:alert(1)"></head>'))).toBeNull();
    expect(declaredUrl(doc('<p>fragment</p>'))).toBeNull();
  });
});

describe('div-built chrome', () => {
  const page = doc(`<html><body><div id="header"><a id="h">Home</a></div><div class="w footer"><span id="lic">药品网络交易第三方平台备案凭证</span></div>
    <div class="product-card"><div class="card-footer" id="cf">$5</div></div><div id="J_Footer"><a id="jf">帮助</a></div></body></html>`);
  it('treats div headers and footers named as the site\u2019s as chrome', () => {
    for (const id of ['h', 'lic', 'jf']) expect(isChrome(page.getElementById(id)!), id).toBe(true);
  });
  it('does not treat a product card\u2019s footer as chrome', () => {
    expect(isChrome(page.getElementById('cf')!)).toBe(false);
  });
});
