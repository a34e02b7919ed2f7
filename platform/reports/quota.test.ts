import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkQuota, QuotaError } from './store.ts';

describe('storage quota check before capture', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('refuses with a clear message when the space left cannot hold the capture', async () => {
    vi.stubGlobal('navigator', { storage: { estimate: async () => ({ quota: 100e6, usage: 90e6 }) } });
    const error = await checkQuota(60e6).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(QuotaError);
    expect((error as Error).message).toBe(
      "Not enough storage space to keep this evidence (about 10 MB free, about 60 MB needed). Nothing already saved was lost; free space (export and delete old reports, or empty the browser's disk) and try again.",
    );
  });

  it('lets the capture go ahead when there is room, or when the browser cannot say', async () => {
    vi.stubGlobal('navigator', { storage: { estimate: async () => ({ quota: 10e9, usage: 1e6 }) } });
    await expect(checkQuota(60e6)).resolves.toBeUndefined();
    vi.stubGlobal('navigator', {});
    await expect(checkQuota(60e6)).resolves.toBeUndefined();
  });
});
