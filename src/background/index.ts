import browser, { type Runtime } from 'webextension-polyfill';
import { MessageRouter } from '../messaging/router.ts';
import { sendToTab } from '../messaging/send.ts';
import { barStateChanged } from '../messaging/suggestion-bar.ts';
import { uiEnv } from '../shared/db.ts';
import { type AwayDb, openDb } from '../storage/db.ts';
import { CHAT_URL_PATTERNS } from './chat-tab.ts';
import { registerCockpit } from './cockpit.ts';
import { AdapterStatusStore, memoryArea, registerDetection } from './detection.ts';
import { registerRetention } from './retention.ts';
import { registerSending } from './sending.ts';
import { onOwnMessage, registerStepAside } from './step-aside.ts';
import { registerSuggestionBar } from './suggestion-bar.ts';
import { registerUrgentAlerts } from './urgent-open.ts';
import { registerWelcome } from './welcome-on-install.ts';

// Listeners are registered synchronously at top level so a woken worker receives the event that woke it.
const router = new MessageRouter(browser.runtime.id);
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
  router.dispatch(message, sender),
);

// Dexie opens lazily on the first query, so creating the handle here costs nothing at wake-up.
let db: AwayDb | undefined;
const getDb = (): AwayDb => {
  db ??= openDb();
  return db;
};
// storage.session survives worker restarts but not the browser; older browsers lack it.
const statuses = new AdapterStatusStore(browser.storage.session ?? memoryArea(), Date.now);
// Its notification-click listener, too, must be added at top level.
const alerts = registerUrgentAlerts({ db: getDb });
const sending = registerSending(router, { db: getDb, statuses, alerts });
const stepAside = { db: getDb, now: Date.now, wake: sending.wake };
registerStepAside(router, stepAside);
registerDetection(router, {
  db: getDb,
  statuses,
  onNewDm: sending.onNewDm,
  onOwnMessage: (own) =>
    onOwnMessage(stepAside, own).catch((error: unknown) =>
      console.error('Away for X: handling my own message failed', error),
    ),
  // Pages report DMs on a port (see DETECTION_PORT); its listener too must be registered right here.
  ports: { onConnect: browser.runtime.onConnect, ownId: browser.runtime.id },
});
browser.tabs.onRemoved.addListener((tabId) => {
  void statuses.drop(tabId);
});
registerCockpit(router, { db: getDb, statuses });
// Detected DMs and the records about them are kept 90 days (storage/retention.ts).
registerRetention({ db: getDb, now: Date.now, alarms: browser.alarms });
// The suggestion bar in X's page asks here for what it shows; X tabs hear when that changes.
registerSuggestionBar(router, {
  db: getDb,
  env: uiEnv,
  now: Date.now,
  notifyTabs: async () => {
    const tabs = await browser.tabs.query({ url: CHAT_URL_PATTERNS });
    await Promise.all(
      tabs.map((tab) =>
        tab.id === undefined
          ? undefined
          : // A tab whose content script is not there (yet) has no bar to update.
            sendToTab(tab.id, barStateChanged, {}).catch(() => undefined),
      ),
    );
  },
});
// A new install opens the welcome page (updates do not).
registerWelcome(browser.runtime, browser.tabs);
