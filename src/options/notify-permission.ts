import browser, { type Manifest } from 'webextension-polyfill';

/** Urgent notifications need this optional permission (manifest.json `optional_permissions`). */
const NOTIFICATIONS: { permissions: Manifest.OptionalPermission[] } = { permissions: ['notifications'] };

/**
 * Asks the browser for the permission. Must be called straight from the click that turns the option on:
 * browsers only show the prompt during a user gesture. A browser that cannot ask counts as a refusal.
 */
export async function askNotifications(): Promise<boolean> {
  try {
    return await browser.permissions.request(NOTIFICATIONS);
  } catch (error: unknown) {
    console.warn('Away for X: the notifications permission could not be asked for', error);
    return false;
  }
}

export async function hasNotifications(): Promise<boolean> {
  try {
    return await browser.permissions.contains(NOTIFICATIONS);
  } catch {
    return false;
  }
}

/** Gives the permission back when the option is turned off: nothing is kept that is not used. */
export async function dropNotifications(): Promise<void> {
  try {
    await browser.permissions.remove(NOTIFICATIONS);
  } catch (error: unknown) {
    console.warn('Away for X: the notifications permission could not be given back', error);
  }
}
