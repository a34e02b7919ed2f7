/**
 * The only way the extension ever puts an element into a page: one host element with a
 * random custom tag name, no attributes, holding a closed shadow root whose styles live in
 * an adopted sheet inside it. A page script can see that the host exists (a
 * MutationObserver on <html> reports it) but cannot see into it or tell what it shows.
 * Used only on the reviewer's request (hover explanation, reveal) or when the highlight API
 * is missing (overlay boxes); removed as soon as it is not needed.
 */
import { randomHighlightName } from './highlighter-names.ts';

export interface PageUi {
  root: ShadowRoot;
  sheet: CSSStyleSheet;
  remove(): void;
}

export function createPageUi(win: Window, css: string): PageUi {
  const doc = win.document;
  // A random custom-element name: page CSS cannot target it by tag, and nothing names it.
  const host = doc.createElement(`x-${randomHighlightName().slice(0, 12)}`);
  const root = host.attachShadow({ mode: 'closed' });
  const sheet = new (win as Window & { CSSStyleSheet: typeof CSSStyleSheet }).CSSStyleSheet();
  sheet.replaceSync(`:host { all: initial !important; position: fixed !important; inset: 0 !important; pointer-events: none !important; z-index: 2147483647 !important; contain: strict; }\n${css}`);
  root.adoptedStyleSheets = [sheet];
  doc.documentElement.append(host);
  return { root, sheet, remove: () => host.remove() };
}
