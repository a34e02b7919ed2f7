/**
 * Page assembly: engine matches, credentials and listing facts become one PageResult,
 * the contract the CLI prints and the extension shows. Both scan paths end here, so a
 * page gives the same result whichever way it was read.
 */
import { assessCredentialNeed, extractCredentials, type CredentialNeed } from './credentials/index.ts';
import type { CompiledEngine, Match, PageLink, SuppressedMatch, TextBlock } from './engine/types.ts';
import type { Finding, ListingFacts, PageResult } from './findings.ts';
import { decideVerdict } from './verdict.ts';

export interface PageInput {
  /** The page URL; for a saved page without one, a file:// URL or "". */
  url: string;
  /** Where the text came from: a file path, "stdin", "record:<id>", "browser". */
  source: string;
  blocks: readonly TextBlock[];
  links: readonly PageLink[];
  listing: ListingFacts;
  now: Date;
}

export interface PageScan {
  result: PageResult;
  /** Matches with their block offsets, for highlighting. Same order as result.findings. */
  matches: Match[];
  suppressed: SuppressedMatch[];
  credentialNeed: CredentialNeed;
  verdictReason: string;
}

export function scanPage(engine: CompiledEngine, input: PageInput): PageScan {
  const { matches, suppressed } = engine.scan(input.blocks);
  const credentials = extractCredentials({ blocks: input.blocks, links: input.links, url: input.url || null, now: input.now });
  const credentialNeed = assessCredentialNeed({
    matches,
    credentials,
    blocks: input.blocks,
    pageType: input.listing.pageType,
  });
  const { verdict, reason } = decideVerdict({ matches, missingCredential: credentialNeed.missingCredential });
  return {
    result: {
      url: input.url,
      source: input.source,
      scannedAt: input.now.toISOString(),
      packs: engine.packs.map(({ id, version }) => ({ id, version })),
      verdict,
      listing: input.listing,
      findings: matches.map(toFinding),
      credentials,
      credentialRequired: credentialNeed.credentialRequired,
      missingCredential: credentialNeed.missingCredential,
    },
    matches,
    suppressed,
    credentialNeed,
    verdictReason: reason,
  };
}

/** The contract's finding: what a match says, without the offsets only the page needs. */
export function toFinding(match: Match): Finding {
  const { ruleId, term, category, severity, matched, where, context, zone, tricks, explanation } = match;
  return { ruleId, term, category, severity, matched, where, context, zone, tricks, explanation };
}
