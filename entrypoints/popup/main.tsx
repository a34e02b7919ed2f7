import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { useEffect, useState } from 'react';
import { Panel } from '../../components/panel/Panel.tsx';
import '../../components/panel/panel.css';
import { browserLanguage, resolveLocale, setLocale } from '../../platform/i18n.ts';
import { loadEffectiveSettings } from '../../platform/settings/store.ts';

/** The tab the popup is about: `?tabId=` (tests, the side panel) or the active tab. */
function usePanelTab(): number | null {
  const [tabId, setTabId] = useState<number | null>(() => {
    const fromQuery = Number(new URLSearchParams(location.search).get('tabId'));
    return Number.isInteger(fromQuery) && fromQuery > 0 ? fromQuery : null;
  });
  useEffect(() => {
    if (tabId !== null) return;
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => setTabId(tab?.id ?? null));
  }, [tabId]);
  return tabId;
}

function Popup() {
  return <Panel tabId={usePanelTab()} />;
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
  if (root) createRoot(root).render(<Popup />);
}

void start();
