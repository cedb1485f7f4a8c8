import browser from 'webextension-polyfill';
import { uiEnv } from '../shared/env.ts';
import type { AwayDb } from '../storage/db.ts';
import { getSettings, updateSettings } from '../storage/settings.ts';
import { type AlertDeps, type NotificationsLike, openConversation, UrgentAlertLog } from './urgent-alerts.ts';
import { chosenLanguageText } from './worker-texts.ts';

const PERMISSION = 'notifications';

/**
 * The worker's side of urgent notifications. `notifications` is an optional permission: the API exists
 * only once the user granted it in the options page, so the click listener is added at wake-up when it
 * is there (a click on a notification wakes the worker with that event), and as soon as it is granted.
 * A permission taken back in the browser's settings turns the option off, so nothing is held back for a
 * notification that can no longer be shown.
 */
export function registerUrgentAlerts(deps: { db: () => AwayDb }): AlertDeps {
  const api = (): NotificationsLike | null => browser.notifications ?? null;
  let listening = false;
  const listen = () => {
    const notifications = browser.notifications;
    if (listening || !notifications) return;
    listening = true;
    notifications.onClicked.addListener((id) => {
      void openConversation({ tabs: browser.tabs, windows: browser.windows, notifications }, id).catch(
        (error: unknown) => console.error('Away for X: opening the conversation failed', error),
      );
    });
  };
  listen();
  browser.permissions.onAdded.addListener(listen);
  browser.permissions.onRemoved.addListener((removed) => {
    if (!removed.permissions?.includes(PERMISSION)) return;
    void updateSettings(deps.db(), uiEnv(), (settings) => ({ ...settings, urgentAlerts: false })).catch(
      (error: unknown) => console.error('Away for X: turning urgent notifications off failed', error),
    );
  });
  return {
    log: new UrgentAlertLog(browser.storage.local),
    notifications: api,
    text: chosenLanguageText(() => getSettings(deps.db(), uiEnv())),
    iconUrl: browser.runtime.getURL('icons/icon-128.png'),
  };
}
