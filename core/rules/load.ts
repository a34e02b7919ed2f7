/**
 * Loading rule packs with precise errors (issue #3): a malformed pack is rejected with
 * the file, the JSON path, what is wrong and what was expected, and the other packs
 * keep working. Beyond the zod schema (schema.ts) the loader checks what a schema
 * cannot say: unique sorted rule ids, clean non-duplicate terms, cues that exist,
 * CAS check digits, tier C rules that require context, and keys nobody reads (a typo
 * such as "fuzy" would otherwise be dropped without a word).
 */
import type * as z from 'zod/mini';
import { casProblem } from './cas.ts';
import { formatJsonPath, readJson } from './json-locate.ts';
import type { JsonDocument, JsonPath } from './json-locate.ts';
import { BUILTIN_CUES, Pack, Rule, TERM_LANGUAGES } from './schema.ts';

export interface PackError {
  file: string;
  /** JSON path of the offending value, e.g. "$.rules[3].severity"; "$" for the whole file. */
  path: string;
  /** What is wrong. */
  message: string;
  /** What was expected instead. */
  expected: string;
  /** 1-based position in the file when known. */
  line?: number;
  column?: number;
}

export type PackParse = { ok: true; pack: Pack } | { ok: false; errors: PackError[] };

export interface PackFile {
  file: string;
  text: string;
}

type Problem = { path: JsonPath; message: string; expected: string };

/** Parse and validate one pack from its JSON text. */
export function parsePack(text: string, file: string): PackParse {
  const read = readJson(text);
  if (!read.ok) {
    const { message, expected, line, column } = read.problem;
    return { ok: false, errors: [{ file, path: '$', message: `JSON syntax error: ${message} at line ${line}, column ${column}`, expected, line, column }] };
  }
  const problems: Problem[] = read.doc.duplicateKeys.map(({ path }) => ({
    path,
    message: `duplicate key ${JSON.stringify(path[path.length - 1])}`,
    expected: 'each key once per object (JSON keeps only the last one)',
  }));
  return finish(read.doc.value, file, problems, read.doc);
}

/** Validate a pack that is already a value (a bundled JSON import). */
export function validatePack(value: unknown, file: string): PackParse {
  return finish(value, file, [], undefined);
}

/**
 * Load many packs; a bad pack is reported and left out, the good ones load. A pack id
 * seen twice keeps the first file's pack and reports the second.
 */
export function loadPacks(files: readonly PackFile[]): { packs: Pack[]; errors: PackError[] } {
  const packs: Pack[] = [];
  const errors: PackError[] = [];
  const seen = new Map<string, string>();
  for (const { file, text } of files) {
    const result = parsePack(text, file);
    if (!result.ok) {
      errors.push(...result.errors);
      continue;
    }
    const other = seen.get(result.pack.id);
    if (other !== undefined) {
      errors.push({ file, path: '$.id', message: `pack id ${JSON.stringify(result.pack.id)} is already loaded from ${other}`, expected: 'a pack id unique among loaded packs' });
      continue;
    }
    seen.set(result.pack.id, file);
    packs.push(result.pack);
  }
  return { packs, errors };
}

function finish(value: unknown, file: string, problems: Problem[], doc: JsonDocument | undefined): PackParse {
  problems.push(...unknownKeys(Pack, value, []));
  const parsed = Pack.safeParse(value, { reportInput: true });
  if (!parsed.success) for (const issue of parsed.error.issues) problems.push(fromIssue(issue, value));
  // Semantic checks run on every part that passed the schema, so one pass reports everything.
  problems.push(...semanticProblems(value));
  if (problems.length === 0 && parsed.success) return { ok: true, pack: parsed.data };
  const errors = problems.map(({ path, message, expected }): PackError => {
    const at = doc?.locate(path);
    return { file, path: formatJsonPath(path), message, expected, ...(at ? { line: at.line, column: at.column } : {}) };
  });
  // In file order where known, so an editor can walk them top to bottom.
  errors.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity) || (a.column ?? 0) - (b.column ?? 0));
  return { ok: false, errors };
}

type Issue = z.core.$ZodIssue;

const MISSING = Symbol('missing');

/** The value at `path` in the pack as written (zod issues do not carry it by default). */
function valueAt(root: unknown, path: ReadonlyArray<string | number>): unknown {
  let v: unknown = root;
  for (const key of path) {
    if (typeof v !== 'object' || v === null || !Object.prototype.hasOwnProperty.call(v, key)) return MISSING;
    v = (v as Record<string | number, unknown>)[key];
  }
  return v;
}

/** How long a quoted value may get in a message before it is cut. */
const SHOWN_MAX = 60;

/**
 * The offending value as the pack wrote it, cut to a readable length: a 5,000-character
 * term or a whole rule object pasted into the wrong field must not flood the message.
 */
export function shownValue(value: unknown): string {
  if (value === MISSING || value === undefined) return 'nothing';
  const json = JSON.stringify(value) ?? String(value);
  if (json.length <= SHOWN_MAX) return json;
  const cut = `${json.slice(0, SHOWN_MAX - 1)}…`;
  if (typeof value === 'string') return `${cut}" (${[...value].length} characters)`;
  if (Array.isArray(value)) return `${cut} (${value.length} items)`;
  return cut;
}

function fromIssue(issue: Issue, root: unknown): Problem {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const custom = issue.message && issue.message !== 'Invalid input' ? issue.message : undefined;
  const input = valueAt(root, path);
  const shown = shownValue(input);
  const absent = input === MISSING || input === undefined;
  switch (issue.code) {
    case 'invalid_type':
      return { path, message: absent ? 'missing' : `wrong type: ${typeOf(input)}${input === null ? '' : ` ${shown}`}`, expected: issue.expected };
    case 'invalid_value':
      if (absent) return { path, message: 'missing', expected: `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}` };
      return { path, message: `${shown} is not allowed`, expected: `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}` };
    case 'invalid_format':
      return { path, message: `${shown} does not match the required form`, expected: custom ?? `text matching ${issue.pattern ?? issue.format}` };
    case 'too_small':
      return { path, message: `${shown} is too ${issue.origin === 'array' ? 'short a list' : issue.origin === 'string' ? 'short' : 'small'}`, expected: `${issue.origin === 'string' ? 'a length of at least' : 'at least'} ${String(issue.minimum)}${issue.origin === 'array' ? ' item(s)' : ''}` };
    case 'too_big':
      return { path, message: `${shown} is too ${issue.origin === 'array' ? 'long a list' : issue.origin === 'string' ? 'long' : 'big'}`, expected: `${issue.origin === 'string' ? 'a length of at most' : 'at most'} ${String(issue.maximum)}${issue.origin === 'array' ? ' item(s)' : ''}` };
    case 'invalid_key': {
      // A record key (a cue name): the key itself is the offending value, not what it holds.
      const key = path[path.length - 1];
      const inner = issue.issues.find((i) => i.code === 'invalid_format');
      const expected = path[0] === 'cues' ? 'a cue name of lowercase letters, digits and "-", e.g. "street"' : inner?.code === 'invalid_format' && inner.pattern ? `a key matching ${inner.pattern}` : 'a key the pack schema accepts';
      return { path, message: `key ${shownValue(key)} does not match the required form`, expected };
    }
    default:
      return { path, message: `${custom ?? issue.code.replace(/_/g, ' ')}: ${shown}`, expected: 'a value the pack schema accepts (see rules/pack.schema.json)' };
  }
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

interface SchemaDef {
  type: string;
  shape?: Record<string, { _zod: { def: SchemaDef } }>;
  innerType?: { _zod: { def: SchemaDef } };
  element?: { _zod: { def: SchemaDef } };
  valueType?: { _zod: { def: SchemaDef } };
}

/** Keys the schema does not know, found by walking the schema beside the value. */
function unknownKeys(schema: { _zod: { def: SchemaDef } }, value: unknown, path: Array<string | number>): Problem[] {
  const def = schema._zod.def;
  if (def.type === 'optional' && def.innerType) return unknownKeys(def.innerType, value, path);
  if (def.type === 'array' && def.element && Array.isArray(value)) {
    return value.flatMap((item, i) => unknownKeys(def.element!, item, [...path, i]));
  }
  if (def.type === 'record' && def.valueType && isObject(value)) {
    return Object.entries(value).flatMap(([k, v]) => unknownKeys(def.valueType!, v, [...path, k]));
  }
  if (def.type === 'object' && def.shape && isObject(value)) {
    const shape = def.shape;
    const out: Problem[] = [];
    for (const [k, v] of Object.entries(value)) {
      const child = shape[k];
      if (child) out.push(...unknownKeys(child, v, [...path, k]));
      else out.push({ path: [...path, k], message: `unknown key ${JSON.stringify(k)}`, expected: `one of ${Object.keys(shape).join(', ')}` });
    }
    return out;
  }
  return [];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Terms that mean the same to the matcher: case, width, accents and spacing do not count. */
function termKey(term: string): string {
  return term.normalize('NFKC').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim();
}

function checkText(text: string, path: JsonPath, what: string, out: Problem[]): void {
  if (text.trim() === '') out.push({ path, message: `${what} is blank`, expected: `a non-empty ${what}` });
  else if (text.trim() !== text) out.push({ path, message: `${what} ${JSON.stringify(text)} has leading or trailing spaces`, expected: `the ${what} without surrounding whitespace` });
}

/** What the schema cannot say, checked on the parts of a pack (cues, each rule) that passed it. */
function semanticProblems(value: unknown): Problem[] {
  const out: Problem[] = [];
  if (!isObject(value)) return out;
  const cuesParsed = Pack.shape.cues.safeParse(value.cues);
  const packCues = (cuesParsed.success ? cuesParsed.data : undefined) ?? {};
  // A malformed cue is reported by the schema; its name still counts as defined, so the
  // rules that require it are not each reported as naming an unknown cue.
  const cueNames = isObject(value.cues) ? Object.keys(value.cues) : [];
  const builtins: readonly string[] = BUILTIN_CUES;
  for (const [name, terms] of Object.entries(packCues)) {
    if (builtins.includes(name)) out.push({ path: ['cues', name], message: `cue ${JSON.stringify(name)} shadows a built-in cue`, expected: `a cue name other than ${BUILTIN_CUES.join(', ')}` });
    if (terms.length === 0) out.push({ path: ['cues', name], message: 'cue has no terms', expected: 'at least one term' });
    terms.forEach((t, i) => checkText(t, ['cues', name, i], 'cue term', out));
  }
  const knownCues = new Set([...BUILTIN_CUES, ...cueNames]);

  const rawRules: unknown[] = Array.isArray(value.rules) ? value.rules : [];
  const ids = rawRules.map((r) => (isObject(r) && typeof r.id === 'string' ? r.id : null));
  const ruleAt = new Map<string, number>();
  ids.forEach((id, r) => {
    if (id === null) return;
    const first = ruleAt.get(id);
    if (first !== undefined) out.push({ path: ['rules', r, 'id'], message: `duplicate rule id ${JSON.stringify(id)} (also $.rules[${first}].id)`, expected: 'a rule id unique within the pack' });
    else ruleAt.set(id, r);
    const prev = ids[r - 1];
    if (prev != null && prev > id) out.push({ path: ['rules', r, 'id'], message: `rule ${JSON.stringify(id)} comes after ${JSON.stringify(prev)}`, expected: 'rules sorted by id (node scripts/format-packs.ts sorts them)' });
  });

  const casAt = new Map<string, JsonPath>();
  rawRules.forEach((raw, r) => {
    const parsedRule = Rule.safeParse(raw);
    if (!parsedRule.success) return;
    const rule = parsedRule.data;
    const base = ['rules', r] as const;
    checkText(rule.canonical, [...base, 'canonical'], 'canonical term', out);

    const termSeen = new Map<string, JsonPath>();
    let termCount = 0;
    for (const lang of TERM_LANGUAGES) {
      (rule.terms[lang] ?? []).forEach((term, i) => {
        const path = [...base, 'terms', lang, i];
        termCount++;
        checkText(term, path, 'term', out);
        const key = termKey(term);
        const dup = termSeen.get(key);
        if (dup) out.push({ path, message: `duplicate term ${JSON.stringify(term)} (also ${formatJsonPath(dup)})`, expected: 'each term once per rule' });
        else termSeen.set(key, path);
      });
    }
    if (termCount === 0 && (rule.cas ?? []).length === 0) out.push({ path: [...base, 'terms'], message: 'the rule has no terms and no CAS numbers', expected: 'at least one term in intl, en, es, zh or emoji, or a CAS number' });

    (rule.cas ?? []).forEach((cas, i) => {
      const path = [...base, 'cas', i];
      const problem = casProblem(cas);
      if (problem) out.push({ path, message: `CAS number ${cas}: ${problem}`, expected: 'a CAS number with a correct check digit' });
      const dup = casAt.get(cas);
      if (dup) out.push({ path, message: `CAS number ${cas} is also listed at ${formatJsonPath(dup)}`, expected: 'each CAS number in one rule only' });
      else casAt.set(cas, path);
    });

    const requires = rule.context?.requires;
    requires?.cues.forEach((cue, i) => {
      if (!knownCues.has(cue)) out.push({ path: [...base, 'context', 'requires', 'cues', i], message: `unknown cue ${JSON.stringify(cue)}`, expected: `a built-in cue (${BUILTIN_CUES.join(', ')}) or one defined in $.cues` });
    });
    if (rule.tier === 'C' && !requires) out.push({ path: [...base, 'tier'], message: 'tier C rule without context.requires', expected: 'tier C (ambiguous) rules require context, e.g. "context": {"requires": {"cues": ["drug", "quantity"]}}' });
    (rule.context?.excludes ?? []).forEach((ex, e) => ex.terms.forEach((t, i) => checkText(t, [...base, 'context', 'excludes', e, 'terms', i], 'exclusion term', out)));
    (['positive', 'negative'] as const).forEach((kind) =>
      rule.examples[kind].forEach((ex, i) => {
        if (ex.trim() === '') out.push({ path: [...base, 'examples', kind, i], message: 'example is blank', expected: 'a short example text' });
      }),
    );
  });
  return out;
}
