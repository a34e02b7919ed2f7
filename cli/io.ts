/**
 * What a command needs from the outside world, passed in so commands run the same in a
 * terminal and in tests (in-process, with captured output).
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

export interface CliIo {
  stdout(chunk: string): void;
  stderr(chunk: string): void;
  /** All of standard input. */
  readStdin(): Promise<Uint8Array>;
  readFile(path: string): Promise<Uint8Array>;
  /** The lines of a text file, streamed (JSONL batches can be large). */
  readLines(path: string): AsyncIterable<string>;
  /** Why a path cannot be read as an input file, or null when it can. */
  checkFile(path: string): Promise<string | null>;
  cwd: string;
}

/** A one-line reason for a file system error, e.g. "no such file". */
export function fsProblem(error: unknown): string {
  const code = (error as { code?: string } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, not a file';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Where relative paths start. `npm run cli` runs in the package folder; the folder the user
 * typed the command in is INIT_CWD. Only for that script: other npm scripts that spawn the
 * CLI (tests) pass paths relative to the folder they run it in.
 */
export function userCwd(env: NodeJS.ProcessEnv = process.env): string {
  const initCwd = env['INIT_CWD'];
  return env['npm_lifecycle_event'] === 'cli' && initCwd ? initCwd : process.cwd();
}

export function nodeIo(): CliIo {
  const cwd = userCwd();
  return {
    stdout: (chunk) => void process.stdout.write(chunk),
    stderr: (chunk) => void process.stderr.write(chunk),
    async readStdin() {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return new Uint8Array(Buffer.concat(chunks));
    },
    async readFile(path) {
      return new Uint8Array(await readFile(resolve(cwd, path)));
    },
    readLines(path) {
      return createInterface({ input: createReadStream(resolve(cwd, path), { encoding: 'utf8' }), crlfDelay: Infinity });
    },
    async checkFile(path) {
      try {
        const s = await stat(resolve(cwd, path));
        return s.isFile() ? null : s.isDirectory() ? 'is a directory, not a file' : 'not a regular file';
      } catch (error) {
        return fsProblem(error);
      }
    },
    cwd,
  };
}
