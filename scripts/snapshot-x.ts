// `npm run snapshot:x`: saves anonymised structural snapshots of X's live Chat pages into
// test/fixtures/x-snapshots/, where the adapter's tests run over them (their README says the format).
// It opens Chromium with the built extension in the profile `npm run start:x` uses (.profile-x/, where
// you logged in to X), visits the pages below, asks the extension's content script for the chat's markup
// and makes of it, here, the same anonymised markup report the popup copies
// (src/content/x/markup-report.ts): stand-ins replace names, handles, texts and ids. Read a file before
// committing it.
//
//   npm run snapshot:x                        the inbox and the requests
//   npm run snapshot:x -- /i/chat/<id> …      these chat pages too (opening a conversation reads it)
//   npm run snapshot:x -- --fake              the same on the local imitation of X, into .tmp/ (a check
//                                             of this script; never into the fixtures)
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';
import type { ReportCheck } from '../src/content/x/markup-report.ts';
import { chromiumPath } from '../test/e2e/support/browser-paths.ts';
import {
  extensionArgs,
  extensionWorker,
  launchChromiumWithExtension,
} from '../test/e2e/support/chromium-launch.ts';
import { routeRequests } from '../test/e2e/support/chromium-routing.ts';
import { sampleSeed } from '../test/e2e/support/fake-x-seed.ts';
import { extensionDir, ROOT } from '../test/e2e/support/paths.ts';
import { reportInNode } from './markup-report-node.ts';

const args = process.argv.slice(2);
const fake = args.includes('--fake');
const paths = args.filter((arg) => arg.startsWith('/i/chat'));
const pages = paths.length > 0 ? ['/i/chat', '/i/chat/requests', ...paths] : ['/i/chat', '/i/chat/requests'];
const outDir = fake ? join(ROOT, '.tmp', 'x-snapshots') : join(ROOT, 'test/fixtures/x-snapshots');
const label = `${fake ? 'fake' : 'live'}-${new Date().toISOString().slice(0, 10)}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface MarkupAnswer {
  ok: boolean;
  markup?: string;
  url?: string;
  check?: ReportCheck;
}

/** The little of the extension API the worker-side function uses. */
interface ChromeTabs {
  tabs: {
    query(query: object): Promise<{ id?: number; url?: string }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
}

/** Asks the content script of the tab showing `url` for its chat markup, through the extension's worker. */
function askMarkup(worker: Worker, url: string): Promise<MarkupAnswer | null> {
  return worker.evaluate(async (pageUrl) => {
    const api = (globalThis as unknown as { chrome: ChromeTabs }).chrome;
    const tabs = await api.tabs.query({});
    const tab =
      tabs.find((t) => t.url === pageUrl) ?? tabs.find((t) => t.url?.startsWith('https://x.com/i/chat'));
    if (tab?.id === undefined) return null;
    try {
      return (await api.tabs.sendMessage(tab.id, { type: 'getChatMarkup', payload: {} })) as MarkupAnswer;
    } catch {
      return null;
    }
  }, url);
}

function fileFor(report: string): string {
  const kind = /<!-- kind: ([\w-]+) -->/u.exec(report)?.[1] ?? 'other';
  let file = join(outDir, `${kind}--${label}.html`);
  for (let n = 2; existsSync(file); n++) file = join(outDir, `${kind}--${label}-${n}.html`);
  return file;
}

async function capture(context: BrowserContext, worker: Worker): Promise<string[]> {
  const page = context.pages()[0] ?? (await context.newPage());
  const saved: string[] = [];
  for (const path of pages) {
    await page.goto(`https://x.com${path}`, { waitUntil: 'domcontentloaded' });
    // The chat renders late (lazy bundle, shadow root, history): give it time, then take what is there.
    let report = '';
    for (let i = 0; i < 20; i++) {
      await sleep(1000);
      const answer = await askMarkup(worker, page.url());
      report =
        answer?.ok && answer.markup && answer.url
          ? reportInNode(answer.markup, answer.url, answer.check)
          : '';
      if (report.includes('data-dm-') || report.includes('pin-code-input-container')) break;
    }
    if (!report) {
      console.warn(
        `${path}: the extension gave no report (is the page an X chat page, and the build fresh?)`,
      );
      continue;
    }
    const file = fileFor(report);
    writeFileSync(file, report);
    saved.push(file);
    console.log(`${path} → ${file}`);
  }
  return saved;
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  if (fake) {
    const browser = await launchChromiumWithExtension({
      profilePrefix: 'afx-snapshot-',
      prepare: (context) => routeRequests(context, { fakeX: { seed: sampleSeed() } }),
    });
    try {
      await capture(browser.context, browser.worker);
    } finally {
      await browser.close();
    }
    return;
  }
  const profile = join(ROOT, '.profile-x');
  mkdirSync(profile, { recursive: true });
  const dist = extensionDir('chromium');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY,
    args: ['--no-first-run', ...extensionArgs(dist)],
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: { width: 1280, height: 900 },
  });
  try {
    const saved = await capture(context, await extensionWorker(context));
    console.log(
      saved.length > 0
        ? 'Saved. Read each file before committing it: stand-ins replace names, handles, texts and ids.'
        : 'Nothing saved. Log in to X first with "npm run start:x", then run this again.',
    );
  } finally {
    await context.close();
  }
}

await main();
