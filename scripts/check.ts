/**
 * The one check that runs the same locally and in CI (npm test): typecheck, lint,
 * unit tests, both browser builds, then the end-to-end suites that need the builds.
 * Every step and every vitest test counts; the last line is the plain tally
 * "tests: N passed, N failed" that CI reads.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

interface StepOutcome {
  name: string;
  passed: number;
  failed: number;
  seconds: number;
}

const OUTPUT = 'test/output';
mkdirSync(OUTPUT, { recursive: true });
const outcomes: StepOutcome[] = [];

function run(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  return result.status === 0;
}

/** A command whose success is one test. */
function step(name: string, command: string, args: string[]): void {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const ok = run(command, args);
  outcomes.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, seconds: (Date.now() - started) / 1000 });
}

/** A vitest run whose tests each count; a run that crashes before reporting counts as one failure. */
function vitest(name: string, config: string | null): void {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const report = `${OUTPUT}/${name.replace(/\W+/g, '-')}.json`;
  rmSync(report, { force: true });
  const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
  if (config) args.push('--config', config);
  const ok = run('npx', args);
  let passed = 0;
  let failed = 0;
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number };
    passed = json.numPassedTests;
    failed = json.numFailedTests;
  }
  // A suite that fails to load reports no failed test but exits non-zero: count it.
  if (!ok && failed === 0) failed = 1;
  outcomes.push({ name, passed, failed, seconds: (Date.now() - started) / 1000 });
}

const only = process.argv.slice(2);
const wanted = (name: string) => only.length === 0 || only.some((word) => name.includes(word));

if (wanted('typecheck')) step('typecheck', 'npx', ['tsc', '--noEmit']);
if (wanted('lint')) step('lint', 'npx', ['eslint', '--max-warnings=0', '.']);
if (wanted('unit')) vitest('unit', null);
if (wanted('build')) {
  step('build chrome', 'npx', ['wxt', 'build']);
  step('build firefox', 'npx', ['wxt', 'build', '-b', 'firefox']);
}
// ── web-ext lint (settings engineer, issue #6): the Firefox build must lint with 0 errors
// (warnings are printed, not fatal: react-dom's own innerHTML use is flagged, for one).
if (wanted('web-ext lint') || wanted('build')) {
  if (existsSync('.output/firefox-mv2/manifest.json')) {
    step('web-ext lint', 'npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2', '--no-input']);
  } else {
    console.log('\n▶ web-ext lint: no Firefox build in .output/firefox-mv2 (run the "build" step first)');
  }
}
// ── end web-ext lint
if (wanted('e2e') && existsSync('test/e2e/vitest.config.ts')) vitest('e2e', 'test/e2e/vitest.config.ts');

const passed = outcomes.reduce((sum, o) => sum + o.passed, 0);
const failed = outcomes.reduce((sum, o) => sum + o.failed, 0);
console.log('\nSummary');
for (const o of outcomes) {
  console.log(`  ${o.failed ? '✗' : '✓'} ${o.name.padEnd(16)} ${o.passed} passed, ${o.failed} failed (${o.seconds.toFixed(1)} s)`);
}
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
