/**
 * The findings panel (the popup, opened as a tab for the listing's tab id) in both
 * browsers: contents, stepping through findings on the page, keyboard triage and its
 * per-rule tallies, reveal of hidden findings, and the hover explanation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgeText, BROWSERS, readHighlights, startFixtureServer, tabState, waitForReport } from './harness.ts';
import type { ExtensionBrowser, FixtureServer, TestPage } from './harness.ts';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server?.close();
});

/** The focus highlight is the one with the highest priority (4); a page can read priorities too. */
async function focusedTexts(page: TestPage): Promise<string[]> {
  const highlights = await readHighlights(page);
  return highlights.filter((h) => h.priority === 4).flatMap((h) => h.ranges.map((r) => r.text));
}

describe.each(BROWSERS)('panel in $kind', ({ launch }) => {
  let b: ExtensionBrowser;
  let page: TestPage;
  let popup: TestPage;
  let tabId: number;
  beforeAll(async () => {
    b = await launch(server);
    page = await b.newPage(server.url('inpage/amazon-en.html'));
    tabId = await b.tabIdOf(page);
    await waitForReport(b, tabId, (r) => r.findings.some((f) => f.element.includes('late-review')));
    popup = await b.openPopup(tabId);
    await popup.waitFor(() => document.querySelector('[data-verdict]') !== null);
  });
  afterAll(async () => {
    await b?.close();
  });

  it('shows the verdict, the count, findings grouped by category, credentials and listing facts', async () => {
    const { report } = await tabState(b, tabId);
    const total = report!.findings.length + report!.truncated;
    const view = await popup.evaluate(() => ({
      verdict: document.querySelector('[data-verdict]')?.getAttribute('data-verdict'),
      count: document.querySelector('[data-count]')?.getAttribute('data-count'),
      groups: Array.from(document.querySelectorAll('[data-category]')).map((g) => [g.getAttribute('data-category'), Number(g.querySelector('[data-group-count]')?.getAttribute('data-group-count'))]),
      rows: document.querySelectorAll('[data-finding-id]').length,
      reveal: Array.from(document.querySelectorAll('[data-where="hidden"] button')).some((el) => el.textContent === 'Reveal'),
      missing: document.querySelector('[data-credential="missing"]') !== null,
      facts: document.querySelectorAll('[data-fact]').length,
    }));
    expect(view.verdict).toBe(report!.result.verdict);
    expect(view.count).toBe(String(total));
    expect(await badgeText(b, tabId)).toBe(view.count);
    expect(view.rows).toBe(report!.findings.length);
    const grouped = Object.fromEntries(view.groups);
    expect(grouped.opioid).toBe(report!.findings.filter((f) => f.finding.category === 'opioid').length);
    expect(view.groups.reduce((n, [, c]) => n + (c as number), 0)).toBe(view.rows);
    expect(view.reveal).toBe(true);
    expect(view.missing).toBe(report!.result.missingCredential);
    expect(view.facts).toBe(5);
    await popup.screenshot('panel', { fullPage: true });
  });

  it('steps through the findings on the page with the Next and Previous buttons', async () => {
    await popup.click('[data-action="next"]');
    const first = await popup.waitFor(() => document.querySelector('[data-position]')?.getAttribute('data-position'));
    expect(first).toMatch(/^1\/\d+$/);
    await popup.click('[data-action="next"]');
    await popup.waitFor(() => document.querySelector('[data-position]')?.getAttribute('data-position')?.startsWith('2/'));
    // The first finding in document order is the JSON-LD one (in <head>); the second is on screen: focus-painted.
    const focused = await page.waitFor(async () => true).then(() => focusedTexts(page));
    const { report } = await tabState(b, tabId);
    const selectedId = await popup.evaluate(() => document.querySelector('[aria-selected="true"]')?.getAttribute('data-finding-id'));
    const selected = report!.findings.find((f) => f.id === selectedId)!;
    if (selected.painted) expect(focused.join('')).toBe(selected.finding.matched);
    else expect(focused).toEqual([]);
    await popup.click('[data-action="previous"]');
    await popup.waitFor(() => document.querySelector('[data-position]')?.getAttribute('data-position')?.startsWith('1/'));
  });

  it('triages by keyboard and keeps tallies per rule', async () => {
    await popup.evaluate(() => (document.querySelector('main') as HTMLElement).focus());
    await popup.press('j');
    const id = await popup.waitFor(() => document.querySelector('[aria-selected="true"]')?.getAttribute('data-finding-id'));
    const { report } = await tabState(b, tabId);
    const finding = report!.findings.find((f) => f.id === id)!;
    const rule = finding.finding.ruleId;
    const before = (await tabState(b, tabId)).tallies[rule] ?? { confirm: 0, 'false-positive': 0, escalate: 0 };
    await popup.press('c');
    await popup.waitFor((fid) => document.querySelector(`[data-finding-id="${fid}"] [data-triage="confirm"]`)?.getAttribute('aria-pressed') === 'true', id);
    let state = await tabState(b, tabId);
    expect(state.decisions[finding.key]).toBe('confirm');
    expect(state.tallies[rule]!.confirm).toBe(before.confirm + 1);
    await popup.press('f');
    await popup.waitFor((fid) => document.querySelector(`[data-finding-id="${fid}"] [data-triage="false-positive"]`)?.getAttribute('aria-pressed') === 'true', id);
    state = await tabState(b, tabId);
    expect(state.tallies[rule]).toMatchObject({ confirm: before.confirm, 'false-positive': before['false-positive'] + 1 });
    await popup.press('u');
    await popup.waitFor((fid) => document.querySelector(`[data-finding-id="${fid}"] [aria-pressed="true"]`) === null, id);
    state = await tabState(b, tabId);
    expect(state.decisions[finding.key]).toBeUndefined();
    expect(state.tallies[rule]).toEqual(before);
  });

  it('reveals a hidden finding in a closed shadow root the page cannot read, then removes it', async () => {
    const { report } = await tabState(b, tabId);
    const hidden = report!.findings.find((f) => f.finding.where === 'hidden')!;
    await popup.click(`[data-finding-id="${hidden.id}"] button`);
    const seen = await page.waitFor(() => {
      const found = Array.from(document.documentElement.children)
        .filter((el) => el.localName.startsWith('x-h'))
        .map((el) => ({ attrs: el.getAttributeNames(), open: el.shadowRoot !== null }));
      return found.length ? found : null;
    });
    for (const host of seen ?? []) {
      expect(host.attrs).toEqual([]);
      expect(host.open).toBe(false);
    }
    // Gone by itself after a few seconds.
    await page.waitFor(() => !Array.from(document.documentElement.children).some((el) => el.localName.startsWith('x-h')), undefined, { timeout: 9000 });
  });

  it('explains a highlight when the pointer rests on it', async () => {
    await page.bringToFront();
    const target = (await readHighlights(page)).flatMap((h) => h.ranges).find((r) => r.text === '0xyc0d0ne')!;
    const mouse = (page.raw as { mouse: { move(x: number, y: number): Promise<void> } }).mouse;
    await mouse.move(target.rect.x + target.rect.width / 2, target.rect.y + target.rect.height / 2);
    const inPage = () => Array.from(document.documentElement.children).some((el) => el.localName.startsWith('x-h'));
    await page.waitFor(inPage);
    await page.screenshot('hover-explanation');
    await mouse.move(5, 5);
    await page.waitFor(() => !Array.from(document.documentElement.children).some((el) => el.localName.startsWith('x-h')));
  });
});
