// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import browser from 'webextension-polyfill';
import { OpenThreadPanel } from '../../../src/popup/open-thread.tsx';
import { QuickReplies, renderQuickReplies } from '../../../src/popup/quick-replies.tsx';
import { putTemplate } from '../../../src/storage/templates.ts';
import type { BrowserMock } from '../support/browser-mock.ts';
import { freshDb, useEnglish } from '../support/ui-setup.ts';
import { NOW, settings, template, thread } from './thread-fixtures.ts';

vi.mock('webextension-polyfill', async () => {
  const { createBrowserMock } = await import('../support/browser-mock.ts');
  return { default: createBrowserMock() };
});
const mock = browser as unknown as BrowserMock;

const ORDER = template(
  'order',
  'Order status',
  '{Hi|Hello} {first_name}, order {ask:Order number} ships {ask:Date|tomorrow}.',
);

beforeEach(() => {
  useEnglish();
  mock.tabs.query.mockReset();
  mock.tabs.sendMessage.mockReset();
});
afterEach(cleanup);

describe('a quick reply with fields', () => {
  it('shows its fields as [Label] in the list, and fills them with the same variation', () => {
    for (let seed = 0; seed < 6; seed++) {
      const draws = [0.1, 0.9, 0.4, 0.6, 0.2, 0.8];
      const [reply] = renderQuickReplies([ORDER], thread, settings, NOW, () => draws[seed]!);
      const greeting = reply!.text.split(' ')[0];
      expect(reply!.text).toBe(`${greeting} Alice, order [Order number] ships [Date].`);
      expect(reply!.ask?.fields).toEqual([
        { label: 'Order number', defaultValue: null },
        { label: 'Date', defaultValue: 'tomorrow' },
      ]);
      expect(reply!.ask?.fill({ 'Order number': 'A-17', Date: '' })).toBe(
        `${greeting} Alice, order A-17 ships tomorrow.`,
      );
    }
  });

  it('is filled from the keyboard: Enter picks it, the first field has focus, Enter inserts', async () => {
    const picked: string[] = [];
    const replies = renderQuickReplies(
      [ORDER, template('thanks', 'Thanks', 'Thanks!')],
      thread,
      settings,
      NOW,
      () => 0,
    );
    render(<QuickReplies replies={replies} onPick={(reply) => picked.push(reply.text)} />);
    fireEvent.keyDown(screen.getByRole('combobox', { name: 'Search quick replies' }), { key: 'Enter' });
    const form = screen.getByRole('form', { name: 'Fill in “Order status”' });
    const order = screen.getByRole('textbox', { name: 'Order number' }) as HTMLInputElement;
    const date = screen.getByRole('textbox', { name: 'Date' }) as HTMLInputElement;
    await waitFor(() => expect(document.activeElement).toBe(order));
    expect(date.value).toBe('tomorrow');
    // Tab goes from one field to the next: both are plain inputs, in order, none taken out of the tab order.
    const inputs = [...form.querySelectorAll('input')];
    expect(inputs).toEqual([order, date]);
    expect(inputs.every((input) => input.tabIndex >= 0)).toBe(true);
    fireEvent.input(order, { target: { value: 'A-17' } });
    fireEvent.input(date, { target: { value: 'Friday' } });
    expect(form.textContent).toContain('Hi Alice, order A-17 ships Friday.');
    fireEvent.keyDown(date, { key: 'Enter' });
    expect(picked).toEqual(['Hi Alice, order A-17 ships Friday.']);
    // Back to the list, ready for the next one.
    expect(screen.getByRole('combobox', { name: 'Search quick replies' })).toBeTruthy();
  });

  it('will not insert with a field left empty that has no default: Enter goes to it', async () => {
    const picked: string[] = [];
    const replies = renderQuickReplies([ORDER], thread, settings, NOW, () => 0);
    render(<QuickReplies replies={replies} onPick={(reply) => picked.push(reply.text)} />);
    fireEvent.click(screen.getByRole('option'));
    const order = screen.getByRole('textbox', { name: 'Order number' });
    const date = screen.getByRole('textbox', { name: 'Date' });
    date.focus();
    fireEvent.keyDown(date, { key: 'Enter' });
    expect(picked).toEqual([]);
    expect(document.activeElement).toBe(order);
    expect(order.getAttribute('aria-invalid')).toBe('true');
  });

  it('Escape goes back to the list without inserting', () => {
    const picked: string[] = [];
    render(
      <QuickReplies
        replies={renderQuickReplies([ORDER], thread, settings, NOW)}
        onPick={(r) => picked.push(r.text)}
      />,
    );
    fireEvent.click(screen.getByRole('option'));
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Order number' }), { key: 'Escape' });
    expect(screen.queryByRole('form')).toBeNull();
    expect(screen.getByRole('combobox', { name: 'Search quick replies' })).toBeTruthy();
    expect(picked).toEqual([]);
  });

  it('sends the filled text, never the field syntax, to the X tab', async () => {
    const db = freshDb();
    await putTemplate(db, ORDER);
    mock.tabs.query.mockResolvedValue([{ id: 9, url: 'https://x.com/i/chat/100-200' }]);
    mock.tabs.sendMessage.mockImplementation(async (_tab, message) =>
      (message as { type: string }).type === 'getOpenThread' ? { ok: true, thread } : { ok: true },
    );
    render(<OpenThreadPanel settings={settings} now={() => NOW} />);
    fireEvent.click(await screen.findByRole('option'));
    fireEvent.input(screen.getByRole('textbox', { name: 'Order number' }), { target: { value: 'B-2' } });
    fireEvent.submit(screen.getByRole('form'));
    expect(await screen.findByText('Inserted in X: check it and press Send.')).toBeTruthy();
    const sent = mock.tabs.sendMessage.mock.calls.at(-1)?.[1] as { payload: { text: string } };
    expect(sent.payload.text).toMatch(/^(Hi|Hello) Alice, order B-2 ships tomorrow\.$/);
  });
});
