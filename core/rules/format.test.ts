import { describe, expect, it } from 'vitest';
import { describeFormatProblem, formatPack, formatProblem } from './format.ts';

const pack = { id: 'p', name: 'P', rules: [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }] };

describe('formatProblem', () => {
  it('is null for a pack in canonical layout', () => {
    expect(formatProblem(formatPack(pack))).toBeNull();
  });

  const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

  it('names the first line that differs: rules out of order', () => {
    const text = formatPack(pack).replace('"id": "a"', '"id": "c"');
    expect(formatProblem(text)).toEqual({ line: lineOf(text, '"id": "c"'), found: '"      \\"id\\": \\"c\\","', expected: '"      \\"id\\": \\"b\\","' });
  });

  it('names the first line that differs: four-space indent, a missing final newline', () => {
    expect(formatProblem(JSON.stringify(pack, null, 4))).toEqual({ line: 2, found: '"    \\"id\\": \\"p\\","', expected: '"  \\"id\\": \\"p\\","' });
    const text = formatPack(pack);
    expect(formatProblem(text.trimEnd())).toEqual({ line: text.split('\n').length, found: 'the end of the file', expected: '""' });
  });

  it('leaves text that is not JSON to the loader', () => {
    expect(formatProblem('{"id": ')).toBeNull();
  });

  it('describes the problem with the command that fixes it', () => {
    expect(describeFormatProblem('rules/x.json', { line: 7, found: '"  tier"', expected: '"tier"' })).toBe(
      'rules/x.json:7: not in canonical layout (found "  tier", expected "tier"); run npm run packs:format',
    );
  });
});
