import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildBundle } from './bundle.ts';
import { escapeHtml, html, safeHref } from './html-escape.ts';
import { sampleChain } from './testing.ts';

describe('report.html', () => {
  it('escapes page text and never links non-http URLs', async () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')">&`)).toBe('&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('https://a.example/?q="x"')).toBe('https://a.example/?q=%22x%22');
    expect(html`<p title="${'"><script>'}">${['<b>', 1]}</p>`.html).toBe('<p title="&quot;&gt;&lt;script&gt;">&lt;b&gt;1</p>');
  });

  it('is self-contained: no script, no external resource, images inline, listing text escaped', async () => {
    const { reports, artifacts, chain } = await sampleChain(1);
    const zip = await buildBundle({ reports, artifacts, chain, caseId: null, createdAt: '2026-11-29T14:00:00.000Z', generator: 't' });
    const page = strFromU8(unzipSync(zip)['report.html']!);
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/(src|href)="(?!data:|https:\/\/shop\.example\.com|#)/);
    expect(page).toContain("default-src 'none'");
    expect(page).toContain('<img alt="screenshot-visible of the listing" src="data:image/png;base64,');
    // The title carries quotes and angle brackets: present as text only.
    expect(page).toContain('Pain relief 0xyc0d0ne 30mg, &quot;no prescription&quot; &lt;fast&gt;');
    expect(page).toContain(reports[0]!.hash);
    expect(page).toContain('Missing or partial: test');
  });
});

describe('report.html languages', () => {
  it('renders in Spanish with the same escaping, and both label sets have the same keys and placeholders', async () => {
    const { REPORT_HTML_LABELS } = await import('./report-html-labels.ts');
    const keys = (locale: 'en' | 'es') => Object.keys(REPORT_HTML_LABELS[locale]).sort();
    expect(keys('es')).toEqual(keys('en'));
    for (const key of keys('en') as Array<keyof (typeof REPORT_HTML_LABELS)['en']>) {
      const holes = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(holes(REPORT_HTML_LABELS.es[key]), key).toEqual(holes(REPORT_HTML_LABELS.en[key]));
    }
    const { reports, artifacts, chain } = await sampleChain(1);
    const zip = await buildBundle({ reports, artifacts, chain, caseId: 'CASO-9', createdAt: '2026-11-29T14:00:00.000Z', generator: 't', locale: 'es' });
    const page = strFromU8(unzipSync(zip)['report.html']!);
    expect(page).toContain('<html lang="es">');
    expect(page).toContain('Caso CASO-9: paquete de pruebas');
    expect(page).toContain('Notas del revisor');
    expect(page).toContain('Verifíquelo con npm run cli -- verify &lt;bundle.zip&gt;');
    expect(page).toContain('Pain relief 0xyc0d0ne 30mg, &quot;no prescription&quot; &lt;fast&gt;');
  });
});
