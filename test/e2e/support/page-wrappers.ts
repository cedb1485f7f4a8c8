import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { remoteFakeX } from './remote-fake-x.ts';
import type { SessionPage } from './session-types.ts';

const X = 'https://x.com';

function absolute(pathOrUrl: string): string {
  return /^[a-z-]+:/.test(pathOrUrl) ? pathOrUrl : `${X}${pathOrUrl}`;
}

async function poll(check: () => Promise<boolean | undefined>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`waitFor: condition still false after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Modifier keys are held while the last key is pressed: "Shift+Enter". */
async function pressChord(
  keys: string,
  down: (k: string) => Promise<void>,
  up: (k: string) => Promise<void>,
  press: (k: string) => Promise<void>,
) {
  const parts = keys.split('+');
  const key = parts.pop() as string;
  for (const modifier of parts) await down(modifier);
  await press(key);
  for (const modifier of parts.reverse()) await up(modifier);
}

export function wrapPlaywright(page: PlaywrightPage): SessionPage {
  // Arguments and results are plain JSON-like data here, so Playwright's handle unboxing does not apply.
  const evaluate = <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) =>
    page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown);
  return {
    evaluate,
    url: async () => page.url(),
    goto: async (p) => {
      await page.goto(absolute(p));
    },
    reload: async () => {
      await page.reload();
    },
    // Playwright's CSS engine pierces open shadow roots by itself.
    click: (selector) => page.locator(selector).first().click(),
    type: (text) => page.keyboard.type(text),
    press: (keys) => page.keyboard.press(keys),
    waitFor: (fn, arg, timeoutMs = 5000) => poll(() => evaluate(fn, arg), timeoutMs),
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
    fakeX: remoteFakeX(evaluate),
  };
}

export function wrapPuppeteer(page: PuppeteerPage): SessionPage {
  const evaluate = <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) =>
    page.evaluate(fn as (arg: unknown) => unknown, arg) as Promise<R>;
  return {
    evaluate,
    // Under WebDriver BiDi Puppeteer keeps reporting about:blank for moz-extension pages: ask the page.
    url: () => evaluate(() => location.href, undefined),
    goto: async (p) => {
      await page.goto(absolute(p));
    },
    reload: async () => {
      await page.reload();
    },
    click: async (selector) => {
      // `>>>` is Puppeteer's deep (shadow-piercing) combinator.
      const handle = await page.waitForSelector(`>>> ${selector}`, { timeout: 5000 });
      if (!handle) throw new Error(`No element matches ${selector}`);
      await handle.click();
    },
    type: (text) => page.keyboard.type(text),
    press: (keys) =>
      pressChord(
        keys,
        (k) => page.keyboard.down(k as never),
        (k) => page.keyboard.up(k as never),
        (k) => page.keyboard.press(k as never),
      ),
    waitFor: (fn, arg, timeoutMs = 5000) => poll(() => evaluate(fn, arg), timeoutMs),
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
    fakeX: remoteFakeX(evaluate),
  };
}
