import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Pack } from '../rules/schema.ts';
import { compileEngine } from './index.ts';
import type { Match, TextBlock } from './types.ts';

const mini = Pack.parse(JSON.parse(readFileSync(new URL('../../test/fixtures/packs/mini.json', import.meta.url), 'utf8')));
const engine = compileEngine([mini]);

function scan(text: string, extra: Partial<TextBlock> = {}): Match[] {
  return engine.scan([{ text, where: 'visible', zone: 'listing', ...extra }]).matches;
}
function ids(text: string): string[] {
  return scan(text).map((m) => m.ruleId);
}

describe('engine on the test pack', () => {
  it('runs every rule example of the pack', () => {
    for (const rule of mini.rules) {
      for (const text of rule.examples.positive) expect(ids(text), `${rule.id} + "${text}"`).toContain(rule.id);
      for (const text of rule.examples.negative) expect(ids(text), `${rule.id} − "${text}"`).not.toContain(rule.id);
    }
  });

  it.each([
    ['0xyc0d0ne', 'oxycodone', ['leetspeak']],
    ['o x y c o d o n e', 'oxycodone', ['separators']],
    ['o.x.y.c.o.d.o.n.e', 'oxycodone', ['separators']],
    ['oxy-codone', 'oxycodone', ['separators']],
    ['оxусоdоnе', 'oxycodone', ['homoglyph']],
    ['ｏｘｙｃｏｄｏｎｅ', 'oxycodone', ['fullwidth']],
    ['oxy\u200Bco\u00ADdone', 'oxycodone', ['zero-width']],
    ['oxyyycodoooone', 'oxycodone', ['repeated-letters']],
    ['oxycodne', 'oxycodone', ['misspelling']],
    ['vaIium', 'diazepam', ['homoglyph']],
    ['va1ium', 'diazepam', ['leetspeak']],
    ['tra . madoll', 'tramadol', ['separators', 'repeated-letters']],
    ['fentanílo', 'fentanyl', ['diacritics']],
  ])('undoes the disguise in %j', (text, term, tricks) => {
    const match = scan(text).find((m) => m.term === term);
    expect(match, text).toBeDefined();
    expect(match?.matched).toBe(text.trim());
    expect(new Set(match?.tricks)).toEqual(new Set(tricks));
  });

  it('reports no trick for a plain term', () => {
    const [match] = scan('Percocet for sale');
    expect(match?.tricks).toEqual([]);
    expect(match?.matched).toBe('Percocet');
  });

  it('keeps exact original offsets through every fold', () => {
    const text = 'Hi! ＢＵＹ 0xyc0d0ne, о x у and 無需處方 曲馬多 now ❄️ 2g';
    for (const match of engine.scan([{ text, where: 'visible', zone: 'listing' }]).matches) {
      expect(text.slice(match.start, match.end)).toBe(match.matched);
    }
  });

  it('respects word boundaries for Latin terms', () => {
    expect(ids('thermothc')).toEqual([]);
    expect(ids('fentanyls')).toContain('opioid.fentanyl');
    expect(ids('acetylfentanyl')).toEqual([]);
  });

  it('matches Chinese without word boundaries, Traditional too', () => {
    expect(ids('出售冰毒现货')).toContain('stimulant.meth-zh');
    expect(scan('曲馬多無需處方').map((m) => m.ruleId)).toEqual(expect.arrayContaining(['rx.tramadol', 'rxnp.no-prescription']));
    expect(scan('曲馬多').at(0)?.tricks).toContain('traditional-chinese');
  });

  it('needs a prescription drug near "no prescription"', () => {
    expect(ids('no prescription needed, buy tramadol today')).toContain('rxnp.no-prescription');
    expect(ids('sin receta de cocina: pollo al horno')).not.toContain('rxnp.no-prescription');
  });

  it('lets an evasion phrase override an exclusion', () => {
    expect(ids('fentanyl test strips')).not.toContain('opioid.fentanyl');
    expect(ids('fentanyl test strips, stealth shipping')).toContain('opioid.fentanyl');
  });

  it('counts ambiguous slang only with context', () => {
    expect(ids('snow boots size 9')).toEqual([]);
    expect(ids('snow 3.5g')).toContain('slang.snow');
    expect(ids('snow and oxycodone')).toContain('slang.snow');
    expect(ids('snow pressed pills')).toContain('slang.snow');
  });

  it('checks CAS numbers by check digit and list', () => {
    expect(scan('CAS 79099-07-3').at(0)?.tricks).toEqual(['cas-number']);
    expect(ids('CAS 79099-07-4')).toEqual([]);
    expect(ids('CAS79099 powder')).toContain('precursor.1-boc-4-piperidone');
  });

  it('marks hidden text and words split across elements', () => {
    const [match] = engine.scan([{ text: 'oxycodone', where: 'hidden', zone: 'page', elementBoundaries: [3] }]).matches;
    expect(match?.tricks).toEqual(expect.arrayContaining(['hidden-text', 'split-across-elements']));
    expect(match?.where).toBe('hidden');
  });

  it('keeps suppressed matches with a reason', () => {
    const { suppressed } = engine.scan([{ text: 'fentanyl test strips', where: 'visible', zone: 'listing' }]);
    expect(suppressed[0]).toMatchObject({ ruleId: 'opioid.fentanyl', matched: 'fentanyl' });
  });
});

describe('engine edge cases found by the packs', () => {
  const rule = (id: string, terms: string[], extra: Record<string, unknown> = {}) => ({
    id, status: 'stable', title: id, category: 'cannabis', severity: 'medium', tier: 'B', canonical: terms[0],
    terms: { intl: terms }, examples: { positive: ['x', 'y'], negative: ['x', 'y'] }, ...extra,
  });
  const pack = Pack.parse({
    id: 'edge', name: 'edge', version: '1.0.0', date: '2026-11-29', languages: ['en'], sources: [{ name: 't' }], licence: 'CC0-1.0',
    rules: [
      rule('a.sinsemilla', ['sinsemilla']),
      rule('b.test-e', ['test e']),
      rule('c.totter', ['totter']),
      rule('d.fentanilo', ['fentanilo']),
      rule('e.escrow', ['escrow'], { category: 'evasion', context: { excludes: [{ terms: ['real estate'], window: 6 }] } }),
      rule('f.adderall', ['adderall']),
    ],
  });
  const edge = compileEngine([pack]);
  const found = (text: string) => edge.scan([{ text, where: 'visible', zone: 'listing' }]).matches.map((m) => m.ruleId);

  it('does not join two real words into one term', () => {
    expect(found('semillas: sin semillas de uva')).toEqual([]);
    expect(found('sin-semilla')).toEqual(['a.sinsemilla']);
  });
  it('needs a phrase’s own word breaks', () => {
    expect(found('teste de gravidez')).toEqual([]);
    expect(found('test e 250mg')).toEqual(['b.test-e']);
  });
  it('folds added repeats but not dropped ones on short terms', () => {
    expect(found('a tooter horn')).toEqual([]);
    expect(found('tottter')).toEqual(['c.totter']);
    expect(found('aderall')).toEqual(['f.adderall']);
  });
  it('reads a trailing leet digit on a long word', () => {
    expect(found('fentanil0')).toEqual(['d.fentanilo']);
  });
  it('applies an evasion rule’s own exclusions', () => {
    expect(found('escrow for real estate closing')).toEqual([]);
    expect(found('escrow accepted, pay first')).toEqual(['e.escrow']);
  });
});

describe('engine: numbers and units', () => {
  const pack = Pack.parse({
    id: 'units', name: 'units', version: '1.0.0', date: '2026-11-29', languages: ['en'], sources: [{ name: 't' }], licence: 'CC0-1.0',
    rules: [
      { id: 'a.oxy-30', status: 'stable', title: 'oxy 30', category: 'opioid', severity: 'high', tier: 'A', canonical: 'oxycodone',
        terms: { en: ['oxy 30'] }, examples: { positive: ['x', 'y'], negative: ['x', 'y'] } },
      { id: 'b.isotretinoin', status: 'stable', title: 'isotretinoin', category: 'rx-drug', severity: 'medium', tier: 'B', canonical: 'isotretinoin',
        terms: { intl: ['isotretinoin'] }, examples: { positive: ['x', 'y'], negative: ['x', 'y'] } },
      { id: 'c.npp', status: 'stable', title: 'NPP', category: 'precursor', severity: 'high', tier: 'A', canonical: 'npp', cas: ['39742-60-4'],
        terms: { intl: ['n-phenethyl-4-piperidone'] }, context: { excludes: [{ terms: ['vial'], window: 8 }] },
        examples: { positive: ['x', 'y'], negative: ['x', 'y'] } },
    ],
  });
  const units = compileEngine([pack]);
  const found = (text: string) => units.scan([{ text, where: 'visible', zone: 'listing' }]).matches.map((m) => `${m.ruleId}:${m.matched}`);

  it('meets a unit written onto a number', () => {
    expect(found('Oxy 30mg blues')).toEqual(['a.oxy-30:Oxy 30']);
    expect(found('oxy 300')).toEqual([]);
  });
  it('reads one digit inside a word as a letter even before unit-like letters', () => {
    expect(found('is0tretin0in')).toEqual(['b.isotretinoin:is0tretin0in']);
  });
  it('never lets a benign word excuse a listed CAS number', () => {
    expect(found('39742-60-4 in a 10ml vial')).toEqual(['c.npp:39742-60-4']);
  });
});
