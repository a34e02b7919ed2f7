/**
 * The bundled rule packs tested as data (STYLE.md habit 6): each parses with no error,
 * round-trips exactly through the canonical format, names its sources and licence, and
 * the packs together are as large as issue #3 asks. The benign near-misses from
 * DOMAIN.md §4 and issues #3 and #10 must each be a negative example of the rule they
 * could trip (rules/examples.test.ts then runs them through the engine).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PACK_ERRORS, DEFAULT_PACKS } from '../core/rules/defaults.ts';
import { describeFormatProblem, formatPack, formatProblem, packJsonSchema } from '../core/rules/format.ts';
import { parsePack } from '../core/rules/load.ts';
import { packStats } from '../core/rules/stats.ts';

const dir = new URL('./', import.meta.url);
const packFiles = readdirSync(dir)
  .filter((name) => name.endsWith('.json') && name !== 'pack.schema.json')
  .sort()
  .map((name) => ({ name, text: readFileSync(new URL(name, dir), 'utf8') }));

describe('bundled pack files', () => {
  it('there are seven packs', () => {
    expect(packFiles.map((f) => f.name)).toEqual([
      'controlled-substances.json',
      'emoji-slang.json',
      'evasion.json',
      'paraphernalia.json',
      'pharmacy-claim.json',
      'precursors.json',
      'rx-online.json',
    ]);
  });

  for (const { name, text } of packFiles) {
    describe(name, () => {
      const result = parsePack(text, `rules/${name}`);

      it('parses with no error', () => {
        expect(result.ok ? [] : result.errors).toEqual([]);
      });

      it('is in canonical layout: two-space JSON, rules sorted by id, keys in schema order (npm run packs:format)', () => {
        // The message names the first line that differs and the command that fixes it.
        const problem = formatProblem(text);
        expect(problem && describeFormatProblem(`rules/${name}`, problem)).toBeNull();
      });

      it('has its file name as id, the editor schema, semver, date, licence and named sources', () => {
        if (!result.ok) throw new Error('pack does not parse');
        const { pack } = result;
        expect(`${pack.id}.json`).toBe(name);
        expect(pack.$schema).toBe('./pack.schema.json');
        expect(pack.version).toMatch(/^\d+\.\d+\.\d+$/);
        expect(pack.date).toBe('2026-11-29');
        expect(pack.licence).toBe('CC-BY-4.0');
        expect(pack.languages).toEqual(['en', 'es', 'zh']);
        expect(pack.sources.length).toBeGreaterThanOrEqual(3);
        for (const source of pack.sources) expect(source.url).toMatch(/^https?:\/\//);
      });

      it('has terms in English, Spanish and Chinese', () => {
        if (!result.ok) throw new Error('pack does not parse');
        const stats = packStats(result.pack);
        expect(stats.terms.en + stats.terms.intl).toBeGreaterThan(0);
        expect(stats.terms.es).toBeGreaterThan(0);
        expect(stats.terms.zh).toBeGreaterThan(0);
      });
    });
  }

  it('the committed JSON Schema is up to date (npm run schema)', () => {
    expect(readFileSync(new URL('pack.schema.json', dir), 'utf8') === packJsonSchema()).toBe(true);
  });
});

describe('the format check CI runs (node scripts/format-packs.ts --check)', () => {
  const script = fileURLToPath(new URL('../scripts/format-packs.ts', import.meta.url));
  const run = (...args: string[]) => spawnSync(process.execPath, [script, '--check', ...args], { encoding: 'utf8' });

  it('passes on the bundled packs', () => {
    const { status, stderr } = run();
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });

  it('fails on a hand-edited pack, naming the file, the line and the fix', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'packs-format-'));
    try {
      // From the parsed pack, so this test stays about the check even when a bundled file is off.
      const original = formatPack(JSON.parse(packFiles.find((f) => f.name === 'evasion.json')!.text));
      const value = JSON.parse(original) as { rules: unknown[] };
      // A hand edit: a rule appended at the end instead of in id order.
      value.rules.push(value.rules.shift());
      writeFileSync(join(tmp, 'evasion.json'), `${JSON.stringify(value, null, 2)}\n`);
      writeFileSync(join(tmp, 'broken.json'), original.replace('"tier": "B",', '"tier": "B"'));
      writeFileSync(join(tmp, 'fine.json'), original);
      const { status, stderr } = run(tmp);
      expect(status).toBe(1);
      const lines = stderr.trim().split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(new RegExp(`^${tmp}/broken\\.json: not valid JSON \\(.+\\); fix it by hand, then run npm run packs:format$`));
      expect(lines[1]).toMatch(new RegExp(`^${tmp}/evasion\\.json:\\d+: not in canonical layout \\(found .+, expected .+\\); run npm run packs:format$`));
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('default packs', () => {
  it('bundle every pack file, all valid', () => {
    expect(DEFAULT_PACK_ERRORS).toEqual([]);
    expect(DEFAULT_PACKS.map((p) => `${p.id}.json`).sort()).toEqual(packFiles.map((f) => f.name));
  });

  it('use each rule id once across all packs (findings are keyed by rule id)', () => {
    const ids = DEFAULT_PACKS.flatMap((p) => p.rules.map((r) => r.id));
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('hold hundreds of rules and terms (issue #3: 150+ rules, 800+ terms)', () => {
    const stats = DEFAULT_PACKS.map(packStats);
    expect(stats.reduce((n, s) => n + s.rules, 0)).toBeGreaterThanOrEqual(150);
    expect(stats.reduce((n, s) => n + s.terms.total, 0)).toBeGreaterThanOrEqual(800);
  });

  it('keep ambiguous slang in tier C with context required and no fuzzy matching', () => {
    const slang = DEFAULT_PACKS.find((p) => p.id === 'emoji-slang');
    expect(slang?.rules.length).toBeGreaterThan(0);
    for (const rule of slang?.rules ?? []) {
      expect([rule.id, rule.tier, rule.fuzzy, Boolean(rule.context?.requires)]).toEqual([rule.id, 'C', false, true]);
    }
  });

  it('mark every prescription drug in rx-online as rxOnly tier B (withdrawn or non-medicines excepted)', () => {
    const rx = DEFAULT_PACKS.find((p) => p.id === 'rx-online');
    const odd = (rx?.rules ?? []).filter((r) => !(r.rxOnly === true && r.tier === 'B')).map((r) => r.id);
    expect(odd).toEqual(['rx.dnp', 'rx.sibutramine']);
  });

  it('put the no-prescription phrases in a rule of their own that needs a drug nearby', () => {
    const rule = DEFAULT_PACKS.flatMap((p) => p.rules).find((r) => r.id === 'evasion.no-prescription');
    expect(rule?.category).toBe('rx-without-prescription');
    expect(rule?.context?.requires?.cues).toEqual(['drug', 'rx-drug']);
  });

  // Benign near-misses (DOMAIN.md §4, issue #3, issue #10 real pages) and the rule each could trip.
  const NEAR_MISSES: Array<[string, string]> = [
    ['opioid.fentanyl', 'Fentanyl test strips'],
    ['opioid.fentanyl', 'Naloxone'],
    ['opioid.fentanyl', '芬太尼检测试纸'],
    ['opioid.fentanyl', 'Tiras reactivas de fentanilo'],
    ['cannabis.thc', 'THC-free'],
    ['cannabis.thc', 'sin THC'],
    ['cannabis.marijuana', 'Cannabis sativa seed oil'],
    ['evasion.no-prescription', 'Receta de cocina'],
    ['evasion.no-prescription', 'Drug-free'],
    ['evasion.no-prescription', 'Fórmula infantil'],
    ['slang.meth-en', 'Crystal vase'],
    ['slang.meth-en', 'Ice cream'],
    ['slang.cocaine-en', 'Snow boots'],
    ['slang.opioid-pills', 'Galaxy M30'],
    ['opioid.pressed-m30', 'Galaxy M30'],
    ['slang.weed', 'Weed trimmer'],
    ['slang.weed', 'Horny goat weed'],
    ['slang.ketamine', 'Special K cereal'],
    ['slang.benzo', 'Chocolate bar'],
    ['slang.mdma', 'Molly bolts'],
    ['slang.cocaine-es', 'Huevos pericos'],
    ['slang.cocaine-es', 'Nieve de limón'],
    ['slang.meth-zh', '冰糖'],
    ['slang.lsd', '邮票'],
    ['slang.lsd', 'Tablets'],
    ['slang.happy-water', '神仙水'],
    ['slang.dealer', 'plug adapter'],
    ['slang.concentrate', 'Shatter-resistant'],
    ['slang.bath-salts', 'Epsom bath salts'],
    ['pharmacy.online-pharmacy', 'Amazon Pharmacy'],
    ['pharmacy.online-pharmacy', 'PillPack'],
    ['pharmacy.online-pharmacy', 'Farmacia'],
    ['pharmacy.online-pharmacy', 'Suplementos'],
    ['pharmacy.online-pharmacy', '药品网络交易第三方平台备案凭证'],
    ['pharmacy.online-pharmacy', '互联网药品信息服务资格证书'],
    ['pharmacy.rx-service', 'Pharmacy & Prescriptions'],
    ['pharmacy.licensed-claim', 'dietary supplements have not been evaluated by the FDA'],
    ['evasion.not-for-human', 'Lithium'],
    ['steroid.testosterone', 'Testosterone booster'],
    ['precursor.bmk-glycidate', 'Strawberry aldehyde'],
    ['rx.codeine', 'sin codeína'],
    ['rx.semaglutide', "Nature's Ozempic"],
    ['paraphernalia.pill-press-dies', 'chocolate bar mold'],
    ['paraphernalia.pill-press', 'vitamin and candy tablets'],
    ['paraphernalia.cutting-agent', 'numbing cream'],
  ];
  it.each(NEAR_MISSES)('%s has a negative example with "%s"', (ruleId, phrase) => {
    const rule = DEFAULT_PACKS.flatMap((p) => p.rules).find((r) => r.id === ruleId);
    expect(rule, ruleId).toBeDefined();
    expect(rule?.examples.negative.some((text) => text.toLowerCase().includes(phrase.toLowerCase()))).toBe(true);
  });
});
