/**
 * Runs inside the benchmark page (bundled by bench/browser.ts into one script). It exposes the
 * contenders as functions on `window.__liBench`, each returning its own elapsed milliseconds:
 *  - treeWalkerRead: the floor, a bare TreeWalker pass that reads every text node;
 *  - pipeline: the project's in-page pipeline (core/page text map with computed visibility and
 *    layout, the compiled engine, CSS Custom Highlights), time-sliced the way the content script
 *    must run: slices of at most `sliceMs`, yielding to the event loop in between;
 *  - combinedRegex: one RegExp of all terms over every text node, painted as CSS Highlights;
 *  - markjs: mark.js 8.11.1 wrapping every term in <mark> (loaded as its own script).
 * It reads page text only through the DOM; nothing is evaluated from page data.
 */
import { compileEngine } from '../../core/engine/index.ts';
import type { CompiledEngine } from '../../core/engine/types.ts';
import { TextMapBuilder, computedIsBlock, computedVisibilityProbe, rangesFor } from '../../core/page/index.ts';
import type { MappedBlock } from '../../core/page/types.ts';
import type { Pack } from '../../core/rules/schema.ts';

interface MarkInstance {
  mark(terms: string[], options: Record<string, unknown>): void;
  unmark(options?: Record<string, unknown>): void;
}
declare const Mark: new (context: Element) => MarkInstance;

const HIGHLIGHT = 'li-bench-findings';
let engine: CompiledEngine | null = null;

/**
 * Gives the event loop a turn between slices. scheduler.yield where the browser has it; else a
 * message-channel round trip, which setTimeout's 4 ms clamp for nested timers would otherwise
 * add to every slice.
 */
const channel = new MessageChannel();
const waiting: Array<() => void> = [];
channel.port1.onmessage = () => waiting.shift()?.();
function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}

function paint(ranges: Range[]): void {
  if (typeof Highlight === 'undefined') return;
  CSS.highlights.set(HIGHLIGHT, new Highlight(...ranges));
}

function toRanges(block: MappedBlock, start: number, end: number, out: Range[]): void {
  for (const r of rangesFor(block, start, end)) {
    const range = document.createRange();
    range.setStart(r.node, r.startOffset);
    range.setEnd(r.node, r.endOffset);
    out.push(range);
  }
}

/** Builds the text map and scans it in slices; returns the ranges found and per-phase times. */
async function scanSliced(root: Document | Element, sliceMs: number): Promise<{ ranges: Range[]; matches: number; slices: number; maxSliceMs: number; busyMs: number; mapMs: number }> {
  if (!engine) throw new Error('compile first');
  const builder = new TextMapBuilder(root, { visibility: computedVisibilityProbe(window), isBlock: computedIsBlock(window), baseUrl: location.href });
  let slices = 0;
  let maxSliceMs = 0;
  let busyMs = 0;
  for (;;) {
    const started = performance.now();
    let done = false;
    while (!done && performance.now() - started < sliceMs) done = builder.step(200);
    slices += 1;
    maxSliceMs = Math.max(maxSliceMs, performance.now() - started);
    busyMs += performance.now() - started;
    if (done) break;
    await yieldToEventLoop();
  }
  const map = builder.result();
  const mapMs = busyMs;
  const ranges: Range[] = [];
  let matches = 0;
  for (let at = 0; at < map.blocks.length; ) {
    const started = performance.now();
    const from = at;
    while (at < map.blocks.length && performance.now() - started < sliceMs) at = Math.min(map.blocks.length, at + 100);
    const chunk = map.blocks.slice(from, at);
    const found = engine.scan(chunk).matches;
    matches += found.length;
    for (const m of found) {
      const block = chunk[m.block];
      if (block && block.kind === 'text') toRanges(block, m.start, m.end, ranges);
    }
    slices += 1;
    maxSliceMs = Math.max(maxSliceMs, performance.now() - started);
    busyMs += performance.now() - started;
    if (at < map.blocks.length) await yieldToEventLoop();
  }
  return { ranges, matches, slices, maxSliceMs, busyMs, mapMs };
}

const escapeRegExp = (term: string) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const bench = {
  compile(packs: Pack[]): { ms: number; terms: number } {
    const started = performance.now();
    engine = compileEngine(packs);
    return { ms: performance.now() - started, terms: engine.termCount };
  },

  treeWalkerRead(): { ms: number; textNodes: number; chars: number } {
    const started = performance.now();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let textNodes = 0;
    let chars = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      textNodes += 1;
      chars += (node as Text).data.length;
    }
    return { ms: performance.now() - started, textNodes, chars };
  },

  async pipeline(sliceMs: number): Promise<{ ms: number; busyMs: number; mapMs: number; paintMs: number; matches: number; ranges: number; slices: number; maxSliceMs: number }> {
    CSS.highlights?.delete(HIGHLIGHT);
    const started = performance.now();
    const { ranges, matches, slices, maxSliceMs, busyMs, mapMs } = await scanSliced(document, sliceMs);
    const painting = performance.now();
    paint(ranges);
    const paintMs = performance.now() - painting;
    return { ms: performance.now() - started, busyMs: busyMs + paintMs, mapMs, paintMs, matches, ranges: ranges.length, slices, maxSliceMs: Math.max(maxSliceMs, paintMs) };
  },

  /** Appends `count` cards (HTML built by the bench from its own generator) and scans only them. */
  async incremental(cardsHtml: string, sliceMs: number): Promise<{ ms: number; busyMs: number; appendMs: number; matches: number }> {
    const slot = document.querySelector('main') ?? document.body;
    const container = document.createElement('div');
    // The bench's own generated markup, never page data: parse it with DOMParser, adopt the nodes.
    const parsed = new DOMParser().parseFromString(`<div>${cardsHtml}</div>`, 'text/html');
    for (const child of [...(parsed.body.firstElementChild?.childNodes ?? [])]) container.append(document.adoptNode(child));
    // The page's own cost of the new cards (insertion and the style recalculation any reader of
    // computed styles forces) is measured apart: it is paid with or without a scanner.
    const appending = performance.now();
    slot.append(container);
    void document.body.offsetHeight;
    const appendMs = performance.now() - appending;
    const started = performance.now();
    const { ranges, matches, busyMs } = await scanSliced(container, sliceMs);
    const existing = CSS.highlights?.get(HIGHLIGHT);
    if (existing) for (const range of ranges) existing.add(range);
    else paint(ranges);
    return { ms: performance.now() - started, busyMs, appendMs, matches };
  },

  combinedRegex(terms: string[]): { ms: number; matches: number } {
    CSS.highlights?.delete(HIGHLIGHT);
    const started = performance.now();
    const rx = new RegExp(`(?:${terms.map(escapeRegExp).join('|')})`, 'giu');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const ranges: Range[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node as Text).data;
      rx.lastIndex = 0;
      for (let m = rx.exec(text); m; m = rx.exec(text)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        ranges.push(range);
        if (m[0].length === 0) rx.lastIndex++;
      }
    }
    paint(ranges);
    return { ms: performance.now() - started, matches: ranges.length };
  },

  markjs(terms: string[], selector: string): { ms: number; marks: number } {
    const context = document.querySelector(selector) ?? document.body;
    const started = performance.now();
    new Mark(context).mark(terms, { separateWordSearch: false, diacritics: false });
    const ms = performance.now() - started;
    return { ms, marks: context.querySelectorAll('mark').length };
  },
};

(window as unknown as { __liBench: typeof bench }).__liBench = bench;
