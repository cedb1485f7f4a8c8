import { afterEach, describe, expect, it, vi } from 'vitest';
import en from '../../../public/_locales/en/messages.json' with { type: 'json' };
import fr from '../../../public/_locales/fr/messages.json' with { type: 'json' };
import { chosenLanguageText } from '../../../src/background/worker-texts.ts';
import { type MessageBundle, setBundle } from '../../../src/shared/i18n.ts';

// The worker's browser.i18n: the one Chromium sometimes hands out, answering "" for every key.
const silentI18n = vi.hoisted(() => ({
  getMessage: vi.fn((_key: string, _subs?: string[]) => ''),
  getUILanguage: () => 'en-US',
}));
vi.mock('webextension-polyfill', () => ({ default: { i18n: silentI18n } }));

afterEach(() => setBundle('en', {}));

const files: Record<string, MessageBundle> = { en, fr };

describe('the worker’s own texts', () => {
  it('come from the messages file even when browser.i18n answers nothing', async () => {
    const load = vi.fn(async (which: string) => files[which] ?? {});
    const text = chosenLanguageText(async () => ({ uiLocale: 'auto' }), load);
    expect(await text('urgentNoticeVip', ['Ann (@ann)'])).toBe('Ann (@ann), one of your VIPs, wrote to you');
    expect(load).toHaveBeenCalledWith('en');
  });

  it('are in the language the person chose, as the badge and the bar are', async () => {
    const load = vi.fn(async (which: string) => files[which] ?? {});
    const text = chosenLanguageText(async () => ({ uiLocale: 'fr' }), load);
    const expected = (fr as Record<string, { message: string }>).urgentNoticeVip?.message.replace(
      '$1',
      'Ann',
    );
    expect(await text('urgentNoticeVip', ['Ann'])).toBe(expected);
    expect(expected).not.toBe(en.urgentNoticeVip.message.replace('$1', 'Ann'));
  });
});
