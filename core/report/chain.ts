/**
 * The append-only hash chain. Every filed report version carries the hash of the one
 * filed before it (in this profile), and its own hash covers that link, so editing,
 * deleting or reordering any earlier report breaks every link after it.
 */
import { sha256Canonical, type Subtle } from '../evidence/hash.ts';
import { GENESIS_HASH, type Report, type UnsealedReport } from './model.ts';

/** The hash of a report: SHA-256 of the canonical JSON of everything but `hash`. */
export function reportHash(report: UnsealedReport | Report, subtle?: Subtle): Promise<string> {
  const { hash: _hash, ...content } = report as Report;
  return sha256Canonical(content, subtle);
}

export async function sealReport(report: UnsealedReport, subtle?: Subtle): Promise<Report> {
  return { ...report, hash: await reportHash(report, subtle) };
}

/** The link a new report takes, given the current head of the chain (null when empty). */
export function nextLink(head: Pick<Report, 'hash' | 'chain'> | null): { seq: number; prevHash: string } {
  return head ? { seq: head.chain.seq + 1, prevHash: head.hash } : { seq: 1, prevHash: GENESIS_HASH };
}

/** One header per chain entry: enough to check the links without the reports' contents. */
export interface ChainEntry {
  seq: number;
  id: string;
  version: number;
  prevHash: string;
  hash: string;
}

export function chainEntry(report: Report): ChainEntry {
  return { seq: report.chain.seq, id: report.id, version: report.version, prevHash: report.chain.prevHash, hash: report.hash };
}

export type ChainProblem =
  | { kind: 'altered'; seq: number; id: string; version: number; expected: string; actual: string }
  | { kind: 'broken-link'; seq: number; id: string; version: number; expected: string; actual: string }
  | { kind: 'missing'; seq: number }
  | { kind: 'out-of-order'; seq: number; position: number }
  | { kind: 'duplicate'; seq: number };

export function describeChainProblem(problem: ChainProblem): string {
  switch (problem.kind) {
    case 'altered':
      return `report ${problem.id} v${problem.version} (chain #${problem.seq}) was altered: its content hashes to ${problem.actual}, but it records ${problem.expected}`;
    case 'broken-link':
      return `chain #${problem.seq} (report ${problem.id} v${problem.version}) points to previous hash ${problem.actual}, but the report before it hashes to ${problem.expected}`;
    case 'missing':
      return `chain #${problem.seq} is missing: a report was deleted`;
    case 'out-of-order':
      return `chain #${problem.seq} stands at position ${problem.position}: the chain was reordered`;
    case 'duplicate':
      return `chain #${problem.seq} appears more than once`;
  }
}

/**
 * Check a chain's links in the order given. `recompute` maps an entry to its
 * recomputed content hash when the report itself is at hand (null when only the
 * header is). The chain must start at #1 unless `from` says where a slice starts.
 */
export function verifyLinks(
  entries: readonly ChainEntry[],
  recomputed: ReadonlyMap<number, string> = new Map(),
  from = 1,
): ChainProblem[] {
  const problems: ChainProblem[] = [];
  const seen = new Set<number>();
  let expectedSeq = from;
  let previous: ChainEntry | null = null;
  entries.forEach((entry, position) => {
    if (seen.has(entry.seq)) {
      problems.push({ kind: 'duplicate', seq: entry.seq });
      return;
    }
    seen.add(entry.seq);
    if (entry.seq < expectedSeq) {
      problems.push({ kind: 'out-of-order', seq: entry.seq, position: position + 1 });
    } else {
      for (let missing = expectedSeq; missing < entry.seq; missing++) problems.push({ kind: 'missing', seq: missing });
    }
    const actual = recomputed.get(entry.seq);
    if (actual !== undefined && actual !== entry.hash) {
      problems.push({ kind: 'altered', seq: entry.seq, id: entry.id, version: entry.version, expected: entry.hash, actual });
    }
    const expectedPrev = previous ? (recomputed.get(previous.seq) ?? previous.hash) : entry.seq === 1 ? GENESIS_HASH : null;
    const adjacent = previous ? previous.seq === entry.seq - 1 : entry.seq === from;
    if (expectedPrev !== null && adjacent && entry.prevHash !== expectedPrev) {
      problems.push({ kind: 'broken-link', seq: entry.seq, id: entry.id, version: entry.version, expected: expectedPrev, actual: entry.prevHash });
    }
    previous = entry;
    expectedSeq = Math.max(expectedSeq, entry.seq + 1);
  });
  return problems;
}

/** Verify stored reports in the order given (the store gives them by seq): recomputes every hash and link. */
export async function verifyReports(reports: readonly Report[], subtle?: Subtle): Promise<ChainProblem[]> {
  const recomputed = new Map<number, string>();
  for (const report of reports) recomputed.set(report.chain.seq, await reportHash(report, subtle));
  return verifyLinks(reports.map(chainEntry), recomputed);
}
