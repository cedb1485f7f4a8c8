import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BenchBrowser, launchBench } from '../../bench/browser.ts';
import type { ActivityRow, Messages } from '../../scripts/demo/activity-words.ts';
import { CAST, demoSeed, GROUP_THREAD, threadOf } from '../../scripts/demo/people.ts';
import { runStory } from '../../scripts/demo/story.ts';
import { extensionDir } from './support/paths.ts';

// `npm start`'s story, sped up: every contact gets the outcome the demo promises, and the log says why.

let browser: BenchBrowser;
const lines: string[] = [];
let entries: ActivityRow[] = [];
const messages = JSON.parse(
  readFileSync(join(extensionDir('chromium'), '_locales/en/messages.json'), 'utf8'),
) as Messages;

beforeAll(async () => {
  browser = await launchBench({ extension: true, config: { seed: demoSeed() }, initScripts: [] });
  entries = await runStory(browser, { pace: 0.1, messages, log: (line) => lines.push(line) });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

const outcome = (thread: string) =>
  entries.filter((e) => e.threadId === thread).map((e) => [e.kind, e.reason ?? '']);

describe('npm start story', () => {
  it('suggests in suggest mode, with the demo rule for a pricing question', () => {
    expect(outcome(threadOf(CAST.alice))).toEqual([['suggested', '']]);
    expect(outcome(threadOf(CAST.ben))).toEqual([['suggested', '']]);
    expect(entries.find((e) => e.threadId === threadOf(CAST.ben))?.text).toMatch(
      /prices are in the pinned post/,
    );
  });

  it('skips a stop, an auto-responder and a group, and says why in words', () => {
    expect(outcome(threadOf(CAST.carla))).toEqual([['skipped', 'stopWord']]);
    expect(outcome(threadOf(CAST.dan))).toEqual([['skipped', 'looksAutomatic']]);
    expect(outcome(GROUP_THREAD)).toEqual([['skipped', 'groupThread']]);
    for (const key of ['skipReason_stopWord', 'skipReason_looksAutomatic', 'skipReason_groupThread'])
      expect(lines.some((line) => line.includes(messages[key]?.message ?? '?'))).toBe(true);
  });

  it('in auto mode, types and sends one reply in the right conversation', () => {
    expect(outcome(threadOf(CAST.farid))).toEqual([
      ['scheduled', ''],
      ['sent', ''],
    ]);
    expect(lines.some((line) => /autoSendAcknowledged/.test(line))).toBe(true);
  });
});
