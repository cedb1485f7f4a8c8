import type { Action } from 'webextension-polyfill';
import { t } from '../shared/i18n.ts';

/** What the toolbar button shows, gathered from storage by the caller. */
export interface BadgeFacts {
  /** The schedule says away right now (switch on, within hours, not past "until"). */
  away: boolean;
  /** Away ends by itself then (epoch ms), if set. */
  awayUntil: number | null;
  /** Suggestions waiting for the user plus automatic replies waiting to be sent. */
  waiting: number;
  /** An X tab's adapter self-check failed: automation is paused there. */
  paused: boolean;
  /** The digest of the last away period, until dismissed: its counts go in the tooltip. */
  digest?: { replied: number; waiting: number } | null;
}

export interface BadgeLook {
  text: string;
  title: string;
  color: string;
  icon: Record<string, string>;
}

const ICON_SIZES = [16, 32] as const;
const iconSet = (prefix: string) =>
  Object.fromEntries(ICON_SIZES.map((size) => [String(size), `/icons/${prefix}-${size}.png`]));

/** Pure: the look for a state. The grey icon says "not away" at a glance; the count says "look at me". */
export function badgeLook(facts: BadgeFacts, formatUntil: (at: number) => string): BadgeLook {
  const state = facts.away
    ? facts.awayUntil !== null
      ? t('badgeTitleAwayUntil', formatUntil(facts.awayUntil))
      : t('badgeTitleAway')
    : t('badgeTitleNotAway');
  const parts = [t('extName'), state];
  if (facts.waiting > 0) parts.push(t('badgeTitleWaiting', facts.waiting));
  if (facts.paused) parts.push(t('badgeTitlePaused'));
  if (facts.digest) parts.push(t('digestSummary', facts.digest.replied, facts.digest.waiting));
  const count = facts.waiting > 99 ? '99+' : facts.waiting > 0 ? String(facts.waiting) : '';
  return {
    // A failed self-check outranks the count: it means nothing automatic is happening.
    text: facts.paused ? '!' : count,
    title: parts.join(' — '),
    color: facts.paused ? '#b3261e' : '#0b62a4',
    icon: iconSet(facts.away ? 'icon' : 'icon-off'),
  };
}

/** The part of browser.action the badge uses (a fake in tests). */
export type ActionApi = Pick<
  Action.Static,
  'setBadgeText' | 'setTitle' | 'setIcon' | 'setBadgeBackgroundColor'
>;

export async function paintBadge(action: ActionApi, look: BadgeLook): Promise<void> {
  await Promise.all([
    action.setBadgeText({ text: look.text }),
    action.setTitle({ title: look.title }),
    action.setIcon({ path: look.icon }),
    action.setBadgeBackgroundColor({ color: look.color }),
  ]);
}

const FLASH_MS = 2500;

/**
 * Says "away on/off" after the keyboard shortcut without a notification (which would need a permission):
 * the badge shows a short word and the title the new state, then the normal look returns.
 */
export async function flashBadge(
  action: ActionApi,
  away: boolean,
  restore: () => Promise<void>,
  wait: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<void> {
  await action.setBadgeText({ text: away ? t('badgeFlashOn') : t('badgeFlashOff') });
  await action.setTitle({
    title: `${t('extName')} — ${away ? t('badgeTitleAway') : t('badgeTitleNotAway')}`,
  });
  await wait(FLASH_MS);
  await restore();
}
