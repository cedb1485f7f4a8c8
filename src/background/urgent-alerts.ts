import * as v from 'valibot';
import type { IncomingDm, ThreadKind } from '../core/types.ts';
import { alertDue, URGENT_ALERT_GAP_MS, type Urgency } from '../core/urgent.ts';
import { threadIdFromUrl, threadUrl } from '../shared/chat-urls.ts';
import { CHAT_URL_PATTERNS } from './chat-tab.ts';
import type { KeyValueArea } from './detection.ts';

const PREFIX = 'urgentAlert:';
const atSchema = v.pipe(v.number(), v.integer());

/**
 * The one owner of "when was the user last notified about this conversation". Kept in extension storage
 * (`storage.local`), not in memory: the worker is stopped and restarted at will, and a restart must not
 * let a second notification through within the hour.
 */
export class UrgentAlertLog {
  constructor(private readonly area: KeyValueArea) {}

  /**
   * True, and recorded, when a notification about this conversation may be shown at `now` (core's
   * `alertDue`); false when one was shown within the hour. Entries past the hour are dropped on the way.
   * Callers run one decision at a time (the pipeline's queue), so read-then-write does not race.
   */
  async claim(threadId: string, now: number): Promise<boolean> {
    const items = await this.area.get(null);
    const mine = PREFIX + threadId;
    let last: number | null = null;
    for (const [key, value] of Object.entries(items)) {
      if (!key.startsWith(PREFIX)) continue;
      const parsed = v.safeParse(atSchema, value);
      const at = parsed.success ? parsed.output : null;
      if (key === mine) last = at;
      else if (at === null || now - at >= URGENT_ALERT_GAP_MS || at > now) await this.area.remove(key);
    }
    if (!alertDue(last, now)) return false;
    await this.area.set({ [mine]: now });
    return true;
  }
}

/** The part of `browser.notifications` used here; absent until the optional permission is granted. */
export interface NotificationsLike {
  create(id: string, options: NotificationOptions): Promise<string>;
  clear(id: string): Promise<boolean>;
}

export interface NotificationOptions {
  type: 'basic';
  iconUrl: string;
  title: string;
  message: string;
}

/** `urgent:<kind>:<threadId>`: what a click needs to open the conversation, with no state to look up. */
export function notificationId(dm: Pick<IncomingDm, 'threadId' | 'threadKind'>): string {
  return `urgent:${dm.threadKind}:${dm.threadId}`;
}

const KINDS: readonly ThreadKind[] = ['direct', 'group', 'request'];

export function parseNotificationId(id: string): { threadId: string; threadKind: ThreadKind } | null {
  const [prefix, kind, threadId, ...rest] = id.split(':');
  if (prefix !== 'urgent' || threadId === undefined || rest.length > 0) return null;
  const threadKind = KINDS.find((k) => k === kind);
  return threadKind ? { threadId, threadKind } : null;
}

/** Longest quote of the message in a notification: enough to judge it, short like the browser shows it. */
const QUOTE_MAX = 180;

export interface AlertDeps {
  log: UrgentAlertLog;
  /** Null when the browser did not grant the permission (the option is then off anyway). */
  notifications: () => NotificationsLike | null;
  /** A text from _locales, in the person's language (worker-texts.ts). */
  text: (key: string, subs: string[]) => string | Promise<string>;
  iconUrl: string;
}

/**
 * Tells the user an urgent message arrived: one desktop notification, at most one per conversation per
 * hour. Returns whether one was shown. A failure to show it is logged, never thrown: the decision stands.
 */
export async function notifyUrgent(deps: AlertDeps, dm: IncomingDm, why: Urgency, now: number) {
  const api = deps.notifications();
  if (api === null) return false;
  if (!(await deps.log.claim(dm.threadId, now))) return false;
  const who = dm.senderHandle ? `${dm.senderName || dm.senderHandle} (@${dm.senderHandle})` : dm.senderName;
  const quote = dm.text.length > QUOTE_MAX ? `${dm.text.slice(0, QUOTE_MAX - 1)}…` : dm.text;
  try {
    const title = await deps.text(why === 'vip' ? 'urgentNoticeVip' : 'urgentNoticeWord', [who]);
    await api.create(notificationId(dm), {
      type: 'basic',
      iconUrl: deps.iconUrl,
      title,
      message: quote,
    });
    return true;
  } catch (error: unknown) {
    console.error('Away for X: showing a notification failed', error);
    return false;
  }
}

interface TabLike {
  id?: number;
  url?: string;
  windowId?: number;
}

/** The parts of `browser.tabs` and `browser.windows` a click needs. */
export interface OpenDeps {
  tabs: {
    query(query: { url: string[] }): Promise<TabLike[]>;
    update(tabId: number, properties: { active: true }): Promise<unknown>;
    create(properties: { url: string; active: true }): Promise<unknown>;
  };
  windows: { update(windowId: number, properties: { focused: true }): Promise<unknown> };
  notifications: Pick<NotificationsLike, 'clear'>;
}

/**
 * A click on an urgent notification: the tab already showing that conversation comes to the front (and its
 * window), else the conversation opens in a new tab. Never navigates another X tab away from what it
 * shows: it may be typing a reply. Returns false for a notification that is not ours.
 */
export async function openConversation(deps: OpenDeps, id: string): Promise<boolean> {
  const target = parseNotificationId(id);
  const url = target && threadUrl(target.threadId, target.threadKind);
  if (!target || !url) return false;
  const tabs = await deps.tabs.query({ url: CHAT_URL_PATTERNS });
  const showing = tabs.find(
    (tab) => tab.id !== undefined && tab.url && threadIdFromUrl(tab.url) === target.threadId,
  );
  if (showing?.id !== undefined) {
    await deps.tabs.update(showing.id, { active: true });
    if (showing.windowId !== undefined) await deps.windows.update(showing.windowId, { focused: true });
  } else {
    await deps.tabs.create({ url, active: true });
  }
  await deps.notifications.clear(id);
  return true;
}
