/**
 * Fallback painter for browsers without the CSS Custom Highlight API: boxes over each
 * range's client rects, inside one closed-shadow-root UI (see page-ui.ts). Boxes follow
 * scrolling and resizing, re-laid out at most once per animation frame.
 */
import { createPageUi } from './page-ui.ts';
import type { PageUi } from './page-ui.ts';

const CSS = `.box { position: fixed; box-sizing: border-box; border-bottom: 2px solid var(--line); background: color-mix(in srgb, var(--line) 25%, transparent); }
.box.focus { outline: 3px solid #6d28d9; }
:host([hidden]) { display: none !important; }`;

export class OverlayLayer {
  private ui: PageUi | null = null;
  private readonly items = new Map<string, { ranges: Range[]; color: string }>();
  private focused: string | null = null;
  private visible = true;
  private frame = 0;
  private readonly win: Window;
  private readonly relayout = () => {
    if (this.frame) return;
    this.frame = this.win.requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  };

  constructor(win: Window) {
    this.win = win;
    win.addEventListener('scroll', this.relayout, { passive: true, capture: true });
    win.addEventListener('resize', this.relayout, { passive: true });
  }

  add(id: string, ranges: Range[], color: string): void {
    this.items.set(id, { ranges, color });
    this.relayout();
  }

  remove(id: string): void {
    this.items.delete(id);
    this.relayout();
  }

  focus(id: string | null): void {
    this.focused = id;
    this.relayout();
  }

  setVisible(on: boolean): void {
    this.visible = on;
    this.relayout();
  }

  destroy(): void {
    this.win.removeEventListener('scroll', this.relayout, { capture: true });
    this.win.removeEventListener('resize', this.relayout);
    if (this.frame) this.win.cancelAnimationFrame(this.frame);
    this.ui?.remove();
    this.ui = null;
  }

  private draw(): void {
    if (!this.visible || this.items.size === 0) {
      this.ui?.remove();
      this.ui = null;
      return;
    }
    this.ui ??= createPageUi(this.win, CSS);
    const doc = this.win.document;
    const boxes: HTMLElement[] = [];
    for (const [id, item] of this.items) {
      for (const range of item.ranges) {
        for (const rect of Array.from(range.getClientRects())) {
          if (rect.bottom < 0 || rect.top > this.win.innerHeight) continue;
          const box = doc.createElement('div');
          box.className = id === this.focused ? 'box focus' : 'box';
          box.style.cssText = `left:${rect.left}px;top:${rect.top}px;width:${rect.width}px;height:${rect.height}px;--line:${item.color}`;
          boxes.push(box);
        }
      }
    }
    this.ui.root.replaceChildren(...boxes);
  }
}
