// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import browser from 'webextension-polyfill';
import { DEFAULT_SETTINGS, defaultRulesFor, starterTemplatesFor } from '../../../src/core/defaults.ts';
import type { ActivityEntry } from '../../../src/core/types.ts';
import { ActivitySection, activityCsv } from '../../../src/options/activity-section.tsx';
import { OptionsApp } from '../../../src/options/app.tsx';
import { DryRunSection } from '../../../src/options/dry-run-section.tsx';
import { ResetSection } from '../../../src/options/reset-section.tsx';
import { TransferSection } from '../../../src/options/transfer-section.tsx';
import { listRules, putRule } from '../../../src/storage/rules.ts';
import { getSettings, putSettings } from '../../../src/storage/settings.ts';
import { listTemplates, putTemplate } from '../../../src/storage/templates.ts';
import { exportAll } from '../../../src/storage/transfer.ts';
import type { BrowserMock } from '../support/browser-mock.ts';
import { freshDb, useEnglish } from '../support/ui-setup.ts';

vi.mock('webextension-polyfill', async () => {
  const { createBrowserMock } = await import('../support/browser-mock.ts');
  return { default: createBrowserMock() };
});
const mock = browser as unknown as BrowserMock;
const NOW = Date.UTC(2026, 6, 1, 12);

async function seeded() {
  const db = freshDb();
  await putSettings(db, structuredClone(DEFAULT_SETTINGS));
  for (const template of starterTemplatesFor('fr')) await putTemplate(db, template);
  for (const rule of defaultRulesFor('en')) await putRule(db, rule);
  return db;
}

/** Captures what a download link would save. */
function captureDownloads() {
  const saved: Array<{ name: string; blob: Blob }> = [];
  const blobs = new Map<string, Blob>();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, blob: blobs.get(this.href)! });
  });
  return saved;
}

function fileWith(text: string): File {
  return new File([text], 'settings.json', { type: 'application/json' });
}

beforeEach(() => {
  useEnglish();
  mock.runtime.sendMessage.mockReset();
  mock.runtime.sendMessage.mockResolvedValue(undefined);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('activity log', () => {
  const entry = (
    at: number,
    kind: ActivityEntry['kind'],
    handle: string,
    extra: Partial<ActivityEntry> = {},
  ) => ({
    at,
    kind,
    threadId: '1-2',
    messageId: `m${at}`,
    contactHandle: handle,
    ...extra,
  });

  it('filters by kind and by search words', async () => {
    const db = freshDb();
    await db.activity.bulkAdd([
      entry(NOW - 3, 'sent', 'alice', { text: 'I am away' }),
      entry(NOW - 2, 'skipped', 'bob', { reason: 'cooldown', text: 'ping' }),
      entry(NOW - 1, 'skipped', 'carol', { reason: 'stopWord', text: 'stop' }),
    ]);
    render(<ActivitySection />);
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(3));
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'skipped' } });
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(2));
    fireEvent.input(screen.getByLabelText('Search'), { target: { value: '@carol' } });
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(1));
    expect(screen.getByRole('listitem').textContent).toContain('they asked to stop');
    fireEvent.input(screen.getByLabelText('Search'), { target: { value: 'nobody' } });
    expect(await screen.findByText('No matching activity.')).toBeTruthy();
  });

  it('exports what is shown as a CSV that a spreadsheet cannot run', async () => {
    const db = freshDb();
    await db.activity.bulkAdd([
      entry(NOW - 2, 'skipped', 'mallory', {
        reason: 'looksAutomatic',
        text: '=HYPERLINK("http://evil","x")',
      }),
      entry(NOW - 1, 'sent', 'alice', { text: 'Back soon' }),
    ]);
    const saved = captureDownloads();
    render(<ActivitySection />);
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(2));
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'skipped' } });
    fireEvent.click(screen.getByRole('button', { name: 'Export as CSV' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]?.name).toMatch(/^away-for-x-activity-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await saved[0]!.blob.text();
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('"\'=HYPERLINK(""http://evil"",""x"")"');
    expect(lines[1]).toContain('"it looks like an automatic message"');
  });

  it('writes the reason code and words for each line', () => {
    const csv = activityCsv([{ ...entry(NOW, 'skipped', 'bob'), reason: 'dailyCap' }]);
    expect(csv).toContain('"dailyCap","the daily limit is reached"');
  });
});

describe('import and export', () => {
  it('shows why a broken file was refused and changes nothing', async () => {
    const db = await seeded();
    const before = {
      settings: await getSettings(db, { timeZone: 'UTC' }),
      rules: await listRules(db),
      templates: await listTemplates(db),
    };
    render(<TransferSection />);
    const input = screen.getByLabelText('Import a file') as HTMLInputElement;
    Object.defineProperty(input, 'files', {
      value: [fileWith('{"format": "away-for-x", "version": 1, ')],
      configurable: true,
    });
    fireEvent.change(input);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Nothing was changed. This is not a settings file (not JSON).');
    expect(await getSettings(db, { timeZone: 'UTC' })).toEqual(before.settings);
    expect(await listRules(db)).toEqual(before.rules);
    expect(await listTemplates(db)).toEqual(before.templates);
  });

  it('names the faulty field of a file that is JSON but wrong', async () => {
    const db = await seeded();
    const exported = await exportAll(db, { timeZone: 'UTC', now: NOW });
    if (!exported.ok) throw new Error('export failed');
    const doc = JSON.parse(exported.value);
    doc.templates[0].body = 'Hi {oops';
    render(<TransferSection />);
    const input = screen.getByLabelText('Import a file') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [fileWith(JSON.stringify(doc))], configurable: true });
    fireEvent.change(input);
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /^Nothing was changed\. Template “Absence \(français\)”: A template is not valid\. A \{ is never closed\. \(at character \d+\) \(at \/templates\/0\/body\)$/,
    );
  });

  it('names the rule whose pattern the engine refuses (issue 11)', async () => {
    const db = await seeded();
    const exported = await exportAll(db, { timeZone: 'UTC', now: NOW });
    if (!exported.ok) throw new Error('export failed');
    const doc = JSON.parse(exported.value);
    doc.rules[0].trigger = { kind: 'regex', pattern: '(?=\\w+\\w+\\w+!)' };
    render(<TransferSection />);
    const input = screen.getByLabelText('Import a file') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [fileWith(JSON.stringify(doc))], configurable: true });
    fireEvent.change(input);
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /^Nothing was changed\. Rule “Away reply”: A rule is not valid\. Lookarounds .*\(at character 1\) \(at \/rules\/0\/trigger\/pattern\)$/,
    );
  });

  it('exports to a file and imports it back', async () => {
    const db = await seeded();
    const saved = captureDownloads();
    render(<TransferSection />);
    fireEvent.click(screen.getByRole('button', { name: 'Export to a file' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]?.name).toMatch(/^away-for-x-settings-.*\.json$/);
    const text = await saved[0]!.blob.text();
    await db.rules.clear();
    const input = screen.getByLabelText('Import a file') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [fileWith(text)], configurable: true });
    fireEvent.change(input);
    fireEvent.click(await screen.findByRole('button', { name: 'Apply these changes' }));
    expect(await screen.findByText(/^Imported 1 rules, 8 templates and 0 contacts\.$/)).toBeTruthy();
    expect(await listRules(db)).toHaveLength(1);
    expect(mock.runtime.sendMessage).toHaveBeenCalledWith({ type: 'refreshBadge', payload: {} });
  });
});

describe('reset', () => {
  it('asks first, can be cancelled, then restores the defaults but keeps contacts', async () => {
    const db = await seeded();
    await db.rules.clear();
    await db.people.put({
      key: '@alice',
      id: '',
      handle: 'alice',
      handles: ['alice'],
      name: '',
      firstSeenAt: 1,
      lastRepliedAt: null,
      silencedAt: 5,
    });
    await putSettings(db, { ...(await getSettings(db, { timeZone: 'UTC' })), myName: 'Changed' });
    render(<ResetSection />);
    fireEvent.click(screen.getByRole('button', { name: 'Reset to defaults…' }));
    const dialog = screen.getByRole('alertdialog');
    expect(document.activeElement?.textContent).toBe('Cancel');
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(await listRules(db)).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Reset to defaults…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, reset' }));
    expect(await screen.findByText('Back to defaults.')).toBeTruthy();
    expect((await getSettings(db, { timeZone: 'UTC' })).myName).toBe('');
    expect((await listRules(db)).map((r) => r.id)).toEqual(['away-default']);
    expect((await db.people.get('@alice'))?.silencedAt).toBe(5);
  });
});

describe('dry run', () => {
  it('shows the reply that would be suggested, or the reason in words', async () => {
    await seeded();
    render(<DryRunSection settings={DEFAULT_SETTINGS} />);
    fireEvent.input(screen.getByLabelText('Message'), { target: { value: 'Hello there' } });
    fireEvent.input(screen.getByLabelText('Sender’s handle'), { target: { value: 'alice' } });
    fireEvent.input(screen.getByLabelText('Sender’s name'), { target: { value: 'Alice Martin' } });
    fireEvent.click(screen.getByRole('button', { name: 'Try it' }));
    expect(await screen.findByText('This reply would be suggested (you send it yourself):')).toBeTruthy();
    expect(screen.getByText(/Alice, thanks for your message/)).toBeTruthy();
    expect(screen.getByText('Rule “Away reply”, suggest mode.')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Message'), {
      target: { value: 'I am out of office until Monday' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Try it' }));
    expect(await screen.findByText('it looks like an automatic message')).toBeTruthy();
    expect(screen.getByText('It reads like an out-of-office message.')).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Test as if away mode were on now' }));
    fireEvent.click(screen.getByRole('button', { name: 'Try it' }));
    expect(await screen.findByText('away mode is off')).toBeTruthy();
  });
});

describe('the options page', () => {
  it('moves between sections with the arrow keys and keeps the section in the URL', async () => {
    await seeded();
    render(<OptionsApp settings={DEFAULT_SETTINGS} />);
    const rules = screen.getByRole('tab', { name: 'Rules' });
    expect(rules.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(rules.id);
    fireEvent.keyDown(rules, { key: 'ArrowDown' });
    const templates = screen.getByRole('tab', { name: 'Templates' });
    expect(templates.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(templates);
    expect(location.hash).toBe('#templates');
    fireEvent.keyDown(templates, { key: 'End' });
    expect(screen.getByRole('tab', { name: 'Reset' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('heading', { name: 'Reset' })).toBeTruthy();
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(screen.getByRole('tab', { name: 'Rules' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getAllByRole('tab').filter((tab) => tab.tabIndex === 0)).toHaveLength(1);
  });
});
