import { describe, expect, it } from 'vitest';
import { QUOTA_BYTES_PER_ITEM, itemBytes, mergeSynced, planSync } from './sync.ts';
import { defaultSettings } from './schema.ts';

describe('planSync', () => {
  it('never syncs the submission token or the sync switch', () => {
    const settings = defaultSettings();
    settings.submission = { endpoint: 'https://cases.example.org/intake', token: 'secret-token' };
    const result = planSync(settings, 5);
    if (!('plan' in result)) throw new Error('expected a plan');
    const json = JSON.stringify(result.plan.items);
    expect(json).not.toContain('secret-token');
    expect(json).toContain('https://cases.example.org/intake');
    expect(json).not.toContain('"sync"');
  });

  it('counts bytes as key plus JSON, in UTF-8', () => {
    expect(itemBytes('k', 'é')).toBe(1 + 4);
  });

  it('accepts custom rules right up to the per-item quota and refuses one byte more', () => {
    const settings = defaultSettings();
    const overhead = itemBytes('customRules', { updatedAt: 5, customRules: '' });
    settings.customRules = 'x'.repeat(QUOTA_BYTES_PER_ITEM - overhead);
    expect('plan' in planSync(settings, 5)).toBe(true);
    settings.customRules += 'x';
    expect(planSync(settings, 5)).toEqual({
      problems: [{ kind: 'item-too-large', key: 'customRules', bytes: QUOTA_BYTES_PER_ITEM + 1, limit: QUOTA_BYTES_PER_ITEM }],
    });
  });

  it('refuses many subscriptions past the per-item quota', () => {
    const settings = defaultSettings();
    settings.subscriptions = Array.from({ length: 120 }, (_, i) => ({
      url: `https://packs.example.org/team/pack-${i}.json`,
      intervalHours: 24,
      sha256: 'a'.repeat(64),
    }));
    const result = planSync(settings, 5);
    expect('problems' in result && result.problems[0]?.kind).toBe('item-too-large');
  });
});

describe('mergeSynced', () => {
  it('takes newer synced parts and keeps the local token', () => {
    const local = defaultSettings();
    local.submission = { endpoint: '', token: 'local-token' };
    local.sync.enabled = true;
    const remote = defaultSettings();
    remote.locale = 'es';
    remote.submission = { endpoint: 'https://cases.example.org', token: 'ignored' };
    remote.sync.enabled = false;
    const result = planSync(remote, 20);
    if (!('plan' in result)) throw new Error('expected a plan');
    const merged = mergeSynced(local, 10, result.plan.items);
    expect(merged.changed).toBe(true);
    expect(merged.updatedAt).toBe(20);
    expect(merged.settings.locale).toBe('es');
    expect(merged.settings.submission).toEqual({ endpoint: 'https://cases.example.org', token: 'local-token' });
    expect(merged.settings.sync).toEqual({ enabled: true });
  });

  it('ignores synced parts older than the local settings', () => {
    const remote = defaultSettings();
    remote.locale = 'es';
    const result = planSync(remote, 5);
    if (!('plan' in result)) throw new Error('expected a plan');
    const merged = mergeSynced(defaultSettings(), 10, result.plan.items);
    expect(merged.changed).toBe(false);
    expect(merged.settings.locale).toBe('auto');
  });
});

describe('turning sync on', () => {
  it('takes every part another browser synced, whatever its age, and keeps this browser\'s token', () => {
    const local = defaultSettings();
    local.submission.token = 'mine';
    local.reviewer.name = 'local default';
    const merged = mergeSynced(local, 0, { settings: { updatedAt: 1, settings: { reviewer: { name: 'Ana', id: 'r-9' } } } });
    expect(merged.changed).toBe(true);
    expect(merged.settings.reviewer).toEqual({ name: 'Ana', id: 'r-9' });
    expect((merged.settings.submission as { token: string }).token).toBe('mine');
  });
});
