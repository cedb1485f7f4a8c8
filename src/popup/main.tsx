import './popup.css';
import { render } from 'preact';
import { uiEnv } from '../shared/env.ts';
import { loadLocale, switchToBrowserTexts } from '../shared/i18n.ts';
import { peekSettings } from '../storage/settings-peek.ts';
import { PopupRoot } from './root.tsx';

// Nothing here may import Dexie (or anything that does): this chunk is what the popup waits for before the
// Away switch appears. The database-backed sections come in a second chunk (lazy-sections.ts).
async function start(root: HTMLElement): Promise<void> {
  const initial = await peekSettings(indexedDB, uiEnv()).catch((error: unknown) => {
    console.warn('Settings not readable before Dexie loads', error);
    return null;
  });
  // Without the settings, `auto` texts now; the live settings bring another language if they ask for one.
  const locale = initial?.uiLocale ?? 'auto';
  // Usually the browser's own language, which browser.i18n serves with no fetch to wait for.
  if (!switchToBrowserTexts(locale)) await loadLocale(locale);
  render(<PopupRoot initial={initial} initialLocale={locale} now={Date.now} />, root);
}

void start(document.getElementById('app') as HTMLElement);
