import { defaultRulesFor, starterTemplatesFor } from '../core/defaults.ts';
import type { LocaleCode } from '../core/locales.ts';
import type { AwayDb } from './db.ts';
import { SETTINGS_KEY } from './rows.ts';
import { defaultSettings } from './settings.ts';

export interface SeedEnvironment {
  /** The browser's language, already resolved to one the extension speaks. */
  locale: LocaleCode;
  timeZone: string;
}

/**
 * Fills a new profile with the default settings, the starter templates of its language and the starter
 * rule. The settings row is the marker: once it exists nothing is seeded again, so a user who deleted
 * every template keeps none.
 * Returns true when it seeded.
 */
export function ensureSeeded(db: AwayDb, env: SeedEnvironment): Promise<boolean> {
  return db.transaction('rw', [db.settings, db.rules, db.templates], async () => {
    if (await db.settings.get(SETTINGS_KEY)) return false;
    await db.settings.add({ key: SETTINGS_KEY, value: defaultSettings(env) });
    const templates = starterTemplatesFor(env.locale);
    await db.templates.bulkPut(templates.map((template, position) => ({ ...template, position })));
    await db.rules.bulkPut(defaultRulesFor(env.locale));
    return true;
  });
}
