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
