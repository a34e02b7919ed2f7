/**
 * Node-side benchmarks (issue #7): the engine's throughput against modern-ahocorasick and a naive
 * per-term RegExp loop on the same text, and the compile time and heap of a 5,000-term pack.
 * Every figure keeps its raw times.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import AhoCorasick from 'modern-ahocorasick';
import { compileEngine } from '../core/engine/index.ts';
import type { TextBlock } from '../core/engine/types.ts';
import type { Pack } from '../core/rules/schema.ts';
import { plainText } from './pages.ts';

export interface Timed {
  /** Milliseconds per run, in run order. */
  runs: number[];
  median: number;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? NaN : sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function time(runs: number, fn: () => void): Timed {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    times.push(performance.now() - started);
  }
  return { runs: times.map((t) => Math.round(t * 1000) / 1000), median: median(times) };
}

export interface Throughput {
  chars: number;
  timed: Timed;
  mbps: number;
  /** Matches found, so a tool that finds nothing is not mistaken for a fast one. */
  matches: number;
}

function throughput(chars: number, timed: Timed, matches: number): Throughput {
  return { chars, timed, mbps: Math.round((chars / 1e6 / (timed.median / 1000)) * 100) / 100, matches };
}

const escapeRegExp = (term: string) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface NodeBench {
  packsSource: string;
  termCount: number;
  engine: Throughput;
  ahoCorasick: Throughput;
  naiveRegex: Throughput;
}

/** Engine vs Aho-Corasick vs naive regex on `bytes` of listing text, with the given packs and terms. */
export function throughputBench(packs: readonly Pack[], terms: readonly string[], bytes: number, runs: number, packsSource: string): NodeBench {
  const blocks = plainText(bytes, terms);
  const chars = blocks.reduce((sum, b) => sum + b.length, 0);
  const engine = compileEngine(packs);
  const textBlocks: TextBlock[] = blocks.map((text) => ({ text, where: 'visible', zone: 'listing' }));
  let engineMatches = 0;
  engine.scan(textBlocks.slice(0, 50)); // warm the JIT on a sliver
  const engineTimed = time(runs, () => {
    engineMatches = engine.scan(textBlocks).matches.length;
  });
  const ac = new AhoCorasick(terms.map((t) => t.toLowerCase()));
  let acMatches = 0;
  const acTimed = time(runs, () => {
    acMatches = 0;
    for (const block of blocks) acMatches += ac.search(block.toLowerCase()).length;
  });
  // The naive loop costs terms × text: measure it on a slice and say so in the chars it reports.
  const regexes = terms.map((t) => new RegExp(escapeRegExp(t), 'giu'));
  const sliceChars = Math.max(20_000, Math.floor(2_000_000 / Math.max(1, terms.length)) * 100);
  const slice: string[] = [];
  let sliceSize = 0;
  for (const block of blocks) {
    if (sliceSize >= sliceChars) break;
    slice.push(block);
    sliceSize += block.length;
  }
  let regexMatches = 0;
  const regexTimed = time(Math.max(1, Math.min(runs, 3)), () => {
    regexMatches = 0;
    for (const block of slice) for (const rx of regexes) regexMatches += block.match(rx)?.length ?? 0;
  });
  return {
    packsSource,
    termCount: terms.length,
    engine: throughput(chars, engineTimed, engineMatches),
    ahoCorasick: throughput(chars, acTimed, acMatches),
    naiveRegex: throughput(sliceSize, regexTimed, regexMatches),
  };
}

function gcFunction(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

export interface CompileBench {
  terms: number;
  compile: Timed;
  heapMB: number;
  heapBytes: { before: number; after: number };
}

/** Compile time (cold first run, then warm) and retained heap of the compiled pack. */
export function compileBench(pack: Pack, terms: number, runs: number): CompileBench {
  const gc = gcFunction();
  const compile = time(runs, () => {
    compileEngine([pack]);
  });
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = compileEngine([pack]);
  gc();
  gc();
  const after = process.memoryUsage().heapUsed;
  if (kept.termCount === 0) throw new Error('stress pack compiled to nothing');
  return { terms, compile, heapMB: Math.round(((after - before) / 1024 / 1024) * 100) / 100, heapBytes: { before, after } };
}
