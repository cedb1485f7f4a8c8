import browser from 'webextension-polyfill';
import { threadIdFromUrl, threadUrl } from '../content/x/pages.ts';
import type { AwayDb } from '../storage/db.ts';
import { updateSettings } from '../storage/settings.ts';
import { uiEnv } from '../ui/env.ts';
import { CHAT_URL_PATTERNS } from './chat-tab.ts';
import {
  type AlertDeps,
  type NotificationsLike,
  parseNotificationId,
  UrgentAlertLog,
} from './urgent-alerts.ts';

interface TabLike {
  id?: number;
  url?: string;
  windowId?: number;
}

/** The parts of `browser.tabs` and `browser.windows` a click needs. */
export interface OpenDeps {
  tabs: {
    query(query: { url: string[] }): Promise<TabLike[]>;
    update(tabId: number, properties: { active: true }): Promise<unknown>;
    create(properties: { url: string; active: true }): Promise<unknown>;
  };
  windows: { update(windowId: number, properties: { focused: true }): Promise<unknown> };
  notifications: Pick<NotificationsLike, 'clear'>;
}

/**
 * A click on an urgent notification: the tab already showing that conversation comes to the front (and its
 * window), else the conversation opens in a new tab. Never navigates another X tab away from what it
 * shows: it may be typing a reply. Returns false for a notification that is not ours.
 */
export async function openConversation(deps: OpenDeps, id: string): Promise<boolean> {
  const target = parseNotificationId(id);
  const url = target && threadUrl(target.threadId, target.threadKind);
  if (!target || !url) return false;
  const tabs = await deps.tabs.query({ url: CHAT_URL_PATTERNS });
  const showing = tabs.find(
    (tab) => tab.id !== undefined && tab.url && threadIdFromUrl(tab.url) === target.threadId,
  );
  if (showing?.id !== undefined) {
    await deps.tabs.update(showing.id, { active: true });
    if (showing.windowId !== undefined) await deps.windows.update(showing.windowId, { focused: true });
  } else {
    await deps.tabs.create({ url, active: true });
  }
  await deps.notifications.clear(id);
  return true;
}

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
    text: (key, subs) => browser.i18n.getMessage(key, subs) || key,
    iconUrl: browser.runtime.getURL('icons/icon-128.png'),
  };
}
