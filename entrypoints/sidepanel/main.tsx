/**
 * The side panel (Chromium) / sidebar (Firefox): the same findings panel as the popup,
 * staying open beside the page and following the active tab of its window.
 */
import { createRoot } from 'react-dom/client';
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { Panel } from '../../components/panel/Panel.tsx';
import '../../components/panel/panel.css';
import { browserLanguage, resolveLocale, setLocale } from '../../platform/i18n.ts';
import { loadEffectiveSettings } from '../../platform/settings/store.ts';

function useActiveTab(): number | null {
  const [tabId, setTabId] = useState<number | null>(null);
  useEffect(() => {
    const read = () => void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => setTabId(tab?.id ?? null));
    read();
    const onActivated = (info: { tabId: number }) => setTabId(info.tabId);
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, []);
  return tabId;
}

function SidePanel() {
  return <Panel tabId={useActiveTab()} />;
}

/** The reviewer's language setting ("auto" follows the browser) before the first render. */
async function start(): Promise<void> {
  try {
    const { settings } = await loadEffectiveSettings();
    setLocale(resolveLocale(settings.locale, browserLanguage()));
  } catch {
    // Unreadable settings: the browser's language stands.
  }
  const root = document.getElementById('root');
  if (root) createRoot(root).render(<SidePanel />);
}

void start();
