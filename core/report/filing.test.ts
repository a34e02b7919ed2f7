import { describe, expect, it } from 'vitest';
import { canMove } from './model.ts';
import { prefillForm, validateForm } from './filing.ts';
import { SAMPLE_PAGE } from './testing.ts';

describe('filing form', () => {
  it('prefills from the scan: most severe category, severity, listing facts, pack per finding, links', () => {
    const form = prefillForm(SAMPLE_PAGE, 'rev-1', { pageText: 'Pain relief 0xyc0d0ne 30mg' });
    expect(form).toMatchObject({ category: 'opioid', severity: 'high', listingUrl: SAMPLE_PAGE.url, reviewerId: 'rev-1', listing: SAMPLE_PAGE.listing });
    expect(form.findings[0]).toMatchObject({ packId: 'core-drugs', packVersion: '1.2.0', link: 'https://shop.example.com/item/12345?ref=search#:~:text=0xyc0d0ne' });
    expect(form.findings[1]!.link).toBe(''); // hidden text cannot be scrolled to
  });

  it('prefills the substance category over how it is sold, whatever the severities', () => {
    const finding = SAMPLE_PAGE.findings[0]!;
    const page = {
      ...SAMPLE_PAGE,
      findings: [
        { ...finding, category: 'rx-without-prescription' as const, severity: 'high' as const },
        { ...finding, category: 'evasion' as const, severity: 'high' as const },
        { ...finding, category: 'opioid' as const, severity: 'medium' as const },
      ],
    };
    expect(prefillForm(page, 'rev-1').category).toBe('opioid');
    expect(prefillForm({ ...page, findings: page.findings.slice(0, 2) }, 'rev-1').category).toBe('rx-without-prescription');
  });

  it('takes rule origins from the engine when several packs ran', () => {
    const page = { ...SAMPLE_PAGE, packs: [{ id: 'a', version: '1.0.0' }, { id: 'b', version: '2.0.0' }] };
    const form = prefillForm(page, 'rev-1', { origins: new Map([['opioid.oxycodone', { packId: 'b', packVersion: '2.0.0' }]]) });
    expect(form.findings.map((finding) => finding.packId)).toEqual(['b', null]);
  });

  it('validates with errors that name the field', () => {
    const form = prefillForm(SAMPLE_PAGE, '');
    const result = validateForm({ ...form, caseId: 'bad id!', tags: ['ok', ''], listingUrl: 'javascript:alert(1)' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.errors.map((error) => error.path);
    expect(paths).toEqual(expect.arrayContaining(['caseId', 'tags.1', 'listingUrl', 'reviewerId']));
    expect(result.errors.find((error) => error.path === 'reviewerId')?.message).toMatch(/reviewer id is required/);
  });

  it('accepts a complete form', () => {
    expect(validateForm({ ...prefillForm(SAMPLE_PAGE, 'rev-1'), caseId: 'CASE-2026/11', tags: ['opioids', 'escalate'] }).ok).toBe(true);
  });

  it('moves status forward only', () => {
    expect(canMove('draft', 'filed')).toBe(true);
    expect(canMove('filed', 'submitted')).toBe(true);
    expect(canMove('submitted', 'acknowledged')).toBe(true);
    expect(canMove('acknowledged', 'filed')).toBe(false);
    expect(canMove('filed', 'draft')).toBe(false);
  });
});
