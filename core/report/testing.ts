/** Test support: a realistic page result and a chain of filed reports built the real way. */
import type { PageResult } from '../findings.ts';
import type { CapturedArtifact } from '../evidence/manifest.ts';
import { utf8 } from '../evidence/hash.ts';
import { chainEntry, type ChainEntry } from './chain.ts';
import { fileReport, hashArtifacts, prefillForm, validateForm } from './filing.ts';
import type { Report } from './model.ts';

export const SAMPLE_PAGE: PageResult = {
  url: 'https://shop.example.com/item/12345?ref=search',
  source: 'extension',
  scannedAt: '2026-11-29T12:00:00.000Z',
  packs: [{ id: 'core-drugs', version: '1.2.0' }],
  verdict: 'violation',
  listing: {
    marketplace: 'generic',
    pageType: 'item',
    title: 'Pain relief 0xyc0d0ne 30mg, "no prescription" <fast>',
    listingId: '12345',
    price: { amount: 120, currency: 'USD', text: '$120.00' },
    seller: { name: '=HYPERLINK("http://evil")', id: 'seller-9', url: 'https://shop.example.com/seller/9' },
  },
  findings: [
    {
      ruleId: 'opioid.oxycodone',
      term: 'oxycodone',
      category: 'opioid',
      severity: 'high',
      matched: '0xyc0d0ne',
      where: 'visible',
      context: 'Pain relief 0xyc0d0ne 30mg, no prescription',
      zone: 'listing',
      tricks: ['leetspeak'],
      explanation: '0xyc0d0ne → oxycodone (leetspeak)',
    },
    {
      ruleId: 'evasion.no-rx',
      term: 'no prescription',
      category: 'rx-without-prescription',
      severity: 'medium',
      matched: 'no prescription',
      where: 'hidden',
      context: 'ships fast, no prescription needed',
      zone: 'listing',
      tricks: ['hidden-text'],
      explanation: 'hidden text: "no prescription"',
    },
  ],
  credentials: [],
  credentialRequired: true,
  missingCredential: true,
};

export const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

export function sampleCaptured(seed: string): CapturedArtifact[] {
  const at = '2026-11-29T12:00:01.000Z';
  return [
    { kind: 'screenshot-visible', bytes: new Uint8Array([...PNG_BYTES, seed.length]), capturedAt: at },
    { kind: 'html-snapshot', bytes: utf8(`<!doctype html><title>${seed}</title><p>snapshot ${seed}</p>`), capturedAt: at },
    { kind: 'findings', bytes: utf8(JSON.stringify(SAMPLE_PAGE.findings)), capturedAt: at },
  ];
}

/** File `count` reports in a chain; returns reports, artifact bytes by hash, and chain headers. */
export async function sampleChain(count: number): Promise<{ reports: Report[]; artifacts: Map<string, Uint8Array<ArrayBuffer>>; chain: ChainEntry[] }> {
  const reports: Report[] = [];
  const artifacts = new Map<string, Uint8Array<ArrayBuffer>>();
  for (let i = 0; i < count; i++) {
    const draft = prefillForm(SAMPLE_PAGE, 'reviewer-7');
    const valid = validateForm({ ...draft, notes: `report ${i}`, caseId: 'CASE-1', tags: ['opioids'] });
    if (!valid.ok) throw new Error(JSON.stringify(valid.errors));
    const captured = sampleCaptured(`page ${i}`);
    for (const artifact of captured) {
      const [hashed] = await hashArtifacts([artifact]);
      if (hashed) artifacts.set(hashed.sha256, artifact.bytes);
    }
    reports.push(
      await fileReport({
        form: valid.form,
        id: `report-000${i}`,
        filedAt: `2026-11-29T12:0${i}:00.000Z`,
        evidence: await hashArtifacts(captured),
        missingEvidence: [{ kind: 'mhtml', reason: 'test' }],
        head: reports[reports.length - 1] ?? null,
        previous: null,
      }),
    );
  }
  return { reports, artifacts, chain: reports.map(chainEntry) };
}
