import { describe, expect, it } from 'vitest';
import { autoArmed, ChatTabKeeper, type TabsLike } from '../../../src/background/chat-tab.ts';
import { memoryArea } from '../../../src/background/detection.ts';
import type { TabInfo } from '../../../src/background/tab-choice.ts';
import { DEFAULT_RULES, DEFAULT_SETTINGS } from '../../../src/core/defaults.ts';
import type { Settings } from '../../../src/core/types.ts';

function browserTabs(initial: TabInfo[]) {
  const tabs = [...initial];
  const created: unknown[] = [];
  const api: TabsLike = {
    query: async (query) =>
      tabs.filter(
        (tab) =>
          (query.pinned === undefined || tab.pinned === query.pinned) &&
          query.url.some((pattern) => tab.url.startsWith(pattern.slice(0, -1))),
      ),
    get: async (id) => {
      const tab = tabs.find((t) => t.id === id);
      if (!tab) throw new Error(`No tab with id: ${id}`);
      return tab;
    },
    create: async (properties) => {
      created.push(properties);
      const tab = {
        id: 100 + created.length,
        url: properties.url,
        pinned: properties.pinned,
        active: properties.active,
      };
      tabs.push(tab);
      return tab;
    },
  };
  return { api, tabs, created };
}

const NOW = Date.UTC(2026, 5, 10, 12);
const away: Settings = {
  ...DEFAULT_SETTINGS,
  schedule: { ...DEFAULT_SETTINGS.schedule, awayEnabled: true, awaySince: NOW - 1 },
  autoSendAcknowledged: true,
};
const autoRules = DEFAULT_RULES.map((rule) => ({ ...rule, mode: 'auto' as const }));

describe('auto mode armed', () => {
  it('needs away on, the warning accepted and an enabled auto rule', () => {
    expect(autoArmed(away, autoRules, NOW)).toBe(true);
    expect(autoArmed({ ...away, autoSendAcknowledged: false }, autoRules, NOW)).toBe(false);
    expect(autoArmed(away, DEFAULT_RULES, NOW)).toBe(false);
    expect(
      autoArmed(
        away,
        autoRules.map((r) => ({ ...r, enabled: false })),
        NOW,
      ),
    ).toBe(false);
    expect(autoArmed({ ...away, schedule: { ...away.schedule, awayEnabled: false } }, autoRules, NOW)).toBe(
      false,
    );
  });
});

describe('the chat tab kept for auto mode', () => {
  it('turning auto on opens one pinned chat tab in the background, once', async () => {
    const { api, created } = browserTabs([{ id: 1, url: 'https://x.com/home', pinned: false, active: true }]);
    const keeper = new ChatTabKeeper(api, memoryArea());
    await keeper.follow(true);
    expect(created).toEqual([{ url: 'https://x.com/i/chat', pinned: true, active: false }]);
    expect(await keeper.current()).toBe(101);
    // Still armed (a worker waking up, another settings write): nothing new.
    await keeper.follow(true);
    expect(created).toHaveLength(1);
  });

  it('two callers following the same switch-on at once (the settings watch and a job pass) open one tab', async () => {
    const { api, created } = browserTabs([]);
    const keeper = new ChatTabKeeper(api, memoryArea());
    await Promise.all([keeper.follow(true), keeper.follow(true), keeper.follow(true)]);
    expect(created).toHaveLength(1);
  });

  it('reuses a pinned chat tab the user already has', async () => {
    const { api, created } = browserTabs([
      { id: 7, url: 'https://x.com/i/chat/1-2', pinned: true, active: false },
    ]);
    const keeper = new ChatTabKeeper(api, memoryArea());
    await keeper.follow(true);
    expect(created).toEqual([]);
    expect(await keeper.current()).toBe(7);
  });

  it('a tab the user closed or took elsewhere is not the chat tab any more; it is reopened on the next switch-on', async () => {
    const { api, tabs, created } = browserTabs([]);
    const keeper = new ChatTabKeeper(api, memoryArea());
    await keeper.follow(true);
    tabs[0]!.url = 'https://x.com/home';
    expect(await keeper.current()).toBeNull();
    tabs.splice(0, 1);
    expect(await keeper.current()).toBeNull();
    // Closing it while auto stays on does not bring it back by itself…
    await keeper.follow(true);
    expect(created).toHaveLength(1);
    // …switching auto off and on again does.
    await keeper.follow(false);
    await keeper.follow(true);
    expect(created).toHaveLength(2);
  });
});
