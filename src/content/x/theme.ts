import { cookieValue } from './cookies.ts';

/** X's colour themes: Default (white), Dim (dark blue) and Lights out (black). Ours has two looks. */
export type PageTheme = 'light' | 'dark';

/**
 * Dark when the colour's perceived brightness (ITU-R BT.601 weights) is under half. Null for anything but
 * `rgb(r, g, b)` / `rgba(r, g, b, a)` (commas or spaces) as computed styles give it, or a transparent one.
 */
export function themeOfColor(color: string): PageTheme | null {
  const inside = /^rgba?\((.*)\)$/u.exec(color.trim())?.[1]?.trim() ?? '';
  const [r, g, b, alpha] = inside.split(/[\s,/]+/u).map(Number.parseFloat);
  if (r === undefined || g === undefined || b === undefined || [r, g, b].some(Number.isNaN)) return null;
  if (alpha === 0) return null;
  return r * 0.299 + g * 0.587 + b * 0.114 < 128 ? 'dark' : 'light';
}

/**
 * X's own theme names, as its Chat code writes them on `<html data-theme>`: `light`, `dim`, and `dark`
 * for Lights out (MARKUP.md "Theme"). Null for a name X has not been seen to use.
 */
export function themeOfName(name: string | null | undefined): PageTheme | null {
  const key = name?.trim().toLowerCase();
  if (key === 'light') return 'light';
  return key === 'dim' || key === 'dark' ? 'dark' : null;
}

/** X's `night_mode` cookie: 0 Default, 1 Dim, 2 Lights out; null when absent or another value. */
export function themeOfNightMode(cookie: string): PageTheme | null {
  const value = cookieValue(cookie, 'night_mode');
  if (value === '0') return 'light';
  return value === '1' || value === '2' ? 'dark' : null;
}

function cookieOf(doc: Document): string {
  try {
    return doc.cookie;
  } catch {
    // A sandboxed document throws on cookie access.
    return '';
  }
}

/**
 * The theme X shows. X marks it in several places and public sources disagree on which one a given
 * build has (MARKUP.md "Theme"), so every form is read, the painted one first because it is what the
 * user sees next to the bar: the background colour of <body> (X sets it inline), X's `data-theme` on
 * <html>, the background colour of <html>, the `night_mode` cookie, and last the system preference,
 * which X's Chat code itself falls back on. Colours are judged by brightness, not compared with X's
 * exact values, so a new shade (Lights out in high contrast is rgb(5, 5, 5)) still reads right.
 */
export function readPageTheme(doc: Document): PageTheme {
  const win = doc.defaultView;
  const painted = (element: Element | null): PageTheme | null =>
    element && win ? themeOfColor(win.getComputedStyle(element).backgroundColor) : null;
  const root = doc.documentElement;
  const theme =
    painted(doc.body) ??
    themeOfName(root?.getAttribute('data-theme')) ??
    painted(root) ??
    themeOfNightMode(cookieOf(doc));
  if (theme) return theme;
  return win?.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
