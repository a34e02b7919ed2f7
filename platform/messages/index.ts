/**
 * Sending and receiving the contract's messages (platform/messages/contract.ts). The
 * only module that calls runtime/tabs messaging; every received message is parsed first.
 */
import { browser } from 'wxt/browser';
import { ContentMessage, FocusAnswer, InpageCommand, PanelEvent, PanelMessage, TabState } from './contract.ts';
import type { FocusAnswer as FocusAnswerT, TabState as TabStateT } from './contract.ts';

/** Content script → background. */
export async function sendFromContent(message: ContentMessage): Promise<unknown> {
  return browser.runtime.sendMessage(ContentMessage.parse(message));
}

/** Background or panel → a tab's content script. Resolves null when no content script answers. */
export async function sendCommand(tabId: number, command: InpageCommand): Promise<unknown> {
  try {
    return await browser.tabs.sendMessage(tabId, InpageCommand.parse(command), { frameId: 0 });
  } catch {
    return null;
  }
}

export async function focusFinding(tabId: number, target: string): Promise<FocusAnswerT | null> {
  const answer = FocusAnswer.safeParse(await sendCommand(tabId, { kind: 'inpage/focus', target }));
  return answer.success ? answer.data : null;
}

/** Content script: handles commands from the extension (only the extension can message a content script). */
export function onCommand(handler: (command: InpageCommand) => Promise<unknown> | unknown): () => void {
  const listener = (message: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const parsed = InpageCommand.safeParse(message);
    if (!parsed.success) return undefined;
    return Promise.resolve(handler(parsed.data));
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** Panel → background. */
export async function sendFromPanel(message: PanelMessage): Promise<unknown> {
  return browser.runtime.sendMessage(PanelMessage.parse(message));
}

export async function fetchTabState(tabId: number): Promise<TabStateT | null> {
  const state = TabState.safeParse(await sendFromPanel({ kind: 'panel/state', tabId }));
  return state.success ? state.data : null;
}

/** Background → panels: a tab's state changed. Nobody listening is fine. */
export async function notifyPanels(tabId: number): Promise<void> {
  await browser.runtime.sendMessage(PanelEvent.parse({ kind: 'panel/updated', tabId })).catch(() => undefined);
}

/** Panel: calls back when the background says this tab changed. */
export function onPanelEvent(handler: (tabId: number) => void): () => void {
  const listener = (message: unknown, sender: { id?: string; tab?: unknown }) => {
    if (sender.id !== browser.runtime.id || sender.tab) return undefined;
    const parsed = PanelEvent.safeParse(message);
    if (parsed.success) handler(parsed.data.tabId);
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
