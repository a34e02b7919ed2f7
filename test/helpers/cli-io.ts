/** An in-process CliIo for command tests: real files, captured output, given standard input. */
import { nodeIo } from '../../cli/io.ts';
import type { CliIo } from '../../cli/io.ts';

export interface CapturedIo extends CliIo {
  out: string[];
  err: string[];
  readonly stdoutText: string;
  readonly stderrText: string;
}

export function captureIo(stdin: Uint8Array | string = new Uint8Array()): CapturedIo {
  const base = nodeIo();
  const out: string[] = [];
  const err: string[] = [];
  const bytes = typeof stdin === 'string' ? new TextEncoder().encode(stdin) : stdin;
  return {
    ...base,
    out,
    err,
    stdout: (chunk) => void out.push(chunk),
    stderr: (chunk) => void err.push(chunk),
    readStdin: async () => bytes,
    get stdoutText() {
      return out.join('');
    },
    get stderrText() {
      return err.join('');
    },
  };
}
