import type { Page } from 'playwright-core';
import type { BenchBrowser } from '../../bench/browser.ts';
import {
  chatTabReadyInPage,
  gotoX,
  openExtensionPage,
  readStore,
} from '../../test/e2e/support/chromium-pages.ts';
import { EXTENSION_DB } from '../../test/e2e/support/read-store.ts';
import { until } from '../../test/e2e/support/until.ts';
import type { FakeXApi, SentRecord } from '../../test/fixtures/fake-x/src/api.ts';
import { type ActivityRow, describe, type Messages } from './activity-words.ts';
import { applyDemoSetup, DEMO_RULE, DEMO_TEMPLATE, enableAutoSend } from './extension-setup.ts';
import { CAST, GROUP_THREAD, nameOf, threadOf } from './people.ts';

type PageWindow = Window & { fakeX: FakeXApi };

export interface StoryOptions {
  /** Multiplies the pauses between contacts: 1 for people watching, less for a test. */
  pace: number;
  messages: Messages;
  log(line: string): void;
}

/** Who writes what, when (seconds after the previous one at pace 1), and what it shows. */
const SCENES = [
  {
    after: 2,
    thread: threadOf(CAST.alice),
    from: CAST.alice.handle,
    text: 'Hi! Hope the trip is going well :)',
    shows: 'a greeting in the open conversation',
  },
  {
    after: 6,
    thread: threadOf(CAST.ben),
    from: CAST.ben.handle,
    text: "Quick question: what's your price for a logo?",
    shows: 'a keyword the "Pricing questions" rule knows',
  },
  {
    after: 6,
    thread: threadOf(CAST.carla),
    from: CAST.carla.handle,
    text: 'stop',
    shows: 'someone asking not to be answered',
  },
  {
    after: 5,
    thread: threadOf(CAST.dan),
    from: CAST.dan.handle,
    text: "Automatic reply: I'm out of office until Monday and will answer when I'm back.",
    shows: "another person's auto-responder",
  },
  {
    after: 5,
    thread: GROUP_THREAD,
    from: CAST.erin.handle,
    text: 'Who brings the tent on Saturday?',
    shows: 'a group conversation',
  },
] as const;

const AUTO_SCENE = {
  thread: threadOf(CAST.farid),
  from: CAST.farid.handle,
  text: 'Hey, are you around tomorrow for a coffee?',
} as const;

/**
 * The demo: away switched on in the popup, a demo rule added in the options page, contacts writing in on
 * their own in suggest mode, then auto mode accepted and one reply typed into X by the extension. Returns
 * every activity entry of the session.
 */
export async function runStory(browser: BenchBrowser, options: StoryOptions): Promise<ActivityRow[]> {
  const { page, context, extensionId } = browser;
  if (!extensionId) throw new Error('The demo needs the extension.');
  const say = (line: string) => options.log(`      ${line}`);
  const extensionPage = (path: string) => openExtensionPage(context, extensionId, path);
  const wait = (seconds: number) => new Promise((r) => setTimeout(r, seconds * 1000 * options.pace));

  await gotoX(page, `/i/chat/${threadOf(CAST.alice)}`);

  options.log('You open the popup and switch Away mode on.');
  const popup = await extensionPage('src/popup/index.html');
  await popup.getByRole('switch').click();
  await popup.waitForFunction(
    () => document.querySelector('[role="switch"]')?.getAttribute('aria-checked') === 'true',
  );
  await popup.close();

  const options$ = await extensionPage('src/options/index.html');
  await options$.evaluate(applyDemoSetup, {
    dbName: EXTENSION_DB,
    timing: { minDelayMs: 2000, maxDelayMs: 5000 },
    rule: DEMO_RULE,
    template: DEMO_TEMPLATE,
  });
  options.log(
    `In the options: a rule "${DEMO_RULE.name}" (words: ${DEMO_RULE.trigger.keywords?.join(', ')}), and replies 2–5 s after a message instead of 30–120 s, for the demo.`,
  );
  await until('the X tab to pass its self-check', () => options$.evaluate(chatTabReadyInPage));
  await options$.close();
  options.log('Suggest mode (the default): the extension prepares replies, you send them yourself.\n');

  const follower = followActivity(browser, extensionId, options);
  for (const scene of SCENES) {
    await wait(scene.after);
    options.log(
      `→ ${nameOf(scene.from)} writes${scene.thread === GROUP_THREAD ? ' in the group "Weekend trip"' : ''}: “${scene.text}”  (${scene.shows})`,
    );
    await receive(page, scene.thread, scene.text, scene.from);
  }
  await until(
    'every message to be handled',
    async () => (await follower.flush()).length >= SCENES.length,
    20_000,
  );

  await wait(3);
  options.log(
    '\nYou accept the automatic-sending warning in the options and let the rules send by themselves (autoSendAcknowledged).',
  );
  const again = await extensionPage('src/options/index.html');
  await again.evaluate(enableAutoSend, EXTENSION_DB);
  await again.close();
  await wait(2);
  options.log(`→ ${nameOf(AUTO_SCENE.from)} writes: “${AUTO_SCENE.text}”`);
  await receive(page, AUTO_SCENE.thread, AUTO_SCENE.text, AUTO_SCENE.from);
  await until(
    `the automatic reply to ${AUTO_SCENE.from} to be sent`,
    async () => (await follower.flush()).some((e) => e.kind === 'sent' && e.threadId === AUTO_SCENE.thread),
    45_000,
  );
  const sent = (await page.evaluate(() => (window as unknown as PageWindow).fakeX.sent())) as SentRecord[];
  const reply = sent.filter((m) => m.thread === AUTO_SCENE.thread);
  say(`X shows it in ${CAST.farid.name}'s conversation, status: ${reply.map((m) => m.status).join(', ')}`);
  return follower.stop();
}

function receive(page: Page, thread: string, text: string, from: string): Promise<string> {
  return page.evaluate(
    ([t, body, author]) =>
      (window as unknown as PageWindow).fakeX.receive({ thread: t, text: body, from: author }),
    [thread, text, from] as const,
  );
}

/** Prints each new activity entry as it appears; `flush` reads now, `stop` returns everything seen. */
function followActivity(browser: BenchBrowser, extensionId: string, options: StoryOptions) {
  const seen = new Map<number, ActivityRow>();
  // Inbox previews of groups show no handle: the extension logs those without one.
  const who = (handle: string) =>
    handle ? nameOf(handle) : (options.messages.activityUnknownContact?.message ?? 'someone');
  let stopped = false;
  const flush = async (): Promise<ActivityRow[]> => {
    const rows = (await readStore(browser.context, extensionId, 'activity')) as ActivityRow[];
    for (const row of rows.sort((a, b) => (a.id ?? 0) - (b.id ?? 0))) {
      if (row.id === undefined || seen.has(row.id)) continue;
      seen.set(row.id, row);
      options.log(`   ${describe(row, options.messages, who)}`);
    }
    return [...seen.values()];
  };
  const loop = async () => {
    while (!stopped) {
      await flush();
      await new Promise((r) => setTimeout(r, 300));
    }
  };
  const running = loop();
  return {
    flush,
    async stop() {
      stopped = true;
      await running;
      return flush();
    },
  };
}
