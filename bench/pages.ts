/**
 * Generated benchmark pages (issue #7): a typical listing (about 2,000 DOM nodes) and a huge
 * search-results page (about 15,000 text nodes, about a million characters), built from ordinary
 * product vocabulary with a few pack terms sprinkled in, so a scan has something to highlight
 * but spends its time where real pages make it spend it: on innocent text. Deterministic.
 */

const WORDS = (
  'stainless steel water bottle insulated double wall vacuum travel mug lid handle kitchen cotton shirt ' +
  'men women kids size small medium large blue black white red green grey wireless bluetooth headphones ' +
  'noise cancelling battery hours charging cable fast charger phone case clear protective screen glass ' +
  'garden hose nozzle spray pattern lawn mower blade outdoor patio chair cushion waterproof cover table ' +
  'lamp bedroom light bulb warm dimmable smart home speaker voice assistant remote control television ' +
  'stand wall mount bracket steel frame shelf storage box organiser drawer closet hanger shoes running ' +
  'trail hiking boots socks wool winter jacket coat hood zipper pocket backpack laptop sleeve notebook ' +
  'pen pencil paper craft kit paint brush canvas easel toy car puzzle board game family card deck dog ' +
  'cat food bowl leash collar bed pet grooming brush vitamin supplement tablets capsules daily protein ' +
  'powder chocolate vanilla flavour coffee beans ground roast tea leaves green herbal mint organic snack'
).split(' ');

/** mulberry32: small, fast, deterministic. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function words(next: () => number, count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(WORDS[Math.floor(next() * WORDS.length)] ?? 'item');
  return out.join(' ');
}

export interface PageOptions {
  seed?: number;
  /** Terms to sprinkle into some cards (pack terms), one in `every` cards. */
  terms?: readonly string[];
  every?: number;
}

/** One search-result card: about 20 text nodes (title, price parts, rating, badges, bullets). */
export function card(index: number, options: PageOptions & { descriptionWords?: number } = {}): string {
  const next = random((options.seed ?? 7) * 100_003 + index);
  const terms = options.terms ?? [];
  const every = options.every ?? 25;
  const term = terms.length > 0 && index % every === 3 ? ` ${terms[index % terms.length] ?? ''} 30mg` : '';
  const bullets = Array.from({ length: 5 }, () => `<li>${words(next, options.descriptionWords ?? 10)}</li>`).join('');
  return (
    `<div class="s-result-item" data-asin="B0${String(index).padStart(8, '0')}">` +
    `<div class="s-image"></div>` +
    `<h2 class="s-title"><a href="/dp/B0${String(index).padStart(8, '0')}"><span>${words(next, 9)}${term}</span></a></h2>` +
    `<div class="s-price"><span class="sym">$</span><span class="whole">${1 + Math.floor(next() * 200)}</span><span class="frac">.99</span></div>` +
    `<div class="s-rating" aria-label="4.${Math.floor(next() * 10)} out of 5 stars"><span>4.${Math.floor(next() * 10)}</span><span>(${Math.floor(next() * 9000)})</span></div>` +
    `<div class="s-badges"><span>Best seller</span><span>Free delivery</span><span>${words(next, 3)}</span></div>` +
    `<ul class="s-bullets">${bullets}</ul>` +
    `<div class="s-seller"><span>Sold by</span> <a href="/shop/${index}">${words(next, 2)}</a></div>` +
    `</div>`
  );
}

function shell(title: string, body: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font:14px Arial,sans-serif;margin:0}.s-result-item{display:inline-block;vertical-align:top;width:300px;margin:6px;border:1px solid #ddd;padding:6px}.s-image{height:60px;background:#eee}</style>
</head><body>${body}</body></html>`;
}

function nav(next: () => number, links: number): string {
  return `<header id="nav"><nav>${Array.from({ length: links }, (_, i) => `<a href="/c/${i}">${words(next, 2)}</a>`).join(' ')}</nav></header>`;
}

/** A typical item page: navigation, the listing with its description, recommendations, footer. */
export function typicalListing(options: PageOptions = {}): string {
  const next = random(options.seed ?? 11);
  const terms = options.terms ?? [];
  const paragraphs = Array.from({ length: 30 }, (_, i) => `<p>${words(next, 25)}${i === 4 && terms[0] ? ` ${terms[0]} 10mg` : ''}</p>`).join('');
  const specs = Array.from({ length: 40 }, () => `<tr><th>${words(next, 2)}</th><td>${words(next, 4)}</td></tr>`).join('');
  const recommendations = Array.from({ length: 36 }, (_, i) => card(i, { ...options, every: 12 })).join('');
  const footer = Array.from({ length: 60 }, (_, i) => `<a href="/f/${i}">${words(next, 2)}</a>`).join(' ');
  return shell(
    'Typical listing',
    `${nav(next, 60)}<main id="dp"><h1 id="productTitle">${words(next, 12)}</h1><div id="price">$24.99</div>` +
      `<div id="description">${paragraphs}</div><table id="specs">${specs}</table>` +
      `<section id="recommendations">${recommendations}</section></main><footer>${footer}</footer>`,
  );
}

/** A huge search-results page: `cards` result cards (880 make about 15,000 text nodes and a million characters). */
export function hugeSearchPage(options: PageOptions & { cards?: number } = {}): string {
  const next = random(options.seed ?? 13);
  const cards = Array.from({ length: options.cards ?? 880 }, (_, i) => card(i, { ...options, descriptionWords: 31 })).join('');
  return shell('Search results', `${nav(next, 80)}<main id="search"><div class="s-main-slot">${cards}</div></main>`);
}

/** The text of `count` cards, as plain blocks, for the Node throughput runs. */
export function plainText(bytes: number, terms: readonly string[], seed = 17): string[] {
  const next = random(seed);
  const blocks: string[] = [];
  let size = 0;
  let i = 0;
  while (size < bytes) {
    const text = `${words(next, 12)}${terms.length && i % 40 === 7 ? ` ${terms[i % terms.length] ?? ''} 20mg` : ''} ${words(next, 10)}`;
    blocks.push(text);
    size += text.length;
    i++;
  }
  return blocks;
}
