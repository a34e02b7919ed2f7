/**
 * Zones: is a piece of text the listing itself, or page chrome (menus, navigation,
 * headers, footers, breadcrumbs, cookie banners, recommendation carousels)? Findings in
 * chrome weigh far less: a marketplace's own "Pharmacy" menu does not make a listing a
 * pharmacy (issue #10).
 *
 * Order of decision, top-down through the tree:
 *  1. With listing roots from the site adapter: inside a root is 'listing', anything else 'page'.
 *  2. Without roots (generic pages): inside chrome is 'page', anything else 'listing'.
 */
import type { Zone } from '../findings.ts';
import { tagOf } from './tags.ts';

const CHROME_TAGS = new Set(['nav', 'aside', 'menu']);
/** Header and footer are site chrome only outside article/section/main/aside/nav. */
const SITE_SECTION_TAGS = new Set(['header', 'footer']);

const CHROME_ROLES = new Set([
  'navigation', 'banner', 'contentinfo', 'complementary', 'menu', 'menubar', 'search', 'toolbar',
]);

/** Words in class or id that name chrome wherever they appear. */
const CHROME_WORDS = new Set([
  'nav', 'navbar', 'navigation', 'navmenu', 'menu', 'megamenu', 'menubar', 'breadcrumb', 'breadcrumbs',
  'sidebar', 'sidenav', 'cookie', 'cookies', 'consent', 'gdpr', 'recommendations', 'recommended',
  'recommendation', 'recs', 'related', 'similar', 'masthead', 'topbar', 'hamburger', 'drawer',
]);
/** "header"/"footer" words count alone or with these, not in "product-header" or "card-footer". */
const SITE_WORDS = new Set(['site', 'global', 'page', 'main', 'top', 'bottom', 'layout', 'app', 'gh', 'nav']);

/** Splits "navFooter mega-menu_item" into ["nav", "footer", "mega", "menu", "item"]. */
export function classWords(value: string): string[] {
  return value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

function hasChromeWords(value: string): boolean {
  const words = classWords(value);
  for (const w of words) if (CHROME_WORDS.has(w)) return true;
  const siteSection = words.some((w) => w === 'header' || w === 'footer');
  if (!siteSection) return false;
  return words.length === 1 || words.every((w) => w === 'header' || w === 'footer' || SITE_WORDS.has(w));
}

/**
 * True when the element is page chrome by tag, ARIA role, or class/id words.
 * `inSection` says whether an article/section/main/aside/nav encloses it.
 */
export function isChromeElement(element: Element, inSection: boolean): boolean {
  const tag = tagOf(element);
  if (CHROME_TAGS.has(tag)) return true;
  if (SITE_SECTION_TAGS.has(tag) && !inSection) return true;
  const role = element.getAttribute('role');
  if (role !== null && CHROME_ROLES.has(role.trim().toLowerCase())) return true;
  const label = element.getAttribute('aria-label');
  if (label !== null && /^breadcrumbs?$/i.test(label.trim())) return true;
  const id = element.getAttribute('id');
  if (id !== null && id !== '' && hasChromeWords(id)) return true;
  const cls = element.getAttribute('class');
  return cls !== null && cls !== '' && hasChromeWords(cls);
}

/** What the walk carries down the tree to decide zones. */
export interface ZoneState {
  zone: Zone;
  /** True once the zone is settled for the whole subtree (inside a listing root, or chrome). */
  settled: boolean;
}

/**
 * The zone for `element` given its parent's state. `roots` is the adapter's listing roots
 * (empty when it could not tell).
 */
export function zoneFor(element: Element, parent: ZoneState, roots: ReadonlySet<Element>, inSection: boolean): ZoneState {
  if (parent.settled) return parent;
  if (roots.size > 0) {
    return roots.has(element) ? { zone: 'listing', settled: true } : parent;
  }
  return isChromeElement(element, inSection) ? { zone: 'page', settled: true } : parent;
}

/** The state at the top of a walk: before any element is seen. */
export function initialZone(roots: ReadonlySet<Element>): ZoneState {
  return roots.size > 0 ? { zone: 'page', settled: false } : { zone: 'listing', settled: false };
}
