// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import browser from 'webextension-polyfill';
import { AdapterWarning, copyMarkupReport } from '../../../src/popup/adapter-warning.tsx';
import type { BrowserMock } from '../support/browser-mock.ts';
import { useEnglish } from '../support/ui-setup.ts';

vi.mock('webextension-polyfill', async () => {
  const { createBrowserMock } = await import('../support/browser-mock.ts');
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
    const markup =
      '<div data-testid="xchatEmbedRoute"><template data-afx-shadow-root><div data-testid="dm-inbox-panel"><span>Alice Martin</span></div></template></div>';
    mock.tabs.sendMessage.mockResolvedValue({
      ok: true,
      markup,
      url: 'https://x.com/i/chat/1000-2000',
      check: { ok: false, missing: ['composer'] },
    });
    const writeText = vi.fn(async (_text: string) => {});
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    render(<AdapterWarning />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/X changed its page/);
    fireEvent.click(screen.getByRole('button', { name: 'Copy a markup report' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/no names, handles, messages or ids/);
    // Made in the popup from the tab's markup: the structure stays, the name does not.
    const report = writeText.mock.calls[0]?.[0] ?? '';
    expect(report).toMatch(/^<!-- Away for X markup report v1 -->/u);
    expect(report).toContain('<!-- self-check: missing composer -->');
    expect(report).toContain('<!-- url: https://x.com/i/chat/1000001-1000002 -->');
    expect(report).toContain('data-testid="dm-inbox-panel"');
    expect(report).not.toContain('Alice');
    expect(mock.tabs.sendMessage).toHaveBeenCalledWith(7, { type: 'getChatMarkup', payload: {} });
    vi.unstubAllGlobals();
  });

  it('says why when the X tab does not answer, or the clipboard refuses', async () => {
    mock.tabs.sendMessage.mockRejectedValue(new Error('Receiving end does not exist'));
    expect(await copyMarkupReport(async () => {})).toMatch(/could not be made/);
    mock.tabs.sendMessage.mockResolvedValue({
      ok: true,
      markup: '',
      url: 'https://x.com/i/chat',
      check: { ok: false, missing: [] },
    });
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
