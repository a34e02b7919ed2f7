/**
 * The page text map: a page's text cut into the blocks the engine scans, each mapped
 * back to the DOM exactly, so a match at [start, end) in a block becomes DOM Ranges to
 * paint (issue #4) and evidence to cite (issue #5). Shared by the content script (live
 * DOM) and the CLI (linkedom), so it touches nothing but the DOM it is given.
 */
import type { PageLink, TextBlock, Zone } from '../engine/types.ts';

/**
 * A run of a block's text that is a verbatim copy of part of one text node:
 * block.text.slice(start, start + length) === node.data.slice(nodeStart, nodeStart + length).
 * Collapsed whitespace is what falls between pieces.
 */
export interface TextPiece {
  node: Text;
  /** Offset in the block's text. */
  start: number;
  /** Offset in the text node's data. */
  nodeStart: number;
  length: number;
}

/** Text laid out by the page: paragraphs, cells, list items, hidden runs, shadow and iframe text. */
export interface TextNodeBlock extends TextBlock {
  kind: 'text';
  pieces: TextPiece[];
}

/** An attribute value taken whole: alt, title, aria-label, placeholder, meta content, microdata content. */
export interface AttributeBlock extends TextBlock {
  kind: 'attribute';
  element: Element;
  attribute: string;
}

/** A string value inside a JSON-LD script; `path` says where, e.g. `$[0].offers.name`. */
export interface JsonLdBlock extends TextBlock {
  kind: 'json-ld';
  element: Element;
  path: string;
}

export type MappedBlock = TextNodeBlock | AttributeBlock | JsonLdBlock;

export interface TextMap {
  blocks: MappedBlock[];
  links: PageLink[];
}

/** Says whether an element itself hides its content (ancestors are the builder's business). */
export interface VisibilityProbe {
  isHidden(element: Element): boolean;
}

export interface TextMapOptions {
  visibility: VisibilityProbe;
  /** The listing itself, from the site adapter; text outside is page chrome (issue #10). */
  listingRoots?: readonly Element[];
  /** Block-level layout override; the live path passes one reading computed `display`. */
  isBlock?: (element: Element) => boolean;
  /**
   * Parses an iframe's `srcdoc` when the iframe has no live contentDocument (static path).
   * Uses the caller's DOM implementation so the nodes are of the same kind.
   */
  parseHtml?: (html: string) => Document;
  /**
   * The zone of the page's own description of itself: `<title>`, meta description and keywords,
   * OpenGraph and Twitter cards. On an item page these describe the item, so the CLI and the content
   * script pass 'listing' there; without it they take the zone of where they stand.
   */
  metadataZone?: Zone;
  /** Resolves relative link hrefs; without it hrefs are kept as written. */
  baseUrl?: string;
}

/** A DOM position for painting or evidence: a text node and offsets into its data. */
export interface TextRange {
  node: Text;
  startOffset: number;
  endOffset: number;
}
