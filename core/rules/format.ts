/**
 * The one layout every pack file is written in: rules sorted by id, keys in the order
 * the schema declares them, two-space JSON with a final newline. The pack tests
 * require files to round-trip through this exactly, so diffs stay small and reviewable.
 */
import * as z from 'zod/mini';
import { Pack } from './schema.ts';

interface Def {
  type: string;
  shape?: Record<string, { _zod: { def: Def } }>;
  innerType?: { _zod: { def: Def } };
  element?: { _zod: { def: Def } };
  valueType?: { _zod: { def: Def } };
}

function ordered(schema: { _zod: { def: Def } }, value: unknown): unknown {
  const def = schema._zod.def;
  if (def.type === 'optional' && def.innerType) return ordered(def.innerType, value);
  if (def.type === 'array' && def.element && Array.isArray(value)) return value.map((v) => ordered(def.element!, v));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const obj = value as Record<string, unknown>;
  if (def.type === 'record' && def.valueType) {
    return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, ordered(def.valueType!, v)]));
  }
  if (def.type === 'object' && def.shape) {
    const shape = def.shape;
    const known = Object.keys(shape).filter((k) => k in obj);
    // Keys the schema does not know stay, after the known ones, for the loader to report.
    const unknown = Object.keys(obj).filter((k) => !(k in shape));
    return Object.fromEntries([...known.map((k) => [k, ordered(shape[k]!, obj[k])]), ...unknown.map((k) => [k, obj[k]])]);
  }
  return value;
}

/** The canonical text of a pack value (parsed JSON, valid or not). */
export function formatPack(value: unknown): string {
  let v = value;
  if (typeof v === 'object' && v !== null && Array.isArray((v as { rules?: unknown }).rules)) {
    const rules = [...((v as { rules: unknown[] }).rules)];
    const idOf = (r: unknown) => String((r as { id?: unknown } | null)?.id ?? '');
    rules.sort((a, b) => (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0));
    v = { ...(v as object), rules };
  }
  return `${JSON.stringify(ordered(Pack, v), null, 2)}\n`;
}

/** The JSON Schema for editors, generated from the zod schema (rules/pack.schema.json). */
export function packJsonSchema(): string {
  const schema = closeObjects(z.toJSONSchema(Pack, { io: 'input' })) as Record<string, unknown>;
  const withTitle = {
    $schema: schema.$schema,
    $id: 'https://listing-inspector.invalid/rules/pack.schema.json',
    title: 'Listing Inspector rule pack',
    description: 'Generated from core/rules/schema.ts by scripts/generate-schema.ts; do not edit by hand.',
    ...schema,
  };
  return `${JSON.stringify(withTitle, null, 2)}\n`;
}

/** The loader rejects unknown keys (load.ts), so the editor schema says so too. */
function closeObjects(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closeObjects);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = closeObjects(v);
  if (out.type === 'object' && out.properties && !('additionalProperties' in out)) out.additionalProperties = false;
  return out;
}

/** How far a pack file is from its canonical layout, for a message a person can act on. */
export interface FormatProblem {
  /** 1-based line of the first difference. */
  line: number;
  found: string;
  expected: string;
}

/**
 * The first line where `text` differs from its canonical form, or null when it is
 * canonical; a file that is not JSON at all is the loader's business (it reports the
 * line and column) and gives null here.
 */
export function formatProblem(text: string): FormatProblem | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const canonical = formatPack(value);
  if (canonical === text) return null;
  const have = text.split('\n');
  const want = canonical.split('\n');
  let i = 0;
  while (i < have.length && i < want.length && have[i] === want[i]) i++;
  // Quoted with its indentation: a re-indented line differs only in its leading spaces.
  const cut = (s: string | undefined) => (s === undefined ? 'the end of the file' : JSON.stringify(s.length > 80 ? `${s.slice(0, 79)}…` : s));
  return { line: i + 1, found: cut(have[i]), expected: cut(want[i]) };
}

/** One line for a file that is out of layout: where, what, and the command that fixes it. */
export function describeFormatProblem(file: string, problem: FormatProblem): string {
  return `${file}:${problem.line}: not in canonical layout (found ${problem.found}, expected ${problem.expected}); run npm run packs:format`;
}
