import type { FakeXConfig, Person } from '../fixtures/fake-x/src/api.ts';
import { configure, type SendingSetup, seedWith } from './sending-helpers.ts';
import type { BrowserName } from './support/paths.ts';
import { openSession, type Session } from './support/session.ts';

/** Short delay bounds and no minimum gap: a reply within about a second of its DM. */
export const QUICK_TIMING = { minDelayMs: 300, maxDelayMs: 1200, minGapMs: 0 };

export interface FreshSessionOptions {
  /** Default Chromium. */
  browser?: BrowserName;
  /** The people the account talked with before: one 1:1 thread each, with an old message. */
  people: Person[];
  setup: SendingSetup;
  config?: Partial<Omit<FakeXConfig, 'variant' | 'seed'>>;
}

/**
 * The set-up of most sending and cockpit tests: a session on a fresh account, the extension configured as
 * its pages would (`configure`), away on and an X tab's self-check passed. `keep` (see `closedAfter`) owns
 * the session from the moment it is open, so a failed set-up still closes it.
 */
export async function freshSession(
  keep: (session: Session) => Session,
  options: FreshSessionOptions,
): Promise<Session> {
  const session = keep(
    await openSession({
      browser: options.browser ?? 'chromium',
      state: seedWith(options.people),
      ...(options.config ? { config: options.config } : {}),
    }),
  );
  await configure(session, options.setup);
  return session;
}
