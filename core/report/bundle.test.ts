import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { generateSigningKeys } from '../evidence/signature.ts';
import { buildBundle } from './bundle.ts';
import { artifactPath, reportPath } from './bundle-model.ts';
import { sampleChain } from './testing.ts';
import { verifyBundle } from './verify.ts';

async function bundle(signed = false) {
  const { reports, artifacts, chain } = await sampleChain(3);
  const zip = await buildBundle({
    reports: [reports[1]!],
    artifacts,
    chain: chain.slice(0, 2),
    caseId: null,
    createdAt: '2026-11-29T14:00:00.000Z',
    generator: 'Listing Inspector test',
    signing: signed ? await generateSigningKeys() : null,
  });
  return { zip, report: reports[1]! };
}

function rezip(zip: Uint8Array, change: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(zip);
  change(files);
  const zippable: Zippable = {};
  for (const [path, bytes] of Object.entries(files)) zippable[path] = bytes;
  return zipSync(zippable);
}

describe('evidence bundle', () => {
  it('holds the manifest, report, evidence, chain and report.html, and verifies intact', async () => {
    const { zip, report } = await bundle();
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(
      [
        'chain.json',
        'manifest.json',
        'report.html',
        reportPath(report.id, 1),
        ...report.evidence.map((artifact) => artifactPath(report.id, artifact.sha256, artifact.file)),
      ].sort(),
    );
    const outcome = await verifyBundle(zip);
    expect(outcome).toMatchObject({ result: 'intact', problems: [], signature: { state: 'absent' } });
    expect(outcome.checked).toEqual({ files: 6, reports: 1, chainEntries: 2 });
  });

  it('records which rule pack version flagged what', async () => {
    const { zip } = await bundle();
    const manifest = JSON.parse(strFromU8(unzipSync(zip)['manifest.json']!));
    expect(manifest.flaggedBy).toEqual([
      expect.objectContaining({ ruleId: 'opioid.oxycodone', packId: 'core-drugs', packVersion: '1.2.0', findings: 1 }),
      expect.objectContaining({ ruleId: 'evasion.no-rx', packId: 'core-drugs', packVersion: '1.2.0', findings: 1 }),
    ]);
  });

  it('names an edited artifact', async () => {
    const { zip, report } = await bundle();
    const png = artifactPath(report.id, report.evidence[0]!.sha256, report.evidence[0]!.file);
    const tampered = rezip(zip, (files) => {
      const bytes = new Uint8Array(files[png]!);
      bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0xff;
      files[png] = bytes;
    });
    const outcome = await verifyBundle(tampered);
    expect(outcome.result).toBe('tampered');
    expect(outcome.problems).toEqual([expect.stringMatching(new RegExp(`^${png.replace(/[.]/g, '\\.')} was altered: SHA-256 is [0-9a-f]{64}, the manifest records ${report.evidence[0]!.sha256}$`))]);
  });

  it('names the changed field of an edited report, even when the manifest hash of the file was updated too', async () => {
    const { zip, report } = await bundle();
    const path = reportPath(report.id, 1);
    const tampered = rezip(zip, (files) => {
      const json = JSON.parse(strFromU8(files[path]!));
      json.notes = 'nothing to see';
      files[path] = strToU8(JSON.stringify(json));
      const manifest = JSON.parse(strFromU8(files['manifest.json']!));
      // A careful forger also fixes the file hash in the manifest…
      manifest.files = manifest.files.filter((file: { path: string }) => file.path !== path);
      files['manifest.json'] = strToU8(JSON.stringify(manifest));
    });
    const outcome = await verifyBundle(tampered);
    expect(outcome.result).toBe('tampered');
    expect(outcome.problems.join('\n')).toMatch(new RegExp(`report ${report.id} v1 was altered: .*changed field\\(s\\): notes`));
    expect(outcome.problems.join('\n')).toMatch(/reports\/.*report\.json was added: it is not in the manifest/);
  });

  it('detects an edited manifest (artifact hash swapped to match a replaced image)', async () => {
    const { zip, report } = await bundle();
    const artifact = report.evidence[0]!;
    const png = artifactPath(report.id, artifact.sha256, artifact.file);
    const tampered = rezip(zip, (files) => {
      files[png] = new Uint8Array([1, 2, 3]);
      const manifest = JSON.parse(strFromU8(files['manifest.json']!));
      for (const file of manifest.files) if (file.path === png) file.sha256 = '039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81';
      files['manifest.json'] = strToU8(JSON.stringify(manifest));
    });
    const outcome = await verifyBundle(tampered);
    expect(outcome.result).toBe('tampered');
    expect(outcome.problems).toContain(`report ${report.id} v1: the manifest's hash for ${png} differs from the one the report recorded when it was filed`);
  });

  it('detects a deleted artifact and an added file', async () => {
    const { zip, report } = await bundle();
    const path = artifactPath(report.id, report.evidence[1]!.sha256, report.evidence[1]!.file);
    const tampered = rezip(zip, (files) => {
      delete files[path];
      files['extra.txt'] = strToU8('hello');
    });
    const outcome = await verifyBundle(tampered);
    expect(outcome.problems).toEqual([
      `${path} was deleted (listed in the manifest with SHA-256 ${report.evidence[1]!.sha256})`,
      'extra.txt was added: it is not in the manifest',
    ]);
  });

  it('detects a reordered or shortened chain.json', async () => {
    const { zip } = await bundle();
    const reordered = rezip(zip, (files) => {
      const chain = JSON.parse(strFromU8(files['chain.json']!));
      files['chain.json'] = strToU8(JSON.stringify([chain[1], chain[0]]));
    });
    const outcome = await verifyBundle(reordered);
    expect(outcome.result).toBe('tampered');
    expect(outcome.problems.join('\n')).toMatch(/chain\.json was altered/);
    expect(outcome.problems.join('\n')).toMatch(/chain #1 stands at position 2: the chain was reordered/);
  });

  it('signs the manifest and detects any change to it', async () => {
    const { zip } = await bundle(true);
    const intact = await verifyBundle(zip);
    expect(intact).toMatchObject({ result: 'intact', signature: { state: 'valid' } });
    expect(intact.signature.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const tampered = rezip(zip, (files) => {
      files['manifest.json'] = strToU8(strFromU8(files['manifest.json']!).replace('Listing Inspector test', 'Listing Inspector tesT'));
    });
    const outcome = await verifyBundle(tampered);
    expect(outcome).toMatchObject({ result: 'tampered', signature: { state: 'invalid' } });
    expect(outcome.problems).toContain('manifest.json was altered after it was signed (the signature does not verify)');
  });

  it('calls non-zip input and a zip without a manifest unreadable', async () => {
    expect(await verifyBundle(strToU8('not a zip at all'))).toMatchObject({ result: 'unreadable', problems: [expect.stringMatching(/^not a readable ZIP file/)] });
    expect(await verifyBundle(zipSync({ 'a.txt': strToU8('x') }))).toMatchObject({ result: 'unreadable', problems: ['not an evidence bundle: there is no manifest.json'] });
    expect(await verifyBundle(zipSync({ 'manifest.json': strToU8('{"format":"other"}') }))).toMatchObject({ result: 'unreadable' });
  });

  it('refuses to build a bundle when an artifact is missing from the store', async () => {
    const { reports, chain } = await sampleChain(1);
    await expect(
      buildBundle({ reports, artifacts: new Map(), chain, caseId: null, createdAt: '2026-11-29T14:00:00.000Z', generator: 't' }),
    ).rejects.toThrow(/screenshot-visible artifact's bytes are not in the store/);
  });

  it('bundles a case with every version and verifies it', async () => {
    const { reports, artifacts, chain } = await sampleChain(3);
    const zip = await buildBundle({ reports, artifacts, chain, caseId: 'CASE-1', createdAt: '2026-11-29T14:00:00.000Z', generator: 't' });
    const outcome = await verifyBundle(zip);
    expect(outcome).toMatchObject({ result: 'intact', checked: { reports: 3, chainEntries: 3 } });
    const html = strFromU8(unzipSync(zip)['report.html']!);
    expect(html).toContain('Case CASE-1');
  });
});
