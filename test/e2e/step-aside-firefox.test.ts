import { afterAll, beforeAll, describe, it } from 'vitest';
import { people } from './sending-helpers.ts';
import { freshSession, QUICK_TIMING } from './sending-session.ts';
import { answeredYourself } from './step-aside-scenario.ts';
import { closedAfter } from './support/closed-after.ts';
import type { Session } from './support/session.ts';

// "You answered yourself" in Firefox (event page, its own IndexedDB and ports), with the firefox-e2e build
// (`npm run build:e2e`) on the fake X: my reply from another device cancels the reply in its grace period.

const [DANA] = people(1, 760);
let s: Session;
const keep = closedAfter<Session>(afterAll);

beforeAll(async () => {
  s = await freshSession(keep, {
    browser: 'firefox',
    people: [DANA!],
    setup: { mode: 'auto', ...QUICK_TIMING, graceMinutes: 5 },
  });
});

describe('step aside when I answer, in Firefox', () => {
  it('my reply from my phone cancels the reply waiting in its grace period, logged "you answered yourself"', async () => {
    await answeredYourself(s, DANA!);
  });
});
