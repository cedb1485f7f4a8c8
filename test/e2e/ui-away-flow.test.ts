import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activity,
  awayReplyPattern,
  firstName,
  pause,
  people,
  sentIn,
  threadWith,
  until,
} from './sending-helpers.ts';
import { freshSession, QUICK_TIMING } from './sending-session.ts';
import { closedAfter } from './support/closed-after.ts';
import type { Session, SessionPage } from './support/session.ts';
import { badgeTitleIs, popupSays, tabUntil } from './ui-pages.ts';

// The cockpit driving the real thing in Chromium: the popup's switch, used from the keyboard, turns
// automation off and on, the toolbar button follows, and a DM gets answered; then, in suggest mode, the
// popup offers the prepared reply for the conversation open in X.

const POPUP = 'src/popup/index.html';
const [ALICE, BOB, CAROL] = people(3);
const ALICE_THREAD = threadWith(ALICE!);
const BOB_THREAD = threadWith(BOB!);
const CAROL_THREAD = threadWith(CAROL!);

let s: Session;
const keep = closedAfter<Session>(afterAll);

beforeAll(async () => {
  // Short delay bounds, no minimum gap, auto mode accepted: written as the options page would, and away
  // switched on through the worker, as the popup does.
  s = await freshSession(keep, { people: [ALICE!, BOB!, CAROL!], setup: { mode: 'auto', ...QUICK_TIMING } });
});

const switchFocused = () => document.activeElement?.getAttribute('role') === 'switch';
const switchIs = (popup: SessionPage, checked: 'true' | 'false') =>
  popup.waitFor(
    (want) => document.querySelector('[role="switch"]')?.getAttribute('aria-checked') === want,
    checked,
  );

/** The log entries of one kind for one thread, once there is at least one. */
const logged = (kind: string, thread: string) => async () => {
  const entries = (await activity(s)).filter((entry) => entry.kind === kind && entry.threadId === thread);
  return entries.length > 0 && entries;
};

describe('the popup in front of the running extension', () => {
  it('switches away off and on from the keyboard, the badge follows, and only a DM sent while away is answered', async () => {
    const popup = await s.extensionPage(POPUP);
    await popup.waitFor(() => document.querySelector('[role="switch"]') !== null, undefined, 10_000);
    await switchIs(popup, 'true');
    await badgeTitleIs(popup, 'Away for X — Away');

    await tabUntil(popup, switchFocused, 'the away switch');
    await popup.press('Space');
    await switchIs(popup, 'false');
    await badgeTitleIs(popup, 'Away for X — Not away');

    // Away off means nothing automatic happens (invariant 6): this DM is only logged.
    await s.fakeX.receive({ thread: BOB_THREAD, text: 'Are you there?' });
    const [skipped] = await until('the DM to be logged as skipped', logged('skipped', BOB_THREAD));
    expect(skipped!.reason).toBe('awayOff');

    expect(await popup.evaluate(switchFocused, undefined)).toBe(true);
    await popup.press('Space');
    await switchIs(popup, 'true');
    await badgeTitleIs(popup, 'Away for X — Away');
    // The popup closes when the user goes back to X.
    await popup.close();

    await s.fakeX.receive({ thread: ALICE_THREAD, text: 'Hello, are you around this week?' });
    const [reply] = await until('the reply to be sent', async () => {
      const sent = await sentIn(s, ALICE_THREAD);
      return sent.some((message) => message.status === 'sent') && sent;
    });
    expect(reply!.text).toMatch(awayReplyPattern(firstName(ALICE!)));
    await pause(1500);
    expect((await s.fakeX.sent()).map((message) => message.thread)).toEqual([ALICE_THREAD]);
  });

  it('in suggest mode, shows the reply prepared for the open conversation and inserts it without sending', async () => {
    // Unticking the acknowledgement on the options page puts every rule back to suggesting.
    const options = await s.extensionPage('src/options/index.html#autoSend');
    await tabUntil(
      options,
      () =>
        document.activeElement?.closest('.check')?.textContent?.includes('I understand the risk') === true,
      'the auto-send acknowledgement',
    );
    await options.press('Space');
    // Like every section, the change waits for Save.
    await tabUntil(options, () => document.activeElement?.textContent === 'Save', 'the Save button');
    await options.press('Enter');
    await popupSays(options, 'Saved.');
    await options.close();

    await s.fakeX.open(CAROL_THREAD);
    await s.fakeX.receive({ thread: CAROL_THREAD, text: 'Can we talk tomorrow?' });
    await until('the suggestion to be stored', logged('suggested', CAROL_THREAD));

    const popup = await s.extensionPage(POPUP);
    await popupSays(popup, 'Suggested reply');
    const suggestion = await popup.evaluate(
      () => document.querySelector('[aria-labelledby="suggestion-title"] .quote')?.textContent ?? '',
      undefined,
    );
    expect(suggestion).toMatch(awayReplyPattern(firstName(CAROL!)));
    await badgeTitleIs(popup, 'Away for X — Away — 1 waiting');

    await tabUntil(popup, () => document.activeElement?.textContent === 'Insert', 'the Insert button');
    await popup.press('Enter');
    await popupSays(popup, 'Inserted in X: check it and press Send.');
    expect(await s.fakeX.composerState()).toBe(suggestion);
    await pause(1000);
    expect(await sentIn(s, CAROL_THREAD)).toEqual([]);
    expect(s.externalRequests()).toEqual([]);
    await popup.close();
  });
});
