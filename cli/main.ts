/**
 * The command line: `npm run --silent cli -- <command> [options]`.
 * Each command lives in its own module and is loaded only when run; adding a command is
 * adding one entry to COMMANDS.
 */
import { nodeIo } from './io.ts';

interface Command {
  summary: string;
  run(argv: readonly string[]): Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  scan: {
    summary: 'scan saved HTML pages and JSONL records (--browser: live URLs in Chromium)',
    async run(argv) {
      if (argv.includes('--browser')) return runBrowserScan(argv);
      const [{ runScan }, { createScanner }] = await Promise.all([import('./scan.ts'), import('./scanner.ts')]);
      return runScan(argv, nodeIo(), createScanner);
    },
  },
  capture: {
    summary: 'evidence bundles for URLs, captured in Chromium by the built extension',
    async run(argv) {
      const [{ runCapture }, { createScanner }] = await Promise.all([import('./capture.ts'), import('./scanner.ts')]);
      if (argv.includes('--help') || argv.includes('-h')) return runCapture(argv);
      const io = nodeIo();
      // The rendered page is scanned first so each report carries its findings.
      const scanner = await createScanner([], io);
      for (const line of [...scanner.problems, ...scanner.warnings]) io.stderr(`listing-inspector: ${line}\n`);
      return runCapture(argv, undefined, scanner.scanPage);
    },
  },
  verify: {
    summary: 'check evidence bundles for tampering',
    async run(argv) {
      return (await import('./verify.ts')).runVerify(argv);
    },
  },
};

/**
 * `scan --browser` lives in cli/browser-scan.ts (issue #4), which exports
 * `runBrowserScan(argv: readonly string[], io: CliIo): Promise<number>`. It is loaded by a
 * computed specifier so this file compiles before that module exists.
 */
async function runBrowserScan(argv: readonly string[]): Promise<number> {
  const specifier = './browser-scan.ts';
  let module: { runBrowserScan?: (argv: readonly string[], io: ReturnType<typeof nodeIo>) => Promise<number> };
  try {
    module = (await import(specifier)) as typeof module;
  } catch (error) {
    const missing = (error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' && String(error).includes('browser-scan');
    if (!missing) throw error;
    module = {};
  }
  if (typeof module.runBrowserScan !== 'function') {
    process.stderr.write('listing-inspector scan: --browser is not available in this build (cli/browser-scan.ts is missing)\n');
    return 2;
  }
  return module.runBrowserScan(argv, nodeIo());
}

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `Usage: npm run --silent cli -- <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun a command with --help for its options.\n`;
}

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    process.stderr.write(usage());
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    process.stderr.write(`listing-inspector: unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(', ')})\n`);
    return 2;
  }
  return command.run(rest);
}

// A closed pipe (`... | head`) ends the run quietly instead of throwing EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
