/** Where the suggestion bar goes, from rectangles only: no DOM, so it is tested as a pure function. */

export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

export interface Viewport {
  width: number;
  height: number;
}

/**
 * Fixed-position placement. `top` is where the bar's bottom edge goes (the bar is drawn upwards from it,
 * `translateY(-100%)`), so its own height never has to be known to keep it off the composer.
 */
export interface BarPlacement {
  top: number;
  left: number;
  width: number;
}

/** Space between the bar's bottom edge and the top of X's message box. */
export const BAR_GAP_PX = 8;

/** Narrower than this, the bar's words wrap into a column (a narrow window or a compact message box). */
export const MIN_BAR_WIDTH_PX = 320;

/**
 * The bar sits right above the composer, as wide as it (at least MIN_BAR_WIDTH_PX, within the window), so
 * it never covers what the user types. Null (hidden) when the composer is not laid out, out of view, or
 * has no room above it for the bar. `rtl`: the bar reads right to left, so it starts where the composer's
 * right edge is and a narrow composer widens it to the left.
 */
export function placeBar(
  composer: Box,
  barHeight: number,
  viewport: Viewport,
  rtl = false,
): BarPlacement | null {
  if (composer.width <= 0 || composer.height <= 0) return null;
  if (composer.top + composer.height <= 0 || composer.top >= viewport.height) return null;
  if (composer.left + composer.width <= 0 || composer.left >= viewport.width) return null;
  if (composer.top - BAR_GAP_PX - barHeight < 0) return null;
  const left = Math.max(0, composer.left);
  const right = Math.min(viewport.width, composer.left + composer.width);
  const width = Math.min(viewport.width, Math.max(MIN_BAR_WIDTH_PX, right - left));
  return {
    top: composer.top - BAR_GAP_PX,
    // Widened past the composer's end edge; moved only as far as the window needs.
    left: Math.max(0, Math.min(rtl ? right - width : left, viewport.width - width)),
    width,
  };
}
