/**
 * "Reveal" for findings that are not on screen (hidden text, attributes, structured data):
 * scroll to the element they belong to (or the nearest ancestor that has a box) and
 * outline it for a few seconds with a label saying what was found there. Drawn in a
 * closed-shadow-root UI (page-ui.ts) only on the reviewer's request; nothing on the
 * page's own elements changes.
 */
import { createPageUi } from './page-ui.ts';
import type { PageUi } from './page-ui.ts';

const SHOW_MS = 3500;
const CSS = `
.frame { position: fixed; box-sizing: border-box; border: 3px dashed #6d28d9; border-radius: 4px; background: rgba(109, 40, 217, .08); }
.label { position: fixed; max-width: 420px; padding: 4px 8px; border-radius: 4px; background: #4c1d95; color: #fff; font: 12px/1.4 system-ui, sans-serif; }`;

export class Revealer {
  private ui: PageUi | null = null;
  private timer = 0;
  private readonly win: Window;

  constructor(win: Window) {
    this.win = win;
  }

  reveal(anchor: Node, label: string): void {
    this.clear();
    const target = boxedElement(anchor);
    if (!target) return;
    // Instant scroll, then measure: no frame callback, which a background tab would hold back.
    target.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
    {
      const rect = target.getBoundingClientRect();
      this.ui = createPageUi(this.win, CSS);
      const doc = this.win.document;
      const frame = doc.createElement('div');
      frame.className = 'frame';
      frame.style.cssText = `left:${rect.left - 4}px;top:${rect.top - 4}px;width:${rect.width + 8}px;height:${Math.max(rect.height, 4) + 8}px`;
      const text = doc.createElement('div');
      text.className = 'label';
      text.textContent = label;
      text.style.cssText = `left:${Math.max(4, rect.left - 4)}px;top:${rect.top > 40 ? rect.top - 30 : rect.bottom + 8}px`;
      this.ui.root.append(frame, text);
      this.timer = this.win.setTimeout(() => this.clear(), SHOW_MS);
    }
  }

  clear(): void {
    this.win.clearTimeout(this.timer);
    this.ui?.remove();
    this.ui = null;
  }
}

/** The element itself if it has a box, else the nearest ancestor (crossing shadow roots) that does. */
function boxedElement(anchor: Node): Element | null {
  let node: Node | null = anchor.nodeType === Node.ELEMENT_NODE ? anchor : anchor.parentNode;
  while (node) {
    if (node.nodeType === Node.ELEMENT_NODE) {
      const el = node as Element;
      const rect = el.getBoundingClientRect();
      if (rect.width > 0 && rect.height > 0 && el.localName !== 'head' && !el.closest('head')) return el;
      if (el.localName === 'head' || el.closest('head')) return el.ownerDocument.body;
    }
    node = node.parentNode ?? (node as ShadowRoot).host ?? null;
  }
  return null;
}
