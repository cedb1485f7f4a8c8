import { createRng } from '../src/core/rng.ts';
import type { Seed, SeedThread } from '../test/fixtures/fake-x/src/api.ts';
import { BENCH } from './config.ts';
import type { PlannedDm } from './latency.ts';

const ME_ID = 1000;
const FIRST_CONTACT_ID = 5000;

/** 1:1 ids are `<low>-<high>`; the fake derives them the same way from the two user ids. */
export function directThreadId(contactIndex: number): string {
  return `${ME_ID}-${FIRST_CONTACT_ID + contactIndex}`;
}

/** The conversation left open during the measurement. */
export const OPEN_THREAD = directThreadId(0);

const WORDS = ['hello', 'are', 'you', 'around', 'tomorrow', 'lunch', 'invoice', 'photos', 'call', 'later'];

/** A busy account: many conversations, and a long history in the one that stays open. */
export function heavySeed(): Seed {
  const random = createRng(BENCH.seed);
  const threads: SeedThread[] = [];
  for (let i = 0; i < BENCH.inboxThreads; i++) {
    const handle = `contact${i}`;
    const history =
      i === 0
        ? Array.from({ length: BENCH.openThreadHistory }, (_, n) => ({
            from: n % 3 === 0 ? 'me' : handle,
            text: sentence(random, 4 + (n % 9)),
            minutesAgo: 600 - n * 10,
          }))
        : [{ from: handle, text: sentence(random, 3 + (i % 7)), minutesAgo: 700 + i }];
    threads.push({ with: [{ id: String(FIRST_CONTACT_ID + i), handle, name: `Contact ${i}` }], history });
  }
  return { threads };
}

export interface TimedDm extends PlannedDm {
  /** Wait before sending this one, ms. */
  delayMs: number;
}

/**
 * The same plan on every run: `count` DMs with jittered gaps averaging `windowMs / count`; one in
 * `inboxEvery` goes to another conversation (so the inbox re-sorts), the rest to the open one.
 */
export function dmPlan(count: number, windowMs: number, label: string): TimedDm[] {
  const random = createRng(BENCH.seed + count);
  const mean = windowMs / count;
  return Array.from({ length: count }, (_, i) => {
    const open = i % BENCH.inboxEvery !== BENCH.inboxEvery - 1;
    const other = 1 + Math.floor(random() * (BENCH.inboxThreads - 1));
    return {
      delayMs: Math.round(mean * (0.4 + 1.2 * random())),
      thread: open ? OPEN_THREAD : directThreadId(other),
      // Unique text: inbox sightings are matched by thread and preview.
      text: `${label} ${i}: ${sentence(random, 3 + (i % 6))}`,
      open,
    };
  });
}

function sentence(random: () => number, words: number): string {
  return Array.from({ length: words }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
}
