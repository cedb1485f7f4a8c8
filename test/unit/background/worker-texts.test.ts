import { afterEach, describe, expect, it, vi } from 'vitest';
import en from '../../../public/_locales/en/messages.json' with { type: 'json' };
import { workerTexts } from '../../../src/background/worker-texts.ts';
import { setBundle } from '../../../src/shared/i18n.ts';

// The worker's browser.i18n: the one Chromium sometimes hands out, answering "" for every key.
const silentI18n = vi.hoisted(() => ({ getMessage: vi.fn((_key: string, _subs?: string[]) => '') }));
vi.mock('webextension-polyfill', () => ({ default: { i18n: silentI18n } }));

afterEach(() => setBundle('en', {}));

describe('the worker’s texts', () => {
  it('reads the messages file when browser.i18n answers nothing, and waits for it before answering', async () => {
    let finish = () => {};
    const load = vi.fn(
      () =>
        new Promise<void>((resolve) => {
          finish = () => {
            setBundle('en', en);
            resolve();
          };
        }),
    );
    const text = workerTexts(() => '', load);
    const title = text('urgentNoticeVip', ['Ann (@ann)']);
    finish();
    expect(await title).toBe('Ann (@ann), one of your VIPs, wrote to you');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('reads no file while browser.i18n answers', async () => {
    const load = vi.fn(async () => undefined);
    silentI18n.getMessage.mockImplementation((key, subs) =>
      key === 'urgentNoticeWord' ? `${subs?.[0]} wrote something urgent` : 'Away for X',
    );
    const text = workerTexts(() => 'Away for X', load);
    expect(await text('urgentNoticeWord', ['Bo'])).toBe('Bo wrote something urgent');
    expect(load).not.toHaveBeenCalled();
  });
});
