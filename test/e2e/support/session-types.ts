import type {
  FakeXApi,
  FakeXConfig,
  FakeXRemoteMethod,
  Person,
  Seed,
  Variant,
} from '../../fixtures/fake-x/src/api.ts';
import type { ExternalRequest } from './network-policy.ts';
import type { BrowserName } from './paths.ts';

/** `window.fakeX`, called from Node: every method returns a promise of its page-side result. */
export type RemoteFakeX = {
  [K in FakeXRemoteMethod]: (...args: Parameters<FakeXApi[K]>) => Promise<ReturnType<FakeXApi[K]>>;
} & { me(): Promise<Person> };

/** The part of Playwright's and Puppeteer's pages that scenarios need, the same in both browsers. */
export interface SessionPage {
  /** `fn` runs in the page: it must be self-contained (no imports, no closures over Node values). */
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  url(): Promise<string>;
  /** A path on x.com (`/i/chat`) or a full URL. */
  goto(pathOrUrl: string): Promise<void>;
  reload(): Promise<void>;
  /** Clicks the first match; the selector pierces open shadow roots. */
  click(selector: string): Promise<void>;
  /** Types into the focused element with real key events. */
  type(text: string): Promise<void>;
  /** `Enter`, `Shift+Enter`, … */
  press(keys: string): Promise<void>;
  /** Polls `fn` in the page until it returns true (a boolean: DOM nodes do not cross the boundary alike). */
  waitFor<A>(
    fn: (arg: A) => boolean | undefined | Promise<boolean | undefined>,
    arg: A,
    timeoutMs?: number,
  ): Promise<void>;
  /** Makes this the selected tab of its window and gives the window the focus, as a user switching to it. */
  bringToFront(): Promise<void>;
  close(): Promise<void>;
  readonly fakeX: RemoteFakeX;
}

export interface OpenSessionOptions {
  browser?: BrowserName;
  variant?: Variant;
  /** Load the built extension (default true). `false` gives the bench its baseline. */
  extension?: boolean;
  /**
   * Load this extension instead of dist/: an unpacked folder (Chromium), a folder or a .zip (Firefox).
   * The store packages have no web_accessible_resources, so Firefox then opens extension pages by
   * navigating to them, which its driver allows only with system access (turned on for that session).
   */
  extensionPath?: string;
  /** Initial account: threads, participants and history already on screen at the first load. */
  state?: Seed;
  config?: Partial<Omit<FakeXConfig, 'variant' | 'seed'>>;
  /** First page (default `/i/chat`). */
  path?: string;
  /** Wait for the lazy chat UI before returning (default true). */
  waitForChat?: boolean;
  /** Default true; `npm start` may want a visible browser. */
  headless?: boolean;
  /**
   * The welcome page the extension opens on install: closed before the session starts (default), or
   * kept for `welcomePage()`.
   */
  welcome?: 'close' | 'keep';
}

export interface Session {
  readonly browser: BrowserName;
  readonly variant: Variant;
  readonly page: SessionPage;
  readonly fakeX: RemoteFakeX;
  /** Chromium: the extension id; Firefox: the pinned moz-extension UUID; null without the extension. */
  readonly extensionId: string | null;
  /** Changes the fake's config for the next page loads of this session (e.g. another variant). */
  configure(config: Partial<Omit<FakeXConfig, 'seed'>>): void;
  newTab(path?: string): Promise<SessionPage>;
  /** All records of one object store of the extension's IndexedDB database `away-for-x` ([] if absent). */
  readExtensionStore(storeName: string): Promise<unknown[]>;
  /** Opens an extension page, e.g. `src/popup/index.html`. */
  extensionPage(path: string): Promise<SessionPage>;
  /** The tab the extension opened on install with its welcome page (sessions opened with `welcome: 'keep'`). */
  welcomePage(): Promise<SessionPage>;
  /** Blocked non-loopback requests; the browser's own service traffic only with `includeBrowser`. */
  externalRequests(options?: { includeBrowser?: boolean }): ExternalRequest[];
  close(): Promise<void>;
}

/** Options with defaults applied, as the browser-specific launchers receive them. */
export interface ResolvedOptions {
  variant: Variant;
  extension: boolean;
  extensionPath: string | null;
  fakeXConfig: Partial<FakeXConfig>;
  path: string;
  headless: boolean;
  welcome: 'close' | 'keep';
  proxyPort: number;
  externalLog: ExternalRequest[];
}
