// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { readPageTheme, themeOfColor } from '../../../src/content/x/theme.ts';

afterEach(() => {
  document.body.removeAttribute('style');
  document.documentElement.removeAttribute('style');
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

  it('Default is light, Dim and Lights out are dark', () => {
    expect(themeOfColor('rgb(255, 255, 255)')).toBe('light');
    expect(themeOfColor('rgb(21, 32, 43)')).toBe('dark');
    expect(themeOfColor('rgb(0, 0, 0)')).toBe('dark');
  });

  it('follows the page’s background colour on <body>, then the root element, else light', () => {
    expect(readPageTheme(document)).toBe('light');
    document.documentElement.style.backgroundColor = 'rgb(0, 0, 0)';
    expect(readPageTheme(document)).toBe('dark');
    document.body.style.backgroundColor = 'rgb(255, 255, 255)';
    expect(readPageTheme(document)).toBe('light');
    document.body.style.backgroundColor = 'rgb(21, 32, 43)';
    expect(readPageTheme(document)).toBe('dark');
  });
});
