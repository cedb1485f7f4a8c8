import type { Detector } from './detector.ts';
import type { NavigationWatch } from './navigation.ts';
import type { Timers } from './timers.ts';
import { type ChatRoot, waitForChatRoot } from './x/chat-root.ts';
import { inboxRowDescriptionAttribute, unreadDotAttribute } from './x/selectors.ts';
import { type SelfCheckMemo, type SelfCheckResult, selfCheck } from './x/self-check.ts';

export interface ChatSessionDeps {
  doc: Document;
  detector: Detector;
  nav: NavigationWatch;
  url(): string;
  now(): number;
  timers: Timers;
  /** Called when the self-check result (or the URL it is about) changes. */
  reportStatus(result: SelfCheckResult, url: string): void;
}

/** First self-check after the page (or a navigation) settles, and the throttle of later ones. */
export const CHECK_DELAY_MS = 2000;
/** A failure must last this long before it is reported: X re-renders whole panels when navigating. */
export const FAIL_GRACE_MS = 3000;
const FAIL_RECHECK_MS = 1500;

/**
 * One stretch of chat pages: finds the chat root, observes only inside it, feeds the detector and runs the
 * self-check. Everything is released when `signal` aborts (the page left chat, or the script stops).
 */
export class ChatSession {
  #found: ChatRoot | null = null;
  #observers: MutationObserver[] = [];
  #checkHandle: unknown = null;
  #failingSince: number | null = null;
  #lastStatus = '';
  readonly #checkMemo: SelfCheckMemo = { panel: null };

  constructor(
    private readonly signal: AbortSignal,
    private readonly deps: ChatSessionDeps,
  ) {
    signal.addEventListener('abort', () => this.#release(), { once: true });
    void this.#locate();
    this.#scheduleCheck(CHECK_DELAY_MS);
  }

  /** The URL changed within chat. */
  navigate(url: string): void {
    if (this.#found && !this.#found.anchor.isConnected) this.#lose();
    this.deps.detector.navigate(url);
    this.#scheduleCheck(CHECK_DELAY_MS);
  }

  async #locate(): Promise<void> {
    const found = await waitForChatRoot(this.deps.doc, this.signal, this.deps.timers);
    // Not found within the wait: the self-check already reports `chatRoot` missing.
    if (!found || this.signal.aborted) return;
    this.#found = found;
    this.deps.detector.attach(found.root, this.deps.url());
    const inside = new MutationObserver((records) => {
      // A thread switch shows up here first when the panel re-renders; apply it before reading rows.
      this.deps.nav.check();
      this.deps.detector.process(records);
      this.#scheduleCheck(CHECK_DELAY_MS);
    });
    // As narrow as detection allows, since every record costs the page: rows come and go (childList); an
    // inbox row edited in place changes its description (what is parsed, so its text nodes need not be
    // watched) or its unread icon. Test ids are not watched: X renames them with a new build, that is a
    // reload or a re-render, which the self-check sees anyway.
    inside.observe(found.root, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: [inboxRowDescriptionAttribute, unreadDotAttribute],
    });
    // Only the anchor's own parent, without subtree: notices X unmounting the chat, ignores everything else.
    const mount = new MutationObserver(() => {
      // X unmounts the chat when the user leaves it: that is often the first sign of the navigation.
      this.deps.nav.check();
      if (!this.signal.aborted && !found.anchor.isConnected) this.#lose();
    });
    if (found.anchor.parentNode) mount.observe(found.anchor.parentNode, { childList: true });
    this.#observers = [inside, mount];
    this.#scheduleCheck(CHECK_DELAY_MS);
  }

  /** The chat root left the document: stop observing it and look for the new one. */
  #lose(): void {
    this.#disconnect();
    this.#found = null;
    this.deps.detector.detach();
    void this.#locate();
  }

  #scheduleCheck(delay: number): void {
    if (this.#checkHandle !== null || this.signal.aborted) return;
    this.#checkHandle = this.deps.timers.setTimeout(() => {
      this.#checkHandle = null;
      this.#check();
    }, delay);
  }

  #check(): void {
    if (this.#found && !this.#found.anchor.isConnected) this.#lose();
    const url = this.deps.url();
    const result = selfCheck(this.#found, url, this.#checkMemo, this.deps.doc);
    if (result.ok) {
      this.#failingSince = null;
    } else {
      this.#failingSince ??= this.deps.now();
      if (this.deps.now() - this.#failingSince < FAIL_GRACE_MS) {
        this.#scheduleCheck(FAIL_RECHECK_MS);
        return;
      }
    }
    const key = JSON.stringify([result, url]);
    if (key === this.#lastStatus) return;
    this.#lastStatus = key;
    this.deps.reportStatus(result, url);
  }

  #disconnect(): void {
    for (const observer of this.#observers) observer.disconnect();
    this.#observers = [];
  }

  #release(): void {
    this.#disconnect();
    if (this.#checkHandle !== null) this.deps.timers.clearTimeout(this.#checkHandle);
    this.#checkHandle = null;
    this.#found = null;
    this.deps.detector.detach();
  }
}
