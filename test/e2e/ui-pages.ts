import { messageWorker, until } from './sending-helpers.ts';
import type { SessionPage } from './support/session.ts';

// Shared by the cockpit's e2e files that run on the session harness (fake X + the built extension).

/** Presses Tab until `focused` (run in the page) is true, the way a keyboard user reaches a control. */
export async function tabUntil(page: SessionPage, focused: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if (await page.evaluate(focused, undefined)) return;
    await page.press('Tab');
  }
  throw new Error(`Tab never reached ${what}`);
}

/** The toolbar button's tooltip, read from an extension page (the action API is open to its pages). */
export function badgeTitle(page: SessionPage): Promise<string> {
  return page.evaluate(() => {
    const g = globalThis as unknown as {
      browser?: { action: { getTitle(details: object): Promise<string> } };
      chrome: { action: { getTitle(details: object): Promise<string> } };
    };
    return (g.browser ?? g.chrome).action.getTitle({});
  }, undefined);
}

export function badgeTitleIs(page: SessionPage, title: string): Promise<string> {
  return until(`the badge title "${title}"`, async () => {
    const now = await badgeTitle(page);
    return now === title && now;
  });
}

/** Waits until some X tab's content script passed its self-check: before that it answers nobody. */
export async function xTabReady(page: SessionPage): Promise<void> {
  await until('an X tab to pass its self-check', async () => {
    const records = (await messageWorker(page, 'getAdapterStatuses', {})) as Array<{
      status: { ok: boolean };
    }>;
    return records.some((record) => record.status.ok);
  });
}

/** The popup's text once it shows `text` (the popup renders after loading its settings and texts). */
export async function popupSays(page: SessionPage, text: string): Promise<void> {
  try {
    await page.waitFor((wanted) => document.body.textContent?.includes(wanted), text, 10_000);
  } catch (error) {
    // What the page showed instead is the first thing needed to understand a failure.
    const shown = await page
      .evaluate(() => document.body.textContent ?? '', undefined)
      .catch(() => '(unreadable)');
    throw new Error(`the page never said "${text}"; it shows:\n${shown.slice(0, 1500)}`, { cause: error });
  }
}
