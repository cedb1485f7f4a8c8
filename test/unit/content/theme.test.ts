// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readPageTheme, themeOfColor, themeOfName, themeOfNightMode } from '../../../src/content/x/theme.ts';

// Each test sets one of the forms X marks its theme with (MARKUP.md "Theme"), alone or against another.
function setNightMode(value: string | null): void {
  // biome-ignore lint/suspicious/noDocumentCookie: the test plays X's server, which sets this cookie
  document.cookie =
    value === null
      ? 'night_mode=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/'
      : `night_mode=${value}; path=/`;
}

afterEach(() => {
  document.body.removeAttribute('style');
  document.documentElement.removeAttribute('style');
  document.documentElement.removeAttribute('data-theme');
  setNightMode(null);
  vi.restoreAllMocks();
});

describe('X’s theme', () => {
  it('reads computed colours, and nothing from a transparent one or another form', () => {
    expect(themeOfColor('rgba(255, 255, 255, 0.9)')).toBe('light');
    expect(themeOfColor('rgb(21 32 43 / 50%)')).toBe('dark');
    expect(themeOfColor(' rgb( 250, 250, 250 ) ')).toBe('light');
    for (const color of [
      'rgba(0, 0, 0, 0)',
      'rgb(0 0 0 / 0%)',
      'transparent',
      'rgb(0, 0)',
      'rgb(a, b, c)',
      '',
    ]) {
      expect(themeOfColor(color), color).toBeNull();
    }
  });

  it('Default is light; Dim, Lights out and Lights out in high contrast are dark', () => {
    expect(themeOfColor('rgb(255, 255, 255)')).toBe('light');
    expect(themeOfColor('rgb(21, 32, 43)')).toBe('dark');
    expect(themeOfColor('rgb(0, 0, 0)')).toBe('dark');
    expect(themeOfColor('rgb(5, 5, 5)')).toBe('dark');
  });

  it('knows X’s own theme names and no others', () => {
    expect(themeOfName('light')).toBe('light');
    expect(themeOfName('dim')).toBe('dark');
    expect(themeOfName('dark')).toBe('dark');
    expect(themeOfName(' Dark ')).toBe('dark');
    for (const other of ['', 'system', 'lightsOut', null, undefined]) expect(themeOfName(other)).toBeNull();
  });

  it('reads the night_mode cookie: 0 Default, 1 Dim, 2 Lights out', () => {
    expect(themeOfNightMode('night_mode=0')).toBe('light');
    expect(themeOfNightMode('guest_id=v1%3A1; night_mode=1; lang=en')).toBe('dark');
    expect(themeOfNightMode('lang=en; night_mode=2')).toBe('dark');
    for (const other of ['', 'lang=en', 'night_mode=', 'night_mode=3', 'old_night_mode=2', 'night_mode2=2'])
      expect(themeOfNightMode(other)).toBeNull();
  });

  it('follows the background colour X paints on <body>, then the root element’s, else light', () => {
    expect(readPageTheme(document)).toBe('light');
    document.documentElement.style.backgroundColor = 'rgb(0, 0, 0)';
    expect(readPageTheme(document)).toBe('dark');
    document.body.style.backgroundColor = 'rgb(255, 255, 255)';
    expect(readPageTheme(document)).toBe('light');
    document.body.style.backgroundColor = 'rgb(21, 32, 43)';
    expect(readPageTheme(document)).toBe('dark');
  });

  it('follows X’s data-theme on <html> when <body> is not painted', () => {
    for (const [name, theme] of [
      ['dark', 'dark'],
      ['dim', 'dark'],
      ['light', 'light'],
    ] as const) {
      document.documentElement.setAttribute('data-theme', name);
      expect(readPageTheme(document)).toBe(theme);
    }
    // X's name beats a root colour it was never seen to paint.
    document.documentElement.style.backgroundColor = 'rgb(0, 0, 0)';
    expect(readPageTheme(document)).toBe('light');
    // An unknown name says nothing: the root colour decides.
    document.documentElement.setAttribute('data-theme', 'system');
    expect(readPageTheme(document)).toBe('dark');
  });

  it('the painted <body> wins over data-theme and the cookie: it is what the user sees', () => {
    document.documentElement.setAttribute('data-theme', 'dark');
    setNightMode('2');
    document.body.style.backgroundColor = 'rgb(255, 255, 255)';
    expect(readPageTheme(document)).toBe('light');
    document.body.style.backgroundColor = 'rgb(0, 0, 0)';
    document.documentElement.setAttribute('data-theme', 'light');
    setNightMode('0');
    expect(readPageTheme(document)).toBe('dark');
  });

  it('falls back on the night_mode cookie when nothing on the page is marked', () => {
    setNightMode('2');
    expect(readPageTheme(document)).toBe('dark');
    setNightMode('1');
    expect(readPageTheme(document)).toBe('dark');
    setNightMode('0');
    expect(readPageTheme(document)).toBe('light');
  });

  it('falls back on the system preference last, as X’s Chat code does', () => {
    const prefersDark = vi
      .spyOn(window, 'matchMedia')
      .mockImplementation(
        (query: string) => ({ matches: query === '(prefers-color-scheme: dark)' }) as MediaQueryList,
      );
    expect(readPageTheme(document)).toBe('dark');
    setNightMode('0');
    expect(readPageTheme(document)).toBe('light');
    prefersDark.mockRestore();
    setNightMode(null);
    expect(readPageTheme(document)).toBe('light');
  });
});
