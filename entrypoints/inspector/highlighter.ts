/**
 * Paints findings without touching the page's DOM: CSS Custom Highlight API ranges under
 * names random per page load, styled by an extension style sheet the background inserts
 * (browser.scripting.insertCSS: not an element, not in document.styleSheets).
 *
 * What a page script can still observe, by design of the API (README, "What pages can see"):
 * - `CSS.highlights` is per document and page scripts share it: they can enumerate the
 *   registry and find Highlight objects under unguessable names, and read their ranges.
 * - Text inside shadow roots is styled only by sheets in that shadow tree, so for shadow
 *   text a constructed sheet is appended to that shadow root's `adoptedStyleSheets`, which
 *   the page can read. Nothing else: no elements, attributes, classes or document sheets.
 * When the API is missing (older browsers) an overlay of boxes in a closed shadow root is
 * drawn instead: one element under <html>, visible to the page only as an opaque host.
 */
import type { Severity } from '../../core/findings.ts';
import type { HighlightNames } from '../../platform/messages/contract.ts';
import { DEFAULT_LOOK, highlightCss } from './highlight-style.ts';
import { randomHighlightName } from './highlighter-names.ts';
import { OverlayLayer } from './overlay.ts';

export interface Paintable {
  id: string;
  severity: Severity;
  ranges: Range[];
}

type Kind = Severity | 'focus';
const KINDS: readonly Kind[] = ['low', 'medium', 'high', 'focus'];
const PRIORITY: Record<Kind, number> = { low: 1, medium: 2, high: 3, focus: 4 };

interface HighlightLike {
  add(range: AbstractRange): void;
  delete(range: AbstractRange): boolean;
  clear(): void;
  priority: number;
}
interface HighlightWindow extends Window {
  Highlight?: new (...ranges: AbstractRange[]) => HighlightLike;
  CSS: typeof CSS & { highlights?: Map<string, HighlightLike> };
}

export function supportsHighlights(win: Window): boolean {
  const w = win as HighlightWindow;
  return typeof w.Highlight === 'function' && w.CSS?.highlights !== undefined;
}

export class Highlighter {
  readonly names: HighlightNames;
  readonly mode: 'highlight-api' | 'overlay';
  private visible = true;
  /** The four highlights of each document we painted in (the top page and same-origin iframes). */
  private readonly perDocument = new Map<Document, Record<Kind, HighlightLike>>();
  private readonly painted = new Map<string, Paintable>();
  private readonly styledShadowRoots = new Set<ShadowRoot>();
  private readonly shadowSheets = new Map<ShadowRoot, CSSStyleSheet>();
  private focused: Paintable | null = null;
  private overlay: OverlayLayer | null = null;
  private readonly topWindow: Window;

  constructor(topWindow: Window) {
    this.topWindow = topWindow;
    this.names = { high: randomHighlightName(), medium: randomHighlightName(), low: randomHighlightName(), focus: randomHighlightName() };
    this.mode = supportsHighlights(topWindow) ? 'highlight-api' : 'overlay';
  }

  get count(): number {
    return this.painted.size;
  }

  add(item: Paintable): void {
    this.painted.set(item.id, item);
    if (this.mode === 'overlay') {
      this.overlayLayer().add(item.id, item.ranges, DEFAULT_LOOK[item.severity].colour);
      return;
    }
    for (const range of item.ranges) {
      const set = this.highlightsFor(range);
      set?.[item.severity].add(range);
      this.styleShadowRoot(range);
    }
  }

  remove(id: string): void {
    const item = this.painted.get(id);
    if (!item) return;
    this.painted.delete(id);
    if (this.focused?.id === id) this.setFocus(null);
    if (this.mode === 'overlay') return this.overlay?.remove(id);
    for (const range of item.ranges) {
      this.perDocument.get(range.startContainer.ownerDocument ?? this.topWindow.document)?.[item.severity].delete(range);
    }
  }

  /** Marks one finding as the one the reviewer stepped to (null clears). */
  setFocus(item: Paintable | null): void {
    if (this.mode === 'overlay') {
      this.overlay?.focus(item?.id ?? null);
      this.focused = item;
      return;
    }
    for (const set of this.perDocument.values()) set.focus.clear();
    this.focused = item;
    if (!item) return;
    for (const range of item.ranges) this.highlightsFor(range)?.focus.add(range);
  }

  setVisible(on: boolean): void {
    this.visible = on;
    if (this.mode === 'overlay') return this.overlay?.setVisible(on);
    for (const [doc, set] of this.perDocument) {
      const registry = (doc.defaultView as HighlightWindow | null)?.CSS.highlights;
      if (!registry) continue;
      for (const kind of KINDS) {
        if (on) registry.set(this.names[kind], set[kind]);
        else registry.delete(this.names[kind]);
      }
    }
  }

  get isVisible(): boolean {
    return this.visible;
  }

  /** Removes highlights an earlier inspector of this page registered (it was unloaded without cleaning up). */
  removeStale(names: readonly string[]): void {
    const own = new Set(Object.values(this.names));
    const docs = new Set<Document>([this.topWindow.document, ...this.perDocument.keys()]);
    for (const doc of docs) {
      const registry = (doc.defaultView as HighlightWindow | null)?.CSS.highlights;
      for (const name of names) if (!own.has(name)) registry?.delete(name);
    }
  }

  /** Removes every highlight, sheet and overlay this instance made. */
  destroy(): void {
    for (const doc of this.perDocument.keys()) {
      const registry = (doc.defaultView as HighlightWindow | null)?.CSS.highlights;
      for (const kind of KINDS) registry?.delete(this.names[kind]);
    }
    this.perDocument.clear();
    for (const [root, sheet] of this.shadowSheets) {
      root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
    }
    this.shadowSheets.clear();
    this.styledShadowRoots.clear();
    this.painted.clear();
    this.overlay?.destroy();
    this.overlay = null;
  }

  private overlayLayer(): OverlayLayer {
    this.overlay ??= new OverlayLayer(this.topWindow);
    this.overlay.setVisible(this.visible);
    return this.overlay;
  }

  private highlightsFor(range: Range): Record<Kind, HighlightLike> | null {
    const doc = range.startContainer.ownerDocument;
    if (!doc) return null;
    let set = this.perDocument.get(doc);
    if (set) return set;
    const win = doc.defaultView as HighlightWindow | null;
    if (!win || !supportsHighlights(win) || !win.Highlight) return null;
    const Ctor = win.Highlight;
    const made = {} as Record<Kind, HighlightLike>;
    for (const kind of KINDS) {
      const h = new Ctor();
      h.priority = PRIORITY[kind];
      made[kind] = h;
      if (this.visible) win.CSS.highlights?.set(this.names[kind], h);
    }
    set = made;
    this.perDocument.set(doc, set);
    return set;
  }

  /** Shadow text is styled only by sheets inside its shadow tree: adopt ours there. */
  private styleShadowRoot(range: Range): void {
    const root = range.startContainer.getRootNode();
    if (root.nodeType !== Node.DOCUMENT_FRAGMENT_NODE || !(root as ShadowRoot).host) return;
    if (this.styledShadowRoots.has(root as ShadowRoot)) return;
    this.adopt(root as ShadowRoot);
  }

  /** Fallback when the background cannot insert an extension sheet: the document adopts ours. */
  adoptDocumentSheet(doc: Document): void {
    this.adopt(doc);
  }

  private adopt(target: ShadowRoot | Document): void {
    const holder = target as ShadowRoot;
    this.styledShadowRoots.add(holder);
    const doc = target.nodeType === Node.DOCUMENT_NODE ? (target as Document) : (target as ShadowRoot).ownerDocument;
    const win = (doc.defaultView ?? this.topWindow) as Window & { CSSStyleSheet: typeof CSSStyleSheet };
    try {
      const sheet = new win.CSSStyleSheet();
      sheet.replaceSync(highlightCss(this.names));
      holder.adoptedStyleSheets = [...holder.adoptedStyleSheets, sheet];
      this.shadowSheets.set(holder, sheet);
    } catch {
      // A page can freeze adoptedStyleSheets; the findings stay listed in the panel.
    }
  }
}
