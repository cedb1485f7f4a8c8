import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type ActivityRow, activity, until } from './sending-helpers.ts';
import type { Session, SessionPage } from './support/session.ts';

// The in-page suggestion bar seen from the test: page functions (self-contained, they run in X's page)
// and waits shared by the Chromium and Firefox files.

export interface Rect {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface BarInfo {
  visible: boolean;
  text: string;
  away: string;
  insert: string;
  dismiss: string;
  /** What the bar says went wrong (an insert refused), if anything. */
  error: string;
  theme: string;
  background: string;
  bar: Rect | null;
  composer: Rect | null;
}

/** Runs in X's page: what the bar shows and where, next to where X's message box is. */
export function readBar(): BarInfo {
  const host = document.getElementById('afx-suggestion-bar');
  const root = host?.shadowRoot;
  const bar = root?.querySelector<HTMLElement>('.bar');
  const embed = document.querySelector('[data-testid="xchatEmbedRoute"]');
  const textarea = (embed?.shadowRoot ?? document).querySelector(
    'textarea[data-testid="dm-composer-textarea"]',
  );
  const box = (element: Element | null | undefined) => {
    if (!element) return null;
    const r = element.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
  };
  const visible = !!host && host.isConnected && !host.hidden && getComputedStyle(host).display !== 'none';
  const away = root?.querySelector<HTMLElement>('.away');
  return {
    visible,
    text: root?.querySelector('.text')?.textContent ?? '',
    away: away && !away.hidden ? (away.textContent ?? '') : '',
    insert: root?.querySelector('.insert')?.textContent ?? '',
    dismiss: root?.querySelector('.dismiss')?.textContent ?? '',
    error: root?.querySelector('.error')?.textContent ?? '',
    theme: bar?.dataset.theme ?? '',
    background: bar ? getComputedStyle(bar).backgroundColor : '',
    bar: visible ? box(host) : null,
    composer: box(textarea),
  };
}

export async function barShown(page: SessionPage, what: string): Promise<BarInfo> {
  return until(`the suggestion bar ${what}`, async () => {
    const info = await page.evaluate(readBar, undefined);
    return info.visible && info.text !== '' && info;
  });
}

/** A DM arrives in `thread`, opened in X: once its suggestion is stored, the bar that shows it. */
export async function suggestionFor(s: Session, thread: string, text: string): Promise<BarInfo> {
  await s.fakeX.open(thread);
  await s.fakeX.receive({ thread, text });
  await until('the suggestion to be stored', logged(s, 'suggested', thread));
  return barShown(s.page, `for ${thread}`);
}

export async function barGone(page: SessionPage, what: string): Promise<void> {
  await until(
    `the suggestion bar to go ${what}`,
    async () => !(await page.evaluate(readBar, undefined)).visible,
  );
}

/** Runs in X's page: the focused control inside the bar, if focus is there. */
export function barFocus(): string {
  const host = document.getElementById('afx-suggestion-bar');
  if (document.activeElement !== host) return '';
  return host?.shadowRoot?.activeElement?.textContent ?? '';
}

/** Runs in X's page: focus X's message box, as a click into it would. */
export function focusComposer(): boolean {
  const embed = document.querySelector('[data-testid="xchatEmbedRoute"]');
  const textarea = (embed?.shadowRoot ?? document).querySelector<HTMLTextAreaElement>(
    'textarea[data-testid="dm-composer-textarea"]',
  );
  textarea?.focus();
  return !!textarea;
}

/** The log entries of one kind for one thread, once there is at least one. */
export const logged = (s: Session, kind: string, thread: string) => async () => {
  const entries = (await activity(s)).filter(
    (entry: ActivityRow) => entry.kind === kind && entry.threadId === thread,
  );
  return entries.length > 0 && entries;
};

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core on the bar only (inside its shadow root): serious and critical violations, and the pass count. */
export async function barAxe(page: SessionPage): Promise<{ violations: string[]; passes: number }> {
  return page.evaluate(async (source) => {
    // biome-ignore lint/security/noGlobalEval: axe-core's own source, loaded into the test page.
    (0, eval)(source);
    type Rule = { id: string; impact: string; nodes: Array<{ target: unknown }> };
    const axe = (
      globalThis as unknown as {
        axe: { run(context: unknown): Promise<{ violations: Rule[]; passes: Rule[] }> };
      }
    ).axe;
    const results = await axe.run({ include: [{ fromShadowDom: ['#afx-suggestion-bar', '.bar'] }] });
    return {
      violations: results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`),
      passes: results.passes.length,
    };
  }, axeSource);
}
