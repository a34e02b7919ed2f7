import { describe, expect, it } from 'vitest';
import { chainEntry, describeChainProblem, reportHash, verifyLinks, verifyReports } from './chain.ts';
import { fileReport } from './filing.ts';
import { GENESIS_HASH } from './model.ts';
import { sampleChain } from './testing.ts';

describe('report hash chain', () => {
  it('links each report to the one before, from the genesis hash', async () => {
    const { reports } = await sampleChain(3);
    expect(reports.map((report) => report.chain.seq)).toEqual([1, 2, 3]);
    expect(reports[0]?.chain.prevHash).toBe(GENESIS_HASH);
    expect(reports[1]?.chain.prevHash).toBe(reports[0]?.hash);
    expect(reports[2]?.chain.prevHash).toBe(reports[1]?.hash);
    expect(await verifyReports(reports)).toEqual([]);
  });

  it('detects an edited report and the link after it', async () => {
    const { reports } = await sampleChain(3);
    const edited = reports.map((report, i) => (i === 1 ? { ...report, notes: 'quietly changed' } : report));
    const problems = await verifyReports(edited);
    expect(problems.map((problem) => problem.kind)).toEqual(['altered', 'broken-link']);
    expect(problems[0]).toMatchObject({ seq: 2, id: 'report-0001' });
    expect(describeChainProblem(problems[1]!)).toMatch(/chain #3 .* points to previous hash/);
  });

  it('detects an edit whose author also recomputed its hash (the next link breaks)', async () => {
    const { reports } = await sampleChain(3);
    const target = { ...reports[1]!, notes: 'rewritten' };
    const resealed = { ...target, hash: await reportHash(target) };
    const problems = await verifyReports([reports[0]!, resealed, reports[2]!]);
    expect(problems).toEqual([expect.objectContaining({ kind: 'broken-link', seq: 3 })]);
  });

  it('detects a deleted report', async () => {
    const { reports } = await sampleChain(4);
    const problems = await verifyReports([reports[0]!, reports[1]!, reports[3]!]);
    expect(problems.map((problem) => problem.kind)).toEqual(['missing']);
    expect(describeChainProblem(problems[0]!)).toBe('chain #3 is missing: a report was deleted');
  });

  it('detects a deleted first report and a deleted last one given the known head', async () => {
    const { chain } = await sampleChain(3);
    expect(verifyLinks(chain.slice(1)).map((p) => p.kind)).toEqual(['missing']);
    // The tail cannot be seen from the chain alone: compare with the head the team recorded.
    expect(verifyLinks(chain.slice(0, 2))).toEqual([]);
  });

  it('detects a reordered chain', async () => {
    const { chain } = await sampleChain(3);
    const problems = verifyLinks([chain[0]!, chain[2]!, chain[1]!]);
    expect(problems.map((problem) => problem.kind)).toEqual(['missing', 'out-of-order']);
  });

  it('detects a duplicated entry', async () => {
    const { chain } = await sampleChain(2);
    expect(verifyLinks([chain[0]!, chain[1]!, chain[1]!]).map((p) => p.kind)).toEqual(['duplicate']);
  });

  it('makes an edit of a filed report a new version appended to the chain', async () => {
    const { reports } = await sampleChain(2);
    const first = reports[0]!;
    const { hash: _h, chain: _c, schema: _s, id: _i, version: _v, previousVersionHash: _p, filedAt: _f, evidence, missingEvidence, ...form } = first;
    const v2 = await fileReport({
      form: { ...form, notes: 'corrected' },
      id: first.id,
      filedAt: '2026-11-29T13:00:00.000Z',
      evidence,
      missingEvidence,
      head: reports[1]!,
      previous: first,
    });
    expect(v2).toMatchObject({ id: first.id, version: 2, previousVersionHash: first.hash, chain: { seq: 3, prevHash: reports[1]!.hash } });
    expect(await verifyReports([...reports, v2])).toEqual([]);
    expect(chainEntry(v2)).toEqual({ seq: 3, id: first.id, version: 2, prevHash: reports[1]!.hash, hash: v2.hash });
  });
});
