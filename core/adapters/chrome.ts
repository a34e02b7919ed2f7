/**
 * Page chrome: navigation, menus, site headers and footers. Findings there are not the listing
 * (issue #10), so adapters never return listing roots inside or around these.
 */
import { safeQueryAll } from './dom.ts';

/** Landmarks, and the ids/classes big marketplaces give their menus and footers. */
const ALWAYS_CHROME = [
  'nav',
  '[role="navigation"]',
  '[role="banner"]',
  '[role="contentinfo"]',
  '[role="menubar"]',
  '#navbar',
  '#nav-main',
  '#navFooter',
  '#nav-flyout-anchor',
  '#gh',
  '#glbfooter',
  '[id*="mega-menu" i]',
  '[class*="mega-menu" i]',
  '[class*="megamenu" i]',
  '[id*="megamenu" i]',
].join(', ');

/** Selector for every element that may be chrome; `header`/`footer` are checked further (see isChromeElement). */
export const CHROME_SELECTOR = `${ALWAYS_CHROME}, header, footer`;

const SECTIONING = new Set(['ARTICLE', 'ASIDE', 'MAIN', 'SECTION']);

/**
 * A <header> or <footer> is the site's banner or footer only outside article/aside/main/section
 * (the HTML-AAM rule); inside them it is the heading block of that content, e.g. the product's.
 */
function isChromeElement(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (tag !== 'HEADER' && tag !== 'FOOTER') return true;
  for (let p = el.parentElement; p; p = p.parentElement) {
    if (SECTIONING.has(p.tagName.toUpperCase())) return false;
  }
  return true;
}

function matches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

/** The element is chrome or inside chrome. */
export function isChrome(el: Element): boolean {
  for (let p: Element | null = el; p; p = p.parentElement) {
    if (matches(p, CHROME_SELECTOR) && isChromeElement(p)) return true;
  }
  return false;
}

/** The chrome elements inside root (or in the document). */
export function chromeElements(root: ParentNode): Element[] {
  return safeQueryAll(root, CHROME_SELECTOR).filter(isChromeElement);
}
