/**
 * Why a highlight matched, shown where the reviewer looks: hovering a highlight for a
 * moment, or stepping to a finding from the panel or by shortcut, shows its rule,
 * category, severity and explanation ("0xyc0d0ne → oxycodone (leetspeak)").
 *
 * Least observable design: the pointer is followed by a passive listener in the content
 * script's world (pages cannot enumerate listeners), hits are found with
 * caretPositionFromPoint against our own index (no DOM reads of the page's markup), and
 * the card exists only while shown, inside a closed shadow root (page-ui.ts). A page script
 * can see that one anonymous element appeared under <html> while the reviewer hovers a
 * highlight, never what it says. The same text is always in the panel.
 */
import { createPageUi } from './page-ui.ts';
import type { PageUi } from './page-ui.ts';

export interface Explained {
  id: string;
  ranges: Range[];
  lines: { title: string; meta: string; explanation: string; where: string };
}

const CARD_CSS = `
.card { position: fixed; max-width: 360px; padding: 8px 10px; border-radius: 6px; background: #111827; color: #f9fafb;
  font: 13px/1.4 system-ui, sans-serif; box-shadow: 0 4px 16px rgba(0,0,0,.35); }
.title { font-weight: 600; }
.meta { color: #d1d5db; font-size: 12px; }
.why { margin-top: 4px; }
.where { color: #9ca3af; font-size: 12px; margin-top: 2px; }`;

const DWELL_MS = 250;
const FOCUS_CARD_MS = 4000;

export class Explainer {
  private ui: PageUi | null = null;
  private shownId: string | null = null;
  private pending = 0;
  private frame = 0;
  private lastPoint: { x: number; y: number } | null = null;
  private readonly win: Window;
  private readonly lookup: (node: Node, offset: number) => Explained | null;
  private readonly onMove = (e: MouseEvent) => {
    this.lastPoint = { x: e.clientX, y: e.clientY };
    if (this.frame) return;
    this.frame = this.win.requestAnimationFrame(() => {
      this.frame = 0;
      this.hitTest();
    });
  };
  private readonly onScroll = () => this.hide();

  constructor(win: Window, lookup: (node: Node, offset: number) => Explained | null) {
    this.win = win;
    this.lookup = lookup;
    win.document.addEventListener('mousemove', this.onMove, { passive: true, capture: true });
    win.addEventListener('scroll', this.onScroll, { passive: true, capture: true });
  }

  /** Shows the card for a finding the reviewer stepped to, for a few seconds. */
  showFor(item: Explained): void {
    this.show(item);
    this.pending = this.win.setTimeout(() => this.hide(), FOCUS_CARD_MS);
  }

  hide(): void {
    this.win.clearTimeout(this.pending);
    this.pending = 0;
    this.ui?.remove();
    this.ui = null;
    this.shownId = null;
  }

  destroy(): void {
    this.hide();
    if (this.frame) this.win.cancelAnimationFrame(this.frame);
    this.win.document.removeEventListener('mousemove', this.onMove, { capture: true });
    this.win.removeEventListener('scroll', this.onScroll, { capture: true });
  }

  private hitTest(): void {
    const point = this.lastPoint;
    if (!point) return;
    const caret = caretAt(this.win.document, point.x, point.y);
    const item = caret ? this.lookup(caret.node, caret.offset) : null;
    // The caret lands on the nearest character: make sure the pointer is really over the text.
    const over = item?.ranges.some((r) => Array.from(r.getClientRects()).some((rect) => contains(rect, point.x, point.y)));
    if (!item || !over) {
      if (this.shownId || this.pending) this.hide();
      return;
    }
    if (item.id === this.shownId) return;
    this.win.clearTimeout(this.pending);
    this.pending = this.win.setTimeout(() => this.show(item), DWELL_MS);
  }

  private show(item: Explained): void {
    this.hide();
    const rect = item.ranges[0]?.getBoundingClientRect();
    if (!rect) return;
    this.ui = createPageUi(this.win, CARD_CSS);
    const doc = this.win.document;
    const card = doc.createElement('div');
    card.className = 'card';
    card.setAttribute('role', 'tooltip');
    const line = (cls: string, text: string) => {
      const el = doc.createElement('div');
      el.className = cls;
      el.textContent = text; // page text only ever as text
      return el;
    };
    card.append(line('title', item.lines.title), line('meta', item.lines.meta), line('why', item.lines.explanation), line('where', item.lines.where));
    const below = rect.bottom + 8;
    const top = below + 120 > this.win.innerHeight ? Math.max(4, rect.top - 110) : below;
    card.style.left = `${Math.max(4, Math.min(rect.left, this.win.innerWidth - 370))}px`;
    card.style.top = `${top}px`;
    this.ui.root.append(card);
    this.shownId = item.id;
  }
}

function contains(rect: DOMRect, x: number, y: number): boolean {
  return x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1;
}

function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (d.caretPositionFromPoint) {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = d.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}
