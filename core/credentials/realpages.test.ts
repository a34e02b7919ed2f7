/**
 * No credential is invented on real marketplace pages (issue #10): none of the 42 saved pages sells
 * drugs or shows a pharmacy licence, and all of them are full of numbers (model numbers, ASINs,
 * phone numbers, prices) that a careless pattern would take for a DEA number, an NPI or a licence.
 * Pages are read in place from the shared folder and never copied; the test skips where it is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, describe, expect, it } from 'vitest';
import type { PageLink, TextBlock } from '../engine/types.ts';
import { extractCredentials } from './extract.ts';

function realPagesDir(): string | null {
  for (const base of ['../shared', '../../shared', '/work/shared']) {
    const dir = join(base, 'realpages', 'pages');
    if (existsSync(dir)) return dir;
  }
  return null;
}

const dir = realPagesDir();

/** Every text node as a block, every anchor (with its image, if any) as a link. */
function pageInput(html: string): { blocks: TextBlock[]; links: PageLink[]; url: string | null } {
  const { document } = parseHTML(html);
  for (const el of document.querySelectorAll('script, style, noscript, template')) el.remove();
  const blocks: TextBlock[] = [];
  const walker = document.createTreeWalker(document, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const text = node.textContent?.trim() ?? '';
    if (text !== '') blocks.push({ text, where: 'visible', zone: 'page' });
  }
  const links: PageLink[] = [...document.querySelectorAll('a[href]')].map((a) => ({
    href: a.getAttribute('href') ?? '',
    text: (a.textContent ?? '').trim().slice(0, 300),
    src: a.querySelector('img')?.getAttribute('src') ?? undefined,
  }));
  for (const img of document.querySelectorAll('img[src]')) {
    links.push({ href: '', text: img.getAttribute('alt') ?? '', src: img.getAttribute('src') ?? undefined });
  }
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  return { blocks, links, url: canonical };
}

const pages = dir === null ? [] : readdirSync(dir).filter((f) => f.endsWith('.html')).sort();
const timings: Array<{ page: string; ms: number }> = [];

describe.skipIf(dir === null)('credentials on real marketplace pages', () => {
  it('has the saved pages', () => {
    expect(pages.length).toBeGreaterThan(30);
  });

  // One test per page, each with room for parsing a multi-megabyte page on a loaded machine.
  it.each(pages)('invents no credential on %s', { timeout: 60_000 }, (page) => {
    const input = pageInput(readFileSync(join(dir ?? '', page), 'utf8'));
    const started = performance.now();
    const results = extractCredentials({ ...input, now: new Date('2026-11-29T00:00:00Z') });
    timings.push({ page, ms: performance.now() - started });
    expect(results.map((r) => `${r.type} ${r.status} ${r.value}`)).toEqual([]);
  });

  afterAll(() => {
    const slowest = timings.reduce((a, b) => (b.ms > a.ms ? b : a), { page: '-', ms: 0 });
    console.log(`credentials: ${timings.length} real pages, slowest extraction ${slowest.ms.toFixed(1)} ms (${slowest.page})`);
  });
});

if (dir === null) {
  console.log('credentials/realpages.test.ts skipped: ../shared/realpages not found (read in place, never copied)');
}
