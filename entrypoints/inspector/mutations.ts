/**
 * Dynamic pages: ONE MutationObserver for the document, its open shadow roots and its
 * same-origin frames. Its callback only queues the nodes that changed; the batch is
 * worked later (after a short quiet period) into the smallest set of subtrees to rescan,
 * so the cost follows what changed, not the size of the page.
 */
import { isSkippedTag } from '../../core/page/tags.ts';

const QUIET_MS = 120;
/** Attributes whose text the text map reads (see core/page/text-map.ts). */
const TEXT_ATTRIBUTES = ['alt', 'title', 'aria-label', 'aria-description', 'placeholder', 'content'];

export interface ChangeBatch {
  /** Subtrees to rescan, none inside another. */
  roots: Element[];
  /** True when nodes were removed: findings whose nodes left the page must go. */
  removals: boolean;
}

export class MutationQueue {
  private readonly observer: MutationObserver;
  private readonly added: Node[] = [];
  private readonly changed: Node[] = [];
  private removals = false;
  private timer = 0;
  private readonly ignore: (node: Node) => boolean;
  private readonly isBlock: (el: Element) => boolean;
  private readonly onBatch: (batch: ChangeBatch) => void;
  private readonly observed = new WeakSet<Node>();

  constructor(options: { ignore: (node: Node) => boolean; isBlock: (el: Element) => boolean; onBatch: (batch: ChangeBatch) => void }) {
    this.ignore = options.ignore;
    this.isBlock = options.isBlock;
    this.onBatch = options.onBatch;
    this.observer = new MutationObserver((records) => {
      // Only queue: no DOM reads, no layout, nothing proportional to the page.
      for (const r of records) {
        if (r.type === 'childList') {
          for (const n of Array.from(r.addedNodes)) this.added.push(n);
          if (r.removedNodes.length) this.removals = true;
        } else {
          this.changed.push(r.target);
        }
      }
      this.schedule();
    });
  }

  /** Watches a document, shadow root or frame document (each once). */
  observe(target: Document | ShadowRoot): void {
    if (this.observed.has(target)) return;
    this.observed.add(target);
    this.observer.observe(target, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: TEXT_ATTRIBUTES,
    });
  }

  disconnect(): void {
    this.observer.disconnect();
    clearTimeout(this.timer);
    this.added.length = 0;
    this.changed.length = 0;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.drain(), QUIET_MS) as unknown as number;
  }

  private drain(): void {
    const candidates: Element[] = [];
    for (const node of this.added) {
      if (!node.isConnected || this.ignore(node)) continue;
      if (node.nodeType === Node.ELEMENT_NODE) {
        const el = node as Element;
        if (isSkippedTag(el.localName) && el.localName !== 'iframe') continue;
        // A block-level addition (a card, a row) is scanned alone; an inline one can join
        // words with its neighbours, so its enclosing block is rescanned.
        candidates.push(this.isBlock(el) ? el : this.enclosingBlock(el));
      } else if (node.nodeType === Node.TEXT_NODE && node.parentElement) {
        candidates.push(this.enclosingBlock(node.parentElement));
      }
    }
    for (const node of this.changed) {
      if (!node.isConnected || this.ignore(node)) continue;
      const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
      if (el && !isSkippedTag(el.localName)) candidates.push(node.nodeType === Node.ELEMENT_NODE ? el : this.enclosingBlock(el));
    }
    const removals = this.removals;
    this.added.length = 0;
    this.changed.length = 0;
    this.removals = false;
    const roots = outermost(candidates);
    if (roots.length || removals) this.onBatch({ roots, removals });
  }

  private enclosingBlock(el: Element): Element {
    for (let node: Element | null = el; node; node = node.parentElement) {
      if (this.isBlock(node)) return node;
    }
    return el;
  }
}

/** Drops duplicates and subtrees already inside another candidate: sorted, then one pass. */
function outermost(candidates: Element[]): Element[] {
  const sorted = [...new Set(candidates)].sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  const kept: Element[] = [];
  for (const el of sorted) {
    const last = kept[kept.length - 1];
    if (!last || !last.contains(el)) kept.push(el);
  }
  return kept;
}
