/**
 * Page chrome: navigation, menus, site headers and footers. Findings there are not the listing
 * (issue #10), so adapters never return listing roots inside or around these.
 *
 * The tests are plain attribute checks, not CSS selectors: they run for every candidate block on
 * pages with thousands of them, and DOM implementations such as linkedom compile a selector on
 * every call.
 */

/** Landmark roles of chrome. */
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'menubar']);
/** Ids big marketplaces give their menus and footers (Amazon, eBay). */
const CHROME_IDS = new Set(['navbar', 'nav-main', 'navfooter', 'nav-flyout-anchor', 'gh', 'glbfooter']);
const MEGA_MENU = /mega-?menu/i;
/**
 * Site headers, footers and navigation bars built from plain <div>s (common on Chinese and older
 * shops): by id, or by a class token naming the site's own bar. A product card's "card-footer" is
 * not the site's footer, so only these whole names count.
 */
const CHROME_ID = /^(j_)?(site-?|page-?|global-?|main-?|top-?|mall-?)?(footer|header|nav|navbar|navigation|menu)(-?wrap(per)?|-?container)?$/i;
const CHROME_CLASS = new Set(['footer', 'site-footer', 'page-footer', 'global-footer', 'site-header', 'global-header', 'site-nav', 'top-nav', 'main-nav', 'global-nav', 'navbar', 'site-navigation', 'main-navigation']);
const SECTIONING = new Set(['ARTICLE', 'ASIDE', 'MAIN', 'SECTION']);

/** Selector form of the same rule, for callers that query with CSS (header/footer need isChromeElement too). */
export const CHROME_SELECTOR =
  'nav, header, footer, [role="navigation"], [role="banner"], [role="contentinfo"], [role="menubar"], #navbar, #nav-main, #navFooter, #nav-flyout-anchor, #gh, #glbfooter, [id*="mega-menu" i], [class*="mega-menu" i], [class*="megamenu" i], [id*="megamenu" i], [id*="footer" i], [id*="header" i], [id*="nav" i], [id*="menu" i], [class*="footer" i], [class*="header" i], [class*="nav" i]';

/**
 * The element itself is chrome. A <header> or <footer> is the site's banner or footer only outside
 * article/aside/main/section (the HTML-AAM rule); inside them it is that content's heading block.
 */
export function isChromeElement(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (tag === 'NAV') return true;
  const role = el.getAttribute('role');
  if (role && CHROME_ROLES.has(role.trim().toLowerCase())) return true;
  const id = el.getAttribute('id') ?? '';
  if (id && (CHROME_IDS.has(id.toLowerCase()) || MEGA_MENU.test(id) || CHROME_ID.test(id))) return true;
  const cls = el.getAttribute('class') ?? '';
  if (cls && (MEGA_MENU.test(cls) || cls.split(/\s+/).some((token) => CHROME_CLASS.has(token.toLowerCase())))) return true;
  if (tag === 'HEADER' || tag === 'FOOTER') {
    for (let p = el.parentElement; p; p = p.parentElement) {
      if (SECTIONING.has(p.tagName.toUpperCase())) return false;
    }
    return true;
  }
  return false;
}

/** The element is chrome or inside chrome. */
export function isChrome(el: Element): boolean {
  for (let p: Element | null = el; p; p = p.parentElement) {
    if (isChromeElement(p)) return true;
  }
  return false;
}

/** The chrome elements inside root (root excluded), in document order. */
export function chromeElements(root: Element | Document): Element[] {
  const found: Element[] = [];
  // Iterative walk: pages nest thousands of levels deep.
  const stack: Element[] = [];
  const pushChildren = (parent: Element | Document): void => {
    const children: Element[] = [];
    for (let c = parent.firstElementChild; c; c = c.nextElementSibling) children.push(c);
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i]!);
  };
  pushChildren(root);
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (isChromeElement(el)) found.push(el);
    pushChildren(el);
  }
  return found;
}

/** True when root holds at least one chrome element (stops at the first). */
export function holdsChrome(root: Element): boolean {
  const stack: Element[] = [];
  for (let c = root.firstElementChild; c; c = c.nextElementSibling) stack.push(c);
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (isChromeElement(el)) return true;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push(c);
  }
  return false;
}
