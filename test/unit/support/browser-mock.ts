import { vi } from 'vitest';
import en from '../../../public/_locales/en/messages.json';

/**
 * A stand-in for webextension-polyfill in component tests: i18n answers from the English bundle (like a
 * browser in English), messaging and tabs are spies each test programs.
 */
type Bundle = Record<string, { message: string }>;

export function i18nFrom(bundle: Bundle) {
  return {
    getMessage: vi.fn((key: string, subs?: string | string[]) => {
      const entry = bundle[key];
      if (!entry) return '';
      const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
      return entry.message.replace(/\$([1-9])/g, (_, d: string) => list[Number(d) - 1] ?? '');
    }),
    getUILanguage: vi.fn(() => 'en-US'),
  };
}

export function createBrowserMock() {
  return {
    runtime: {
      id: 'test-extension-id',
      sendMessage: vi.fn(async (_message: unknown): Promise<unknown> => undefined),
      getURL: vi.fn((path: string) => `chrome-extension://test-extension-id/${path.replace(/^\//, '')}`),
      openOptionsPage: vi.fn(async () => undefined),
    },
    tabs: {
      query: vi.fn(
        async (_query: unknown): Promise<Array<{ id?: number; url?: string; lastAccessed?: number }>> => [],
      ),
      /** The tab an extension page runs in; undefined in the toolbar popup. */
      getCurrent: vi.fn(async (): Promise<{ id?: number } | undefined> => undefined),
      sendMessage: vi.fn(async (_tabId: number, _message: unknown): Promise<unknown> => undefined),
    },
    i18n: i18nFrom(en as Bundle),
    storage: {
      local: { clear: vi.fn(async (): Promise<void> => undefined) },
    },
  };
}

export type BrowserMock = ReturnType<typeof createBrowserMock>;
