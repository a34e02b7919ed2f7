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
    summary: 'scan saved HTML pages and JSONL listing records',
    async run(argv) {
      const [{ runScan }, { createScanner }] = await Promise.all([import('./scan.ts'), import('./scanner.ts')]);
      return runScan(argv, nodeIo(), createScanner);
    },
  },
  verify: {
    summary: 'check evidence bundles for tampering',
    async run(argv) {
      return (await import('./verify.ts')).runVerify(argv);
    },
  },
};

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
