import { describe, expect, it, vi } from 'vitest';
import { registerWelcome, WELCOME_PAGE } from '../../../src/background/welcome-on-install.ts';

type Details = { reason: 'install' | 'update' | 'browser_update' | 'chrome_update' | 'shared_module_update' };

function setUp() {
  let listener: ((details: Details) => void) | undefined;
  const create = vi.fn(async (_properties: { url?: string; active?: boolean }) => ({}));
  registerWelcome(
    {
      onInstalled: {
        addListener: (fn: (details: Details) => void) => {
          listener = fn;
        },
      },
      getURL: (path: string) => `chrome-extension://id/${path}`,
    } as unknown as Parameters<typeof registerWelcome>[0],
    { create } as unknown as Parameters<typeof registerWelcome>[1],
  );
  return { fire: (details: Details) => listener?.(details), create };
}

describe('the welcome page on install', () => {
  it('opens once, in an active tab, when the extension is installed', () => {
    const { fire, create } = setUp();
    fire({ reason: 'install' });
    expect(create).toHaveBeenCalledTimes(1);
    expect(create).toHaveBeenCalledWith({ url: `chrome-extension://id/${WELCOME_PAGE}`, active: true });
  });

  it('opens nothing on an update of the extension or of the browser', () => {
    const { fire, create } = setUp();
    for (const reason of ['update', 'browser_update', 'chrome_update', 'shared_module_update'] as const) {
      fire({ reason });
    }
    expect(create).not.toHaveBeenCalled();
  });
});
