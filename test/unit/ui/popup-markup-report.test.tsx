// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import browser from 'webextension-polyfill';
import { AdapterWarning, copyMarkupReport } from '../../../src/popup/adapter-warning.tsx';
import type { BrowserMock } from './browser-mock.ts';
import { useEnglish } from './setup.ts';

vi.mock('webextension-polyfill', async () => {
  const { createBrowserMock } = await import('./browser-mock.ts');
  return { default: createBrowserMock() };
});
const mock = browser as unknown as BrowserMock;

const record = (status: { ok: boolean; missing: string[]; locked?: boolean }) => ({
  tabId: 7,
  at: 1,
  status: { variant: 'shadow' as const, url: 'https://x.com/i/chat', ...status },
});

beforeEach(() => {
  useEnglish();
  mock.tabs.query.mockResolvedValue([{ id: 7, url: 'https://x.com/i/chat' }]);
});
afterEach(() => {
  cleanup();
  mock.runtime.sendMessage.mockReset();
  mock.tabs.sendMessage.mockReset();
});

describe('the popup when X Chat is locked (item 6)', () => {
  it('asks for the passcode, and does not say that X changed its page', async () => {
    mock.runtime.sendMessage.mockResolvedValue([record({ ok: false, missing: [], locked: true })]);
    render(<AdapterWarning />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/X Chat is locked: enter your passcode/);
    expect(alert.textContent).not.toMatch(/changed/);
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('copying a markup report (from the field)', () => {
  it('is offered when the self-check failed, and copies what the X tab answers', async () => {
    mock.runtime.sendMessage.mockResolvedValue([record({ ok: false, missing: ['composer'] })]);
    mock.tabs.sendMessage.mockResolvedValue({ ok: true, report: '<!-- Away for X markup report v1 -->' });
    const writeText = vi.fn(async (_text: string) => {});
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    render(<AdapterWarning />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/X changed its page/);
    fireEvent.click(screen.getByRole('button', { name: 'Copy a markup report' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/no names, handles, messages or ids/);
    expect(writeText).toHaveBeenCalledWith('<!-- Away for X markup report v1 -->');
    expect(mock.tabs.sendMessage).toHaveBeenCalledWith(7, { type: 'getMarkupReport', payload: {} });
    vi.unstubAllGlobals();
  });

  it('says why when the X tab does not answer, or the clipboard refuses', async () => {
    mock.tabs.sendMessage.mockRejectedValue(new Error('Receiving end does not exist'));
    expect(await copyMarkupReport(async () => {})).toMatch(/could not be made/);
    mock.tabs.sendMessage.mockResolvedValue({ ok: true, report: 'x' });
    expect(
      await copyMarkupReport(async () => {
        throw new Error('Document is not focused');
      }),
    ).toMatch(/could not be made: Document is not focused/);
    expect(await copyMarkupReport(async () => {})).toBeNull();
  });
});

describe('a reply that gave up waiting for the user (item 9)', () => {
  it('says why in the log the popup shows, not "no tab"', async () => {
    const { reasonText } = await import('../../../src/ui/words.ts');
    expect(reasonText('expiredUserBusy')).toMatch(/you were using the X tab/);
    expect(reasonText('expired')).toMatch(/no open X chat tab/);
  });
});
