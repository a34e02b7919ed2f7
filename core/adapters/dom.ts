/**
 * Small DOM helpers shared by the site adapters. They work on any Document (a live page,
 * linkedom, happy-dom), so they use only querySelector, attributes and text nodes: no
 * layout, no innerText (linkedom has none), no globals.
 */

import { remember } from './memo.ts';

/** Elements whose text is never page text. */
const NON_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME']);

/** Collapses runs of white space (including NBSP) to one space and trims. */
export function squash(text: string): string {
  return text.replace(/[\s\u00a0\u200b\u200e\u200f\ufeff]+/gu, ' ').trim();
}

/** The element's text without script/style content, white space collapsed. */
export function textOf(el: Element | null | undefined): string {
  if (!el) return '';
  const parts: string[] = [];
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) parts.push(child.nodeValue ?? '');
      else if (child.nodeType === 1) {
        const tag = (child as Element).tagName.toUpperCase();
        if (NON_TEXT.has(tag)) continue;
        // Block boundaries separate words: <div>a</div><div>b</div> is "a b", not "ab".
        parts.push(' ');
        walk(child);
        parts.push(' ');
      }
    }
  };
  walk(el);
  return squash(parts.join(''));
}

/** The element's own text nodes only (not its children's), collapsed. */
export function ownText(el: Element | null | undefined): string {
  if (!el) return '';
  let out = '';
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) out += child.nodeValue ?? '';
  }
  return squash(out);
}

/** The first element matching any selector, in the selectors' order of preference. */
export function firstOf(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const el = safeQuery(root, selector);
    if (el) return el;
  }
  return null;
}

/** The first non-empty text among the selectors, in order of preference. */
export function firstText(root: ParentNode, selectors: readonly string[]): string | null {
  for (const selector of selectors) {
    for (const el of safeQueryAll(root, selector)) {
      const text = el.tagName.toUpperCase() === 'META' ? squash(el.getAttribute('content') ?? '') : textOf(el);
      if (text) return text;
    }
  }
  return null;
}

/** querySelector that treats a selector the DOM implementation cannot parse as "no match". */
export function safeQuery(root: ParentNode, selector: string): Element | null {
  try {
    return root.querySelector(selector);
  } catch {
    return null;
  }
}

export function safeQueryAll(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

/** Content of <meta property=…> or <meta name=…>, first non-empty. */
export function metaContent(doc: Document, ...names: string[]): string | null {
  const metas = remember('metas', () => {
    const byName = new Map<string, string>();
    for (const el of safeQueryAll(doc, 'meta[content]')) {
      const value = squash(el.getAttribute('content') ?? '');
      if (!value) continue;
      for (const attr of ['property', 'name', 'itemprop']) {
        const key = el.getAttribute(attr);
        if (key && !byName.has(key)) byName.set(key, value);
      }
    }
    return byName;
  });
  for (const name of names) {
    const value = metas.get(name);
    if (value) return value;
  }
  return null;
}

/** The page's language from <html lang> or a content-language meta, lower-cased ("es-cl"). */
export function pageLang(doc: Document): string | null {
  const lang = doc.documentElement?.getAttribute('lang') ?? metaContent(doc, 'og:locale', 'language', 'content-language');
  return lang ? lang.trim().replace(/_/g, '-').toLowerCase() || null : null;
}

/** An absolute http(s) URL, or null. Relative URLs resolve against base when given. */
export function toUrl(href: string | null | undefined, base?: URL | null): URL | null {
  if (!href) return null;
  try {
    const url = base ? new URL(href, base) : new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** The page's own address as it declares it (canonical link, then og:url): saved pages keep these. */
export function declaredUrl(doc: Document): URL | null {
  const canonical = safeQuery(doc, 'link[rel="canonical"]')?.getAttribute('href');
  const og = metaContent(doc, 'og:url');
  const ogUrl = toUrl(og);
  return toUrl(canonical, ogUrl) ?? ogUrl;
}

/** Removes the elements of a list that are inside another element of the list, keeping the list's order. */
export function outermost(elements: readonly Element[]): Element[] {
  // Walk each element's ancestors (O(n · depth)), not every pair (O(n²) on a 10,000-item search page).
  const set = new Set(elements);
  return [...set].filter((el) => {
    for (let p = el.parentElement; p; p = p.parentElement) if (set.has(p)) return false;
    return true;
  });
}

/** Element or an ancestor matches the selector (page chrome tests). */
export function closestSafe(el: Element, selector: string): Element | null {
  try {
    return el.closest(selector);
  } catch {
    return null;
  }
}
