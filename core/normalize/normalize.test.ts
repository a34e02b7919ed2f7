import { describe, expect, it } from 'vitest';
import {
  F_BOUNDARY,
  F_DIACRITIC,
  F_FULLWIDTH,
  F_HOMOGLYPH,
  F_LEET,
  F_STANDALONE,
  F_TRADITIONAL,
  F_ZERO_WIDTH,
  normalize,
  skeletonText,
  SkeletonBuffer,
} from './index.ts';

function words(text: string): string[] {
  const s = normalize(text);
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const ch = String.fromCharCode(s.codes[i] as number);
    if (((s.flags[i] as number) & F_BOUNDARY) !== 0 || out.length === 0) out.push(ch);
    else out[out.length - 1] += ch;
  }
  return out;
}
function flagsOf(text: string): number {
  const s = normalize(text);
  let all = 0;
  for (let i = 0; i < s.length; i++) all |= s.flags[i] as number;
  return all;
}

describe('normalize', () => {
  it('folds case, NFKC forms and diacritics', () => {
    expect(words('ÉXTASIS Líquido')).toEqual(['extasis', 'liquido']);
    expect(flagsOf('ÉXTASIS') & F_DIACRITIC).toBeTruthy();
    expect(words('ｏｘｙ')).toEqual(['oxy']);
    expect(flagsOf('ｏｘｙ') & F_FULLWIDTH).toBeTruthy();
    expect(words('𝐨𝐱𝐲')).toEqual(['oxy']);
  });

  it('maps lookalike letters in mixed-script words only when the text is not genuinely Cyrillic', () => {
    expect(words('оxусоdоnе')).toEqual(['oxycodone']);
    expect(flagsOf('оxусоdоnе') & F_HOMOGLYPH).toBeTruthy();
    expect(words('ХАNАХ')).toEqual(['xanax']);
    // Russian prose keeps its letters; a mixed-script word inside it is still folded.
    expect(words('Купить с доставкой')).toEqual(['купить', 'с', 'доставкои']);
    expect(words('Купить с доставкой оxусоdоnе')[3]).toBe('oxycodone');
  });

  it('reads a capital I between lower-case letters as l', () => {
    expect(words('vaIium')).toEqual(['valium']);
    expect(words('Ibuprofen iPhone')).toEqual(['ibuprofen', 'iphone']);
  });

  it('reads leetspeak inside words but never quantities, codes or trailing numbers', () => {
    expect(words('0xyc0d0ne tr4m4d0l x@nax')).toEqual(['oxycodone', 'tramadol', 'xanax']);
    expect(flagsOf('tr4m4d0l') & F_LEET).toBeTruthy();
    expect(words('30mg 100ug M30 3-MMC 2C-B oxy30 $20')).toEqual(['30mg', '100ug', 'm30', '3', 'mc', '2c', 'b', 'oxy30', '20']);
    expect(words('info@pharma.com')).toEqual(['info', 'pharma', 'com']);
  });

  it('drops invisible characters and remembers them', () => {
    expect(words('oxy\u200Bco\u00ADdo\u2060ne')).toEqual(['oxycodone']);
    expect(flagsOf('oxy\u200Bcodone') & F_ZERO_WIDTH).toBeTruthy();
    expect(words('❄\uFE0F')).toEqual(['❄']);
  });

  it('turns separators into word boundaries', () => {
    expect(words('o.x.y c-o')).toEqual(['o', 'x', 'y', 'c', 'o']);
    expect(skeletonText(normalize('o.x.y'))).toBe('oxy');
  });

  it('folds repeated letters and keeps the run length', () => {
    const s = normalize('sooommaa');
    expect(skeletonText(s)).toBe('soma');
    expect(Array.from(s.run.subarray(0, s.length))).toEqual([1, 3, 2, 2]);
    expect(skeletonText(normalize('1000'))).toBe('1000');
  });

  it('treats Chinese characters and emoji as words of their own, and reads Traditional as Simplified', () => {
    const s = normalize('無需處方🔌');
    expect(skeletonText(s)).toBe('无需处方🔌');
    expect(flagsOf('處方') & F_TRADITIONAL).toBeTruthy();
    expect((s.flags[0] as number) & F_STANDALONE).toBeTruthy();
    expect(s.tokenCount).toBe(5);
  });

  it('maps every skeleton character back to the original text it came from', () => {
    const samples = [
      'Buy ０xyc0d0ne 30mg — 無需處方! о x у\u200B c o d o n e ❄️🔌 ÉXTASIS ﬁne ㎎ vaIium tra . madoll',
      'Ἀθῆναι 𝐁𝐔𝐘 e\u0301xtasis',
    ];
    for (const text of samples) {
      const s = normalize(text);
      for (let i = 0; i < s.length; i++) {
        const start = s.start[i] as number;
        const end = s.end[i] as number;
        expect(start).toBeLessThan(end);
        expect(end).toBeLessThanOrEqual(text.length);
        if (i > 0) expect(start).toBeGreaterThanOrEqual(s.start[i - 1] as number);
      }
    }
    const s = normalize('e\u0301xtasis');
    expect(s.end[0]).toBe(2);
  });

  it('gives the same result with a reused buffer', () => {
    const buffer = new SkeletonBuffer();
    normalize('a long first text that fills the buffer', buffer);
    expect(skeletonText(normalize('0xyc0d0ne', buffer))).toBe('oxycodone');
  });
});
