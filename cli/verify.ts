/**
 * `npm run cli -- verify [--json] [--key FINGERPRINT] <bundle.zip>…`: recompute every
 * hash and link in evidence bundles and say precisely what was altered.
 * Exit 0 when every bundle is intact, 1 when any was tampered with, 2 when any could
 * not be read (missing file, not a zip, not a bundle). `--key` pins the expected
 * signing-key fingerprint: a bundle signed by another key, or unsigned, is tampered.
 */
import { readFileSync } from 'node:fs';
import { verifyBundle, type VerifyOutcome } from '../core/report/verify.ts';

export const VERIFY_USAGE = 'usage: npm run cli -- verify [--json] [--key SHA256-FINGERPRINT] <bundle.zip>…';

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

const defaultIo: Io = { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) };

export async function runVerify(args: readonly string[], io: Io = defaultIo): Promise<number> {
  let json = false;
  let key: string | null = null;
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--json') json = true;
    else if (arg === '--key') {
      key = (args[++i] ?? '').toLowerCase();
      if (!/^[0-9a-f]{64}$/.test(key)) {
        io.err(`verify: --key takes a 64-hex-digit SHA-256 key fingerprint\n${VERIFY_USAGE}`);
        return 2;
      }
    } else if (arg === '--help' || arg === '-h') {
      io.out(VERIFY_USAGE);
      return 0;
    } else if (arg.startsWith('-')) {
      io.err(`verify: unknown option ${arg}\n${VERIFY_USAGE}`);
      return 2;
    } else paths.push(arg);
  }
  if (paths.length === 0) {
    io.err(`verify: no bundle given\n${VERIFY_USAGE}`);
    return 2;
  }
  let worst = 0;
  const results: Array<{ bundle: string } & VerifyOutcome> = [];
  for (const path of paths) {
    let outcome: VerifyOutcome;
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(path);
    } catch (error) {
      outcome = {
        result: 'unreadable',
        problems: [`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`],
        signature: { state: 'absent', fingerprint: null },
        checked: { files: 0, reports: 0, chainEntries: 0 },
      };
      results.push({ bundle: path, ...outcome });
      worst = Math.max(worst, 2);
      continue;
    }
    outcome = await verifyBundle(bytes);
    if (key && outcome.result !== 'unreadable') {
      if (outcome.signature.state === 'absent') outcome.problems.push(`the bundle is not signed, but --key ${key} was required`);
      else if (outcome.signature.fingerprint !== key) outcome.problems.push(`signed with key ${outcome.signature.fingerprint}, not the expected ${key}`);
      if (outcome.problems.length) outcome.result = 'tampered';
    }
    results.push({ bundle: path, ...outcome });
    worst = Math.max(worst, outcome.result === 'intact' ? 0 : outcome.result === 'tampered' ? 1 : 2);
  }
  if (json) {
    io.out(JSON.stringify(paths.length === 1 ? results[0] : results, null, 2));
  } else {
    for (const result of results) {
      const head = result.result === 'intact' ? 'INTACT' : result.result === 'tampered' ? 'TAMPERED' : 'UNREADABLE';
      const signature =
        result.signature.state === 'valid'
          ? `signature valid (key ${result.signature.fingerprint})`
          : result.signature.state === 'invalid'
            ? 'signature INVALID'
            : 'not signed';
      io.out(`${head} ${result.bundle}: ${result.checked.files} files, ${result.checked.reports} report version(s), ${result.checked.chainEntries} chain entries checked; ${signature}`);
      for (const problem of result.problems) io.out(`  - ${problem}`);
    }
  }
  return worst;
}

// Run directly (`node cli/verify.ts bundle.zip`) as well as from cli/main.ts.
if (import.meta.filename === process.argv[1]) {
  process.exitCode = await runVerify(process.argv.slice(2));
}
