/**
 * Static layout knowledge by tag name, for DOMs without computed styles (the CLI's
 * parsed HTML). The live path can override block-ness with computed `display`.
 */

/** Elements whose boxes start a new line: their text never runs into a neighbour's. */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'button', 'caption', 'center', 'dd',
  'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer',
  'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'input', 'label',
  'legend', 'li', 'listing', 'main', 'menu', 'nav', 'ol', 'optgroup', 'option', 'p', 'plaintext',
  'pre', 'search', 'section', 'select', 'summary', 'table', 'tbody', 'td', 'textarea', 'tfoot',
  'th', 'thead', 'title', 'tr', 'ul', 'xmp',
]);

/**
 * Elements whose text content is never shown as text: code, styles, fallbacks for
 * embedded content, templates (declarative shadow roots are handled apart), SVG.
 */
const SKIPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'frame', 'frameset',
  'object', 'embed', 'canvas', 'video', 'audio', 'picture', 'link', 'base', 'param',
  'source', 'track',
]);

/** Elements whose whitespace is kept as written. */
const PREFORMATTED_TAGS = new Set(['pre', 'textarea', 'listing', 'plaintext', 'xmp']);

/** Elements that make a `<header>` or `<footer>` inside them a section's, not the site's. */
const SECTIONING_TAGS = new Set(['article', 'aside', 'main', 'nav', 'section']);

/** Lower-case local name; HTML DOMs upper-case tagName, XML and linkedom may not. */
export function tagOf(element: Element): string {
  return element.localName ? element.localName.toLowerCase() : element.tagName.toLowerCase();
}

export function isBlockTag(tag: string): boolean {
  return BLOCK_TAGS.has(tag);
}

export function isSkippedTag(tag: string): boolean {
  return SKIPPED_TAGS.has(tag);
}

export function isPreformattedTag(tag: string): boolean {
  return PREFORMATTED_TAGS.has(tag);
}

export function isSectioningTag(tag: string): boolean {
  return SECTIONING_TAGS.has(tag);
}
