/**
 * Engine contracts: what goes into a scan and what comes out, before page-level
 * assessment (verdict, credentials) turns matches into a PageResult.
 */
import type { Category, Finding, Severity, Trick, Where, Zone } from '../findings.ts';

/** A run of text the engine scans as one piece: a paragraph, a title, an attribute value. */
export interface TextBlock {
  text: string;
  where: Where;
  zone: Zone;
  /** Offsets in `text` where one element's text ends and the next one's begins (`<b>oxy</b>codone` → [3]). */
  elementBoundaries?: readonly number[];
}

/** A link or image on the page: credentials (LegitScript seals, EU logo links) live in these. */
export interface PageLink {
  href: string;
  text: string;
  /** For images: the src; for anchors: undefined. */
  src?: string;
}

/** A match with everything the extension needs to paint it and explain it. */
export interface Match extends Finding {
  /** Index of the block in the scanned input. */
  block: number;
  /** UTF-16 offsets into the block's text: block.text.slice(start, end) === matched. */
  start: number;
  end: number;
  tier: 'A' | 'B' | 'C';
  packId: string;
  packVersion: string;
  rxOnly: boolean;
}

/** A match that a rule's exclusions or missing context turned away, kept so "try it" can say why. */
export interface SuppressedMatch {
  ruleId: string;
  term: string;
  matched: string;
  block: number;
  start: number;
  end: number;
  reason: string;
}

export interface EngineScan {
  matches: Match[];
  suppressed: SuppressedMatch[];
}

export interface CompiledEngine {
  readonly packs: ReadonlyArray<{ id: string; version: string }>;
  readonly ruleCount: number;
  readonly termCount: number;
  scan(blocks: readonly TextBlock[]): EngineScan;
}

export type { Category, Severity, Trick, Where, Zone };
