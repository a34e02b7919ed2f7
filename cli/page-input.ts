/**
 * What the command line hands the page assembly (core/scan-page.ts) for one page or
 * record, and the function that turns it into a PageResult.
 */
import type { PageLink, TextBlock } from '../core/engine/types.ts';
import type { ListingFacts, PageResult } from '../core/findings.ts';

export interface PageInput {
  url: string;
  source: string;
  blocks: readonly TextBlock[];
  links: readonly PageLink[];
  listing: ListingFacts;
}

export type ScanPageFn = (input: PageInput) => PageResult;

/** The scanner a run uses, built once from the packs and reused for every page. */
export interface Scanner {
  scanPage: ScanPageFn;
  /** Pack problems to report (a bad pack is left out; the others work). */
  problems: string[];
}
