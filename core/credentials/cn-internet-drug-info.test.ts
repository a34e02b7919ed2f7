import { describe, expect, it } from 'vitest';
import { cnInternetDrugInfo, validateInternetDrugInfo } from './cn-internet-drug-info.ts';

const now = new Date('2026-11-29T00:00:00Z');

describe('互联网药品信息服务资格证书', () => {
  it.each([
    ['(京)-非经营性-2023-0001', 'Beijing, non-commercial'],
    ['(浙)-经营性-2022-0011', 'Zhejiang, commercial'],
    ['（粤）－经营性－２０２４－０１２３', 'Guangdong, commercial'],
    ['(沪) - 非经营性 - 2026 - 0456', 'Shanghai, non-commercial'],
    ['【琼】-经营性-2025-0008', 'Hainan, commercial'],
  ])('%s is unverified (%s)', (written, where) => {
    const r = validateInternetDrugInfo(written, now);
    expect(r.status).toBe('unverified');
    expect(r.reason).toContain(where);
    expect(r.reason).toContain('nmpa.gov.cn');
  });

  it('a certificate issued more than 5 years before the scan date is expired', () => {
    const r = validateInternetDrugInfo('(浙)-经营性-2018-0011', now);
    expect(r.status).toBe('invalid');
    expect(r.reason).toMatch(/^expired: issued in 2018/);
  });

  it('one issued exactly 5 years before expires during the scan year: unverified with that caveat', () => {
    const r = validateInternetDrugInfo('(京)-非经营性-2021-0001', now);
    expect(r.status).toBe('unverified');
    expect(r.reason).toContain('expires during 2026');
  });

  it('judges expiry by the scan date passed in, not by the clock', () => {
    expect(validateInternetDrugInfo('(浙)-经营性-2018-0011', new Date('2020-06-01T00:00:00Z')).status).toBe('unverified');
  });

  it.each([
    ['(京)-非经营性-2027-0001', /year 2027 is impossible/],
    ['(港)-经营性-2023-0001', /港 is not a provincial abbreviation/],
    ['(京)-营业性-2023-0001', /not a certificate number/],
  ])('%s is invalid', (written, reason) => {
    expect(validateInternetDrugInfo(written, now)).toMatchObject({ status: 'invalid', reason: expect.stringMatching(reason) });
  });

  it('reads certificates in footers written without spaces', () => {
    const ctx = { url: null, host: null, site: null, now };
    const find = (t: string) => (cnInternetDrugInfo.fromText?.(t, ctx) ?? []).map((r) => `${r.status} ${r.value}`);
    expect(find('互联网药品信息服务资格证书编号(浙)-经营性-2022-0011号')).toEqual(['unverified (浙)-经营性-2022-0011']);
    expect(find('浙B2-20080224 浙ICP备09109183号')).toEqual([]); // telecom and ICP licences are not drug credentials
  });
});
