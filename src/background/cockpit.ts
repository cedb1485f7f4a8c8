import browser from 'webextension-polyfill';
import type { MessageRouter } from '../messaging/router.ts';
import { uiEnv } from '../shared/db.ts';
import { resolveLang } from '../shared/i18n.ts';
import type { AwayDb } from '../storage/db.ts';
import { followAwayState } from '../storage/digests.ts';
import { ensureSeeded } from '../storage/seed.ts';
import { registerAwaySwitch, toggleAway } from './away-switch.ts';
import { flashBadge } from './badge.ts';
import { createBadgeRefresher, watchStoredFacts } from './badge-state.ts';
import { registerCommands } from './commands.ts';
import type { AdapterStatusStore } from './detection.ts';

const CLOCK_ALARM = 'badge-clock';

async function setClockAlarm(when: { at: number } | { everyMinute: true } | null): Promise<void> {
  const current = await browser.alarms.get(CLOCK_ALARM);
  if (when === null) {
    if (current) await browser.alarms.clear(CLOCK_ALARM);
  } else if ('at' in when) {
    if (current?.scheduledTime !== when.at || current.periodInMinutes) {
      browser.alarms.create(CLOCK_ALARM, { when: Math.max(when.at, Date.now() + 1000) });
    }
  } else if (current?.periodInMinutes !== 1) {
    browser.alarms.create(CLOCK_ALARM, { periodInMinutes: 1 });
  }
}

/**
 * The worker's part of the cockpit: the away switch (message + shortcut) and the toolbar button. Every
 * listener is added synchronously, on every wake-up, so the event that woke the worker is received.
 */
export function registerCockpit(
  router: MessageRouter,
  deps: { db: () => AwayDb; statuses: AdapterStatusStore },
) {
  const refresh = createBadgeRefresher({
    db: deps.db,
    env: uiEnv,
    now: Date.now,
    action: browser.action,
    paused: async () => (await deps.statuses.list()).some((record) => !record.status.ok),
    digest: (away, now, awaySince) => followAwayState(deps.db(), away, now, awaySince),
    setClockAlarm,
  });
  const away = { db: deps.db, env: uiEnv, now: Date.now, refresh: () => refresh() };
  registerAwaySwitch(router, away);
  registerCommands(browser.commands.onCommand, {
    toggle: () => toggleAway(away),
    announce: (on) => flashBadge(browser.action, on, () => refresh()),
  });
  // A new profile gets the default settings, templates and starter rule; a no-op once seeded.
  browser.runtime.onInstalled.addListener(() => {
    const locale = resolveLang('auto', browser.i18n.getUILanguage());
    void ensureSeeded(deps.db(), { ...uiEnv(), locale })
      .then(() => refresh())
      .catch((error: unknown) => console.error('Seeding failed', error));
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === CLOCK_ALARM) void refresh();
  });
  // Adapter statuses live in storage.session, outside the database the live query follows.
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'session') void refresh();
  });
  watchStoredFacts(deps.db, uiEnv, refresh);
}
