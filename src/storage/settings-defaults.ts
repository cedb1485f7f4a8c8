import { DEFAULT_SETTINGS } from '../core/defaults.ts';
import type { Settings } from '../core/types.ts';
import { isTimeZone } from './settings-schema.ts';

/** What only the calling context knows: the browser's time zone (Intl's resolved zone in a page). */
export interface Environment {
  timeZone: string;
}

/**
 * The defaults for this browser: core's defaults in the browser's time zone (UTC if it is unusable).
 * Apart from settings.ts so the popup's first read (settings-peek.ts) does not load the job and ledger
 * code that writing settings needs.
 */
export function defaultSettings(env: Environment): Settings {
  const settings = structuredClone(DEFAULT_SETTINGS);
  settings.schedule.timeZone = isTimeZone(env.timeZone) ? env.timeZone : 'UTC';
  return settings;
}
