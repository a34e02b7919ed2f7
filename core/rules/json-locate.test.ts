import { describe, expect, it } from 'vitest';
import { formatJsonPath, readJson } from './json-locate.ts';

describe('formatJsonPath', () => {
  it('writes identifiers with dots, indices in brackets, other keys quoted', () => {
    expect(formatJsonPath([])).toBe('$');
    expect(formatJsonPath(['rules', 3, 'severity'])).toBe('$.rules[3].severity');
    expect(formatJsonPath(['$schema'])).toBe('$.$schema');
    expect(formatJsonPath(['cues', 'pill-words', 0])).toBe('$.cues["pill-words"][0]');
  });
});

describe('readJson', () => {
  it('parses like JSON.parse and locates every value', () => {
    const text = '{\n  "a": [1, {"b": "x"}],\n  "c": null\n}\n';
    const read = readJson(text);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.doc.value).toEqual(JSON.parse(text));
    expect(read.doc.locate(['a', 1, 'b'])).toEqual({ line: 2, column: 18 });
    expect(read.doc.locate(['c'])).toEqual({ line: 3, column: 8 });
    expect(read.doc.locate(['missing'])).toBeUndefined();
  });

  it('keeps escapes, unicode and numbers exact', () => {
    const text = '{"s": "a\\"b\\\\c\\n\\u00e9 ❄️ 冰毒", "n": -1.5e3, "t": true, "f": false}';
    const read = readJson(text);
    expect(read.ok && read.doc.value).toEqual(JSON.parse(text));
  });

  it.each([
    ['{"a": 1,}', 1, 9, 'a property name in double quotes'],
    ['{"a": 1 "b": 2}', 1, 9, '"," or "}" after a property value'],
    ['{\n  "a": [1, 2\n}', 3, 1, '"," or "]" after an array element'],
    ["{'a': 1}", 1, 2, 'a property name in double quotes'],
    ['{"a": tru}', 1, 7, 'a value: object, array, string, number, true, false or null'],
    ['{"a": "x', 1, 7, 'a closing "'],
    ['{"a": 1} x', 1, 10, 'end of file after the top-level value'],
    ['', 1, 1, 'a value: object, array, string, number, true, false or null'],
  ])('reports %j at line %i, column %i', (text, line, column, expected) => {
    const read = readJson(text);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problem).toMatchObject({ line, column, expected });
  });

  it('reports duplicate keys, which JSON.parse would silently merge', () => {
    const read = readJson('{"rules": [{"id": "a", "id": "b"}]}');
    expect(read.ok && read.doc.duplicateKeys).toEqual([{ path: ['rules', 0, 'id'], location: { line: 1, column: 24 } }]);
  });

  it('treats "__proto__" as an ordinary key', () => {
    const read = readJson('{"__proto__": {"polluted": true}}');
    expect(read.ok && Object.keys(read.doc.value as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
