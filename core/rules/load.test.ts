import { describe, expect, it } from 'vitest';
import { formatPack } from './format.ts';
import { loadPacks, parsePack, validatePack } from './load.ts';
import type { PackError } from './load.ts';

function rule(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    status: 'stable',
    title: `Rule ${id}`,
    category: 'opioid',
    severity: 'high',
    tier: 'A',
    canonical: id,
    terms: { en: [`${id}-term`] },
    examples: { positive: ['a', 'b'], negative: ['c', 'd'] },
    ...extra,
  };
}

function pack(rules: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    $schema: './pack.schema.json',
    id: 'test-pack',
    name: 'Test pack',
    version: '1.0.0',
    date: '2026-11-29',
    languages: ['en'],
    sources: [{ name: 'test' }],
    licence: 'CC0-1.0',
    rules,
    ...extra,
  };
}

function errorsOf(value: unknown): PackError[] {
  const result = parsePack(formatPack(value), 'test.json');
  return result.ok ? [] : result.errors;
}

function only(value: unknown): Omit<PackError, 'file' | 'line' | 'column'> {
  const errors = errorsOf(value);
  expect(errors).toHaveLength(1);
  const { path, message, expected } = errors[0] as PackError;
  return { path, message, expected };
}

describe('parsePack', () => {
  it('accepts a valid pack', () => {
    const result = parsePack(formatPack(pack([rule('a.one'), rule('b.two')])), 'test.json');
    expect(result.ok).toBe(true);
    expect(result.ok && result.pack.rules.map((r) => r.id)).toEqual(['a.one', 'b.two']);
  });

  it('gives line and column for a JSON syntax error', () => {
    const text = formatPack(pack([rule('a')])).replace('"severity": "high",', '"severity": "high"');
    const result = parsePack(text, 'rules/broken.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const line = text.split('\n').findIndex((l) => l.includes('"tier"')) + 1;
    expect(result.errors).toEqual([
      { file: 'rules/broken.json', path: '$', message: `JSON syntax error: unexpected "\\"" at line ${line}, column 7`, expected: '"," or "}" after a property value', line, column: 7 },
    ]);
  });

  it('locates a schema error in the file', () => {
    const text = formatPack(pack([rule('a'), rule('b', { severity: 'critical' })]));
    const result = parsePack(text, 'test.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const line = text.split('\n').findIndex((l) => l.includes('"critical"')) + 1;
    expect(result.errors[0]).toMatchObject({ path: '$.rules[1].severity', line, column: 19 });
  });

  it.each<[string, unknown, { path: string; message: string; expected: string }]>([
    ['a wrong enum value', pack([rule('a', { severity: 'critical' })]), { path: '$.rules[0].severity', message: '"critical" is not allowed', expected: 'one of "high", "medium", "low"' }],
    ['a missing field', pack([{ ...rule('a'), title: undefined }]), { path: '$.rules[0].title', message: 'missing', expected: 'string' }],
    ['a wrong type', pack([rule('a', { terms: { en: 'fentanyl' } })]), { path: '$.rules[0].terms.en', message: 'wrong type: string "fentanyl"', expected: 'array' }],
    ['a malformed rule id', pack([rule('Opioid Fentanyl')]), { path: '$.rules[0].id', message: '"Opioid Fentanyl" does not match the required form', expected: 'lowercase words joined by "." or "-", e.g. "opioid.oxycodone"' }],
    ['a malformed version', pack([rule('a')], { version: '1.0' }), { path: '$.version', message: '"1.0" does not match the required form', expected: 'a semantic version like 1.2.0' }],
    ['too few examples', pack([rule('a', { examples: { positive: ['x'], negative: ['c', 'd'] } })]), { path: '$.rules[0].examples.positive', message: '["x"] is too short a list', expected: 'at least 2 item(s)' }],
    ['a CAS number in the wrong form', pack([rule('a', { cas: ['79099073'] })]), { path: '$.rules[0].cas[0]', message: '"79099073" does not match the required form', expected: 'a CAS number like 79099-07-3' }],
    ['an unknown key (a typo)', pack([rule('a', { fuzy: false })]), { path: '$.rules[0].fuzy', message: 'unknown key "fuzy"', expected: 'one of id, status, title, description, category, severity, tier, canonical, terms, rxOnly, fuzzy, context, cas, falsePositives, references, examples' }],
    ['an unknown language', pack([rule('a', { terms: { en: ['x'], fr: ['y'] } })]), { path: '$.rules[0].terms.fr', message: 'unknown key "fr"', expected: 'one of intl, en, es, zh, emoji' }],
    ['a duplicate rule id', pack([rule('a'), rule('a', { terms: { en: ['other'] } })]), { path: '$.rules[1].id', message: 'duplicate rule id "a" (also $.rules[0].id)', expected: 'a rule id unique within the pack' }],
    ['a blank term', pack([rule('a', { terms: { en: ['  '] } })]), { path: '$.rules[0].terms.en[0]', message: 'term is blank', expected: 'a non-empty term' }],
    ['a term with surrounding spaces', pack([rule('a', { terms: { en: ['xanax '] } })]), { path: '$.rules[0].terms.en[0]', message: 'term "xanax " has leading or trailing spaces', expected: 'the term without surrounding whitespace' }],
    ['a duplicate term across languages, case and accents', pack([rule('a', { terms: { en: ['Cocaína'], es: ['cocaina'] } })]), { path: '$.rules[0].terms.es[0]', message: 'duplicate term "cocaina" (also $.rules[0].terms.en[0])', expected: 'each term once per rule' }],
    ['a rule without terms', pack([rule('a', { terms: {} })]), { path: '$.rules[0].terms', message: 'the rule has no terms and no CAS numbers', expected: 'at least one term in intl, en, es, zh or emoji, or a CAS number' }],
    ['an unknown cue', pack([rule('a', { tier: 'C', context: { requires: { cues: ['drugs'] } } })]), { path: '$.rules[0].context.requires.cues[0]', message: 'unknown cue "drugs"', expected: 'a built-in cue (quantity, price, drug, rx-drug, evasion) or one defined in $.cues' }],
    ['a pack cue shadowing a built-in', pack([rule('a')], { cues: { drug: ['x'] } }), { path: '$.cues.drug', message: 'cue "drug" shadows a built-in cue', expected: 'a cue name other than quantity, price, drug, rx-drug, evasion' }],
    ['an empty pack cue', pack([rule('a')], { cues: { street: [] } }), { path: '$.cues.street', message: 'cue has no terms', expected: 'at least one term' }],
    ['a CAS number with a wrong check digit', pack([rule('a', { cas: ['1609-66-5'] })]), { path: '$.rules[0].cas[0]', message: 'CAS number 1609-66-5: check digit is 5, but 1609-66 calls for 1', expected: 'a CAS number with a correct check digit' }],
    ['a CAS number in two rules', pack([rule('a', { cas: ['79099-07-3'] }), rule('b', { cas: ['79099-07-3'] })]), { path: '$.rules[1].cas[0]', message: 'CAS number 79099-07-3 is also listed at $.rules[0].cas[0]', expected: 'each CAS number in one rule only' }],
    ['a tier C rule without requires', pack([rule('a', { tier: 'C' })]), { path: '$.rules[0].tier', message: 'tier C rule without context.requires', expected: 'tier C (ambiguous) rules require context, e.g. "context": {"requires": {"cues": ["drug", "quantity"]}}' }],
    ['a blank exclusion term', pack([rule('a', { context: { excludes: [{ terms: [''] }] } })]), { path: '$.rules[0].context.excludes[0].terms[0]', message: '"" is too short', expected: 'a length of at least 1' }],
    ['a wrong number', pack([rule('a', { context: { excludes: [{ terms: ['x'], window: 99 }] } })]), { path: '$.rules[0].context.excludes[0].window', message: '99 is too big', expected: 'at most 40' }],
    ['a missing enum value', pack([{ ...rule('a'), severity: undefined }]), { path: '$.rules[0].severity', message: 'missing', expected: 'one of "high", "medium", "low"' }],
    ['a wrong type for a field', pack([rule('a', { title: 42 })]), { path: '$.rules[0].title', message: 'wrong type: number 42', expected: 'string' }],
    ['null for an object', pack([rule('a', { terms: null })]), { path: '$.rules[0].terms', message: 'wrong type: null', expected: 'object' }],
    ['a malformed cue name', pack([rule('a')], { cues: { 'Street Words': ['x'] } }), { path: '$.cues["Street Words"]', message: 'key "Street Words" does not match the required form', expected: 'a cue name of lowercase letters, digits and "-", e.g. "street"' }],
    ['a term that is too long, cut in the message', pack([rule('a', { terms: { en: ['y'.repeat(100)] } })]), { path: '$.rules[0].terms.en[0]', message: `"${'y'.repeat(58)}…" (100 characters) is too long`, expected: 'a length of at most 80' }],
    ['an object in an enum field, cut in the message', pack([rule('a', { severity: { level: 'z'.repeat(100) } })]), { path: '$.rules[0].severity', message: `{"level":"${'z'.repeat(49)}… is not allowed`, expected: 'one of "high", "medium", "low"' }],
  ])('rejects %s with a precise error', (_name, value, want) => {
    expect(only(value)).toEqual(want);
  });

  it('rejects rules out of order (formatPack sorts, so write the text by hand)', () => {
    const text = JSON.stringify(pack([rule('b'), rule('a')]), null, 2);
    const result = parsePack(text, 'test.json');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((e) => [e.path, e.message])).toEqual([['$.rules[1].id', 'rule "a" comes after "b"']]);
  });

  it('rejects a key given twice in one object', () => {
    const text = formatPack(pack([rule('a')])).replace('"tier": "A",', '"tier": "A",\n      "tier": "B",');
    const result = parsePack(text, 'test.json');
    expect(!result.ok && result.errors.map((e) => [e.path, e.message])).toEqual([['$.rules[0].tier', 'duplicate key "tier"']]);
  });

  it('reports schema and semantic problems in one pass, in file order', () => {
    const text = formatPack(pack([rule('a', { severity: 'critical' }), rule('b', { cas: ['1609-66-5'] }), rule('c', { fuzy: true }), rule('c')]));
    const result = parsePack(text, 'test.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path)).toEqual(['$.rules[0].severity', '$.rules[1].cas[0]', '$.rules[2].fuzy', '$.rules[3].id']);
    const lines = result.errors.map((e) => e.line ?? 0);
    expect([...lines].sort((x, y) => x - y)).toEqual(lines);
  });

  it('reports every problem at once, not only the first', () => {
    const errors = errorsOf(pack([rule('a', { severity: 'x', tier: 'D' }), rule('b', { fuzy: 1 })]));
    expect(errors.map((e) => e.path).sort()).toEqual(['$.rules[0].severity', '$.rules[0].tier', '$.rules[1].fuzy']);
  });
});

describe('error messages quote the value as written', () => {
  it('never prints "undefined" for a value zod did not carry', () => {
    const broken = pack([
      rule('a', { severity: 'urgent', tier: 7, id: 'Bad Id', cas: ['12345'], title: [], terms: { en: 'x' } }),
      rule('b', { examples: { positive: 'one', negative: [] }, context: { requires: { cues: ['Drug'] }, excludes: [{ terms: [] }] } }),
    ], { version: 1, date: 'today', languages: ['en', 'fr'], cues: { street: 'hmu', 'Bad Name': [''] } });
    const errors = errorsOf(broken);
    expect(errors.length).toBeGreaterThan(10);
    expect(errors.filter((e) => /undefined/.test(e.message))).toEqual([]);
    expect(errors.find((e) => e.path === '$.rules[0].severity')?.message).toBe('"urgent" is not allowed');
    expect(errors.find((e) => e.path === '$.version')?.message).toBe('wrong type: number 1');
  });

  it('a malformed pack cue does not make every rule that requires it an unknown cue', () => {
    const errors = errorsOf(pack([rule('a', { tier: 'C', context: { requires: { cues: ['street'] } } })], { cues: { street: 'hmu' } }));
    expect(errors.map((e) => [e.path, e.message])).toEqual([['$.cues.street', 'wrong type: string "hmu"']]);
  });
});

describe('validatePack', () => {
  it('validates a parsed value with the same checks, without locations', () => {
    const result = validatePack(pack([rule('a', { cas: ['1609-66-5'] })]), 'bundled.json');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([
      { file: 'bundled.json', path: '$.rules[0].cas[0]', message: 'CAS number 1609-66-5: check digit is 5, but 1609-66 calls for 1', expected: 'a CAS number with a correct check digit' },
    ]);
  });

  it('rejects a value that is not an object', () => {
    const result = validatePack([], 'x.json');
    expect(!result.ok && result.errors[0]).toMatchObject({ path: '$', message: 'wrong type: array []', expected: 'object' });
  });
});

describe('loadPacks', () => {
  it('keeps going past a bad pack: the good ones load, the bad one is reported', () => {
    const good = formatPack(pack([rule('a')], { id: 'good' }));
    const bad = formatPack(pack([rule('a', { severity: 'critical' })], { id: 'bad' }));
    const { packs, errors } = loadPacks([
      { file: 'rules/good.json', text: good },
      { file: 'rules/broken.json', text: '{ not json' },
      { file: 'rules/bad.json', text: bad },
      { file: 'rules/other.json', text: formatPack(pack([rule('b')], { id: 'other' })) },
    ]);
    expect(packs.map((p) => p.id)).toEqual(['good', 'other']);
    expect(errors.map((e) => [e.file, e.path])).toEqual([
      ['rules/broken.json', '$'],
      ['rules/bad.json', '$.rules[0].severity'],
    ]);
  });

  it('loads the first of two packs with the same id and reports the second', () => {
    const text = formatPack(pack([rule('a')]));
    const { packs, errors } = loadPacks([{ file: 'one.json', text }, { file: 'two.json', text }]);
    expect(packs).toHaveLength(1);
    expect(errors).toEqual([{ file: 'two.json', path: '$.id', message: 'pack id "test-pack" is already loaded from one.json', expected: 'a pack id unique among loaded packs' }]);
  });
});
