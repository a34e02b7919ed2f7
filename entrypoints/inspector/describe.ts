/**
 * Short human descriptions of where a finding sits, for the panel: the element
 * (`span.price`, `img[alt]`) and, for hidden text, what hides it (`display: none`).
 * Page text is never interpreted: these strings are shown as text only.
 */

const MAX = 80;

export function describeElement(el: Element, attribute: string | null): string {
  let out = el.localName || el.tagName.toLowerCase();
  if (el.id) out += `#${el.id}`;
  const classes = Array.from(el.classList).slice(0, 2);
  if (classes.length) out += `.${classes.join('.')}`;
  if (attribute) out += `[${attribute}]`;
  if (el.getRootNode() !== el.ownerDocument) out += ' (shadow root)';
  if (el.ownerDocument.defaultView !== el.ownerDocument.defaultView?.top) out += ' (iframe)';
  return out.length > MAX ? `${out.slice(0, MAX - 1)}…` : out;
}

/** The first reason found walking up from `el`; "hidden" when the cause is not one we name. */
export function hiddenReason(el: Element): string {
  const win = el.ownerDocument.defaultView;
  if (!win) return 'hidden';
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (node.hasAttribute('hidden')) return `hidden attribute on ${describeElement(node, null)}`;
    const s = win.getComputedStyle(node);
    const where = node === el ? '' : ` on ${describeElement(node, null)}`;
    if (s.display === 'none') return `display: none${where}`;
    if (s.visibility === 'hidden' || s.visibility === 'collapse') return `visibility: hidden${where}`;
    if (Number.parseFloat(s.opacity) <= 0.05) return `opacity: ${s.opacity}${where}`;
    if (Number.parseFloat(s.fontSize) < 2) return `font-size: ${s.fontSize}${where}`;
    if (Number.parseFloat(s.textIndent) <= -900) return `text-indent: ${s.textIndent}${where}`;
    if (Number.parseFloat(s.left) <= -900 || Number.parseFloat(s.top) <= -900) return `positioned off-screen${where}`;
    if (s.clip && s.clip !== 'auto') return `clip: ${s.clip}${where}`;
    if (s.clipPath && s.clipPath !== 'none') return `clip-path: ${s.clipPath}${where}`;
    if ((s.overflow === 'hidden' || s.overflow === 'clip') && (s.width === '0px' || s.height === '0px')) return `zero-size box${where}`;
  }
  return 'text coloured like its background';
}
