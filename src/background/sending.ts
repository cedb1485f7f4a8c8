import { liveQuery } from 'dexie';
import browser from 'webextension-polyfill';
import type { IncomingDm } from '../core/types.ts';
import type { MessageRouter } from '../messaging/router.ts';
import {
  jobFinishedSchema,
  jobPauseSchema,
  jobStartedSchema,
  typerReadySchema,
} from '../messaging/schemas/sending.ts';
import { sendToTab } from '../messaging/send.ts';
import { jobFinished, jobPause, jobStarted, runJob, TYPER_FILE, typerReady } from '../messaging/sending.ts';
import { uiEnv } from '../shared/db.ts';
import { resolveLang } from '../shared/i18n.ts';
import { detectMessageLanguage } from '../shared/language-detection.ts';
import { type AwayDb, DB_NAME, openDb } from '../storage/db.ts';
import { releaseTabLeases } from '../storage/jobs.ts';
import { listRules } from '../storage/rules.ts';
import { ensureSeeded } from '../storage/seed.ts';
import { getSettings } from '../storage/settings.ts';
import { cachedAutoReplyLabels } from './auto-reply-labels.ts';
import { autoArmed, CHAT_URL_PATTERNS, ChatTabKeeper } from './chat-tab.ts';
import { RulesCache } from './decision-state.ts';
import { type AdapterStatusStore, type KeyValueArea, memoryArea } from './detection.ts';
import { dispatchDue } from './dispatcher.ts';
import { JOB_ALARM, JobClock, jobPass } from './job-clock.ts';
import {
  answerFinished,
  answerPause,
  answerStarted,
  answerTyperReady,
  type JobAnswerDeps,
} from './job-messages.ts';
import { decideAndAct, type PipelineDeps, SerialQueue } from './pipeline.ts';
import { RetryStore } from './retries.ts';
import type { TabInfo } from './tab-choice.ts';
import { recoverUndecided } from './undecided.ts';
import { type AlertDeps, notifyUrgent } from './urgent-alerts.ts';

export interface SendingDeps {
  db: () => AwayDb;
  statuses: AdapterStatusStore;
  /** Urgent notifications (urgent-open.ts); none in tests that do not exercise them. */
  alerts?: AlertDeps;
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function chatTabs(): Promise<TabInfo[]> {
  const tabs = await browser.tabs.query({ url: CHAT_URL_PATTERNS });
  return tabs.flatMap((tab) =>
    tab.id === undefined || tab.url === undefined
      ? []
      : [{ id: tab.id, url: tab.url, pinned: tab.pinned, active: tab.active }],
  );
}

/**
 * The worker's side of sending: DMs stored as new go through the decision pipeline (one at a time), jobs
 * are handed to X tabs by the job clock, and tabs report each step here. Every listener is added
 * synchronously on every wake-up; all state lives in the database and extension storage.
 */
export function registerSending(
  router: MessageRouter,
  deps: SendingDeps,
): { onNewDm(dm: IncomingDm): Promise<void>; wake(): void } {
  const session: KeyValueArea = browser.storage.session ?? memoryArea();
  const retries = new RetryStore(browser.storage.local);
  const keeper = new ChatTabKeeper(
    {
      query: async (query) =>
        (await chatTabs()).filter((tab) => query.pinned === undefined || tab.pinned === query.pinned),
      get: async (id) => {
        const tab = await browser.tabs.get(id);
        return { id, url: tab.url ?? '', pinned: tab.pinned, active: tab.active };
      },
      create: (properties) => browser.tabs.create(properties),
    },
    session,
  );
  const rules = new RulesCache();
  // Live queries of the default handle answer from Dexie's query cache, which only learns of writes made
  // through Dexie; this handle always reads the database itself.
  const watchDb = openDb(DB_NAME, { cache: 'disabled' });
  const armedNow = async (db: AwayDb) =>
    autoArmed(await getSettings(db, uiEnv()), await listRules(db), Date.now());
  const queue = new SerialQueue();
  // A new profile gets its starter templates and rule before the first DM is decided.
  const seeded = ensureSeeded(deps.db(), {
    locale: resolveLang('auto', browser.i18n.getUILanguage()),
    timeZone: uiEnv().timeZone,
  }).catch((error: unknown) => console.error('Away for X: seeding failed', error));

  // Bundled files, read from the extension's own package: no network.
  const labels = cachedAutoReplyLabels(async (path) => (await fetch(browser.runtime.getURL(path))).text());
  const pipeline = (): PipelineDeps => ({
    db: deps.db(),
    env: uiEnv(),
    rules,
    retries,
    now: Date.now,
    rng: Math.random,
    newId: () => crypto.randomUUID(),
    autoReplyLabels: labels,
    detectLanguage: detectMessageLanguage,
    changed: () => void clock.wake(),
    ...(deps.alerts ? { alert: notifyUrgent.bind(null, deps.alerts) } : {}),
  });
  const decideQueued = (dm: IncomingDm, retry = false) =>
    queue.run(async () => {
      await seeded;
      await decideAndAct(pipeline(), dm, { retry });
    });

  const retryDue = async () => {
    const now = Date.now();
    for (const retry of await retries.list()) {
      if (retry.retryAt > now) break;
      await retries.remove(retry);
      const dm = await deps.db().incoming.get([retry.threadId, retry.messageId]);
      if (dm) await decideQueued(dm, true);
    }
  };
  const clock: JobClock = new JobClock({
    pass: () =>
      jobPass({
        db: deps.db(),
        now: Date.now,
        work: async () => {
          // Also here, not only in the live query: the worker may have slept through the switch.
          await keeper.follow(await armedNow(deps.db()));
          await retryDue();
          await dispatchDue({
            db: deps.db(),
            env: uiEnv(),
            now: Date.now,
            chatTabs,
            statuses: () => deps.statuses.list(),
            preferredTab: () => keeper.current(),
            runJob: async (tabId, job) => {
              // The typer is not in X pages until a reply is due there (TYPER_FILE); injected again, it does nothing.
              await browser.scripting.executeScript({ target: { tabId }, files: [TYPER_FILE] });
              return sendToTab(tabId, runJob, job);
            },
          });
        },
        retries: () => retries.list(),
      }),
    alarms: browser.alarms,
    setTimer: (callback, ms) => setTimeout(callback, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    now: Date.now,
  });

  const answers: JobAnswerDeps = {
    db: deps.db,
    env: uiEnv,
    now: Date.now,
    delay,
    wake: () => void clock.wake(),
  };
  router
    .on(jobPause, jobPauseSchema, (pause, sender) => answerPause(answers, pause, sender.tab?.id))
    .on(jobStarted, jobStartedSchema, (start, sender) => answerStarted(answers, start, sender.tab?.id))
    .on(jobFinished, jobFinishedSchema, (report, sender) => answerFinished(answers, report, sender.tab?.id))
    .on(typerReady, typerReadySchema, (_payload, sender) => answerTyperReady(answers, sender.tab?.id));

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === JOB_ALARM) void clock.wake();
  });
  // A tab passed (or failed) its self-check: jobs waiting for a usable tab may go now.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'session' && Object.keys(changes).some((key) => key.startsWith('adapterStatus:'))) {
      void clock.wake();
    }
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void releaseTabLeases(deps.db(), tabId).then((count) => (count > 0 ? clock.wake() : undefined));
  });
  // Settings or rules changed (in any page): follow auto mode, and run a pass at once, which cancels the
  // replies the change no longer allows when its writer did not (an import that deny-lists or silences).
  liveQuery(() => armedNow(watchDb)).subscribe({
    next: (armed) => {
      void keeper.follow(armed).catch((error: unknown) => console.error('Away for X: chat tab', error));
      void clock.wake();
    },
    error: (error: unknown) => console.error('Away for X: auto mode watch failed', error),
  });
  void clock.wake();
  // DMs whose decision the previous worker did not get to (it was stopped right after storing them).
  void recoverUndecided({ db: deps.db(), now: Date.now, decide: (dm) => decideQueued(dm) }).catch(
    (error: unknown) => console.error('Away for X: deciding interrupted DMs failed', error),
  );

  return {
    wake: () => void clock.wake(),
    onNewDm: (dm) =>
      decideQueued(dm).catch((error: unknown) => console.error('Away for X: decision failed', error)),
  };
}
