// `npm run store:screenshots [locale…]`: the store screenshots, 1280×800, in every language the built
// extension has texts for, into docs/store/<locale>/screenshot-<n>.png:
//   1. X's chat with a new message, and the popup beside it offering the suggested reply (suggest mode);
//   2. the options page;
//   3. X's chat after the extension typed and sent a reply by itself (automatic mode), with the popup.
// It builds nothing: it loads dist/chrome (npm run build:chrome) into Chromium, on the fake X client of the
// tests (no request leaves the machine). A locale without a messages file in the build is skipped.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../test/e2e/support/chromium-launch.ts';
import {
  chatTabReadyInPage,
  gotoX,
  openExtensionPage,
  readStore,
} from '../test/e2e/support/chromium-pages.ts';
import { routeRequests } from '../test/e2e/support/chromium-routing.ts';
import { ROOT } from '../test/e2e/support/paths.ts';
import { EXTENSION_DB } from '../test/e2e/support/read-store.ts';
import { until } from '../test/e2e/support/until.ts';
import type { FakeXApi } from '../test/fixtures/fake-x/src/api.ts';
import { enableAutoSend } from './demo/extension-setup.ts';
import { pngSize } from './png-size.ts';
import {
  chooseLanguage,
  pinChatTab,
  prepareSettings,
  switchAwayOn,
  tryAMessage,
} from './store/extension-steps.ts';
import { SCENES, type Scene, seedFor, threadId } from './store/scenes.ts';

const DIST = join(ROOT, 'dist/chrome');
const SIZE = { width: 1280, height: 800 };
/** The part of the canvas X's page takes beside the popup. */
const X_WIDTH = 880;
const POPUP = 'src/popup/index.html';
// tsx compiles named inner functions to `__name(fn, "name")`; functions sent into a page carry that call.
const NAME_SHIM = 'globalThis.__name ??= (f) => f;';

type PageWindow = Window & { fakeX: FakeXApi };

async function receive(x: Page, thread: string, text: string, from: string): Promise<void> {
  await x.evaluate(
    ([t, body, author]) =>
      (window as unknown as PageWindow).fakeX.receive({ thread: t, text: body, from: author }),
    [thread, text, from] as const,
  );
}

/** The popup as the toolbar shows it: 360 px wide, as tall as its content (at most what fits the shot). */
async function popupShot(context: BrowserContext, extensionId: string, ready: string): Promise<Buffer> {
  const popup = await openExtensionPage(context, extensionId, POPUP);
  try {
    await popup.setViewportSize({ width: 360, height: 760 });
    await popup.locator(ready).first().waitFor({ timeout: 15_000 });
    // The switch slides for 0.15 s; sections arrive with a second chunk.
    await popup.waitForTimeout(500);
    const height = await popup.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    await popup.setViewportSize({ width: 360, height: Math.min(height, 760) });
    return await popup.screenshot({ animations: 'disabled' });
  } finally {
    await popup.close();
  }
}

/**
 * The X page (880 px of it) and the popup side by side on one 1280×800 canvas, the popup on the toolbar's
 * side (left in right-to-left languages), so it covers nothing of the page.
 */
async function compose(context: BrowserContext, page: Buffer, popup: Buffer, rtl: boolean): Promise<Buffer> {
  const canvas = await context.newPage();
  try {
    await canvas.setViewportSize(SIZE);
    const url = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
    const [pageSide, popupSide] = rtl ? ['right', 'left'] : ['left', 'right'];
    await canvas.setContent(`<body style="margin:0;width:1280px;height:800px;overflow:hidden;position:relative;
      background:#e6ebef">
      <img src="${url(page)}" style="position:absolute;top:0;${pageSide}:0;width:${X_WIDTH}px;height:800px;
        box-shadow:0 0 0 1px rgba(15,20,25,.15)">
      <img src="${url(popup)}" style="position:absolute;top:16px;${popupSide}:20px;width:360px;border-radius:10px;
        box-shadow:0 12px 36px rgba(15,20,25,.28),0 0 0 1px rgba(15,20,25,.12)">
    </body>`);
    await canvas.waitForFunction(() => [...document.images].every((img) => img.complete));
    return await canvas.screenshot();
  } finally {
    await canvas.close();
  }
}

/** X's page as it looks in a window 880 px wide. */
async function xShot(x: Page): Promise<Buffer> {
  await x.bringToFront();
  await x.setViewportSize({ width: X_WIDTH, height: SIZE.height });
  await x.waitForTimeout(300);
  const png = await x.screenshot();
  await x.setViewportSize(SIZE);
  return png;
}

function save(scene: Scene, n: number, png: Buffer): void {
  const { width, height } = pngSize(png);
  if (width !== SIZE.width || height !== SIZE.height) throw new Error(`shot ${n} is ${width}×${height}`);
  const dir = join(ROOT, 'docs/store', scene.locale);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `screenshot-${n}.png`);
  writeFileSync(file, png);
  console.info(`  ${relative(ROOT, file)}`);
}

async function shoot(scene: Scene): Promise<void> {
  const first = threadId(scene.me, scene.first);
  const second = threadId(scene.me, scene.second);
  const rtl = scene.locale === 'ar';
  // Chromium on Linux takes its interface language, which the extension seeds its starter rule and
  // templates in, from the environment; --lang alone does not change it.
  process.env.LANGUAGE = scene.browserLang.replace('-', '_');
  process.env.LANG = `${scene.browserLang.replace('-', '_')}.UTF-8`;
  const launched = await launchChromium({
    dist: DIST,
    profilePrefix: 'afx-store-',
    extraArgs: [`--lang=${scene.browserLang}`],
    proxy: { log: [] },
    async prepare(context) {
      await routeRequests(context, { fakeX: { seed: seedFor(scene), churnPerSecond: 0 } });
      await context.addInitScript({ content: NAME_SHIM });
    },
  });
  try {
    const { context, extensionId, worker } = launched;
    if (!extensionId || !worker) throw new Error('Chromium started without the extension.');
    const ui = await worker.evaluate(() =>
      (
        globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }
      ).chrome.i18n.getUILanguage(),
    );
    if (!ui.toLowerCase().startsWith(scene.browserLang.split('-')[0] ?? '')) {
      throw new Error(
        `Chromium runs in ${ui}, not ${scene.browserLang}: its language packs are missing (Debian: sudo apt-get install chromium-l10n).`,
      );
    }
    const x = context.pages()[0] ?? (await context.newPage());
    await gotoX(x, `/i/chat/${first}`);

    const options = await openExtensionPage(context, extensionId, 'src/options/index.html');
    await options.evaluate(prepareSettings, {
      dbName: EXTENSION_DB,
      myName: scene.me.name,
      myHandle: scene.me.handle,
    });
    if (!(await chooseLanguage(options, scene.locale))) {
      console.info(`${scene.locale}: skipped, the options offer no such interface language yet`);
      return;
    }
    await until('the X tab to pass its self-check', () => options.evaluate(chatTabReadyInPage), 20_000);

    const popup = await openExtensionPage(context, extensionId, POPUP);
    await switchAwayOn(popup);
    await popup.close();

    // 1. A message arrives; in suggest mode the extension prepares the reply and the popup offers it.
    await receive(x, first, scene.firstText, scene.first.handle);
    await until(
      'the suggested reply',
      async () => (await readStore(context, extensionId, 'suggestions')).length > 0,
      20_000,
    );
    const popup1 = await popupShot(context, extensionId, '#suggestion-title');
    save(scene, 1, await compose(context, await xShot(x), popup1, rtl));

    // 2. The options page: "try a message" with the second person's message, else its first section.
    await options.setViewportSize(SIZE);
    const text = { text: scene.secondText, handle: scene.second.handle, name: scene.second.name };
    if (!(await tryAMessage(options, text))) await options.reload();
    await options.waitForTimeout(300);
    save(scene, 2, await options.screenshot());

    // 3. Automatic sending accepted: the next message is answered by the extension itself, in X.
    await options.evaluate(pinChatTab);
    await options.evaluate(enableAutoSend, EXTENSION_DB);
    await receive(x, second, scene.secondText, scene.second.handle);
    await until(
      'the automatic reply',
      async () =>
        (
          (await readStore(context, extensionId, 'activity')) as Array<{ kind: string; threadId?: string }>
        ).some((entry) => entry.kind === 'sent' && entry.threadId === second),
      60_000,
    );
    if (!x.url().endsWith(second)) await gotoX(x, `/i/chat/${second}`);
    await until('the X tab to answer again', () => options.evaluate(chatTabReadyInPage), 20_000);
    const popup3 = await popupShot(context, extensionId, '#thread-title');
    save(scene, 3, await compose(context, await xShot(x), popup3, rtl));
  } finally {
    await launched.close();
  }
}

if (!existsSync(join(DIST, 'manifest.json'))) {
  console.error('dist/chrome is missing: run npm run build:chrome first (this script builds nothing).');
  process.exit(1);
}
const wanted = process.argv.slice(2);
for (const scene of SCENES.filter((s) => wanted.length === 0 || wanted.includes(s.locale))) {
  if (!existsSync(join(DIST, '_locales', scene.locale, 'messages.json'))) {
    console.info(`${scene.locale}: skipped, the build has no _locales/${scene.locale}/messages.json yet`);
    continue;
  }
  console.info(`${scene.locale}:`);
  await shoot(scene);
}
