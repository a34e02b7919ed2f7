/**
 * The detection pieces the content script uses, in one place: the engine (run by the
 * background, compiled once for all tabs: see entrypoints/background/inspector-setup.ts),
 * the site adapter, and page-level
 * assembly into the PageResult contract with the same credential-need and verdict policy
 * as core/scan-page.ts (the static scan), applied to matches found slice by slice.
 */
import { assessCredentialNeed } from '../../core/credentials/index.ts';
import { dedupeCredentials } from '../../core/credentials/index.ts';
import type { Match, TextBlock } from '../../core/engine/types.ts';
import { extractListing } from '../../core/adapters/index.ts';
import type { CredentialResult, ListingFacts, PageResult } from '../../core/findings.ts';
import { sendFromContent } from '../../platform/messages/index.ts';
import { toFinding } from '../../core/scan-page.ts';
import { decideVerdict } from '../../core/verdict.ts';

export interface ListingRead {
  facts: ListingFacts;
  roots: Element[];
}

export interface AssemblyInput {
  url: string;
  matches: readonly Match[];
  credentials: readonly CredentialResult[];
  listing: ListingFacts;
}

export interface Detection {
  /** The engine's matches for these blocks (block indices relative to them); run by the background. */
  scan(blocks: readonly TextBlock[]): Promise<Match[]>;
  readListing(doc: Document, url: URL | null): ListingRead;
  mergeCredentials(parts: readonly CredentialResult[]): CredentialResult[];
  assemble(input: AssemblyInput): PageResult;
}

export function createDetection(packs: ReadonlyArray<{ id: string; version: string }>): Detection {
  return {
    async scan(blocks) {
      const answer = await sendFromContent({ kind: 'inpage/scan', blocks: blocks.map(({ text, where, zone }) => ({ text, where, zone })) });
      // The background is the extension itself: its answer is trusted, only its shape is checked.
      return Array.isArray(answer) ? (answer as Match[]) : [];
    },
    readListing(doc, url) {
      const { facts, roots } = extractListing(doc, url);
      return { facts, roots };
    },
    mergeCredentials: (parts) => dedupeCredentials(parts),
    assemble(input) {
      const matches = [...input.matches];
      const credentials = [...input.credentials];
      // Blocks are not needed: every match carries its own zone.
      const need = assessCredentialNeed({ matches, credentials, blocks: [], pageType: input.listing.pageType });
      const { verdict } = decideVerdict({ matches, missingCredential: need.missingCredential });
      return {
        url: input.url,
        source: 'browser',
        scannedAt: new Date().toISOString(),
        packs: packs.map(({ id, version }) => ({ id, version })),
        verdict,
        listing: input.listing,
        findings: matches.map(toFinding),
        credentials,
        credentialRequired: need.credentialRequired,
        missingCredential: need.missingCredential,
      };
    },
  };
}
