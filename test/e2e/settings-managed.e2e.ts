/**
 * Team deployment end to end (issue #6): managed settings through real enterprise policy
 * files in both browsers — applied, locked in the options page, a forced subscription
 * installed by the background, a value the extension refuses ignored and reported.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, launchFirefox, startFixtureServer } from './harness.ts';
import type { ExtensionBrowser, FixtureServer } from './harness.ts';
import {
  V1,
  axeViolations,
  canWriteChromiumPolicy,
  canWriteFirefoxPolicy,
  makeSigner,
  openOptions,
  servePack,
  writeChromiumPolicy,
  writeFirefoxPolicy,
} from './settings-helpers.ts';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server?.close();
});

interface PolicyLaunch {
  kind: string;
  writable: boolean;
  where: string;
  start(policy: Record<string, unknown>): Promise<{ b: ExtensionBrowser; remove: () => void }>;
}

/**
 * Real enterprise policy, no test-only path: Chromium reads /etc/chromium/policies/managed/*.json
 * ("3rdparty" → extensions → id), Firefox reads /etc/firefox/policies/policies.json ("3rdparty" →
 * Extensions → gecko id). Both need root; without it the test is skipped, saying why.
 */
const POLICY_LAUNCHES: PolicyLaunch[] = [
  {
    kind: 'chromium',
    writable: canWriteChromiumPolicy(),
    where: '/etc/chromium/policies/managed',
    start: async (policy) => {
      const remove = writeChromiumPolicy(policy);
      try {
        return { b: await launchChromium(server), remove };
      } catch (error) {
        remove();
        throw error;
      }
    },
  },
  {
    kind: 'firefox',
    writable: canWriteFirefoxPolicy(),
    where: '/etc/firefox/policies/policies.json',
    start: async (policy) => {
      const written = writeFirefoxPolicy(policy);
      try {
        return { b: await launchFirefox(server, { extensionDir: written.extensionDir }), remove: written.remove };
      } catch (error) {
        written.remove();
        throw error;
      }
    },
  },
];

describe.each(POLICY_LAUNCHES)('managed settings through real enterprise policy in $kind', ({ kind, writable, where, start }) => {
  // Needs root to write the policy; skipped (with this reason in its name) where it cannot.
  it.skipIf(!writable)(`applies policy values, installs the forced subscription, and shows them locked (needs a writable ${where})`, async () => {
    const signer = await makeSigner();
    const feed = servePack(server, `/packs/${kind}-managed.json`);
    await feed.publish({ ...V1, id: 'org-pack' }, signer);
    const launched = await start({
      reportEndpoint: 'https://cases.example.org/intake',
      marketplaces: ['shop.example.org', '*.ebay.de'],
      disabledPacks: ['team-pack'],
      subscriptions: [{ url: feed.url, intervalHours: 6, publicKey: signer.publicKey }],
      denySites: ['not a host name'],
    });
    const { b } = launched;
    try {
      const page = await openOptions(b);
      await page.waitFor(() => document.querySelector('#managed-banner') !== null);
      const state = await page.evaluate(() => {
        const field = (label: string) => {
          const l = [...document.querySelectorAll('label')].find((x) => x.textContent?.trim() === label);
          return document.getElementById(l?.htmlFor ?? '') as HTMLInputElement | null;
        };
        return {
          endpoint: { value: field('Report submission endpoint')?.value, disabled: field('Report submission endpoint')?.disabled },
          marketplaces: { value: field('Marketplaces')?.value, disabled: field('Marketplaces')?.disabled },
          allowDisabled: field('Always inspect')?.disabled,
          denyDisabled: field('Never inspect')?.disabled,
          reviewerDisabled: field('Reviewer name')?.disabled,
          locks: document.querySelectorAll('.locked').length,
          problems: document.querySelector('#repairs')?.textContent ?? '',
        };
      });
      expect(state.endpoint).toEqual({ value: 'https://cases.example.org/intake', disabled: true });
      expect(state.marketplaces).toEqual({ value: 'shop.example.org\n*.ebay.de', disabled: true });
      expect(state.allowDisabled).toBe(false);
      expect(state.reviewerDisabled).toBe(false);
      expect(state.locks).toBeGreaterThanOrEqual(4);
      // A value the extension's own rules refuse is ignored and reported, never applied.
      expect(state.problems).toContain('Organisation policy "denySites"');
      expect(state.problems).toContain('at 0; ignored');
      expect(state.denyDisabled).toBe(false);
      // The forced subscription was installed by the background without anyone asking.
      await page.waitFor((url) => document.querySelector(`[data-subscription="${url}"] .status`)?.textContent?.includes('installed org-pack 1.0.0'), feed.url, { timeout: 20_000 });
      expect(await page.evaluate(() => document.querySelector('input[name=url]') === null)).toBe(true);
      await page.waitFor(() => document.querySelector('[data-pack="org-pack"]') !== null);
      const toggle = await page.evaluate(() => {
        const t = document.querySelector('[aria-label="Enable pack org-pack"]') as HTMLInputElement;
        return { checked: t.checked, disabled: t.disabled };
      });
      expect(toggle).toEqual({ checked: true, disabled: true });
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot('settings-managed', { fullPage: true });
    } finally {
      launched.remove();
      await b.close();
    }
  });
});
