// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import browser from 'webextension-polyfill';
import ar from '../../../public/_locales/ar/messages.json';
import ja from '../../../public/_locales/ja/messages.json';
import { DEFAULT_SETTINGS } from '../../../src/core/defaults.ts';
import type { ActivityEntry, Settings } from '../../../src/core/types.ts';
import { DecisionView } from '../../../src/options/dry-run-section.tsx';
import { HolidaysEditor, NO_HOLIDAY_INPUT } from '../../../src/options/holidays-editor.tsx';
import { statusText } from '../../../src/popup/status-line.tsx';
import { formatDay, type MessageBundle, setBundle } from '../../../src/shared/i18n.ts';
import { ActivityLine } from '../../../src/ui/activity-line.tsx';
import type { BrowserMock } from '../support/browser-mock.ts';
import { useEnglish, useFrench } from '../support/ui-setup.ts';

vi.mock('webextension-polyfill', async () => {
  const { createBrowserMock } = await import('../support/browser-mock.ts');
  return { default: createBrowserMock() };
});
const mock = browser as unknown as BrowserMock;

// The browser speaks American English (browser-mock); the extension is set to another language.
const AT = Date.UTC(2026, 6, 1, 12, 0); // Wednesday, July 1, 2026

function awayUntil(at: number): Settings {
  const settings = structuredClone(DEFAULT_SETTINGS);
  settings.schedule = { ...settings.schedule, awayEnabled: true, awayUntil: at, timeZone: 'UTC' };
  return settings;
}

const entry: ActivityEntry = {
  at: AT,
  kind: 'suggested',
  threadId: '1-2',
  messageId: 'm',
  contactHandle: 'alice',
};

beforeEach(() => {
  expect(mock.i18n.getUILanguage()).toBe('en-US');
});
afterEach(() => {
  cleanup();
  useEnglish();
});

describe('dates and times follow the extension’s language, not the browser’s', () => {
  it('in the popup’s sentence', () => {
    useFrench();
    expect(statusText(awayUntil(AT + 3_600_000), AT)).toContain('jusqu’à mer. 1 juil., 13:00');
    setBundle('ja', ja as MessageBundle);
    expect(statusText(awayUntil(AT + 3_600_000), AT)).toContain('7月1日(水) 13:00 まで不在');
  });

  it('in the activity log (options and popup)', () => {
    useFrench();
    render(<ActivityLine entry={entry} />);
    expect(screen.getByText('1 juil., 12:00')).toBeTruthy();
    cleanup();
    useEnglish();
    render(<ActivityLine entry={entry} />);
    expect(screen.getByText('Jul 1, 12:00 PM')).toBeTruthy();
  });

  it('in the holidays of the schedule', () => {
    useFrench();
    render(
      <HolidaysEditor
        holidays={[{ from: '2026-08-03', to: '2026-08-07', label: 'Été' }]}
        onChange={() => undefined}
        input={NO_HOLIDAY_INPUT}
        onInput={() => undefined}
        error=""
        onError={() => undefined}
      />,
    );
    expect(screen.getByText('Été (du lun. 3 août 2026 au ven. 7 août 2026)')).toBeTruthy();
    setBundle('ar', ar as MessageBundle);
    expect(formatDay('2026-08-03')).toBe(
      new Intl.DateTimeFormat('ar', {
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(Date.UTC(2026, 7, 3, 12)),
    );
  });

  it('in a tried message’s “try again at” (options and welcome page)', () => {
    useFrench();
    render(<DecisionView decision={{ kind: 'skip', reason: 'minGap', retryAt: AT }} ruleName={(id) => id} />);
    expect(screen.getByText(/mer\. 1 juil\., 12:00/)).toBeTruthy();
  });

  it('guards: the browser’s own format would differ', () => {
    useFrench();
    const english = new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'short' }).format(AT);
    expect(statusText(awayUntil(AT + 3_600_000), AT)).not.toContain(english);
  });
});
