import { describe, expect, it } from 'vitest';
import { BAR_GAP_PX, MIN_BAR_WIDTH_PX, placeBar } from '../../../src/content/bar-position.ts';

const VIEW = { width: 1200, height: 800 };
const COMPOSER = { top: 700, left: 400, width: 600, height: 40 };

describe('placeBar', () => {
  it('puts the bar right above the composer, as wide, its bottom edge a gap above the composer', () => {
    const placed = placeBar(COMPOSER, 44, VIEW);
    expect(placed).toEqual({ top: 700 - BAR_GAP_PX, left: 400, width: 600 });
    // The bar is drawn upwards from `top`: it ends above the composer's first line, never over it.
    expect(placed!.top).toBeLessThan(COMPOSER.top);
  });

  it('follows the composer when it grows upwards or moves', () => {
    const taller = placeBar({ ...COMPOSER, top: 600, height: 140 }, 44, VIEW);
    expect(taller!.top).toBe(600 - BAR_GAP_PX);
    const moved = placeBar({ ...COMPOSER, left: 80 }, 44, VIEW);
    expect(moved!.left).toBe(80);
  });

  it('is hidden when the composer is not laid out or out of view', () => {
    expect(placeBar({ ...COMPOSER, width: 0, height: 0 }, 44, VIEW)).toBeNull();
    expect(placeBar({ ...COMPOSER, top: 900 }, 44, VIEW)).toBeNull();
    expect(placeBar({ ...COMPOSER, top: -100 }, 44, VIEW)).toBeNull();
    expect(placeBar({ ...COMPOSER, left: 1300 }, 44, VIEW)).toBeNull();
  });

  it('is hidden rather than covering the text when there is no room above the composer', () => {
    expect(placeBar({ ...COMPOSER, top: 30 }, 44, VIEW)).toBeNull();
    expect(placeBar({ ...COMPOSER, top: 44 + BAR_GAP_PX }, 44, VIEW)).not.toBeNull();
  });

  it('stays inside the window when the composer sticks out sideways', () => {
    expect(placeBar({ ...COMPOSER, left: -50, width: 400 }, 44, VIEW)).toMatchObject({ left: 0, width: 350 });
    // What is left of a composer sticking out on the right is narrower than the bar's minimum.
    expect(placeBar({ ...COMPOSER, left: 1000, width: 400 }, 44, VIEW)).toMatchObject({
      left: VIEW.width - MIN_BAR_WIDTH_PX,
      width: MIN_BAR_WIDTH_PX,
    });
  });

  it('is never narrower than its minimum, starting at the composer when the window has room', () => {
    // A compact message box: the bar keeps its words on one line, widened to the right.
    expect(placeBar({ ...COMPOSER, left: 500, width: 90 }, 44, VIEW)).toMatchObject({
      left: 500,
      width: MIN_BAR_WIDTH_PX,
    });
    // Near the right edge it moves left just enough.
    expect(placeBar({ ...COMPOSER, left: 1100, width: 90 }, 44, VIEW)).toMatchObject({
      left: VIEW.width - MIN_BAR_WIDTH_PX,
      width: MIN_BAR_WIDTH_PX,
    });
    // A window narrower than the minimum: the whole window.
    expect(placeBar({ ...COMPOSER, left: 10, width: 90 }, 44, { width: 300, height: 800 })).toMatchObject({
      left: 0,
      width: 300,
    });
  });

  it("in a right-to-left language, starts at the composer's right edge and widens to the left", () => {
    expect(placeBar(COMPOSER, 44, VIEW, true)).toEqual({ top: 700 - BAR_GAP_PX, left: 400, width: 600 });
    expect(placeBar({ ...COMPOSER, left: 500, width: 90 }, 44, VIEW, true)).toMatchObject({
      left: 590 - MIN_BAR_WIDTH_PX,
      width: MIN_BAR_WIDTH_PX,
    });
    // Near the left edge it moves right just enough.
    expect(placeBar({ ...COMPOSER, left: 20, width: 90 }, 44, VIEW, true)).toMatchObject({
      left: 0,
      width: MIN_BAR_WIDTH_PX,
    });
  });
});
