/**
 * The text map builder: one walk over the DOM (open shadow roots and same-origin iframes
 * included) that cuts the page's text into blocks the way a browser lays it out and keeps
 * every character mapped to its node. It runs to completion (`buildTextMap`) or in slices
 * (`TextMapBuilder.step`) so the content script never holds the main thread for long, and it
 * runs on a subtree for content added after the first scan.
 *
 * Layout is judged statically by tag (or by the live path's `isBlock`): inline elements do not
 * split words (`<b>oxy</b>codone` is "oxycodone"); block elements, `<br>`, cells and list items
 * end a block. Hidden text leaves the visible block it sits in and forms its own hidden block,
 * so "ox<span hidden>zz</span>ycodone" reads, as on screen, "oxycodone".
 */
import type { PageLink, Where } from '../engine/types.ts';
import { BlockAccumulator } from './accumulator.ts';
import { isTextItemprop, jsonLdTextValues, parseJsonLd, scannedMetaName } from './structured-data.ts';
import { isBlockTag, isPreformattedTag, isSectioningTag, isSkippedTag, tagOf } from './tags.ts';
import type { MappedBlock, TextMap, TextMapOptions } from './types.ts';
import { initialZone, zoneFor } from './zones.ts';
import type { ZoneState } from './zones.ts';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_FRAGMENT_NODE = 11;

/** Attributes people read (or assistive technology reads out) as text. */
const TEXT_ATTRIBUTES = ['title', 'aria-label', 'aria-description', 'placeholder'] as const;
const ALT_TAGS = new Set(['img', 'area', 'input']);
/** Elements never rendered as boxes whose text is still read: the document title. */
const METADATA_TAGS = new Set(['head', 'title']);
/** Nested iframes beyond this depth are not followed (a page can nest them without end). */
const MAX_IFRAME_DEPTH = 3;
const MAX_LINK_TEXT = 300;

/** What the walk carries down the tree. */
interface Context {
  hidden: boolean;
  inShadow: boolean;
  iframeDepth: number;
  zone: ZoneState;
  inSection: boolean;
  preformatted: boolean;
  anchorHref: string | null;
  where: Where;
  acc: BlockAccumulator;
}

interface Frame {
  /** The node whose children this frame visits (null for a subtree root's own frame). */
  container: Node | null;
  /** The next child to visit; null when done. */
  next: Node | null;
  /** Visit only `next`, not its siblings (the root of a subtree walk). */
  single: boolean;
  ctx: Context;
  parent: Context | null;
  /** Flush the parent's block when this frame closes (block-level and rendered). */
  breaksParent: boolean;
}

function whereOf(hidden: boolean, inShadow: boolean, iframeDepth: number, title: boolean): Where {
  if (hidden) return 'hidden';
  if (title) return 'structured-data';
  if (iframeDepth > 0) return 'iframe';
  return inShadow ? 'shadow-dom' : 'visible';
}

const DOCUMENT_TYPE_NODE = 10;

/** linkedom gives a doctype no parent and no next sibling; look it up in its container. */
function nextSibling(node: Node, container: Node | null): Node | null {
  const next = node.nextSibling;
  if (next || node.nodeType !== DOCUMENT_TYPE_NODE || !container) return next ?? null;
  const siblings = Array.from(container.childNodes);
  const i = siblings.indexOf(node as ChildNode);
  return i >= 0 ? (siblings[i + 1] ?? null) : null;
}

function collapse(text: string): string {
  return text.replace(/[ \t\n\r\f]+/g, ' ').trim();
}

export class TextMapBuilder {
  private readonly options: TextMapOptions;
  private readonly roots: ReadonlySet<Element>;
  private readonly stack: Frame[] = [];
  private readonly blocks: { block: MappedBlock; order: number }[] = [];
  private readonly links: PageLink[] = [];
  private orderCounter = 0;
  private readonly nextOrder = (): number => this.orderCounter++;

  constructor(root: Document | Element | DocumentFragment, options: TextMapOptions) {
    this.options = options;
    this.roots = new Set(options.listingRoots ?? []);
    if (root.nodeType === ELEMENT_NODE) {
      const ctx = this.ancestorContext(root as Element);
      this.stack.push({ container: null, next: root, single: true, ctx, parent: null, breaksParent: false });
    } else {
      const ctx = this.topContext();
      if (root.nodeType === DOCUMENT_FRAGMENT_NODE && (root as ShadowRoot).host) {
        ctx.inShadow = true;
        ctx.where = whereOf(false, true, 0, false);
      }
      this.stack.push({ container: root, next: root.firstChild, single: false, ctx, parent: null, breaksParent: false });
    }
  }

  get done(): boolean {
    return this.stack.length === 0;
  }

  /** Visits up to `maxNodes` nodes; true when the walk is complete. */
  step(maxNodes: number): boolean {
    let budget = maxNodes;
    while (this.stack.length > 0 && budget > 0) {
      const frame = this.stack[this.stack.length - 1] as Frame;
      const node = frame.next;
      if (node === null) {
        this.close(frame);
        this.stack.pop();
        continue;
      }
      frame.next = frame.single ? null : nextSibling(node, frame.container);
      budget--;
      if (node.nodeType === TEXT_NODE) {
        frame.ctx.acc.append(node as Text, frame.ctx.preformatted, this.nextOrder);
      } else if (node.nodeType === ELEMENT_NODE) {
        this.open(node as Element, frame.ctx);
      }
    }
    return this.stack.length === 0;
  }

  /** The text map, in document order. Finishes the walk first if slices are left. */
  result(): TextMap {
    this.step(Number.POSITIVE_INFINITY);
    const blocks = this.blocks.sort((a, b) => a.order - b.order).map((b) => b.block);
    return { blocks, links: this.links };
  }

  private topContext(): Context {
    return {
      hidden: false,
      inShadow: false,
      iframeDepth: 0,
      zone: initialZone(this.roots),
      inSection: false,
      preformatted: false,
      anchorHref: null,
      where: 'visible',
      acc: new BlockAccumulator(),
    };
  }

  /** The context a subtree root inherits from its ancestors (crossing shadow-root hosts). */
  private ancestorContext(element: Element): Context {
    const chain: Element[] = [];
    let inShadow = false;
    for (let n: Node | null = element.parentNode; n; ) {
      if (n.nodeType === ELEMENT_NODE) {
        chain.push(n as Element);
        n = n.parentNode;
      } else if (n.nodeType === DOCUMENT_FRAGMENT_NODE && (n as ShadowRoot).host) {
        inShadow = true;
        n = (n as ShadowRoot).host;
      } else {
        break;
      }
    }
    let ctx = this.topContext();
    for (let i = chain.length - 1; i >= 0; i--) ctx = this.derive(chain[i] as Element, ctx, false);
    if (inShadow && !ctx.hidden) ctx.where = whereOf(false, true, ctx.iframeDepth, false);
    ctx.inShadow = inShadow;
    ctx.acc = new BlockAccumulator();
    return ctx;
  }

  private derive(el: Element, parent: Context, title: boolean): Context {
    const tag = tagOf(el);
    // Browsers give <head> display:none, yet its title is the tab's text, not hidden cloaking.
    const hidden = parent.hidden || (!METADATA_TAGS.has(tag) && this.options.visibility.isHidden(el));
    const zone = zoneFor(el, parent.zone, this.roots, parent.inSection);
    const where = whereOf(hidden, parent.inShadow, parent.iframeDepth, title || parent.where === 'structured-data');
    const sameBlock = where === parent.where && zone.zone === parent.zone.zone;
    let anchorHref = parent.anchorHref;
    if (tag === 'a' || tag === 'area') {
      const href = el.getAttribute('href');
      if (href !== null) anchorHref = this.resolve(href);
    }
    return {
      hidden,
      inShadow: parent.inShadow,
      iframeDepth: parent.iframeDepth,
      zone,
      inSection: parent.inSection || isSectioningTag(tag),
      preformatted: parent.preformatted || isPreformattedTag(tag),
      anchorHref,
      where,
      acc: sameBlock ? parent.acc : new BlockAccumulator(),
    };
  }

  private open(el: Element, parent: Context): void {
    const tag = tagOf(el);
    if (tag === 'br') {
      this.flush(parent);
      return;
    }
    if (tag === 'script') {
      if ((el.getAttribute('type') ?? '').trim().toLowerCase() === 'application/ld+json') this.jsonLd(el, parent);
      return;
    }
    if (tag === 'meta') {
      this.meta(el, parent);
      return;
    }
    const ctx = this.derive(el, parent, tag === 'title');
    if (tag === 'title' && this.options.metadataZone !== undefined && ctx.where === 'structured-data') {
      ctx.zone = { zone: this.options.metadataZone, settled: true };
      ctx.acc = new BlockAccumulator();
    }
    this.attributes(el, tag, ctx);
    this.record(el, tag, ctx);
    if (tag === 'iframe') {
      this.iframe(el, ctx);
      return;
    }
    if (isSkippedTag(tag)) {
      if (tag === 'template') this.declarativeShadowRoot(el, ctx);
      return;
    }
    const block = this.options.isBlock ? this.options.isBlock(el) : isBlockTag(tag);
    // A block that is not rendered (newly hidden) does not break the line it sits in.
    const breaksParent = block && !(ctx.hidden && !parent.hidden);
    if (breaksParent) this.flush(parent);
    this.stack.push({ container: el, next: el.firstChild, single: false, ctx, parent, breaksParent });
    const shadow = el.shadowRoot;
    if (shadow) {
      const shadowCtx = this.shadowContext(ctx);
      this.stack.push({ container: shadow, next: shadow.firstChild, single: false, ctx: shadowCtx, parent: ctx, breaksParent: false });
    }
  }

  private close(frame: Frame): void {
    if (frame.parent === null || frame.ctx.acc !== frame.parent.acc) this.flush(frame.ctx);
    if (frame.breaksParent && frame.parent) this.flush(frame.parent);
  }

  private shadowContext(host: Context): Context {
    const where = whereOf(host.hidden, true, host.iframeDepth, false);
    return { ...host, inShadow: true, where, acc: where === host.where ? host.acc : new BlockAccumulator() };
  }

  /** Static pages keep declarative shadow roots as `<template shadowrootmode>`; live DOMs attach them. */
  private declarativeShadowRoot(template: Element, ctx: Context): void {
    // `shadowmode` is the older spelling Chromium still writes into saved MHTML.
    const mode = template.getAttribute('shadowrootmode') ?? template.getAttribute('shadowmode');
    if (mode !== 'open' || template.parentElement?.shadowRoot) return;
    const content = (template as HTMLTemplateElement).content as DocumentFragment | undefined;
    if (!content) return;
    const shadowCtx = this.shadowContext(ctx);
    shadowCtx.acc = new BlockAccumulator();
    this.stack.push({ container: content, next: content.firstChild, single: false, ctx: shadowCtx, parent: ctx, breaksParent: false });
  }

  private iframe(el: Element, ctx: Context): void {
    if (ctx.iframeDepth >= MAX_IFRAME_DEPTH) return;
    let doc: Document | null = null;
    try {
      doc = (el as HTMLIFrameElement).contentDocument ?? null;
    } catch {
      doc = null; // cross-origin: not ours to read
    }
    const srcdoc = el.getAttribute('srcdoc');
    const hasLiveBody = doc !== null && doc.body !== null && doc.body.firstChild !== null;
    if (!hasLiveBody && srcdoc !== null && this.options.parseHtml) {
      try {
        doc = this.options.parseHtml(srcdoc);
      } catch {
        doc = null;
      }
    }
    if (!doc) return;
    const depth = ctx.iframeDepth + 1;
    const where = whereOf(ctx.hidden, ctx.inShadow, depth, false);
    const frameCtx: Context = { ...ctx, iframeDepth: depth, inSection: false, where, acc: new BlockAccumulator() };
    this.stack.push({ container: doc, next: doc.firstChild, single: false, ctx: frameCtx, parent: ctx, breaksParent: false });
  }

  private flush(ctx: Context): void {
    const taken = ctx.acc.take();
    if (!taken) return;
    this.blocks.push({
      block: { kind: 'text', text: taken.text, where: ctx.where, zone: ctx.zone.zone, pieces: taken.pieces },
      order: taken.order,
    });
  }

  private attributeBlock(el: Element, attribute: string, text: string, where: Where, ctx: Context): void {
    this.blocks.push({
      block: { kind: 'attribute', text, where, zone: ctx.zone.zone, element: el, attribute },
      order: this.nextOrder(),
    });
  }

  private attributes(el: Element, tag: string, ctx: Context): void {
    if (ALT_TAGS.has(tag)) {
      const alt = el.getAttribute('alt');
      if (alt !== null && alt.trim() !== '') this.attributeBlock(el, 'alt', alt, 'attribute', ctx);
    }
    let ownText: string | null = null;
    for (const name of TEXT_ATTRIBUTES) {
      const value = el.getAttribute(name);
      if (value === null || value.trim() === '') continue;
      // A title or label repeating the element's own text would report the same words twice.
      // Only small elements (links, buttons) repeat their text; labelled containers do not, and
      // reading a container's whole text for each label would cost time on big pages.
      if (el.childElementCount <= 4) {
        ownText ??= collapse(el.textContent ?? '').toLowerCase();
        if (collapse(value).toLowerCase() === ownText) continue;
      }
      this.attributeBlock(el, name, value, 'attribute', ctx);
    }
    const itemprop = el.getAttribute('itemprop');
    const content = el.getAttribute('content');
    if (itemprop !== null && content !== null && content.trim() !== '' && isTextItemprop(itemprop)) {
      this.attributeBlock(el, 'content', content, 'structured-data', ctx);
    }
  }

  private meta(el: Element, parent: Context): void {
    const content = el.getAttribute('content');
    if (content === null || content.trim() === '') return;
    const itemprop = el.getAttribute('itemprop');
    const described = scannedMetaName(el) !== null;
    if (!described && !(itemprop !== null && isTextItemprop(itemprop))) return;
    const metadataZone = this.options.metadataZone;
    const zone: ZoneState =
      described && metadataZone !== undefined ? { zone: metadataZone, settled: true } : zoneFor(el, parent.zone, this.roots, parent.inSection);
    this.attributeBlock(el, 'content', content, 'structured-data', { ...parent, zone });
  }

  private jsonLd(el: Element, parent: Context): void {
    const data = parseJsonLd(el.textContent ?? '');
    if (data === null) return;
    const zone = zoneFor(el, parent.zone, this.roots, parent.inSection).zone;
    for (const value of jsonLdTextValues(data)) {
      this.blocks.push({
        block: {
          kind: 'json-ld',
          text: value.text,
          where: 'structured-data',
          // Product and Offer data describe the item listed, breadcrumbs and site navigation
          // the site around it, wherever the script sits.
          zone: value.zone ?? zone,
          element: el,
          path: value.path,
        },
        order: this.nextOrder(),
      });
    }
  }

  /** Links and images: credential seals and registry links live there. */
  private record(el: Element, tag: string, ctx: Context): void {
    if ((tag === 'a' || tag === 'area') && ctx.anchorHref !== null) {
      let text = collapse(el.textContent ?? '');
      // An image link (a credential seal) is named by its image's alt text.
      if (text === '') text = collapse(el.getAttribute('aria-label') ?? el.getAttribute('title') ?? el.querySelector('img[alt]')?.getAttribute('alt') ?? '');
      this.links.push({ href: ctx.anchorHref, text: text.slice(0, MAX_LINK_TEXT) });
    } else if (tag === 'img') {
      const src = el.getAttribute('src');
      if (src === null || src.trim() === '') return;
      this.links.push({ href: ctx.anchorHref ?? '', text: collapse(el.getAttribute('alt') ?? '').slice(0, MAX_LINK_TEXT), src: this.resolve(src) });
    }
  }

  private resolve(href: string): string {
    const base = this.options.baseUrl;
    if (base === undefined) return href.trim();
    try {
      return new URL(href.trim(), base).href;
    } catch {
      return href.trim();
    }
  }
}

/** Builds the whole text map of a document or subtree in one go. */
export function buildTextMap(root: Document | Element | DocumentFragment, options: TextMapOptions): TextMap {
  return new TextMapBuilder(root, options).result();
}
