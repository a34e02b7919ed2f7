/**
 * The detection pieces the content script runs, in one place: the engine compiled from
 * the default packs (once per content-script instance), the site adapter, and page-level
 * assembly into the PageResult contract.
 *
 * INTERIM (until core/engine, core/rules/defaults, core/adapters/index and core/scan-page
 * land in main): a tiny term list and a simple verdict stand in behind the same shapes,
 * so the in-page machinery and its e2e tests can be built. Replaced at the merge.
 */
import type { CredentialResult, Finding, ListingFacts, PageResult } from '../../core/findings.ts';
import { EMPTY_LISTING } from '../../core/findings.ts';
import type { CompiledEngine, EngineScan, Match, TextBlock } from '../../core/engine/types.ts';
import { dedupeCredentials } from '../../core/credentials/index.ts';

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
  engine: CompiledEngine;
  readListing(doc: Document, url: URL): ListingRead;
  mergeCredentials(parts: readonly CredentialResult[]): CredentialResult[];
  assemble(input: AssemblyInput): PageResult;
}

const TERMS: ReadonlyArray<readonly [RegExp, string, Finding['category'], Finding['severity']]> = [
  [/\b[o0]xyc[o0]d[o0]ne\b/giu, 'oxycodone', 'opioid', 'high'],
  [/\bfentan[yi]l\b/giu, 'fentanyl', 'opioid', 'high'],
  [/\bxanax\b/giu, 'alprazolam', 'benzodiazepine', 'high'],
  [/\bsin receta\b/giu, 'without prescription', 'rx-without-prescription', 'medium'],
  [/芬太尼/gu, 'fentanyl', 'opioid', 'high'],
  [/\bkratom\b/giu, 'kratom', 'rx-drug', 'low'],
];

const interimEngine: CompiledEngine = {
  packs: [{ id: 'interim', version: '0' }],
  ruleCount: TERMS.length,
  termCount: TERMS.length,
  scan(blocks: readonly TextBlock[]): EngineScan {
    const matches: Match[] = [];
    blocks.forEach((block, index) => {
      for (const [rx, term, category, severity] of TERMS) {
        rx.lastIndex = 0;
        for (let m = rx.exec(block.text); m; m = rx.exec(block.text)) {
          const leet = /0/.test(m[0]);
          matches.push({
            ruleId: `interim.${term.replace(/\W+/g, '-')}`,
            term,
            category,
            severity,
            matched: m[0],
            where: block.where,
            zone: block.zone,
            context: block.text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 40),
            tricks: leet ? ['leetspeak'] : [],
            explanation: leet ? `${m[0]} → ${term} (leetspeak)` : `${m[0]} → ${term}`,
            block: index,
            start: m.index,
            end: m.index + m[0].length,
            tier: 'A',
            packId: 'interim',
            packVersion: '0',
            rxOnly: false,
          });
        }
      }
    });
    return { matches, suppressed: [] };
  },
};

function stripMatch(m: Match): Finding {
  return {
    ruleId: m.ruleId, term: m.term, category: m.category, severity: m.severity, matched: m.matched, where: m.where,
    context: m.context, zone: m.zone, tricks: m.tricks, explanation: m.explanation,
  };
}

export function createDetection(): Detection {
  return {
    engine: interimEngine,
    readListing: () => ({ facts: EMPTY_LISTING, roots: [] }),
    mergeCredentials: (parts) => dedupeCredentials(parts),
    assemble(input: AssemblyInput): PageResult {
      const credentials = [...input.credentials];
      const findings = input.matches.map(stripMatch);
      const listingHigh = findings.some((f) => f.severity === 'high' && f.zone === 'listing');
      return {
        url: input.url,
        source: 'extension',
        scannedAt: new Date().toISOString(),
        packs: interimEngine.packs.map((p) => ({ ...p })),
        verdict: listingHigh ? 'violation' : findings.length ? 'review' : 'clear',
        listing: input.listing,
        findings,
        credentials,
        credentialRequired: findings.length > 0,
        missingCredential: findings.length > 0 && !credentials.some((c) => c.status === 'valid'),
      };
    },
  };
}
