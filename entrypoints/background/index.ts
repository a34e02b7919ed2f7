/**
 * Background: holds each tab's latest report, paints the badge, inserts the highlight
 * style sheets, injects the inspector on request, and routes the panel's commands.
 *
 * Trust: messages are parsed with the contract's schemas, and the sender decides which
 * schema applies. Content scripts (any sender with a tab whose URL is not an extension
 * page) can only send `inpage/*` kinds, each about their own tab and top frame; only
 * extension pages (popup, side panel) reach the `panel/*` handlers.
 */
import { browser } from 'wxt/browser';
import type { Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { extractCredentials } from '../../core/credentials/index.ts';
import { highlightCss } from '../inspector/highlight-style.ts';
import { ContentMessage, HighlightNames, PanelMessage } from '../../platform/messages/contract.ts';
import type { HighlightNames as HighlightNamesT, TabState } from '../../platform/messages/contract.ts';
import { notifyPanels, sendCommand } from '../../platform/messages/index.ts';
import { injectInspector, insertStyles, registerSite, setBadge } from '../../platform/tabs.ts';
import { readTriage, recordDecision } from '../../platform/triage.ts';
import { t } from '../../platform/i18n.ts';
import { originsOf, registerReports } from '../../platform/reports/background.ts';
import { registerSettingsBackground } from '../../platform/settings/background.ts';
import { clearReport, getReport, setReport } from './tab-reports.ts';
import { activeDetection, inspectorSetup, watchDetectionInputs } from './inspector-setup.ts';

type Sender = Browser.runtime.MessageSender;

function extensionBase(): string {
  return browser.runtime.getURL('/');
}

function isExtensionPage(sender: Sender): boolean {
  return sender.id === browser.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(extensionBase());
}

function isContentScript(sender: Sender): boolean {
  return sender.id === browser.runtime.id && typeof sender.tab?.id === 'number' && !isExtensionPage(sender);
}

function inspectable(url: string | undefined): boolean {
  return url === undefined || /^https?:/i.test(url);
}

async function tabState(tabId: number): Promise<TabState> {
  const report = await getReport(tabId);
  let tabUrl: string | undefined;
  try {
    tabUrl = (await browser.tabs.get(tabId)).url;
  } catch {
    tabUrl = undefined;
  }
  if (!report) return { tabId, report: null, decisions: {}, tallies: {}, inspectable: inspectable(tabUrl), url: tabUrl ?? null };
  const { decisions, tallies } = await readTriage(
    report.url,
    report.findings.map((f) => f.key),
    [...new Set(report.findings.map((f) => f.finding.ruleId))],
  );
  return { tabId, report, decisions, tallies, inspectable: true, url: report.url };
}

async function updateBadge(tabId: number): Promise<void> {
  const report = await getReport(tabId);
  if (!report) return setBadge(tabId, null, null, t('common.extensionName'));
  const count = report.findings.length + report.truncated;
  const verdict = report.result.verdict;
  await setBadge(tabId, count === 0 ? null : count, verdict, `${t('common.extensionName')}: ${count} · ${t(`verdict.${verdict}`)}`);
}

async function onContentMessage(message: ContentMessage, sender: Sender): Promise<unknown> {
  const tabId = sender.tab?.id as number;
  switch (message.kind) {
    case 'inpage/report':
      // Only the top frame speaks for the tab.
      if (sender.frameId !== 0) return { ok: false };
      await setReport(tabId, message.report);
      await updateBadge(tabId);
      await notifyPanels(tabId);
      return { ok: true };
    case 'inpage/setup':
      return inspectorSetup(message.url);
    case 'inpage/scan': {
      const { engine } = await activeDetection();
      return engine.scan(message.blocks).matches;
    }
    case 'inpage/credentials':
      return extractCredentials({ blocks: message.blocks, links: message.links, url: message.url, now: new Date() });
    case 'inpage/styles': {
      // The names an earlier inspector in this tab used: after an extension reload or update
      // (Firefox injects the new content script into open tabs) the new one removes the old
      // one's highlights, which outlive the script that made them.
      const previous = await swapHighlightNames(tabId, message.names);
      try {
        const { settings } = await activeDetection();
        await insertStyles(tabId, highlightCss(message.names, settings.appearance));
        return { ok: true, previous };
      } catch {
        // No host permission here (e.g. Facebook Marketplace): the content script adopts the sheet itself.
        return { ok: false, previous };
      }
    }
  }
}

/** Remembers a tab's current highlight names (storage.local: they must survive an extension reload). */
async function swapHighlightNames(tabId: number, names: HighlightNamesT): Promise<string[]> {
  const key = `highlightNames.${tabId}`;
  const stored = (await browser.storage.local.get(key))[key];
  await browser.storage.local.set({ [key]: names });
  const parsed = HighlightNames.safeParse(stored);
  return parsed.success ? Object.values(parsed.data) : [];
}

async function onPanelMessage(message: PanelMessage): Promise<unknown> {
  switch (message.kind) {
    case 'panel/state':
      return tabState(message.tabId);
    case 'panel/inspect':
      await injectInspector(message.tabId);
      return { ok: true };
    case 'panel/triage': {
      const report = await getReport(message.tabId);
      if (!report) throw new Error('no report for this tab');
      await recordDecision(report.url, message.key, message.ruleId, message.decision);
      return tabState(message.tabId);
    }
    case 'panel/always-inspect': {
      const origin = new URL(message.origin).origin;
      if (!/^https?:\/\/[^/]+$/.test(origin)) throw new Error(`not a web origin: ${message.origin}`);
      if (!(await browser.permissions.contains({ origins: [`${origin}/*`] }))) throw new Error('permission not granted');
      await registerSite(origin);
      return { ok: true };
    }
  }
}

async function activeTabId(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

async function inspectTab(tabId: number): Promise<void> {
  const answer = await sendCommand(tabId, { kind: 'inpage/report-now' });
  if (answer === null) await injectInspector(tabId);
}

export default defineBackground(() => {
  // The packs compile on the first page's request, not at start-up: a service worker restarts
  // often, and a second of compiling would hold up every other manager's events each time.
  watchDetectionInputs();
  registerSettingsBackground();
  registerReports({
    scanOf: async (tabId) => {
      const report = await getReport(tabId);
      return report ? { page: report.result, origins: originsOf(report.findings, report.result.packs) } : null;
    },
  });
  browser.runtime.onMessage.addListener((raw: unknown, sender: Sender) => {
    if (isExtensionPage(sender)) {
      const parsed = PanelMessage.safeParse(raw);
      // Not a panel message: another manager's (reports, settings) or malformed; leave it to them.
      if (!parsed.success) return undefined;
      return onPanelMessage(parsed.data);
    }
    if (isContentScript(sender)) {
      const parsed = ContentMessage.safeParse(raw);
      // Anything else from a page is dropped without an answer.
      if (!parsed.success) return undefined;
      return onContentMessage(parsed.data, sender);
    }
    return undefined;
  });

  // A content script's port closes when its page goes (navigation, tab closed) or the
  // extension reloads: the tab's report and badge go with it.
  const ports = new Map<number, Browser.runtime.Port>();
  browser.runtime.onConnect.addListener((port) => {
    const tabId = port.sender?.tab?.id;
    if (port.name !== 'inpage' || typeof tabId !== 'number' || port.sender?.frameId !== 0) return;
    ports.set(tabId, port);
    port.onDisconnect.addListener(() => {
      if (ports.get(tabId) !== port) return;
      ports.delete(tabId);
      void clearReport(tabId).then(() => Promise.all([updateBadge(tabId), notifyPanels(tabId)]));
    });
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void clearReport(tabId);
    void browser.storage.local.remove(`highlightNames.${tabId}`);
  });

  browser.commands?.onCommand.addListener((command) => {
    void (async () => {
      const tabId = await activeTabId();
      if (tabId === null) return;
      if (command === 'next-finding') await sendCommand(tabId, { kind: 'inpage/focus', target: 'next' });
      else if (command === 'previous-finding') await sendCommand(tabId, { kind: 'inpage/focus', target: 'previous' });
      else if (command === 'toggle-highlights') {
        const report = await getReport(tabId);
        await sendCommand(tabId, { kind: 'inpage/highlights', on: !(report?.highlightsOn ?? true) });
      } else if (command === 'inspect-page') await inspectTab(tabId);
    })();
  });

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: 'inspect-page', title: t('common.inspectThisPage'), contexts: ['page', 'selection', 'link', 'image'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === 'inspect-page' && typeof tab?.id === 'number') void inspectTab(tab.id);
  });
});
