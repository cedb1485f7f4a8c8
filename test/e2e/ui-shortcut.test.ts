import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, type Session } from './support/session.ts';

// A browser-level shortcut cannot be pressed from a headless driver (the browser, not the page, handles
// it), so its handler is covered by test/unit/background/away-switch.test.ts; this proves Chromium
// registered it with the key users are told about. (Alt+Shift+A, the first choice, is Chromium's own
// "focus inactive dialogs" key, so Chromium silently left the command without a shortcut.)

let s: Session;

beforeAll(async () => {
  s = await openSession({ browser: 'chromium' });
});

afterAll(async () => {
  await s?.close();
});

describe('the toggle-away shortcut', () => {
  it('is registered with the browser as Alt+Shift+Y, with its description', async () => {
    const page = await s.extensionPage('src/popup/index.html');
    const commands = (await page.evaluate(
      () =>
        (
          globalThis as unknown as { chrome: { commands: { getAll(): Promise<unknown> } } }
        ).chrome.commands.getAll(),
      undefined,
    )) as Array<{ name: string; shortcut: string; description: string }>;
    const toggle = commands.find((command) => command.name === 'toggle-away');
    expect(toggle?.shortcut).toBe('Alt+Shift+Y');
    expect(toggle?.description).toMatch(/away/i);
  });
});
