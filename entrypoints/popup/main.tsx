import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { useEffect, useState } from 'react';
import { Panel } from '../../components/panel/Panel.tsx';
import '../../components/panel/panel.css';
import { getLocale, setLocale } from '../../platform/i18n.ts';
import { watchUiLocale } from '../../platform/settings/locale.ts';

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

const root = document.getElementById('root');
if (root) {
  const app = createRoot(root);
  let shown = getLocale();
  app.render(<Popup key={shown} />);
  // The reviewer's language choice (options page, or policy) wins over the browser's; only a
  // different language re-renders, so the usual case (same language) never remounts the panel.
  watchUiLocale((locale) => {
    setLocale(locale);
    document.documentElement.lang = locale;
    if (locale === shown) return;
    shown = locale;
    app.render(<Popup key={locale} />);
  });
}
