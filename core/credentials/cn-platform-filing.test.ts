import { describe, expect, it } from 'vitest';
import { cnPlatformFiling, validatePlatformFiling } from './cn-platform-filing.ts';

const now = new Date('2026-11-29T00:00:00Z');
const ctx = { url: null, host: null, site: null, now };

describe('药品网络交易第三方平台备案凭证', () => {
  it.each([
    '(京)网药平台备字〔2022〕第000001-000号',
    '（沪）网药平台备字（2023）第000023-001号',
    '(浙)网药平台备字[2022]第000002号',
  ])('%s is unverified, and says it is the platform’s', (written) => {
    const r = validatePlatformFiling(written, now);
    expect(r.status).toBe('unverified');
    expect(r.reason).toContain("platform's own filing");
  });

  it.each([
    ['(京)网药平台备字〔2021〕第000001-000号', /year 2021 is impossible/],
    ['(京)网药平台备字〔2022〕第00001-000号', /sequence has 5 digits/],
    ['(京)网药平台备字〔2022〕第000001-00号', /change number has 2 digits/],
    ['(京)网药平台备字〔2022〕第OOOOO1-OOO号', /letter O where a digit 0 belongs/],
  ])('%s is invalid', (written, reason) => {
    expect(validatePlatformFiling(written, now)).toMatchObject({ status: 'invalid', reason: expect.stringMatching(reason) });
  });

  it('reads the filing in a shop footer', () => {
    const footer = '药品网络交易第三方平台备案凭证：(京)网药平台备字〔2022〕第000001-000号 | 违法和不良信息举报电话';
    expect((cnPlatformFiling.fromText?.(footer, ctx) ?? []).map((r) => r.value)).toEqual(['(京)网药平台备字〔2022〕第000001-000号']);
  });
});
