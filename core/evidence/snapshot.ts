/**
 * A self-contained HTML snapshot of a page as rendered: the live DOM (current form
 * values, open shadow roots as declarative shadow DOM templates, same-origin iframes
 * as srcdoc), every readable style sheet inlined, scripts and event-handler
 * attributes removed, URLs made absolute, and a CSP that stops the snapshot from
 * fetching anything when opened, so viewing evidence never tips off the seller.
 * Remote images are therefore not shown (the screenshots show them).
 *
 * This function is sent to the page with scripting.executeScript, which serialises
 * its source: it must stay self-contained (no imports, no outside helpers) and take
 * only JSON arguments. It reaches the page's document through `globalThis` for that
 * reason; tests pass a Document explicitly.
 */
export interface SnapshotOptions {
  /** Written into the header comment and the CSP note. */
  capturedAt: string;
  /** Longest text kept per text node, to bound pathological pages (characters). */
  maxTextNode?: number;
}

export interface SnapshotResult {
  html: string;
  url: string;
  title: string;
  elements: number;
  shadowRoots: number;
  iframes: number;
  unreadableStyleSheets: string[];
  /** The rendered text (innerText), to tell whether a finding's text occurs once (text-fragment links). */
  text: string;
}

export function serializeSnapshot(options: SnapshotOptions, root?: Document): SnapshotResult {
  const doc: Document = root ?? (globalThis as unknown as { document: Document }).document;
  const maxText = options.maxTextNode ?? 1_000_000;
  const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
  const DROP = new Set(['script', 'noscript', 'object', 'embed', 'applet', 'base', 'portal']);
  const RAW_TEXT = new Set(['style', 'textarea', 'title', 'xmp']);
  const URL_ATTRS = new Set(['src', 'href', 'poster', 'action', 'formaction', 'background', 'cite', 'data', 'xlink:href']);
  const stats = { elements: 0, shadowRoots: 0, iframes: 0, unreadable: [] as string[] };

  const escText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const escAttr = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const absolute = (value: string, base: string) => {
    try {
      return new URL(value, base).href;
    } catch {
      return value;
    }
  };
  const safeUrl = (value: string) => !/^\s*(javascript|vbscript):/i.test(value);
  // <style> is raw text: entities are not decoded there, only "</style" can end it early.
  const rawStyle = (text: string) => text.replace(/<\/(style)/gi, '<\\/$1');

  const sheetText = (sheets: Iterable<CSSStyleSheet>, base: string): string => {
    const parts: string[] = [];
    for (const sheet of sheets) {
      try {
        const rules = sheet.cssRules;
        const texts: string[] = [];
        for (let i = 0; i < rules.length; i++) texts.push((rules[i] as CSSRule).cssText);
        // Relative url(...) in a sheet is relative to the sheet: make it absolute.
        const sheetBase = sheet.href ?? base;
        parts.push(texts.join('\n').replace(/url\((['"]?)(?!data:|#)([^'")]+)\1\)/g, (_m, quote: string, url: string) => `url(${quote}${absolute(url, sheetBase)}${quote})`));
      } catch {
        stats.unreadable.push(sheet.href ?? '(inline)');
        parts.push(`/* style sheet ${sheet.href ?? ''} could not be read (cross-origin) */`);
      }
    }
    return parts.join('\n');
  };

  const serializeChildren = (parent: Node, base: string, inShadow: boolean): string => {
    let out = '';
    for (let child = parent.firstChild; child; child = child.nextSibling) out += serializeNode(child, base, inShadow);
    return out;
  };

  const serializeElement = (element: Element, base: string, inShadow: boolean): string => {
    const tag = element.localName;
    if (DROP.has(tag)) return '';
    // Document style sheets are inlined once in <head>; shadow roots keep their own <style>.
    if (!inShadow && (tag === 'style' || (tag === 'link' && /\bstylesheet\b/i.test(element.getAttribute('rel') ?? '')))) return '';
    if (tag === 'link' && /\b(preload|prefetch|modulepreload|dns-prefetch|preconnect)\b/i.test(element.getAttribute('rel') ?? '')) return '';
    if (tag === 'meta' && /content-security-policy|refresh/i.test(element.getAttribute('http-equiv') ?? '')) return '';
    stats.elements++;
    let attrs = '';
    for (const attr of Array.from(element.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on') || name === 'nonce' || name === 'integrity' || name === 'srcdoc') continue;
      let value = attr.value;
      if (URL_ATTRS.has(name)) {
        if (!safeUrl(value)) continue;
        value = absolute(value, base);
      } else if (name === 'srcset') {
        value = value
          .split(',')
          .map((part) => {
            const [url, ...rest] = part.trim().split(/\s+/);
            return [url ? absolute(url, base) : '', ...rest].join(' ');
          })
          .join(', ');
      }
      if (tag === 'input' && (name === 'value' || name === 'checked')) continue;
      if (tag === 'option' && name === 'selected') continue;
      attrs += ` ${attr.name}="${escAttr(value)}"`;
    }
    // Form state as the reviewer saw it, not as the HTML first said.
    if (tag === 'input') {
      const input = element as HTMLInputElement;
      if (input.type !== 'password' && input.type !== 'file') attrs += ` value="${escAttr(input.value ?? '')}"`;
      if (input.checked) attrs += ' checked';
    }
    if (tag === 'option' && (element as HTMLOptionElement).selected) attrs += ' selected';
    let inner = '';
    const shadow = (element as Element & { shadowRoot: ShadowRoot | null }).shadowRoot;
    if (shadow) {
      stats.shadowRoots++;
      const adopted = (shadow as ShadowRoot & { adoptedStyleSheets?: CSSStyleSheet[] }).adoptedStyleSheets ?? [];
      const adoptedCss = adopted.length ? `<style>${rawStyle(sheetText(adopted, base))}</style>` : '';
      inner += `<template shadowrootmode="open">${adoptedCss}${serializeChildren(shadow, base, true)}</template>`;
    }
    if (tag === 'iframe') {
      stats.iframes++;
      let frameDoc: Document | null = null;
      try {
        frameDoc = (element as HTMLIFrameElement).contentDocument;
      } catch {
        frameDoc = null;
      }
      if (frameDoc?.documentElement) {
        const nested = serializeSnapshot(options, frameDoc);
        attrs = attrs.replace(/ src="[^"]*"/, '');
        attrs += ` srcdoc="${escAttr(nested.html)}"`;
      } else {
        attrs = attrs.replace(/ src="([^"]*)"/, ' data-li-src="$1"');
      }
    }
    if (tag === 'textarea') inner += escText((element as HTMLTextAreaElement).value ?? element.textContent ?? '');
    else if (tag === 'template') inner += serializeChildren((element as HTMLTemplateElement).content ?? element, base, inShadow);
    else if (tag === 'style') inner += rawStyle(element.textContent ?? '');
    else if (RAW_TEXT.has(tag)) inner += escText(element.textContent ?? '');
    else inner += serializeChildren(element, base, inShadow);
    if (VOID.has(tag)) return `<${element.tagName.toLowerCase()}${attrs}>`;
    return `<${tag}${attrs}>${inner}</${tag}>`;
  };

  const serializeNode = (node: Node, base: string, inShadow: boolean): string => {
    switch (node.nodeType) {
      case 1:
        return serializeElement(node as Element, base, inShadow);
      case 3: {
        const text = node.nodeValue ?? '';
        return escText(text.length > maxText ? `${text.slice(0, maxText)}…` : text);
      }
      case 4:
        return escText(node.nodeValue ?? '');
      case 8:
        return '';
      default:
        return '';
    }
  };

  const base = doc.baseURI;
  const css = sheetText(
    [...Array.from(doc.styleSheets), ...((doc as Document & { adoptedStyleSheets?: CSSStyleSheet[] }).adoptedStyleSheets ?? [])],
    base,
  );
  const htmlElement = doc.documentElement;
  const head = doc.head;
  const body = doc.body;
  const htmlAttrs = Array.from(htmlElement.attributes)
    .filter((attr) => !attr.name.toLowerCase().startsWith('on'))
    .map((attr) => ` ${attr.name}="${escAttr(attr.value)}"`)
    .join('');
  const headInner = head ? serializeChildren(head, base, false) : '';
  const bodyHtml = body ? serializeElement(body, base, false) : '';
  const header =
    `<!-- Listing Inspector snapshot of ${escText(doc.URL).replace(/--/g, '&#45;&#45;')} captured ${escText(options.capturedAt)}. ` +
    `Scripts and event handlers removed; the policy below blocks every network request, so remote images do not load. -->`;
  const html =
    `<!DOCTYPE html>\n${header}\n<html${htmlAttrs}><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; media-src data:">` +
    `${headInner.replace(/<meta charset="[^"]*">/i, '')}<style data-listing-inspector="inlined">${rawStyle(css)}</style></head>${bodyHtml}</html>\n`;
  return {
    html,
    url: doc.URL,
    title: doc.title,
    elements: stats.elements,
    shadowRoots: stats.shadowRoots,
    iframes: stats.iframes,
    unreadableStyleSheets: stats.unreadable,
    text: body ? ((body as HTMLElement).innerText ?? body.textContent ?? '') : '',
  };
}
