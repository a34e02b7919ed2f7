/**
 * What the command line hands the page assembly (core/scan-page.ts) for one page or
 * record, and the scanner that turns it into a PageResult.
 */
import type { PageResult } from '../core/findings.ts';
import type { PageInput as AssemblyInput } from '../core/scan-page.ts';

/** The page assembly's input; the scanner stamps the time. */
export type PageInput = Omit<AssemblyInput, 'now'>;

export type ScanPageFn = (input: PageInput) => PageResult;

/** The scanner a run uses, built once from the packs and reused for every page. */
export interface Scanner {
  scanPage: ScanPageFn;
  /** Pack problems to report (a bad pack is left out; the others work); they make the exit status 2. */
  problems: string[];
  /** Things worth saying that are nobody's input error, e.g. that no packs are installed. */
  warnings: string[];
}
