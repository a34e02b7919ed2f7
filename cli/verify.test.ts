import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSigningKeys, keyFingerprint } from '../core/evidence/signature.ts';
import { buildBundle } from '../core/report/bundle.ts';
import { sampleChain } from '../core/report/testing.ts';
import { runVerify } from './verify.ts';

async function write(signed: boolean) {
  const { reports, artifacts, chain } = await sampleChain(2);
  const signing = signed ? await generateSigningKeys() : null;
  const zip = await buildBundle({ reports, artifacts, chain, caseId: null, createdAt: '2026-11-29T14:00:00.000Z', generator: 't', signing });
  const dir = mkdtempSync(join(tmpdir(), 'li-verify-'));
  const path = join(dir, 'bundle.zip');
  writeFileSync(path, zip);
  return { dir, path, fingerprint: signing ? await keyFingerprint(signing.publicJwk) : null };
}

function capture() {
  const lines: string[] = [];
  return { lines, io: { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) } };
}

describe('cli verify', () => {
  it('exits 0 for an intact bundle and says what it checked', async () => {
    const { path } = await write(false);
    const { lines, io } = capture();
    expect(await runVerify([path], io)).toBe(0);
    expect(lines[0]).toMatch(/^INTACT .*bundle\.zip: 10 files, 2 report version\(s\), 2 chain entries checked; not signed$/);
  });

  it('exits 1 for a tampered bundle, 2 for unreadable input, and reports the worst', async () => {
    const { dir, path } = await write(false);
    const bytes = new Uint8Array((await import('node:fs')).readFileSync(path));
    // Flip a byte inside the stored (uncompressed) PNG: the zip still reads, the hash does not match.
    const at = Buffer.from(bytes).indexOf(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    bytes[at + 9] = (bytes[at + 9] ?? 0) ^ 0xff;
    const tampered = join(dir, 'tampered.zip');
    writeFileSync(tampered, bytes);
    const { lines, io } = capture();
    expect(await runVerify([tampered], io)).toBe(1);
    expect(lines.join('\n')).toMatch(/TAMPERED[\s\S]*screenshot-visible\.png was altered/);
    const garbage = join(dir, 'garbage.zip');
    writeFileSync(garbage, 'nope');
    expect(await runVerify([garbage], capture().io)).toBe(2);
    expect(await runVerify([join(dir, 'absent.zip')], capture().io)).toBe(2);
    expect(await runVerify([path, tampered], capture().io)).toBe(1);
    expect(await runVerify([path, garbage, tampered], capture().io)).toBe(2);
  });

  it('pins the signing key with --key', async () => {
    const { path, fingerprint } = await write(true);
    expect(await runVerify(['--key', fingerprint!, path], capture().io)).toBe(0);
    const { lines, io } = capture();
    expect(await runVerify(['--key', 'f'.repeat(64), path], io)).toBe(1);
    expect(lines.join('\n')).toMatch(/not the expected f{64}/);
    expect(await runVerify(['--key', 'short', path], capture().io)).toBe(2);
  });

  it('prints JSON with --json', async () => {
    const { path } = await write(false);
    const { lines, io } = capture();
    await runVerify(['--json', path], io);
    expect(JSON.parse(lines.join('\n'))).toMatchObject({ result: 'intact', problems: [] });
  });
});
