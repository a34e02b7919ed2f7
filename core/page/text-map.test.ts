import { describe, expect, it } from 'vitest';
import { DOMS } from '../../test/helpers/dom.ts';
import { buildTextMap, rangesFor, staticVisibilityProbe, textOfRanges, TextMapBuilder } from './index.ts';
import type { MappedBlock, TextMap, TextMapOptions } from './index.ts';

describe.each(DOMS)('buildTextMap on %s', (_name, parse) => {
  const map = (html: string, extra: Partial<TextMapOptions> = {}): TextMap =>
    buildTextMap(parse(html), { visibility: staticVisibilityProbe, parseHtml: parse, ...extra });
  const texts = (m: TextMap, where?: string): string[] =>
    m.blocks.filter((b) => where === undefined || b.where === where).map((b) => b.text);
  const find = (m: TextMap, text: string): MappedBlock => {
    const block = m.blocks.find((b) => b.text === text);
    if (!block) throw new Error(`no block "${text}" in ${JSON.stringify(texts(m))}`);
    return block;
  };

  it('joins words split across inline elements and maps them to both nodes', () => {
    const m = map('<p>Buy <b>oxy</b>codone <i>now</i></p>');
    expect(texts(m)).toEqual(['Buy oxycodone now']);
    const block = find(m, 'Buy oxycodone now');
    const ranges = rangesFor(block, 4, 13);
    expect(ranges.map((r) => r.node.data.slice(r.startOffset, r.endOffset))).toEqual(['oxy', 'codone']);
    expect(ranges[0]?.node).not.toBe(ranges[1]?.node);
  });

  it('separates block elements, list items, cells and line breaks', () => {
    const m = map(
      '<div>oxy</div><div>codone</div><ul><li>one</li><li>two</li></ul>' +
        '<table><tr><td>cell a</td><td>cell b</td></tr></table><p>line 1<br>line 2</p><h2>head</h2>tail',
    );
    expect(texts(m)).toEqual(['oxy', 'codone', 'one', 'two', 'cell a', 'cell b', 'line 1', 'line 2', 'head', 'tail']);
  });

  it('collapses white space as a browser does, keeping offsets exact', () => {
    const m = map('<p>  tramadol \n\n   50mg\t<span> </span> tablets  </p><pre>a  b\n c</pre>');
    // The one space kept of a run is the page's own character, so offsets map one to one.
    expect(texts(m)).toEqual(['tramadol 50mg\ttablets', 'a  b\n c']);
  });

  it('skips script, style, noscript, template and svg text', () => {
    const m = map(
      '<p>kept</p><script>var fentanyl = 1</script><style>.x{}</style><noscript>noscript text</noscript>' +
        '<template><p>template text</p></template><svg><text>svg text</text></svg>',
    );
    expect(texts(m)).toEqual(['kept']);
  });

  it.each([
    ['hidden attribute', '<div hidden>cloaked words</div>'],
    ['display none', '<div style="display:none">cloaked words</div>'],
    ['visibility hidden', '<div style="visibility: hidden">cloaked words</div>'],
    ['zero font size', '<div style="font-size:0">cloaked words</div>'],
    ['tiny font size', '<div style="font-size: 1px">cloaked words</div>'],
    ['zero opacity', '<div style="opacity:0">cloaked words</div>'],
    ['off-screen left', '<div style="position:absolute;left:-9999px">cloaked words</div>'],
    ['off-screen top', '<div style="position: fixed; top: -5000px">cloaked words</div>'],
    ['text-indent', '<div style="text-indent:-9999px">cloaked words</div>'],
    ['zero clip', '<div style="position:absolute;clip:rect(0 0 0 0)">cloaked words</div>'],
    ['zero clip with commas', '<div style="position:absolute;clip: rect(0px, 0px, 0px, 0px)">cloaked words</div>'],
    ['clip-path inset', '<div style="clip-path: inset(50%)">cloaked words</div>'],
    ['zero-size overflow', '<div style="width:0;height:0;overflow:hidden">cloaked words</div>'],
    ['colour of own background', '<div style="color:#fff;background:#ffffff">cloaked words</div>'],
    ['colour of ancestor background', '<div style="background-color: rgb(250, 250, 250)"><span style="color:white">cloaked words</span></div>'],
    ['transparent colour', '<div style="color: transparent">cloaked words</div>'],
    ['font colour of bgcolor', '<table bgcolor="#000000"><tr><td><font color="black">cloaked words</font></td></tr></table>'],
    ['hidden ancestor', '<div style="display:none"><p><b>cloaked words</b></p></div>'],
  ])('reports text hidden by %s as hidden', (_case, html) => {
    const m = map(`<p>visible text</p>${html}`);
    expect(texts(m, 'hidden')).toEqual(['cloaked words']);
    expect(texts(m, 'visible')).toEqual(['visible text']);
  });

  it.each([
    ['aria-hidden', '<div aria-hidden="true">shown words</div>'],
    ['white text without a declared background', '<div style="color:#fff">shown words</div>'],
    ['dark text on light background', '<div style="background:#fff;color:#222">shown words</div>'],
    ['small but readable font', '<div style="font-size:10px">shown words</div>'],
    ['slightly off-screen', '<div style="position:relative;left:-20px">shown words</div>'],
    ['half opacity', '<div style="opacity:0.5">shown words</div>'],
  ])('keeps text shown despite %s visible', (_case, html) => {
    expect(texts(map(html), 'visible')).toEqual(['shown words']);
  });

  it('takes hidden text out of the visible line it splits', () => {
    const m = map('<p>buy ox<span style="display:none">zz</span>ycodone here</p>');
    expect(texts(m, 'visible')).toEqual(['buy oxycodone here']);
    expect(texts(m, 'hidden')).toEqual(['zz']);
  });

  it('reads alt, title, aria-label and placeholder as attribute blocks', () => {
    const m = map(
      '<img src="a.png" alt="oxycodone 30mg"><a href="/x" title="xanax bars">link</a>' +
        '<button aria-label="buy percocet">+</button><input placeholder="search adderall">' +
        '<a href="/y" title="Same Words">same  words</a>',
    );
    const attrs = m.blocks.filter((b) => b.where === 'attribute');
    expect(attrs.map((b) => [b.text, b.kind === 'attribute' ? b.attribute : ''])).toEqual([
      ['oxycodone 30mg', 'alt'],
      ['xanax bars', 'title'],
      ['buy percocet', 'aria-label'],
      ['search adderall', 'placeholder'],
    ]);
    const alt = attrs[0];
    expect(alt?.kind === 'attribute' && alt.element.getAttribute('alt')).toBe('oxycodone 30mg');
  });

  it('reads JSON-LD text values with their paths, not URLs or prices', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: 'Oxycodone 30mg',
      description: 'Fast shipping',
      image: 'https://cdn.example/x.png',
      brand: { '@type': 'Brand', name: 'PharmaCo' },
      offers: { '@type': 'Offer', price: '99.00', url: 'https://shop.example/x', priceCurrency: 'USD' },
      additionalProperty: [{ '@type': 'PropertyValue', name: 'strength', value: '30mg' }],
    };
    const m = map(`<script type="application/ld+json">${JSON.stringify(ld)}</script><p>body</p>`, {
      listingRoots: [],
    });
    const blocks = m.blocks.filter((b) => b.kind === 'json-ld');
    expect(blocks.map((b) => [b.text, b.kind === 'json-ld' ? b.path : ''])).toEqual([
      ['Oxycodone 30mg', '$.name'],
      ['Fast shipping', '$.description'],
      ['PharmaCo', '$.brand.name'],
      ['strength', '$.additionalProperty[0].name'],
      ['30mg', '$.additionalProperty[0].value'],
    ]);
    expect(blocks.every((b) => b.where === 'structured-data')).toBe(true);
  });

  it('puts JSON-LD products in the listing zone and breadcrumbs and site data in the page zone', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Big Pharmacy Mart', potentialAction: { '@type': 'SearchAction', 'query-input': 'required name=q' } },
        {
          '@type': 'BreadcrumbList',
          itemListElement: [
            { '@type': 'ListItem', position: 1, name: 'Pharmacy', item: { '@type': 'Product', name: 'odd typed crumb' } },
            { '@type': 'ListItem', position: 2, name: 'Vitamins' },
          ],
        },
        { '@type': 'Product', name: 'Vitamin C 1000mg', breadcrumb: { '@type': 'BreadcrumbList', name: 'Health > Vitamins' } },
        { '@type': 'Organization', name: 'Mart Inc.' },
      ],
    };
    const doc = parse(`<script type="application/ld+json">${JSON.stringify(ld)}</script><div id="item">item</div>`);
    const zones = (roots: Element[]): string[][] =>
      buildTextMap(doc, { visibility: staticVisibilityProbe, listingRoots: roots })
        .blocks.filter((b) => b.kind === 'json-ld')
        .map((b) => [b.text, b.zone]);
    expect(zones([])).toEqual([
      ['Big Pharmacy Mart', 'page'],
      ['Pharmacy', 'page'],
      ['odd typed crumb', 'page'],
      ['Vitamins', 'page'],
      ['Vitamin C 1000mg', 'listing'],
      ['Health > Vitamins', 'page'],
      ['Mart Inc.', 'listing'],
    ]);
    // With the adapter's listing roots, untyped data outside them is page text.
    expect(zones([doc.getElementById('item') as Element]).at(-1)).toEqual(['Mart Inc.', 'page']);
  });

  it('tolerates JSON-LD wrapped in comments and ignores broken JSON-LD', () => {
    const m = map(
      '<script type="application/ld+json"><!-- {"@type":"Product","name":"Tramadol"} --></script>' +
        '<script type="application/ld+json">{"name": </script><p>ok</p>',
    );
    expect(texts(m, 'structured-data')).toEqual(['Tramadol']);
  });

  it('reads meta descriptions, OpenGraph and microdata content, and the title', () => {
    const m = map(
      '<html><head><title>Buy Xanax</title><meta name="description" content="xanax online">' +
        '<meta property="og:title" content="Xanax 2mg"><meta property="og:image" content="https://x/y.png">' +
        '<meta name="viewport" content="width=device-width"></head><body>' +
        '<div itemscope itemtype="https://schema.org/Product"><meta itemprop="name" content="Alprazolam">' +
        '<meta itemprop="price" content="10"><span itemprop="description">visible description</span></div></body></html>',
    );
    expect(texts(m, 'structured-data')).toEqual(['Buy Xanax', 'xanax online', 'Xanax 2mg', 'Alprazolam']);
    expect(texts(m, 'visible')).toEqual(['visible description']);
  });

  it('puts the title and meta descriptions in the metadata zone when one is given (item pages)', () => {
    const doc = parse(
      '<html><head><title>Xanax 2mg</title><meta name="description" content="xanax online"><meta property="og:image" content="x.png"></head>' +
        '<body><div id="item"><h1>Xanax 2mg</h1></div><meta itemprop="name" content="Alprazolam"></body></html>',
    );
    const item = doc.getElementById('item') as Element;
    const zones = (extra: Partial<TextMapOptions>): string[][] =>
      buildTextMap(doc, { visibility: staticVisibilityProbe, listingRoots: [item], ...extra }).blocks.map((b) => [b.text, b.where, b.zone]);
    expect(zones({})).toEqual([
      ['Xanax 2mg', 'structured-data', 'page'],
      ['xanax online', 'structured-data', 'page'],
      ['Xanax 2mg', 'visible', 'listing'],
      ['Alprazolam', 'structured-data', 'page'],
    ]);
    expect(zones({ metadataZone: 'listing' })).toEqual([
      ['Xanax 2mg', 'structured-data', 'listing'],
      ['xanax online', 'structured-data', 'listing'],
      ['Xanax 2mg', 'visible', 'listing'],
      ['Alprazolam', 'structured-data', 'page'],
    ]);
  });

  it('reads open shadow roots as shadow-dom', () => {
    const doc = parse('<p>light</p><div id="host">slotted</div>');
    const host = doc.getElementById('host') as Element;
    const root = host.attachShadow({ mode: 'open' });
    const p = doc.createElement('p');
    p.append(doc.createTextNode('oxy'), doc.createElement('b'));
    (p.lastChild as Element).append(doc.createTextNode('codone'));
    root.append(p);
    const m = buildTextMap(doc, { visibility: staticVisibilityProbe });
    expect(texts(m, 'shadow-dom')).toEqual(['oxycodone']);
    expect(texts(m, 'visible')).toEqual(['light', 'slotted']);
    const block = find(m, 'oxycodone');
    expect(textOfRanges(rangesFor(block, 0, 9))).toBe('oxycodone');
  });

  it('reads same-origin srcdoc iframes as iframe', () => {
    const m = map('<p>outer</p><iframe srcdoc="<p>inner <b>fent</b>anyl</p>"></iframe>');
    expect(texts(m, 'iframe')).toEqual(['inner fentanyl']);
    expect(texts(m, 'visible')).toEqual(['outer']);
  });

  it('reports text of a hidden iframe as hidden', () => {
    const m = map('<iframe style="display:none" srcdoc="<p>secret</p>"></iframe>');
    expect(texts(m, 'hidden')).toEqual(['secret']);
  });

  it('puts navigation, menus, site header and footer in the page zone on generic pages', () => {
    const m = map(
      '<header><a href="/">Home</a></header><nav>Pharmacy</nav><div class="mega-menu">Rx menu</div>' +
        '<div id="navFooter">footer links</div><div role="navigation">role nav</div>' +
        '<div class="breadcrumb">Health</div><div class="cookie-banner">cookies</div>' +
        '<main><article><header><h1>Product title</h1></header><div class="product-header">Price</div>' +
        '<p>description</p></article></main><footer>site footer</footer>',
    );
    const zone = (t: string): string => find(m, t).zone;
    for (const t of ['Home', 'Pharmacy', 'Rx menu', 'footer links', 'role nav', 'Health', 'cookies', 'site footer']) {
      expect([t, zone(t)]).toEqual([t, 'page']);
    }
    for (const t of ['Product title', 'Price', 'description']) expect([t, zone(t)]).toEqual([t, 'listing']);
  });

  it('puts only the listing roots in the listing zone when the adapter gives them', () => {
    const doc = parse('<div id="menu">Pharmacy</div><div id="item"><h1>Vitamin C</h1><img src="a.png" alt="bottle"></div><p>other</p>');
    const item = doc.getElementById('item') as Element;
    const m = buildTextMap(doc, { visibility: staticVisibilityProbe, listingRoots: [item] });
    expect(m.blocks.map((b) => [b.text, b.zone])).toEqual([
      ['Pharmacy', 'page'],
      ['Vitamin C', 'listing'],
      ['bottle', 'listing'],
      ['other', 'page'],
    ]);
  });

  it('collects links and images with resolved URLs', () => {
    const m = map(
      '<a href="https://www.legitscript.com/websites/?checker_keywords=shop.example"><img src="/seal.png" alt="LegitScript approved"></a>' +
        '<a href="/about">About  us</a>',
      { baseUrl: 'https://shop.example/item/1' },
    );
    expect(m.links).toEqual([
      { href: 'https://www.legitscript.com/websites/?checker_keywords=shop.example', text: 'LegitScript approved' },
      { href: 'https://www.legitscript.com/websites/?checker_keywords=shop.example', text: 'LegitScript approved', src: 'https://shop.example/seal.png' },
      { href: 'https://shop.example/about', text: 'About us' },
    ]);
  });

  it('gives the same map in slices as in one go', () => {
    const html = '<div><p>a <b>b</b> c</p><ul><li>x</li><li hidden>y</li></ul><img alt="z"><p>d<br>e</p></div>';
    const whole = map(html);
    const builder = new TextMapBuilder(parse(html), { visibility: staticVisibilityProbe });
    let steps = 0;
    while (!builder.step(2)) steps++;
    expect(steps).toBeGreaterThan(5);
    const sliced = builder.result();
    expect(sliced.blocks.map((b) => [b.text, b.where])).toEqual(whole.blocks.map((b) => [b.text, b.where]));
  });

  it('maps a subtree with what its ancestors say (hidden, zone)', () => {
    const doc = parse('<nav><div style="display:none"><section id="added"><p>late <i>text</i></p></section></div></nav>');
    const added = doc.getElementById('added') as Element;
    const m = buildTextMap(added, { visibility: staticVisibilityProbe });
    expect(m.blocks.map((b) => [b.text, b.where, b.zone])).toEqual([['late text', 'hidden', 'page']]);
  });

  it('maps a shadow root on its own as shadow-dom (content added inside it later)', () => {
    const doc = parse('<div id="host"></div>');
    const root = (doc.getElementById('host') as Element).attachShadow({ mode: 'open' });
    const p = doc.createElement('p');
    p.append(doc.createTextNode('late fentanyl'));
    root.append(p);
    const m = buildTextMap(root as unknown as DocumentFragment, { visibility: staticVisibilityProbe });
    expect(m.blocks.map((b) => [b.text, b.where])).toEqual([['late fentanyl', 'shadow-dom']]);
    const inside = buildTextMap(p, { visibility: staticVisibilityProbe });
    expect(inside.blocks.map((b) => [b.text, b.where])).toEqual([['late fentanyl', 'shadow-dom']]);
  });

  it('gives attribute and JSON-LD blocks no text ranges', () => {
    const m = map('<img alt="oxycodone" src="a.png"><script type="application/ld+json">{"@type":"Product","name":"Xanax"}</script>');
    expect(m.blocks.map((b) => [b.kind, rangesFor(b, 0, 3)])).toEqual([
      ['attribute', []],
      ['json-ld', []],
    ]);
  });

  it('maps every [start, end) of every text block back to exactly that text', () => {
    const m = map(
      '<div>  Buy   <b>0xy</b><i>c0d</i>one\n\n<span style="display:none">hid<b>den</b></span> now <br> next\tline ' +
        '<ul><li> a <em>b</em> </li><li>c&nbsp;&nbsp;d</li></ul><pre>  pre  formatted \n text</pre>' +
        '<p>中文<b>文本</b>测试 <span>x</span> </p></div>',
    );
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    let checked = 0;
    for (const block of m.blocks) {
      if (block.kind !== 'text') continue;
      expect(textOfRanges(rangesFor(block, 0, block.text.length))).toBe(block.text);
      for (let i = 0; i < 50; i++) {
        const a = random(block.text.length + 1);
        const b = random(block.text.length + 1);
        const [s, e] = a <= b ? [a, b] : [b, a];
        expect(textOfRanges(rangesFor(block, s, e))).toBe(block.text.slice(s, e));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(300);
  });
});
