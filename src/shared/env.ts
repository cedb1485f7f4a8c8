import type { Environment } from '../storage/settings-defaults.ts';

/** The browser's own time zone: what the defaults use until the user picks one. */
export function uiEnv(): Environment {
  return { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone };
}
