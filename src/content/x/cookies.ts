/**
 * The value of the cookie `name` in a `document.cookie` string (the first one of that name), trimmed;
 * null when there is none. X's cookies the content script reads: `twid` (identity.ts) and `night_mode`
 * (theme.ts).
 */
export function cookieValue(cookie: string, name: string): string | null {
  for (const part of cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq >= 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}
