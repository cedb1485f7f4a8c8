// `npm start`: the extension at work on the fake X client in a short story. Headed when a display is
// available (the browser stays open until Ctrl+C), headless otherwise (prints the story, saves a
// screenshot, ends by itself). `npm start` builds first through its npm script.
import { mkdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { launchBench } from '../bench/browser.ts';
import { extensionDir } from '../test/e2e/support/paths.ts';
import type { Messages } from './demo/activity-words.ts';
import { demoSeed } from './demo/people.ts';
import { runStory } from './demo/story.ts';

const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const dist = extensionDir('chromium');
const messages = JSON.parse(readFileSync(join(dist, '_locales/en/messages.json'), 'utf8')) as Messages;

console.log(`Away for X demo, ${headed ? 'in a browser window' : 'headless (no display found)'}.\n`);
const browser = await launchBench({
  extension: true,
  config: { seed: demoSeed() },
  initScripts: [],
  headless: !headed,
});
let closing = false;
const close = async (code: number) => {
  if (closing) return;
  closing = true;
  await browser.close();
  process.exit(code);
};
process.on('SIGINT', () => void close(0));

try {
  const entries = await runStory(browser, { pace: 1, messages, log: (line) => console.log(line) });
  const counts = new Map<string, number>();
  for (const entry of entries) counts.set(entry.kind, (counts.get(entry.kind) ?? 0) + 1);
  console.log(`\nDone: ${[...counts].map(([kind, n]) => `${n} ${kind}`).join(', ')}.`);
  if (headed) {
    console.log(
      'The browser stays open: click the extension’s toolbar button to see the popup. Ctrl+C to quit.',
    );
    browser.context.on('close', () => void close(0));
  } else {
    const shots = join(process.cwd(), '.tmp');
    mkdirSync(shots, { recursive: true });
    const file = join(shots, 'demo-final.png');
    await browser.page.screenshot({ path: file });
    console.log(`Final screenshot: ${relative(process.cwd(), file)}`);
    await close(0);
  }
} catch (error) {
  console.error(error);
  await close(1);
}
