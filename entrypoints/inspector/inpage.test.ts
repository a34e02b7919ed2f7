// @vitest-environment happy-dom
/**
 * The in-page pieces that need no browser: change batching, the highlight style sheet,
 * element descriptions, and the messaging contract's guard against hostile content.
 */
import { describe, expect, it } from 'vitest';
import { ContentMessage, HighlightName } from '../../platform/messages/contract.ts';
import { describeElement } from './describe.ts';
import { highlightCss } from './highlight-style.ts';
import { randomHighlightName } from './highlighter-names.ts';
import { MutationQueue } from './mutations.ts';
import type { ChangeBatch } from './mutations.ts';

const names = { high: 'haaaaaaaaaaaa', medium: 'hbbbbbbbbbbbb', low: 'hcccccccccccc', focus: 'hdddddddddddd' };

describe('highlight names and styles', () => {
  it('makes names the contract accepts and never repeats them', () => {
    const made = new Set(Array.from({ length: 200 }, randomHighlightName));
    expect(made.size).toBe(200);
    for (const n of made) expect(HighlightName.safeParse(n).success).toBe(true);
  });

  it('refuses names that could break out of the CSS', () => {
    for (const bad of ['x) } body { display:none', 'Hello', 'h1', '']) expect(HighlightName.safeParse(bad).success).toBe(false);
  });

  it('styles each severity with its colour and line, and falls back on invalid settings', () => {
    const css = highlightCss(names, { high: { colour: '#112233', line: 'double' }, medium: { colour: 'red; x', line: 'wavy' } });
    expect(css).toContain('::highlight(haaaaaaaaaaaa) { background-color: #1122334d; text-decoration: underline double #112233');
    expect(css).toContain('::highlight(hbbbbbbbbbbbb) { background-color: #e374004d; text-decoration: underline wavy #e37400');
    expect(css).not.toContain('red; x');
    expect(css).toContain('::highlight(hcccccccccccc)');
  });
});

describe('content messages are bounded', () => {
  it('refuses unknown kinds and oversized text', () => {
    expect(ContentMessage.safeParse({ kind: 'panel/triage', tabId: 1 }).success).toBe(false);
    const huge = { kind: 'inpage/scan', blocks: [{ text: 'x'.repeat(200_001), where: 'visible', zone: 'listing' }] };
    expect(ContentMessage.safeParse(huge).success).toBe(false);
    const ok = { kind: 'inpage/scan', blocks: [{ text: 'oxycodone', where: 'hidden', zone: 'listing' }] };
    expect(ContentMessage.safeParse(ok).success).toBe(true);
  });
});

describe('element descriptions', () => {
  it('names the element by tag, id, classes and attribute', () => {
    const doc = document;
    doc.body.innerHTML = '<img id="main" class="a b c" alt="x">';
    expect(describeElement(doc.querySelector('img')!, 'alt')).toBe('img#main.a.b[alt]');
  });
});

describe('mutation batching', () => {
  function setup() {
    const doc = document;
    doc.body.innerHTML = '<ul id="list"><li>one</li></ul><p id="para">oxy<b>co</b></p>';
    const batches: ChangeBatch[] = [];
    const queue = new MutationQueue({
      ignore: (n) => n.nodeType === 1 && (n as Element).localName.startsWith('x-h'),
      isBlock: (el) => ['ul', 'li', 'p', 'body', 'html', 'div'].includes(el.localName),
      onBatch: (b) => batches.push(b),
    });
    queue.observe(doc);
    return { doc, batches, queue };
  }
  const settle = () => new Promise((r) => setTimeout(r, 200));

  it('rescans each added block alone, not its container', async () => {
    const { doc, batches, queue } = setup();
    for (let i = 0; i < 3; i++) {
      const li = doc.createElement('li');
      li.textContent = `card ${i}`;
      doc.getElementById('list')!.append(li);
    }
    await settle();
    expect(batches).toHaveLength(1);
    expect(batches[0]!.roots.map((r) => r.textContent)).toEqual(['card 0', 'card 1', 'card 2']);
    queue.disconnect();
  });

  it('rescans the enclosing block of inline additions, once, and ignores its own UI', async () => {
    const { doc, batches, queue } = setup();
    const para = doc.getElementById('para')!;
    para.append(doc.createTextNode('done'));
    para.querySelector('b')!.append(doc.createTextNode('d'));
    doc.documentElement.append(doc.createElement('x-habc'));
    await settle();
    expect(batches).toHaveLength(1);
    expect(batches[0]!.roots).toEqual([para]);
    queue.disconnect();
  });
});

describe('fallback without the highlight API', () => {
  it('draws overlay boxes in one anonymous closed-shadow host, and removes it on destroy', async () => {
    const { Highlighter } = await import('./highlighter.ts');
    for (const el of Array.from(document.documentElement.children)) if (el.localName.startsWith('x-h')) el.remove();
    document.body.innerHTML = '<p id="t">buy oxycodone now</p>';
    const highlighter = new Highlighter(window);
    expect(highlighter.mode).toBe('overlay'); // happy-dom has no CSS.highlights
    const text = document.getElementById('t')!.firstChild!;
    const range = document.createRange();
    range.setStart(text, 4);
    range.setEnd(text, 13);
    highlighter.add({ id: 'f1', severity: 'high', ranges: [range] });
    await new Promise((r) => setTimeout(r, 50));
    const hosts = Array.from(document.documentElement.children).filter((el) => el.localName.startsWith('x-h'));
    expect(hosts).toHaveLength(1);
    expect(hosts[0]!.getAttributeNames()).toEqual([]);
    expect(hosts[0]!.shadowRoot).toBeNull();
    highlighter.destroy();
    expect(Array.from(document.documentElement.children).some((el) => el.localName.startsWith('x-h'))).toBe(false);
  });
});
