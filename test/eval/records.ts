/**
 * The static evaluation at scale (issue #8): JSONL listing records through the record scan.
 * The benign set (/work/shared/realrecords/benign-food.jsonl, read in place and never copied)
 * gives the false-alarm rate on everyday products; a generated set of violating records, built
 * deterministically from the same disguises as the corpus, gives recall at scale.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Category, PageResult } from '../../core/findings.ts';
import { cyrillic, fullwidth, leet, spaced, zeroWidth } from './corpus/tricks.ts';
import { normalizeTerm } from './match.ts';
import { rate, type Rate } from './metrics.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The shared folder lives beside the project in this workspace, or elsewhere when
 * LISTING_INSPECTOR_SHARED says so; from a worktree `../shared` is not it, so try upwards too.
 */
export function resolveShared(relative: string): string | null {
  const bases = [process.env.LISTING_INSPECTOR_SHARED, join(ROOT, '../shared'), join(ROOT, '../../shared'), '/work/shared'];
  for (const base of bases) {
    if (!base) continue;
    const candidate = join(base, relative);
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

export interface ListingRecord {
  id: string;
  title: string;
  description: string;
  seller: string;
  language: 'en' | 'es' | 'zh';
}

export interface RecordLabel {
  term: string;
  category: Category;
}

export interface RecordsSummary {
  name: string;
  records: number;
  /** Records whose verdict is not clear. */
  flagged: number;
  withFindings: number;
  errors: number;
  seconds: number;
  /** Rules behind findings, most records first. */
  topRules: Array<[string, number]>;
  /** A few flagged records with what matched, for the report. */
  examples: Array<{ id: string; verdict: string; detail: string }>;
  /** For labelled records: the share whose labelled term was found. */
  recall: Rate | null;
  /** Whether the benign flag-rate threshold applies (real records: yes; generated near-misses: reported only). */
  gated: boolean;
}

/** mulberry32: a tiny deterministic generator, so the generated set is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DRUGS: Array<{ term: string; category: Category; en: string; es: string; zh: string }> = [
  { term: 'oxycodone', category: 'opioid', en: 'oxycodone', es: 'oxicodona', zh: '羟考酮' },
  { term: 'fentanyl', category: 'opioid', en: 'fentanyl', es: 'fentanilo', zh: '芬太尼' },
  { term: 'hydrocodone', category: 'opioid', en: 'hydrocodone', es: 'hidrocodona', zh: '氢可酮' },
  { term: 'alprazolam', category: 'benzodiazepine', en: 'alprazolam', es: 'alprazolam', zh: '阿普唑仑' },
  { term: 'clonazepam', category: 'benzodiazepine', en: 'clonazepam', es: 'clonazepam', zh: '氯硝西泮' },
  { term: 'tramadol', category: 'rx-drug', en: 'tramadol', es: 'tramadol', zh: '曲马多' },
  { term: 'ketamine', category: 'dissociative', en: 'ketamine', es: 'ketamina', zh: '氯胺酮' },
  { term: 'methamphetamine', category: 'stimulant', en: 'methamphetamine', es: 'metanfetamina', zh: '甲基苯丙胺' },
  { term: 'modafinil', category: 'rx-drug', en: 'modafinil', es: 'modafinilo', zh: '莫达非尼' },
  { term: 'pregabalin', category: 'rx-drug', en: 'pregabalin', es: 'pregabalina', zh: '普瑞巴林' },
  { term: 'trenbolone', category: 'steroid', en: 'trenbolone', es: 'trembolona', zh: '群勃龙' },
  { term: 'isotonitazene', category: 'opioid', en: 'isotonitazene', es: 'isotonitaceno', zh: '异托尼秦' },
];

const DISGUISES: Array<(word: string) => string> = [
  (w) => w,
  (w) => leet(w, 'o'),
  (w) => cyrillic(w),
  (w) => fullwidth(w),
  (w) => zeroWidth(w, 3),
  (w) => spaced(w, '.'),
  (w) => w.toUpperCase(),
];

const TEMPLATES = {
  en: [
    (d: string, q: number) => ({ title: `${d} ${q}mg x100`, description: `Buy ${d} ${q}mg online, fast shipping.` }),
    (d: string, q: number) => ({ title: `Genuine ${d} tablets`, description: `${d} ${q} mg, 60 count, discreet delivery.` }),
    (d: string, q: number) => ({ title: `${d} powder ${q}g`, description: `High purity ${d}, ${q} g sample available.` }),
  ],
  es: [
    (d: string, q: number) => ({ title: `${d} ${q} mg x 30`, description: `Vendo ${d} ${q} mg, envío a todo el país.` }),
    (d: string, q: number) => ({ title: `Comprar ${d}`, description: `${d} original ${q} mg, entrega inmediata.` }),
  ],
  zh: [
    (d: string, q: number) => ({ title: `${d} ${q}毫克 现货`, description: `供应${d}，${q}克起订。` }),
    (d: string, q: number) => ({ title: `出售${d}`, description: `${d}${q}毫克，量大从优。` }),
  ],
};

/** `count` violating records, each labelled with the term it sells; same output for the same seed. */
export function generateViolatingRecords(count: number, seed = 8): Array<{ record: ListingRecord; label: RecordLabel }> {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const out: Array<{ record: ListingRecord; label: RecordLabel }> = [];
  for (let i = 0; i < count; i++) {
    const drug = pick(DRUGS);
    const language = pick(['en', 'en', 'es', 'zh'] as const);
    const name = language === 'zh' ? drug.zh : pick(DISGUISES)(language === 'es' ? drug.es : drug.en);
    const quantity = pick([2, 5, 10, 30, 50, 100]);
    const text = pick(TEMPLATES[language])(name, quantity);
    out.push({
      record: { id: `generated:${i}`, title: text.title, description: text.description, seller: `seller${i % 97}`, language },
      label: { term: drug.term, category: drug.category },
    });
  }
  return out;
}

/**
 * Benign marketplace listings built from the near-misses the corpus pages show one at a time:
 * harm-reduction goods, "-free" claims, kitchen ice and snow, glassware, hardware, phones, books,
 * in English, Spanish and Chinese. None sells a drug; every one says a word a drug list contains.
 */
const NEAR_MISSES: Record<'en' | 'es' | 'zh', ReadonlyArray<readonly [string, string]>> = {
  en: [
    ['Fentanyl test strips, {n} pack', 'Rapid test strips detect fentanyl in powders. Harm reduction kit.'],
    ['Narcan naloxone nasal spray, 2 pack', 'Emergency treatment of opioid overdose.'],
    ['Naloxone nasal spray 4mg, {n} doses', 'Reverses the effects of fentanyl and heroin overdose.'],
    ['Raising drug-free kids, {n} tips', 'Talk to your teens about fentanyl-laced pills.'],
    ['{n} panel urine drug test', 'Detects amphetamine, cocaine, oxycodone, fentanyl and THC.'],
    ['Ice cream maker {n} quart', 'Makes ice cream and sorbet in 20 minutes.'],
    ["Women's snow boots size {n}", 'Waterproof, rated for snow and ice.'],
    ['Crystal wine glasses, set of {n}', 'Lead-free crystal, dishwasher safe.'],
    ['Molly bolts hollow wall anchors x{n}', 'Zinc plated, 1/8 inch.'],
    ['Samsung Galaxy M30 {n}GB blue', 'Unlocked phone, 30 day returns.'],
    ['Hemp seed oil {n}mg, THC-free', 'Cold pressed, drug-free, sugar-free.'],
    ['{n} panel drug test cup', 'Urine test for AMP, BZO, COC, OPI, THC.'],
    ['Blues guitar songbook, {n} songs', 'Chicago blues standards with tabs.'],
    ['Weed trimmer line, {n} ft', 'For cordless string trimmers.'],
    ['Vitamin C effervescent tablets {n}mg', '20 tablets per tube, orange flavour.'],
  ],
  es: [
    ['Libro de recetas de cocina, {n} recetas', 'Cada receta de cocina con fotos.'],
    ['Máquina para nieve de garrafa {n} L', 'Prepara nieve y helado en casa.'],
    ['Tiras reactivas de fentanilo x{n}', 'Reducción de daños: detectan fentanilo.'],
    ['Figura de cristal tallado {n} cm', 'Regalo elegante, cristal de bohemia.'],
    ['Tachas de colores x{n}', 'Para corcho y pizarrón.'],
    ['Setas shiitake deshidratadas {n} g', 'Hongos para sopas y risottos.'],
    ['Jaula para perico australiano', 'Incluye comedero y {n} perchas.'],
    ['Bolsa de hielo reutilizable x{n}', 'Gel frío para lesiones.'],
  ],
  zh: [
    ['云南老冰糖 {n}克', '传统工艺冰糖，适合炖汤。'],
    ['SK-II 神仙水 {n}毫升', '经典护肤精华，正品保证。'],
    ['商用制冰机 日产冰{n}公斤', '方冰，门到门运输可选。'],
    ['1980年生肖猴邮票', '品相完好，收藏{n}年。'],
    ['家用冰淇淋机 {n}升', '自制冰淇淋和冰沙。'],
    ['维生素C泡腾片 {n}片', '非处方，请按说明使用。'],
  ],
};

/** `count` benign near-miss records, deterministic. */
export function generateNearMissRecords(count: number, seed = 9): ListingRecord[] {
  const next = random(seed);
  const out: ListingRecord[] = [];
  for (let i = 0; i < count; i++) {
    const language = (['en', 'en', 'es', 'zh'] as const)[Math.floor(next() * 4)] ?? 'en';
    const templates = NEAR_MISSES[language];
    const [title, description] = templates[Math.floor(next() * templates.length)] ?? ['', ''];
    const n = String([2, 4, 6, 10, 12, 20, 50, 100][Math.floor(next() * 8)]);
    out.push({ id: `near-miss:${i}`, title: title.replace('{n}', n), description: description.replace('{n}', n), seller: `shop${i % 53}`, language });
  }
  return out;
}

/** Tallies record scan results; `labels` (by record id) turns on recall. */
export function summarizeRecords(
  name: string,
  ids: readonly string[],
  results: ReadonlyArray<PageResult | null>,
  seconds: number,
  labels?: ReadonlyMap<string, RecordLabel>,
): RecordsSummary {
  const rules = new Map<string, number>();
  const examples: RecordsSummary['examples'] = [];
  let flagged = 0;
  let withFindings = 0;
  let errors = 0;
  let found = 0;
  ids.forEach((id, index) => {
    const result = results[index];
    if (!result) {
      errors += 1;
      return;
    }
    if (result.verdict !== 'clear') flagged += 1;
    if (result.findings.length > 0) withFindings += 1;
    for (const rule of new Set(result.findings.map((f) => f.ruleId))) rules.set(rule, (rules.get(rule) ?? 0) + 1);
    const label = labels?.get(id);
    const hit = label ? result.findings.some((f) => normalizeTerm(f.term) === normalizeTerm(label.term) && f.category === label.category) : false;
    if (hit) found += 1;
    const interesting = labels ? !hit : result.verdict !== 'clear' || result.findings.length > 0;
    if (interesting && examples.length < 40) {
      const detail = result.findings.length
        ? result.findings.map((f) => `${f.ruleId} «${f.matched}» in «${f.context}»`).join(' | ')
        : `missed ${label?.term ?? ''}`;
      examples.push({ id, verdict: result.verdict, detail });
    }
  });
  return {
    name,
    records: ids.length,
    flagged,
    withFindings,
    errors,
    seconds,
    topRules: [...rules.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 20),
    examples,
    recall: labels ? rate(found, ids.length) : null,
    gated: true,
  };
}
