/**
 * A one-walk index of the document's ids, classes, tags and attribute values, so that page
 * structure tests (one per adapter, ~30 of them on a page without a URL) rule themselves out
 * without walking the whole document each. The index only says "cannot match"; a "may match"
 * is confirmed with the real query, so results are exactly querySelector's.
 */
import { remember } from './memo.ts';
import { safeQuery } from './dom.ts';

interface DocIndex {
  tags: Set<string>;
  ids: Set<string>;
  classes: Set<string>;
  /** Attribute name → its values (long values such as style and URLs skipped). */
  attributes: Map<string, Set<string>>;
}

const SKIPPED_VALUES = new Set(['style', 'href', 'src', 'srcset', 'content', 'd', 'points', 'value', 'onclick']);

function buildIndex(doc: Document): DocIndex {
  const index: DocIndex = { tags: new Set(), ids: new Set(), classes: new Set(), attributes: new Map() };
  const stack: Element[] = doc.documentElement ? [doc.documentElement] : [];
  while (stack.length > 0) {
    const el = stack.pop()!;
    index.tags.add(el.tagName.toLowerCase());
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      let values = index.attributes.get(name);
      if (!values) {
        values = new Set();
        index.attributes.set(name, values);
      }
      if (name === 'id') index.ids.add(attr.value);
      if (name === 'class') for (const token of attr.value.split(/\s+/)) if (token) index.classes.add(token);
      if (!SKIPPED_VALUES.has(name) && attr.value.length <= 200) values.add(attr.value);
    }
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push(c);
  }
  return index;
}

function indexOf(doc: Document): DocIndex {
  return remember('dom-index', () => buildIndex(doc));
}

const COMPONENT = /#([\w-]+)|\.([\w-]+)|\[([\w:-]+)(?:([*^$]?=)"([^"]*)"(\s+i)?)?\]|^([a-z][a-z0-9]*)/gi;

/** The compound selectors of a complex selector, split at combinators outside brackets and quotes. */
function compounds(selector: string): string[] {
  const parts: string[] = [];
  let current = '';
  let depth = 0;
  let quote = '';
  for (const ch of selector) {
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[') depth += 1;
    else if (ch === ']') depth -= 1;
    else if (depth === 0 && (ch === ' ' || ch === '>')) {
      if (current) parts.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  if (current) parts.push(current);
  return parts;
}

/** False when the index proves no element can match this selector (no commas). */
function mayMatch(index: DocIndex, selector: string): boolean {
  if (/[:()~+]/.test(selector.replace(/"[^"]*"/g, ''))) return true; // pseudo-classes, sibling combinators: not indexed
  for (const compound of compounds(selector.trim())) {
    for (const m of compound.matchAll(COMPONENT)) {
      const [, id, cls, attr, op, value, insensitive, tag] = m;
      if (id !== undefined && !index.ids.has(id)) return false;
      if (cls !== undefined && !index.classes.has(cls)) return false;
      if (tag !== undefined && !index.tags.has(tag.toLowerCase())) return false;
      if (attr !== undefined) {
        const values = index.attributes.get(attr.toLowerCase());
        if (!values) return false;
        if (op === undefined || value === undefined || SKIPPED_VALUES.has(attr.toLowerCase())) continue;
        const wanted = insensitive ? value.toLowerCase() : value;
        const test = (v: string): boolean => {
          const have = insensitive ? v.toLowerCase() : v;
          return op === '=' ? have === wanted : op === '*=' ? have.includes(wanted) : op === '^=' ? have.startsWith(wanted) : have.endsWith(wanted);
        };
        if (![...values].some(test)) return false;
      }
    }
  }
  return true;
}

/** True when some element matches any selector of the comma-separated list (exactly querySelector's answer). */
export function hasAny(doc: Document, selectorList: string): boolean {
  const index = indexOf(doc);
  for (const selector of selectorList.split(',')) {
    if (mayMatch(index, selector) && safeQuery(doc, selector.trim()) !== null) return true;
  }
  return false;
}
