/**
 * Visibility probes: does an element hide its text from a reader's eyes? Hidden drug
 * text is cloaking and is reported as `where: "hidden"` (issue #4). The static probe reads
 * only markup (the `hidden` attribute and inline styles) so the CLI never needs layout;
 * the computed probe is for live pages.
 */
import { indistinguishable, parseColor } from './colors.ts';
import type { Rgba } from './colors.ts';
import type { VisibilityProbe } from './types.ts';

/** Offsets beyond this many pixels off the top or left edge put text where no one scrolls. */
const OFFSCREEN_PX = -900;
/** Font sizes below this are unreadable: cloaking, not typography. */
const MIN_FONT_PX = 2;
const MIN_OPACITY = 0.05;

/** Parses an inline `style` attribute into lower-case property → value. */
export function parseInlineStyle(style: string): Map<string, string> {
  const out = new Map<string, string>();
  // Semicolons inside url(...) or quotes are rare in cloaking styles; a misparse only loses that declaration.
  for (const decl of style.split(';')) {
    const colon = decl.indexOf(':');
    if (colon <= 0) continue;
    const prop = decl.slice(0, colon).trim().toLowerCase();
    const value = decl.slice(colon + 1).trim().toLowerCase().replace(/\s*!important$/, '');
    if (prop !== '') out.set(prop, value);
  }
  return out;
}

/** A CSS length in px where it can be told without layout (em/rem taken at 16px); null otherwise. */
export function lengthPx(value: string | undefined): number | null {
  if (value === undefined) return null;
  const m = /^(-?\d*\.?\d+)(px|em|rem|pt|%|vw|vh)?$/.exec(value.trim());
  if (!m?.[1]) return null;
  const n = Number.parseFloat(m[1]);
  switch (m[2]) {
    case undefined:
    case 'px':
      return n;
    case 'em':
    case 'rem':
      return n * 16;
    case 'pt':
      return (n * 4) / 3;
    default:
      // Percentages and viewport units: only zero is certain.
      return n === 0 ? 0 : null;
  }
}

function isZeroClip(clip: string | undefined): boolean {
  if (clip === undefined) return false;
  const m = /^rect\(([^)]*)\)$/.exec(clip);
  if (!m?.[1]) return false;
  const [top, right, bottom, left] = m[1].split(/[\s,]+/).map((p) => lengthPx(p));
  if (top == null || right == null || bottom == null || left == null) return false;
  return bottom - top <= 1 || right - left <= 1;
}

function isZeroClipPath(clipPath: string | undefined): boolean {
  if (clipPath === undefined) return false;
  return /^(inset\(\s*50%|circle\(\s*0(px)?\s*[)a]|polygon\(\s*0(px)?\s+0(px)?\s*\))/.test(clipPath);
}

/** The colour a background declaration paints, or null when it cannot be told (images, gradients). */
function backgroundOf(style: Map<string, string>): Rgba | null {
  const color = style.get('background-color');
  if (color !== undefined) return parseColor(color);
  const shorthand = style.get('background');
  if (shorthand === undefined || /url\(|gradient\(/.test(shorthand)) return null;
  for (const token of shorthand.split(/\s+(?![^(]*\))/)) {
    const c = parseColor(token);
    if (c) return c;
  }
  return null;
}

function styleOf(element: Element): Map<string, string> | null {
  const style = element.getAttribute('style');
  return style === null || style === '' ? null : parseInlineStyle(style);
}

/** The nearest declared background at or above `element`: inline styles and the old `bgcolor`. */
function declaredBackground(element: Element): Rgba | null {
  for (let el: Element | null = element; el; el = el.parentElement) {
    const style = styleOf(el);
    const bg = style ? backgroundOf(style) : null;
    if (bg && bg[3] >= 0.5) return bg;
    const attr = el.getAttribute('bgcolor');
    if (attr !== null) {
      const c = parseColor(attr);
      if (c) return c;
    }
  }
  return null;
}

function hiddenByStyle(element: Element, style: Map<string, string>): boolean {
  if (style.get('display') === 'none') return true;
  const visibility = style.get('visibility');
  if (visibility === 'hidden' || visibility === 'collapse') return true;
  const opacity = style.get('opacity');
  if (opacity !== undefined && Number.parseFloat(opacity) <= MIN_OPACITY) return true;
  const fontSize = lengthPx(style.get('font-size'));
  if (fontSize !== null && fontSize < MIN_FONT_PX) return true;
  const indent = lengthPx(style.get('text-indent'));
  if (indent !== null && indent <= OFFSCREEN_PX) return true;
  const position = style.get('position');
  if (position === 'absolute' || position === 'fixed' || position === 'relative') {
    const left = lengthPx(style.get('left'));
    const top = lengthPx(style.get('top'));
    if ((left !== null && left <= OFFSCREEN_PX) || (top !== null && top <= OFFSCREEN_PX)) return true;
  }
  if (isZeroClip(style.get('clip')) || isZeroClipPath(style.get('clip-path'))) return true;
  const transform = style.get('transform');
  if (transform !== undefined && /scale\(\s*0(\.0+)?\s*[,)]/.test(transform)) return true;
  const overflow = style.get('overflow');
  if (overflow === 'hidden' || overflow === 'clip') {
    const width = lengthPx(style.get('width') ?? style.get('max-width'));
    const height = lengthPx(style.get('height') ?? style.get('max-height'));
    if ((width !== null && width <= 1) || (height !== null && height <= 1)) return true;
  }
  const color = style.get('color');
  if (color !== undefined) {
    const fg = parseColor(color);
    if (fg) {
      if (fg[3] < 0.1) return true;
      const bg = declaredBackground(element);
      if (bg && indistinguishable(fg, bg)) return true;
    }
  }
  return false;
}

/**
 * Reads only markup: `hidden`, inline styles, `<font color>` against declared backgrounds.
 * Text coloured white with no declared background is not called hidden: the real
 * background may come from a style sheet, and a false "hidden" would make benign words look cloaked.
 */
export const staticVisibilityProbe: VisibilityProbe = {
  isHidden(element: Element): boolean {
    if (element.hasAttribute('hidden')) return true;
    const style = styleOf(element);
    if (style && hiddenByStyle(element, style)) return true;
    const fontColor = element.localName === 'font' ? element.getAttribute('color') : null;
    if (fontColor !== null) {
      const fg = parseColor(fontColor);
      const bg = declaredBackground(element);
      if (fg && bg && indistinguishable(fg, bg)) return true;
    }
    return false;
  },
};

/**
 * Reads computed styles on a live page. It reads style, never layout (no
 * getBoundingClientRect), so probing does not force reflow. Call top-down: each
 * element's effective background is cached for its children.
 */
export function computedVisibilityProbe(win: Window): VisibilityProbe {
  const backgrounds = new WeakMap<Element, Rgba | null>();
  const effectiveBackground = (el: Element | null, style?: CSSStyleDeclaration): Rgba | null => {
    if (!el) return null;
    const cached = backgrounds.get(el);
    if (cached !== undefined) return cached;
    const own = parseColor((style ?? win.getComputedStyle(el)).backgroundColor);
    const bg = own && own[3] >= 0.5 ? own : effectiveBackground(el.parentElement);
    backgrounds.set(el, bg);
    return bg;
  };
  return {
    isHidden(element: Element): boolean {
      if (element.hasAttribute('hidden')) return true;
      const s = win.getComputedStyle(element);
      if (s.display === 'none' || s.visibility === 'hidden' || s.visibility === 'collapse') return true;
      if (Number.parseFloat(s.opacity) <= MIN_OPACITY) return true;
      const fontSize = Number.parseFloat(s.fontSize);
      if (!Number.isNaN(fontSize) && fontSize < MIN_FONT_PX) return true;
      const indent = Number.parseFloat(s.textIndent);
      if (!Number.isNaN(indent) && indent <= OFFSCREEN_PX) return true;
      if (s.position === 'absolute' || s.position === 'fixed' || s.position === 'relative') {
        const left = Number.parseFloat(s.left);
        const top = Number.parseFloat(s.top);
        if (left <= OFFSCREEN_PX || top <= OFFSCREEN_PX) return true;
      }
      if (isZeroClip(s.clip) || isZeroClipPath(s.clipPath)) return true;
      if ((s.overflow === 'hidden' || s.overflow === 'clip') && (lengthPx(s.width) === 0 || lengthPx(s.height) === 0)) {
        return true;
      }
      const fg = parseColor(s.color);
      if (fg && fg[3] < 0.1) return true;
      const bg = effectiveBackground(element, s);
      return fg !== null && bg !== null && indistinguishable(fg, bg);
    },
  };
}

const INLINE_DISPLAYS = new Set(['inline', 'inline-block', 'contents', 'none', 'ruby', 'ruby-text']);

/** Block-ness from computed `display`, for the live path's `isBlock` option. */
export function computedIsBlock(win: Window): (element: Element) => boolean {
  return (element) => {
    const display = win.getComputedStyle(element).display;
    // inline-block boxes sit in the line like words do: "oxy<span style=display:inline-block>codone" reads as one word.
    return !INLINE_DISPLAYS.has(display);
  };
}
