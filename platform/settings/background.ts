/**
 * Settings and packs work the background does: schedule each subscription's update
 * check with alarms (one alarm per subscription, named by its URL), check new
 * subscriptions at once, and reschedule whenever settings or policy change.
 * Registered with one line in entrypoints/background.ts.
 */
import { browser } from 'wxt/browser';
import { setLocale, t } from '../i18n.ts';
import { watchUiLocale } from './locale.ts';
import { getUpdateStatuses, runSubscriptionUpdate } from '../packs/store.ts';
import { loadEffectiveSettings, watchSettings } from './store.ts';

const PREFIX = 'pack-update:';

async function reschedule(): Promise<void> {
  const { settings } = await loadEffectiveSettings();
  const wanted = new Map(settings.subscriptions.map((s) => [`${PREFIX}${s.url}`, s]));
  for (const alarm of await browser.alarms.getAll()) {
    if (alarm.name.startsWith(PREFIX) && !wanted.has(alarm.name)) await browser.alarms.clear(alarm.name);
  }
  const statuses = await getUpdateStatuses();
  for (const [name, subscription] of wanted) {
    const existing = await browser.alarms.get(name);
    const period = subscription.intervalHours * 60;
    if (!existing || existing.periodInMinutes !== period) {
      await browser.alarms.create(name, { periodInMinutes: period, delayInMinutes: period });
    }
    // A subscription never checked (just added, or forced by a new policy) is checked now.
    if (!statuses[subscription.url]) await runSubscriptionUpdate(subscription);
  }
}

export function registerSettingsBackground(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (!alarm.name.startsWith(PREFIX)) return;
    const url = alarm.name.slice(PREFIX.length);
    void (async () => {
      const { settings } = await loadEffectiveSettings();
      const subscription = settings.subscriptions.find((s) => s.url === url);
      if (subscription) await runSubscriptionUpdate(subscription);
      else await browser.alarms.clear(alarm.name);
    })();
  });
  watchSettings(() => void reschedule());
  void reschedule();
  // Badge titles and the context menu follow the reviewer's language choice, not only the browser's.
  watchUiLocale((locale) => {
    setLocale(locale);
    browser.contextMenus?.update('inspect-page', { title: t('common.inspectThisPage') }).catch(() => undefined);
  });
}
