import { isAway } from '../core/schedule.ts';
import type { Rule, Settings } from '../core/types.ts';
import type { KeyValueArea } from './detection.ts';
import type { TabInfo } from './tab-choice.ts';

/** Where X's chat runs, as URL match patterns (the content script's hosts). */
export const CHAT_URL_PATTERNS = [
  'https://x.com/i/chat*',
  'https://twitter.com/i/chat*',
  'https://chat.x.com/*',
];
export const CHAT_HOME = 'https://x.com/i/chat';

/** The part of `browser.tabs` used here. */
export interface TabsLike {
  query(query: { url: string[]; pinned?: boolean }): Promise<TabInfo[]>;
  get(tabId: number): Promise<TabInfo>;
  create(properties: { url: string; pinned: boolean; active: boolean }): Promise<{ id?: number }>;
}

/**
 * Automatic sending is armed: away is on, the user accepted the auto-send warning, and some enabled rule
 * sends by itself. Only then is a chat tab worth keeping open.
 */
export function autoArmed(settings: Settings, rules: readonly Rule[], now: number): boolean {
  return (
    isAway(settings.schedule, now) &&
    settings.autoSendAcknowledged &&
    rules.some((rule) => rule.enabled && rule.mode === 'auto')
  );
}

const TAB_KEY = 'chatTab';
const ARMED_KEY = 'autoArmed';

/** The pinned chat tab kept for auto mode, remembered for the browser session (tab ids do not last longer). */
export class ChatTabKeeper {
  #following: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly tabs: TabsLike,
    private readonly area: KeyValueArea,
  ) {}

  /** The kept tab, if it still exists and still shows X's chat. */
  async current(): Promise<number | null> {
    const saved = (await this.area.get(TAB_KEY))[TAB_KEY];
    if (typeof saved !== 'number') return null;
    try {
      const tab = await this.tabs.get(saved);
      return CHAT_URL_PATTERNS.some((pattern) => matches(pattern, tab.url)) ? saved : null;
    } catch {
      return null;
    }
  }

  /**
   * Reuses a pinned chat tab (ours or the user's), or opens one pinned in the background. Pinned, so it
   * stays out of the way and is not closed by accident; in the background, so nobody is interrupted.
   */
  async ensure(): Promise<number | null> {
    const kept = await this.current();
    if (kept !== null) return kept;
    const [pinned] = await this.tabs.query({ url: CHAT_URL_PATTERNS, pinned: true });
    const id = pinned?.id ?? (await this.tabs.create({ url: CHAT_HOME, pinned: true, active: false })).id;
    if (id === undefined) return null;
    await this.area.set({ [TAB_KEY]: id });
    return id;
  }

  /**
   * Follows the armed state; when it turns on, makes sure a chat tab exists. The last state is stored, so
   * a worker waking up does not reopen a tab the user closed while auto mode stayed on.
   */
  follow(armed: boolean): Promise<void> {
    // One at a time: the settings watch and a job pass may both follow the same change, and two callers
    // reading "not armed yet" at once would each open a tab.
    const run = this.#following.then(() => this.#follow(armed));
    this.#following = run.catch(() => undefined);
    return run;
  }

  async #follow(armed: boolean): Promise<void> {
    const was = (await this.area.get(ARMED_KEY))[ARMED_KEY] === true;
    if (was === armed) return;
    await this.area.set({ [ARMED_KEY]: armed });
    if (armed) await this.ensure();
  }
}

/** A match pattern with a trailing `*` against a URL: enough for the patterns above. */
function matches(pattern: string, url: string): boolean {
  return url.startsWith(pattern.slice(0, -1));
}
