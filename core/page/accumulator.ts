/**
 * Builds one block's text from text nodes the way a browser lays out inline text:
 * runs of collapsible white space become one, leading and trailing white space go,
 * and every kept character stays mapped to its text node. The kept white-space
 * character is the page's own (a newline stays a newline), so block text sliced at any
 * [start, end) equals the DOM text the ranges cover.
 */
import type { TextPiece } from './types.ts';

/** CSS collapsible white space (not NBSP, which the page means to keep). */
const COLLAPSIBLE = /[ \t\n\r\f]+/g;

export class BlockAccumulator {
  private readonly parts: string[] = [];
  readonly pieces: TextPiece[] = [];
  private length = 0;
  /** True at the block start and after white space: further white space is dropped. */
  private afterSpace = true;
  /** Document order of the block's first character, to sort blocks at the end. */
  order = -1;

  get isEmpty(): boolean {
    return this.length === 0;
  }

  /** Appends `node.data`, collapsing white space unless `preformatted`. */
  append(node: Text, preformatted: boolean, nextOrder: () => number): void {
    const data = node.data;
    if (data === '') return;
    const before = this.length;
    if (preformatted) {
      this.push(node, 0, data.length, data);
      this.afterSpace = false;
    } else {
      let pos = 0;
      COLLAPSIBLE.lastIndex = 0;
      for (let m = COLLAPSIBLE.exec(data); m; m = COLLAPSIBLE.exec(data)) {
        if (m.index > pos) {
          this.push(node, pos, m.index - pos, data);
          this.afterSpace = false;
        }
        if (!this.afterSpace) {
          this.push(node, m.index, 1, data);
          this.afterSpace = true;
        }
        pos = m.index + m[0].length;
      }
      if (pos < data.length) {
        this.push(node, pos, data.length - pos, data);
        this.afterSpace = false;
      }
    }
    if (before === 0 && this.length > 0 && this.order < 0) this.order = nextOrder();
  }

  private push(node: Text, nodeStart: number, length: number, data: string): void {
    const last = this.pieces[this.pieces.length - 1];
    if (last && last.node === node && last.nodeStart + last.length === nodeStart) {
      last.length += length;
    } else {
      this.pieces.push({ node, start: this.length, nodeStart, length });
    }
    this.parts.push(data.slice(nodeStart, nodeStart + length));
    this.length += length;
  }

  /** The block's text and pieces, trailing white space dropped; null when nothing was kept. Resets. */
  take(): { text: string; pieces: TextPiece[]; order: number } | null {
    let text = this.parts.join('');
    const pieces = this.pieces.splice(0);
    const order = this.order;
    this.parts.length = 0;
    this.length = 0;
    this.afterSpace = true;
    this.order = -1;
    const trimmed = text.replace(/[ \t\n\r\f]+$/, '');
    if (trimmed.length < text.length) {
      let drop = text.length - trimmed.length;
      text = trimmed;
      while (drop > 0) {
        const last = pieces[pieces.length - 1];
        if (!last) break;
        const cut = Math.min(drop, last.length);
        last.length -= cut;
        drop -= cut;
        if (last.length === 0) pieces.pop();
      }
    }
    return text === '' ? null : { text, pieces, order };
  }
}
