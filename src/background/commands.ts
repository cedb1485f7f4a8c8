import type { Commands } from 'webextension-polyfill';

/** The manifest's `commands` entry (suggested key Alt+Shift+Y). */
export const TOGGLE_AWAY_COMMAND = 'toggle-away';

export interface CommandDeps {
  /** Flips away and returns the new state. */
  toggle: () => Promise<boolean>;
  /** Tells the user what happened, without a notification permission. */
  announce: (away: boolean) => Promise<void>;
}

/** Keyboard shortcuts, from any tab: the only one toggles away mode and says so on the toolbar button. */
export function registerCommands(onCommand: Commands.Static['onCommand'], deps: CommandDeps): void {
  onCommand.addListener((command: string) => {
    if (command !== TOGGLE_AWAY_COMMAND) return;
    void deps
      .toggle()
      .then((away) => deps.announce(away))
      .catch((error: unknown) => console.error('toggle-away failed', error));
  });
}
