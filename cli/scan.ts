/**
 * `scan`: the static scan of saved HTML pages and JSONL listing records (issue #3).
 *
 *   scan [--format json|jsonl|csv] [--packs <pack.json>...] <page.html | records.jsonl | ->...
 *
 * Exit status: 0 when every input was scanned (findings or not; a bad JSONL line is an
 * error record, not a failed run); 2 on a usage error (nothing is scanned) or when an input
 * file or pack could not be used (the others are still scanned and written); 1 when a page
 * made the scanner itself fail (a bug: the page is an error record and the batch goes on).
 */
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PageResult } from '../core/findings.ts';
import { decodeHtml } from './decode.ts';
import { looksLikeMhtml, readMhtml } from './mhtml.ts';
import { scanHtml } from './html.ts';
import type { CliIo } from './io.ts';
import { fsProblem } from './io.ts';
import { FORMATS, OutputWriter } from './output.ts';
import type { ErrorRecord, Format, ScanOutput } from './output.ts';
import type { Scanner, ScanPageFn } from './page-input.ts';
import { parseRecordLine, recordBlocks, recordListing } from './records.ts';

export const SCAN_HELP = `Usage: listing-inspector scan [options] <page.html | records.jsonl | ->...

Scans saved HTML pages and JSONL listing records for prohibited-drug listings and
missing seller credentials, and writes one result per page or record.

Inputs:
  page.html           a saved page (.html, .htm, .xhtml; fragments without <html> work)
  page.mhtml          a page saved as a single file (.mhtml, .mht), frames included
  records.jsonl       one listing per line: {"id", "url", "title", "description", "seller", ...}
  -                   standard input: HTML, MHTML or JSONL (told apart by how it starts)

Options:
  --format <fmt>      json (an array, default), jsonl (one object per line) or csv
                      (one row per finding, one row for a page without findings)
  --packs <file>...   rule packs (.json) to add; a pack with a bundled pack's id replaces it
  -h, --help          show this help

A page or record that cannot be scanned is written as {"source", "url", "error"} and
reported on stderr; the batch goes on.
Exit status: 0 scanned; 2 usage error, or an input file or pack could not be used;
1 the scanner failed on a page (a bug worth reporting).
`;

export interface ScanArgs {
  format: Format;
  packFiles: string[];
  inputs: string[];
}

export type ScanArgsParse = { ok: true; args: ScanArgs } | { ok: false; help: true } | { ok: false; help: false; error: string };

/** Parses `scan`'s arguments; the first problem found is the error. */
export function parseScanArgs(argv: readonly string[]): ScanArgsParse {
  const args: ScanArgs = { format: 'json', packFiles: [], inputs: [] };
  let formatSeen = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      args.inputs.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h' || arg === '--help') return { ok: false, help: true };
    if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg === '--format' ? argv[++i] : arg.slice('--format='.length);
      if (value === undefined || value === '') return { ok: false, help: false, error: `--format needs a value: ${FORMATS.join(', ')}` };
      if (!(FORMATS as readonly string[]).includes(value)) {
        return { ok: false, help: false, error: `unknown format "${value}"; use ${FORMATS.join(', ')}` };
      }
      if (formatSeen) return { ok: false, help: false, error: '--format given twice' };
      formatSeen = true;
      args.format = value as Format;
      continue;
    }
    if (arg === '--packs' || arg.startsWith('--packs=')) {
      const before = args.packFiles.length;
      if (arg !== '--packs') args.packFiles.push(arg.slice('--packs='.length));
      // `--packs a.json b.json page.html`: pack files are the .json arguments that follow.
      while (i + 1 < argv.length && /\.json$/i.test(argv[i + 1] as string)) args.packFiles.push(argv[++i] as string);
      if (args.packFiles.length === before || args.packFiles.includes('')) {
        return { ok: false, help: false, error: '--packs needs one or more pack files ending in .json' };
      }
      continue;
    }
    if (arg.startsWith('-') && arg !== '-') return { ok: false, help: false, error: `unknown option ${arg}` };
    args.inputs.push(arg);
  }
  if (args.inputs.length === 0) return { ok: false, help: false, error: 'no input: give HTML pages, JSONL files, or - for standard input' };
  return { ok: true, args };
}

type InputKind = 'html' | 'mhtml' | 'jsonl' | 'json';

function kindByName(path: string): InputKind | null {
  const ext = extname(path).toLowerCase();
  if (['.html', '.htm', '.xhtml', '.shtml'].includes(ext)) return 'html';
  if (['.mhtml', '.mht'].includes(ext)) return 'mhtml';
  if (['.jsonl', '.ndjson'].includes(ext)) return 'jsonl';
  if (ext === '.json') return 'json';
  return null;
}

/** JSONL starts with "{", a JSON array with "[", MHTML with MIME headers, HTML with "<" (or text, for a fragment). */
function kindByContent(bytes: Uint8Array): InputKind {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{')) return 'jsonl';
  if (head.startsWith('[')) return 'json';
  return looksLikeMhtml(bytes) ? 'mhtml' : 'html';
}

export type ScannerFactory = (packFiles: readonly string[], io: CliIo) => Promise<Scanner>;

/** One scan run: its inputs, its output and the worst thing that happened. */
class ScanRun {
  private readonly io: CliIo;
  private readonly scanPage: ScanPageFn;
  private readonly writer: OutputWriter;
  inputError = false;
  internalError = false;

  constructor(io: CliIo, scanPage: ScanPageFn, writer: OutputWriter) {
    this.io = io;
    this.scanPage = scanPage;
    this.writer = writer;
  }

  emit(item: ScanOutput): void {
    this.writer.add(item);
  }

  fail(source: string, url: string | null, error: string): void {
    this.io.stderr(`listing-inspector: ${source}: ${error}\n`);
    const record: ErrorRecord = { source, url, error };
    this.emit(record);
  }

  /** Runs one page's scan; a throw is the scanner's bug, kept to that page. */
  guarded(source: string, url: string | null, scan: () => PageResult): void {
    let result: PageResult;
    try {
      result = scan();
    } catch (error) {
      this.internalError = true;
      this.fail(source, url, `scan failed: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    this.emit(result);
  }

  html(bytes: Uint8Array, source: string, fallbackUrl: string): void {
    this.guarded(source, null, () => scanHtml(this.decode(bytes, source, null), { source, capturedUrl: null, fallbackUrl }, this.scanPage));
  }

  mhtml(bytes: Uint8Array, source: string, fallbackUrl: string): void {
    const saved = readMhtml(bytes);
    if (!saved) {
      this.inputError = true;
      this.fail(source, null, 'not a page: the MHTML file holds no text/html part');
      return;
    }
    const frames = new Map([...saved.frames].map(([ref, frame]) => [ref, () => this.decode(frame.html, `${source} (frame ${ref})`, frame.charset)]));
    this.guarded(source, null, () =>
      scanHtml(this.decode(saved.html, source, saved.charset), { source, capturedUrl: saved.url, fallbackUrl, frames }, this.scanPage),
    );
  }

  private decode(bytes: Uint8Array, source: string, transportCharset: string | null): string {
    const decoded = decodeHtml(bytes, transportCharset);
    if (decoded.how === 'guessed' && decoded.declared !== null) {
      this.io.stderr(`listing-inspector: ${source}: declares ${decoded.declared} but is not; decoded as ${decoded.encoding}\n`);
    }
    return decoded.text;
  }

  async jsonl(lines: AsyncIterable<string> | Iterable<string>, source: string): Promise<void> {
    let lineNo = 0;
    for await (const raw of lines) {
      lineNo++;
      const line = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (line.trim() === '') continue;
      const where = `${source}:${lineNo}`;
      const parsed = parseRecordLine(line);
      if (!parsed.ok) {
        this.fail(where, null, parsed.problem);
        continue;
      }
      const record = parsed.record;
      const url = record.url ?? '';
      this.guarded(where, url || null, () =>
        this.scanPage({ url, source: where, blocks: recordBlocks(record), links: [], listing: recordListing(record) }),
      );
    }
  }
}

/** Runs `scan` with its arguments; resolves to the exit status. */
export async function runScan(argv: readonly string[], io: CliIo, makeScanner: ScannerFactory): Promise<number> {
  const parsed = parseScanArgs(argv);
  if (!parsed.ok) {
    if (parsed.help) {
      io.stdout(SCAN_HELP);
      return 0;
    }
    io.stderr(`listing-inspector scan: ${parsed.error} (see scan --help)\n`);
    return 2;
  }
  const { format, packFiles, inputs } = parsed.args;
  const scanner = await makeScanner(packFiles, io);
  for (const line of [...scanner.problems, ...scanner.warnings]) io.stderr(`listing-inspector: ${line}\n`);
  const writer = new OutputWriter(format, (chunk) => io.stdout(chunk));
  const run = new ScanRun(io, scanner.scanPage, writer);
  run.inputError = scanner.problems.length > 0;
  let stdinRead = false;
  for (const input of inputs) {
    const stdin = input === '-';
    const source = stdin ? 'stdin' : input;
    if (stdin && stdinRead) {
      run.inputError = true;
      run.fail(source, null, 'standard input given twice');
      continue;
    }
    stdinRead ||= stdin;
    const problem = stdin ? null : await io.checkFile(input);
    if (problem !== null) {
      run.inputError = true;
      run.fail(source, null, problem);
      continue;
    }
    try {
      const named = stdin ? null : kindByName(input);
      // JSONL files are streamed line by line; everything else is read whole.
      if (named === 'jsonl') {
        await run.jsonl(io.readLines(input), source);
        continue;
      }
      const bytes = stdin ? await io.readStdin() : await io.readFile(input);
      const kind = named ?? kindByContent(bytes);
      const fallbackUrl = stdin ? '' : pathToFileURL(resolve(io.cwd, input)).href;
      if (kind === 'jsonl') await run.jsonl(new TextDecoder('utf-8').decode(bytes).split(/\r?\n/), source);
      else if (kind === 'json') {
        run.inputError = true;
        run.fail(source, null, 'a JSON document: give listing records as JSONL (one JSON object per line), or a saved page');
      } else if (kind === 'mhtml') run.mhtml(bytes, source, fallbackUrl);
      else run.html(bytes, source, fallbackUrl);
    } catch (error) {
      run.inputError = true;
      run.fail(source, null, fsProblem(error));
    }
  }
  writer.end();
  if (run.internalError) return 1;
  return run.inputError ? 2 : 0;
}
