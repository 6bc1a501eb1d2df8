/**
 * Row windowing for long tables: which rows of a fixed-height list to render for a scroll position, and the space
 * to leave above and below them so the scrollbar stays true. Pure maths, unit-tested in tests/charts/windowing.test.ts.
 */

export interface WindowInput {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  count: number;
  /** Rows rendered beyond each edge of the viewport, so fast scrolling does not show blank space (default 8). */
  overscan?: number;
  /**
   * Window edges snap to multiples of this many rows (default 1), so that small scroll steps leave the window as it
   * is and nothing re-renders until a whole chunk has scrolled by.
   */
  chunk?: number;
}

export interface RowWindow {
  /** First rendered row (inclusive) and the row after the last (exclusive). */
  start: number;
  end: number;
  /** Heights in px of the blank space before and after the rendered rows. */
  padTop: number;
  padBottom: number;
}

export function rowWindow(input: WindowInput): RowWindow {
  const { rowHeight, count } = input;
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0, padTop: 0, padBottom: 0 };
  const overscan = input.overscan ?? 8;
  const maxScroll = Math.max(0, count * rowHeight - input.viewportHeight);
  const scrollTop = Math.min(Math.max(0, input.scrollTop), maxScroll);
  const firstVisible = Math.floor(scrollTop / rowHeight);
  const visibleCount = Math.ceil(Math.max(0, input.viewportHeight) / rowHeight) + 1;
  const chunk = Math.max(1, Math.floor(input.chunk ?? 1));
  // The end follows the start, so that both edges move together, a chunk at a time.
  const start = Math.max(0, Math.floor((firstVisible - overscan) / chunk) * chunk);
  const end =
    chunk === 1
      ? Math.min(count, firstVisible + visibleCount + overscan)
      : Math.min(count, start + Math.ceil((visibleCount + 2 * overscan + chunk - 1) / chunk) * chunk);
  return { start, end, padTop: start * rowHeight, padBottom: (count - end) * rowHeight };
}

/** The scroll position that brings row `index` into view, moving as little as possible (null: already visible). */
export function scrollToReveal(
  index: number,
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
): number | null {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return bottom - viewportHeight;
  return null;
}
