import { describe, expect, it, vi } from 'vitest';
import { memoryArea } from '../../../src/background/detection.ts';
import { decideAndAct } from '../../../src/background/pipeline.ts';
import {
  type AlertDeps,
  type NotificationOptions,
  notificationId,
  notifyUrgent,
  openConversation,
  parseNotificationId,
  UrgentAlertLog,
} from '../../../src/background/urgent-alerts.ts';

import { updateSettings } from '../../../src/storage/settings.ts';
import { freshDb } from '../support/fresh-db.ts';
import { arrive, Clock, dm, ENV, pipelineDeps, setUp } from '../support/sending.ts';

const HOUR = 3_600_000;

function alertDeps(area = memoryArea()) {
  const shown: { id: string; options: NotificationOptions }[] = [];
  const deps: AlertDeps = {
    log: new UrgentAlertLog(area),
    notifications: () => ({
      create: async (id, options) => {
        shown.push({ id, options });
        return id;
      },
      clear: async () => true,
    }),
    text: (key, subs) => `${key}:${subs.join(',')}`,
    iconUrl: 'chrome-extension://id/icons/icon-128.png',
  };
  return { deps, shown, area };
}

describe('urgent notifications from the worker', () => {
  it('one per conversation per hour, counted in storage so a new worker knows', async () => {
    const clock = new Clock();
    const { deps, shown, area } = alertDeps();
    const message = dm(clock, 'boss');
    expect(await notifyUrgent(deps, message, 'vip', clock.now())).toBe(true);
    expect(await notifyUrgent(deps, message, 'vip', clock.advance(HOUR - 1))).toBe(false);
    // Another conversation is not held back by the first.
    expect(await notifyUrgent(deps, dm(clock, 'carol'), 'word', clock.now())).toBe(true);
    // A worker restarted in the meantime reads the same storage.
    const restarted = { ...deps, log: new UrgentAlertLog(area) };
    expect(await notifyUrgent(restarted, message, 'vip', clock.now())).toBe(false);
    expect(await notifyUrgent(restarted, message, 'vip', clock.advance(1))).toBe(true);
    expect(shown.map((s) => s.id)).toEqual([
      `urgent:direct:${message.threadId}`,
      `urgent:direct:${dm(clock, 'carol').threadId}`,
      `urgent:direct:${message.threadId}`,
    ]);
    expect(shown[0]!.options).toEqual({
      type: 'basic',
      iconUrl: 'chrome-extension://id/icons/icon-128.png',
      title: 'urgentNoticeVip:Boss Example (@boss)',
      message: message.text,
    });
    expect(shown[1]!.options.title).toBe('urgentNoticeWord:Carol Example (@carol)');
  });

  it('drops entries past the hour and shows nothing without the permission', async () => {
    const clock = new Clock();
    const { deps, area } = alertDeps();
    await notifyUrgent(deps, dm(clock, 'boss'), 'vip', clock.now());
    await notifyUrgent(deps, dm(clock, 'carol'), 'vip', clock.advance(2 * HOUR));
    expect(Object.keys(await area.get(null))).toEqual([`urgentAlert:${dm(clock, 'carol').threadId}`]);
    const none = { ...deps, notifications: () => null };
    expect(await notifyUrgent(none, dm(clock, 'dave'), 'vip', clock.now())).toBe(false);
    expect(Object.keys(await area.get(null))).toHaveLength(1);
  });

  it('the pipeline notifies for a VIP held back, and for no ordinary DM', async () => {
    const db = freshDb();
    const clock = new Clock();
    await setUp(db, clock);
    await updateSettings(db, ENV, (s) => ({ ...s, urgentAlerts: true, vipList: ['boss'] }));
    const alert = vi.fn(async () => true);
    const deps = pipelineDeps(db, clock, { alert });
    const vip = await arrive(db, dm(clock, 'boss'));
    expect(await decideAndAct(deps, vip)).toEqual({ kind: 'skip', reason: 'urgent', detail: 'vip' });
    expect(await db.jobs.count()).toBe(0);
    expect((await db.activity.toArray()).map((e) => [e.kind, e.reason])).toEqual([['skipped', 'urgent']]);
    expect(alert).toHaveBeenCalledWith(vip, 'vip', clock.now());
    alert.mockClear();
    await decideAndAct(deps, await arrive(db, dm(clock, 'alice')));
    expect(alert).not.toHaveBeenCalled();
    expect(await db.jobs.count()).toBe(1);
  });
});

describe('clicking an urgent notification', () => {
  function tabsWith(tabs: { id?: number; url?: string; windowId?: number }[]) {
    return {
      tabs: {
        query: vi.fn(async () => tabs),
        update: vi.fn(async () => undefined),
        create: vi.fn(async () => undefined),
      },
      windows: { update: vi.fn(async () => undefined) },
      notifications: { clear: vi.fn(async () => true) },
    };
  }

  it('ids carry the conversation and its kind, and nothing else parses', () => {
    const id = notificationId({ threadId: '1000-2000', threadKind: 'request' });
    expect(parseNotificationId(id)).toEqual({ threadId: '1000-2000', threadKind: 'request' });
    expect(parseNotificationId('urgent:weird:1000-2000')).toBeNull();
    expect(parseNotificationId('other')).toBeNull();
  });

  it('opens the conversation on x.com in a new tab when no tab shows it', async () => {
    const deps = tabsWith([{ id: 3, url: 'https://x.com/i/chat/1000-3000', windowId: 1 }]);
    expect(await openConversation(deps, 'urgent:direct:1000-2000')).toBe(true);
    expect(deps.tabs.create).toHaveBeenCalledWith({ url: 'https://x.com/i/chat/1000-2000', active: true });
    expect(deps.tabs.update).not.toHaveBeenCalled();
    expect(deps.notifications.clear).toHaveBeenCalledWith('urgent:direct:1000-2000');
    const requests = tabsWith([]);
    await openConversation(requests, 'urgent:request:1000-2000');
    expect(requests.tabs.create).toHaveBeenCalledWith({
      url: 'https://x.com/i/chat/requests/1000-2000',
      active: true,
    });
  });

  it('brings the tab already showing it to the front, with its window', async () => {
    const deps = tabsWith([
      { id: 3, url: 'https://x.com/i/chat/1000-3000', windowId: 1 },
      { id: 4, url: 'https://x.com/i/chat/1000-2000', windowId: 2 },
    ]);
    await openConversation(deps, 'urgent:direct:1000-2000');
    expect(deps.tabs.update).toHaveBeenCalledWith(4, { active: true });
    expect(deps.windows.update).toHaveBeenCalledWith(2, { focused: true });
    expect(deps.tabs.create).not.toHaveBeenCalled();
  });

  it('ignores notifications that are not ours', async () => {
    const deps = tabsWith([]);
    expect(await openConversation(deps, 'something-else')).toBe(false);
    expect(deps.tabs.create).not.toHaveBeenCalled();
  });
});
