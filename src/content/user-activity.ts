/**
 * When the person last used this page. Only trusted events count: the typer's own focus, clicks and
 * text insertion are untrusted or produce no key and pointer events, so they never look like the user.
 */
export interface UserActivity {
  /** Epoch ms of the last pointer, key, wheel or touch input by a person; 0 when never. */
  lastInputAt(): number;
}

const EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

export function watchUserActivity(win: Window, now: () => number, signal: AbortSignal): UserActivity {
  let last = 0;
  const note = (event: Event) => {
    if (event.isTrusted) last = now();
  };
  // Capture on the window: X stops propagation in places, and events from the shadow root are composed.
  for (const type of EVENTS) win.addEventListener(type, note, { capture: true, passive: true, signal });
  return { lastInputAt: () => last };
}
