/**
 * A stand-in for the rule engine in CLI plumbing tests: it finds a handful of fixed words
 * so the tests can check what reached the scanner (blocks, where, zone, URL, listing) and
 * what the CLI wrote, independently of the real packs. The real engine is tested through
 * the CLI end to end in test/unit/cli-e2e.test.ts.
 */
import type { Scanner } from '../../cli/page-input.ts';
import type { Finding, PageResult } from '../../core/findings.ts';

const WORDS = ['oxycodone', 'xanax', 'fentanyl', '三唑仑', '芬太尼', 'clonazepam', 'lorazepam', 'adderall', 'tramadol'];

export function fakeScanner(problems: string[] = []): Scanner {
  return {
    problems,
    warnings: [],
    scanPage(input): PageResult {
      const findings: Finding[] = [];
      for (const block of input.blocks) {
        const lower = block.text.toLowerCase();
        for (const word of WORDS) {
          for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
            findings.push({
              ruleId: `test.${word}`,
              term: word,
              category: 'opioid',
              severity: 'high',
              matched: block.text.slice(at, at + word.length),
              where: block.where,
              context: block.text.slice(Math.max(0, at - 20), at + word.length + 20),
              zone: block.zone,
              tricks: [],
              explanation: word,
            });
          }
        }
      }
      return {
        url: input.url,
        source: input.source,
        scannedAt: new Date(0).toISOString(),
        packs: [{ id: 'test', version: '0.0.0' }],
        verdict: findings.some((f) => f.zone === 'listing') ? 'violation' : findings.length > 0 ? 'review' : 'clear',
        listing: input.listing,
        findings,
        credentials: [],
        credentialRequired: false,
        missingCredential: false,
      };
    },
  };
}
