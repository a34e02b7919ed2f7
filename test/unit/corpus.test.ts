/**
 * The corpus is data: it is tested as data. The committed files are exactly what the generator
 * writes, the manifest parses, the labels are self-consistent (credential check digits, phrases
 * present on their pages), and every trick and near-miss family is covered several times.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_SPECS, CORPUS_DIR, buildCorpus, diffCorpus } from '../eval/generate.ts';
import { EVAL_TRICKS, MARKETPLACES, parseManifest } from '../eval/manifest.ts';

const manifest = parseManifest(JSON.parse(readFileSync(join(CORPUS_DIR, 'manifest.json'), 'utf8')));
const html = (file: string) => readFileSync(join(CORPUS_DIR, file), 'utf8');

/** Entity-decoded page source, so labels can be looked up as a reader sees them. */
const decoded = (file: string) =>
  html(file).replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))).replace(/&amp;/g, '&');

function npiValid(npi: string): boolean {
  const digits = `80840${npi}`.split('').map(Number).reverse();
  const sum = digits.reduce((total, digit, i) => total + (i % 2 === 1 ? (digit * 2 > 9 ? digit * 2 - 9 : digit * 2) : digit), 0);
  return /^[12]\d{9}$/.test(npi) && sum % 10 === 0;
}

function deaValid(dea: string): boolean {
  const m = /^[A-Z][A-Z9](\d{7})$/.exec(dea);
  if (!m?.[1]) return false;
  const d = m[1].split('').map(Number) as [number, number, number, number, number, number, number];
  return (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10 === d[6];
}

describe('corpus', () => {
  it('is exactly what the generator writes (run node test/eval/generate.ts after editing specs)', () => {
    expect(diffCorpus(CORPUS_DIR, buildCorpus())).toEqual([]);
  });

  it('has at least 80 pages, about 60% violating, over every marketplace family and language', () => {
    const pages = manifest.pages;
    expect(pages.length).toBeGreaterThanOrEqual(80);
    const share = pages.filter((p) => p.violating).length / pages.length;
    expect(share).toBeGreaterThan(0.55);
    expect(share).toBeLessThan(0.65);
    expect(new Set(pages.map((p) => p.marketplace))).toEqual(new Set(MARKETPLACES));
    for (const language of ['en', 'es', 'zh'] as const) {
      expect(pages.filter((p) => p.languages.includes(language)).length).toBeGreaterThanOrEqual(10);
    }
    expect(pages.filter((p) => p.languages.length > 1).length).toBeGreaterThanOrEqual(5);
  });

  it('shows every trick in several pages', () => {
    for (const trick of EVAL_TRICKS) {
      const pages = manifest.pages.filter((p) => p.findings.some((f) => f.trick === trick && !f.optional));
      expect(pages.length, `trick ${trick}`).toBeGreaterThanOrEqual(2);
    }
    const hiding = ['display:none', 'visibility:hidden', 'font-size:0', 'color:#ffffff;background-color:#ffffff', 'left:-9999px', 'clip:rect', 'opacity:0'];
    for (const style of hiding) {
      expect(manifest.pages.some((p) => html(p.file).includes(style)), style).toBe(true);
    }
  });

  it('labels violating pages with findings and benign pages with near-misses', () => {
    for (const page of manifest.pages) {
      if (page.violating) {
        expect(page.findings.filter((f) => !f.optional).length, page.file).toBeGreaterThan(0);
        expect(page.verdict, page.file).not.toBe('clear');
      } else {
        expect(page.findings.filter((f) => !f.optional), page.file).toEqual([]);
      }
    }
    expect(manifest.pages.filter((p) => !p.violating && p.mustNotFlag.length > 0).length).toBeGreaterThanOrEqual(30);
  });

  it('puts every must-not-flag phrase on its page', () => {
    for (const page of manifest.pages) {
      const text = decoded(page.file);
      for (const phrase of page.mustNotFlag) expect(text.includes(phrase), `${page.file}: ${phrase}`).toBe(true);
    }
  });

  it('labels credentials consistently with their check digits and shows them on the page', () => {
    const checked = manifest.pages.flatMap((p) => p.credentials.map((c) => ({ ...c, file: p.file })));
    expect(checked.length).toBeGreaterThanOrEqual(10);
    for (const c of checked) {
      expect(decoded(c.file).includes(c.value), `${c.file}: ${c.value}`).toBe(true);
      // A check digit that passes proves the format, not the registration: unverified (issue #3).
      if (c.type === 'npi') expect(npiValid(c.value) ? 'unverified' : 'invalid', c.value).toBe(c.status);
      if (c.type === 'dea') expect(deaValid(c.value) ? 'unverified' : 'invalid', c.value).toBe(c.status);
    }
    for (const status of ['valid', 'invalid', 'unverified'] as const) {
      expect(checked.some((c) => c.status === status), status).toBe(true);
    }
  });

  it('is self-contained: no external resources', () => {
    for (const page of manifest.pages) {
      const source = html(page.file);
      expect(source, page.file).not.toMatch(/<(?:link|script|img|iframe)\b[^>]*\bsrc=["']https?:/i);
      expect(source, page.file).not.toMatch(/<link\b[^>]*rel=["']stylesheet/i);
    }
  });

  it('keeps manifest order equal to the specs', () => {
    expect(manifest.pages.map((p) => p.file)).toEqual(ALL_SPECS.map((s) => `${s.id}.html`));
  });
});
