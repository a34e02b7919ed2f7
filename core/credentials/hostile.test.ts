/**
 * Hostile and broken input: pages are written by whoever wants to get past the check. Nothing here
 * may throw, and no pattern may backtrack catastrophically on long runs of what it half-matches.
 * The time bound is loose (the machine is shared); catastrophic backtracking would take minutes.
 */
import { describe, expect, it } from 'vitest';
import type { PageLink, TextBlock } from '../engine/types.ts';
import { extractCredentials } from './extract.ts';

const now = new Date('2026-11-29T00:00:00Z');
const block = (text: string): TextBlock => ({ text, where: 'hidden', zone: 'listing' });

describe('hostile input', () => {
  it('survives long runs that half-match every pattern', () => {
    const runs = [
      'DEA '.repeat(20_000),
      'NPI 1'.repeat(20_000),
      `Licencia sanitaria ${'1 AB '.repeat(20_000)}x`,
      `${'1'.repeat(200_000)} SSA`,
      `(京)-非经营性-${'2'.repeat(100_000)}`,
      `(京)网药平台备字〔2022〕第${'0 - '.repeat(20_000)}`,
      `统一社会信用代码${'9'.repeat(100_000)}`,
      `NIF ${'1-'.repeat(50_000)}`,
      `Registro sanitario ${'2015 M - '.repeat(20_000)}`,
      `GLN farmacia ${'7 '.repeat(50_000)}`,
      `琼${'A'.repeat(100_000)}${'8'.repeat(100_000)}`,
    ];
    const started = Date.now();
    for (const text of runs) {
      expect(() => extractCredentials({ blocks: [block(text)], links: [], url: null, now })).not.toThrow();
    }
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('ignores malformed, relative and non-http links without throwing', () => {
    const links: PageLink[] = [
      { href: 'javascript:alert(1)', text: 'common logo', src: 'logo-comun.png' },
      { href: 'http://[::1', text: '' },
      { href: '//static.legitscript.com/seals/1.png', text: '' },
      { href: 'https://', text: '' },
      { href: 'data:text/html,<b>x</b>', text: 'NABP', src: 'nabp.png' },
      { href: 'https://www.legitscript.com/websites/%E0%A4%A', text: '' },
    ];
    const results = extractCredentials({ blocks: [], links, url: 'not a url', now });
    // The logo and the NABP image link nowhere a browser would verify: reported invalid, never thrown.
    expect(results.map((r) => `${r.type} ${r.status}`)).toEqual(['nabp-digital-pharmacy invalid', 'eu-common-logo invalid']);
  });

  it('handles empty input', () => {
    expect(extractCredentials({ blocks: [block('')], links: [], url: null, now })).toEqual([]);
  });
});
