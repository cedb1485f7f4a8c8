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
 * The theme X paints its page in. X sets the chosen theme's background colour on <body> (rgb(255, 255,
 * 255), rgb(21, 32, 43) for Dim, rgb(0, 0, 0) for Lights out; MARKUP.md "Theme"); the root element is
 * the fallback, then light.
 */
export function readPageTheme(doc: Document): PageTheme {
  const win = doc.defaultView;
  if (!win) return 'light';
  for (const element of [doc.body, doc.documentElement]) {
    if (!element) continue;
    const theme = themeOfColor(win.getComputedStyle(element).backgroundColor);
    if (theme) return theme;
  }
  return 'light';
}
