/**
 * From block offsets back to the DOM: the text-node ranges that hold block.text[start, end).
 * The content script turns them into Range objects to paint; evidence cites them.
 */
import type { MappedBlock, TextRange } from './types.ts';

/**
 * The node ranges covering [start, end) of a text block, in order. Collapsed white space
 * between pieces belongs to no range, so joining the ranges' text gives exactly
 * `block.text.slice(start, end)`. Attribute and JSON-LD blocks have no text nodes: empty.
 */
export function rangesFor(block: MappedBlock, start: number, end: number): TextRange[] {
  if (block.kind !== 'text' || end <= start) return [];
  const pieces = block.pieces;
  // Binary search for the first piece that ends after `start`.
  let lo = 0;
  let hi = pieces.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const p = pieces[mid];
    if (p && p.start + p.length <= start) lo = mid + 1;
    else hi = mid;
  }
  const out: TextRange[] = [];
  for (let i = lo; i < pieces.length; i++) {
    const p = pieces[i];
    if (!p || p.start >= end) break;
    const from = Math.max(start, p.start);
    const to = Math.min(end, p.start + p.length);
    if (to <= from) continue;
    const startOffset = p.nodeStart + (from - p.start);
    const endOffset = p.nodeStart + (to - p.start);
    const last = out[out.length - 1];
    if (last && last.node === p.node && last.endOffset === startOffset) last.endOffset = endOffset;
    else out.push({ node: p.node, startOffset, endOffset });
  }
  return out;
}

/** The text the ranges cover, joined: equals block.text.slice(start, end) for a text block. */
export function textOfRanges(ranges: readonly TextRange[]): string {
  return ranges.map((r) => r.node.data.slice(r.startOffset, r.endOffset)).join('');
}
