/** X's colour themes: Default (white), Dim (dark blue) and Lights out (black). Ours has two looks. */
export type PageTheme = 'light' | 'dark';

/** `rgb(r, g, b)` / `rgba(r, g, b, a)` as computed styles give it; null for anything else or transparent. */
export function parseRgb(color: string): [number, number, number] | null {
  const match = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+%?))?\s*\)$/u.exec(
    color.trim(),
  );
  if (!match) return null;
  const alpha = match[4];
  if (alpha !== undefined && Number.parseFloat(alpha) === 0) return null;
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** Dark when the colour's perceived brightness (ITU-R BT.601 weights) is under half. */
export function themeOfColor(color: string): PageTheme | null {
  const rgb = parseRgb(color);
  if (!rgb) return null;
  const [r, g, b] = rgb;
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
