/**
 * Verifying an evidence bundle: recompute every hash (files, reports, chain links,
 * signature) and say precisely what was altered, added or deleted.
 *
 * What this can and cannot prove: anyone can rebuild a bundle whose hashes all agree,
 * so an intact result means "nothing changed since the manifest was written". Against
 * a rebuilt bundle the defences are the signature (compare its key fingerprint with
 * the reviewer's published one) and the chain head the reviewer's team recorded.
 */
import { unzipSync } from 'fflate';
import { sha256Canonical, sha256Hex } from '../evidence/hash.ts';
import { keyFingerprint, verifyBytes } from '../evidence/signature.ts';
import {
  CHAIN_FILE,
  Manifest,
  MANIFEST_FILE,
  reportPath,
  SIGNATURE_FILE,
  SignatureFile,
  artifactPath,
} from './bundle-model.ts';
import { describeChainProblem, reportHash, verifyLinks, type ChainEntry } from './chain.ts';
import { Report } from './model.ts';

export interface VerifyOutcome {
  /** intact: exit 0; tampered: exit 1; unreadable: exit 2. */
  result: 'intact' | 'tampered' | 'unreadable';
  problems: string[];
  signature: { state: 'valid' | 'invalid' | 'absent'; fingerprint: string | null };
  checked: { files: number; reports: number; chainEntries: number };
}

function unreadable(problem: string): VerifyOutcome {
  return { result: 'unreadable', problems: [problem], signature: { state: 'absent', fingerprint: null }, checked: { files: 0, reports: 0, chainEntries: 0 } };
}

function parseJson(bytes: Uint8Array | undefined): unknown {
  if (!bytes) return undefined;
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
}

function issuePaths(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): string {
  return issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

export async function verifyBundle(zip: Uint8Array): Promise<VerifyOutcome> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip);
  } catch (error) {
    return unreadable(`not a readable ZIP file (${(error as Error).message})`);
  }
  const manifestBytes = entries[MANIFEST_FILE];
  if (!manifestBytes) return unreadable(`not an evidence bundle: there is no ${MANIFEST_FILE}`);
  const parsedManifest = Manifest.safeParse(parseJson(manifestBytes));
  if (!parsedManifest.success) {
    return unreadable(`${MANIFEST_FILE} is not a bundle manifest (${issuePaths(parsedManifest.error.issues)})`);
  }
  const manifest = parsedManifest.data;
  const problems: string[] = [];

  // Signature first: it says whether the manifest itself can be trusted.
  let signature: VerifyOutcome['signature'] = { state: 'absent', fingerprint: null };
  if (entries[SIGNATURE_FILE]) {
    const parsed = SignatureFile.safeParse(parseJson(entries[SIGNATURE_FILE]));
    if (!parsed.success) {
      signature = { state: 'invalid', fingerprint: null };
      problems.push(`${SIGNATURE_FILE} is damaged (${issuePaths(parsed.error.issues)})`);
    } else {
      const key = parsed.data.publicKey;
      const fingerprint = await keyFingerprint(key);
      let valid = false;
      try {
        valid = await verifyBytes(key, parsed.data.signature, new Uint8Array(manifestBytes));
      } catch {
        valid = false;
      }
      signature = { state: valid ? 'valid' : 'invalid', fingerprint };
      if (fingerprint !== parsed.data.fingerprint) problems.push(`${SIGNATURE_FILE}: the recorded key fingerprint does not match the public key`);
      if (!valid) problems.push(`${MANIFEST_FILE} was altered after it was signed (the signature does not verify)`);
    }
  }

  // Every listed file: present, same bytes.
  const listed = new Set<string>([MANIFEST_FILE, SIGNATURE_FILE]);
  const fileHash = new Map<string, string>();
  for (const file of manifest.files) {
    listed.add(file.path);
    const bytes = entries[file.path];
    if (!bytes) {
      problems.push(`${file.path} was deleted (listed in the manifest with SHA-256 ${file.sha256})`);
      continue;
    }
    const actual = await sha256Hex(bytes);
    fileHash.set(file.path, actual);
    if (actual !== file.sha256) {
      problems.push(`${file.path} was altered: SHA-256 is ${actual}, the manifest records ${file.sha256}${bytes.byteLength !== file.size ? ` (size ${bytes.byteLength} bytes, recorded ${file.size})` : ''}`);
    }
  }
  for (const path of Object.keys(entries)) {
    if (!listed.has(path) && !path.endsWith('/')) problems.push(`${path} was added: it is not in the manifest`);
  }

  // Every report version: valid, hash recomputes, fields match, evidence hashes match.
  const recomputed = new Map<number, string>();
  const byVersion = new Map<string, Report>();
  for (const entry of manifest.reports) {
    const path = reportPath(entry.id, entry.version);
    const raw = parseJson(entries[path]);
    if (raw === undefined) {
      if (entries[path]) problems.push(`${path} is not valid JSON`);
      else if (!manifest.files.some((file) => file.path === path)) problems.push(`${path} was deleted (report ${entry.id} v${entry.version})`);
      continue;
    }
    const parsed = Report.safeParse(raw);
    if (!parsed.success) {
      problems.push(`${path} is not a valid report (${issuePaths(parsed.error.issues)})`);
      continue;
    }
    const report = parsed.data;
    byVersion.set(`${report.id}@${report.version}`, report);
    const actual = await reportHash(report);
    recomputed.set(report.chain.seq, actual);
    if (actual !== report.hash || actual !== entry.hash) {
      const changed: string[] = [];
      for (const [field, hash] of Object.entries(entry.fieldHashes)) {
        const value = (report as Record<string, unknown>)[field];
        if (value === undefined || (await sha256Canonical(value)) !== hash) changed.push(field);
      }
      for (const field of Object.keys(report)) if (field !== 'hash' && !(field in entry.fieldHashes)) changed.push(field);
      problems.push(
        `report ${entry.id} v${entry.version} was altered: its content hashes to ${actual}, the manifest records ${entry.hash}` +
          (changed.length ? `; changed field(s): ${changed.join(', ')}` : report.hash !== entry.hash ? '; its recorded hash was changed' : ''),
      );
    }
    for (const artifact of report.evidence) {
      const path = artifactPath(report.id, artifact.sha256, artifact.file);
      const listedFile = manifest.files.find((file) => file.path === path);
      if (!listedFile) problems.push(`report ${report.id} v${report.version}: its ${artifact.kind} (${path}) is not in the manifest`);
      else if (listedFile.sha256 !== artifact.sha256) problems.push(`report ${report.id} v${report.version}: the manifest's hash for ${path} differs from the one the report recorded when it was filed`);
    }
  }
  // Version history: each version points at the one before it.
  for (const report of byVersion.values()) {
    if (report.version === 1) {
      if (report.previousVersionHash !== null) problems.push(`report ${report.id} v1 claims a previous version`);
      continue;
    }
    const previous = byVersion.get(`${report.id}@${report.version - 1}`);
    if (!previous) problems.push(`report ${report.id} v${report.version - 1} is missing from the version history`);
    else if (report.previousVersionHash !== (recomputed.get(previous.chain.seq) ?? previous.hash)) {
      problems.push(`report ${report.id} v${report.version} does not follow v${previous.version}: it records previous hash ${report.previousVersionHash}`);
    }
  }

  // The chain: links intact, every report in it with its hash.
  let chainEntries: ChainEntry[] = [];
  const chainRaw = parseJson(entries[CHAIN_FILE]);
  if (!Array.isArray(chainRaw)) {
    if (entries[CHAIN_FILE]) problems.push(`${CHAIN_FILE} is not a JSON array`);
  } else {
    chainEntries = chainRaw as ChainEntry[];
    for (const problem of verifyLinks(chainEntries, recomputed)) problems.push(describeChainProblem(problem));
    for (const entry of manifest.reports) {
      const link = chainEntries.find((candidate) => candidate.seq === entry.seq);
      if (!link) problems.push(`report ${entry.id} v${entry.version} (chain #${entry.seq}) is not in ${CHAIN_FILE}`);
      else if (link.id !== entry.id || link.version !== entry.version) problems.push(`${CHAIN_FILE} #${entry.seq} names ${link.id} v${link.version}, the manifest names ${entry.id} v${entry.version}`);
    }
  }

  return {
    result: problems.length === 0 ? 'intact' : 'tampered',
    problems: [...new Set(problems)],
    signature,
    checked: { files: manifest.files.length, reports: manifest.reports.length, chainEntries: chainEntries.length },
  };
}
