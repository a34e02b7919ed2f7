import { describe, expect, it } from 'vitest';
import { cnDrugTradingLicence, validateDrugTradingLicence } from './cn-drug-trading-licence.ts';

const ctx = { url: null, host: null, site: null, now: new Date('2026-11-29T00:00:00Z') };
const find = (t: string) => (cnDrugTradingLicence.fromText?.(t, ctx) ?? []).map((r) => `${r.status} ${r.value}`);

describe('药品经营许可证', () => {
  it.each([
    ['琼AA898000001', 'Hainan, wholesale, legal person'],
    ['粤DA020123456', 'Guangdong, single retail pharmacy, legal person'],
    ['浙CB571000123', 'Zhejiang, retail chain store, non-legal-person enterprise'],
    ['京da110000123', 'Beijing, single retail pharmacy'],
    ['苏ＤＡ５１００１２３４５', 'Jiangsu, single retail pharmacy'],
  ])('%s is unverified (%s)', (written, detail) => {
    const r = validateDrugTradingLicence(written);
    expect(r.status).toBe('unverified');
    expect(r.reason).toContain(detail);
    expect(r.reason).toContain('nmpa.gov.cn');
  });

  it.each([
    ['琼EA898000001', /classification EA does not exist/],
    ['琼AC898000001', /classification AC/],
    ['琼AA89800000', /wrong length: 8 digits/],
    ['港AA898000001', /not a provincial abbreviation/],
  ])('%s is invalid', (written, reason) => {
    expect(validateDrugTradingLicence(written)).toMatchObject({ status: 'invalid', reason: expect.stringMatching(reason) });
  });

  it('reads the exact shape anywhere and looser shapes after the label', () => {
    expect(find('本店药品经营许可证：琼AA898000001，欢迎选购')).toEqual(['unverified 琼AA898000001']);
    expect(find('许可证号粤DA020123456')).toEqual(['unverified 粤DA020123456']);
    expect(find('药品经营许可证编号 粤EA020123456')).toEqual(['invalid 粤EA020123456']);
  });

  it('does not take licence plates or other province-prefixed codes', () => {
    expect(find('车牌粤B12345')).toEqual([]);
    expect(find('京ICP证030173号')).toEqual([]);
  });
});
