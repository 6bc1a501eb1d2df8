import { describe, expect, it } from "vitest";
import { rowWindow, scrollToReveal } from "@/lib/charts/windowing";

describe("rowWindow", () => {
  const base = { viewportHeight: 400, rowHeight: 40, count: 2000, overscan: 5 };
  it("renders the first screen plus overscan at the top", () => {
    const w = rowWindow({ ...base, scrollTop: 0 });
    expect(w).toEqual({ start: 0, end: 16, padTop: 0, padBottom: (2000 - 16) * 40 });
  });
  it("keeps the total height constant wherever it scrolls", () => {
    for (const scrollTop of [0, 123, 4000, 40_000, 79_600]) {
      const w = rowWindow({ ...base, scrollTop });
      expect(w.padTop + (w.end - w.start) * 40 + w.padBottom).toBe(2000 * 40);
      expect(w.end - w.start).toBeLessThanOrEqual(16 + 5);
    }
  });
  it("covers the rows in view", () => {
    const w = rowWindow({ ...base, scrollTop: 40_020 });
    expect(w.start).toBeLessThanOrEqual(1000);
    expect(w.end).toBeGreaterThanOrEqual(1011);
  });
  it("clamps a scroll position past the end", () => {
    const w = rowWindow({ ...base, scrollTop: 1e9 });
    expect(w.end).toBe(2000);
    expect(w.padBottom).toBe(0);
  });
  it("renders everything of a short list and nothing of an empty one", () => {
    expect(rowWindow({ ...base, count: 3, scrollTop: 0 })).toMatchObject({ start: 0, end: 3, padBottom: 0 });
    expect(rowWindow({ ...base, count: 0, scrollTop: 0 })).toEqual({ start: 0, end: 0, padTop: 0, padBottom: 0 });
  });
});

describe("rowWindow with chunks", () => {
  const base = { viewportHeight: 400, rowHeight: 40, count: 2000, overscan: 5, chunk: 8 };
  it("keeps the same window while scrolling within a chunk", () => {
    // Rows 101–108 at the top (less the overscan of 5: 96–103) all fall in the chunk starting at row 96.
    const first = rowWindow({ ...base, scrollTop: 4040 });
    for (const scrollTop of [4060, 4200, 4359]) expect(rowWindow({ ...base, scrollTop })).toEqual(first);
    expect(rowWindow({ ...base, scrollTop: 4360 }).start).toBe(first.start + 8);
    expect(first.start % 8).toBe(0);
    expect(first.end % 8).toBe(0);
  });
  it("still covers the rows in view, and the total height", () => {
    for (const scrollTop of [0, 333, 4444, 79_000]) {
      const w = rowWindow({ ...base, scrollTop });
      const firstVisible = Math.floor(scrollTop / 40);
      expect(w.start).toBeLessThanOrEqual(firstVisible);
      expect(w.end).toBeGreaterThanOrEqual(Math.min(2000, firstVisible + 11));
      expect(w.padTop + (w.end - w.start) * 40 + w.padBottom).toBe(80_000);
    }
  });
});

describe("scrollToReveal", () => {
  it("moves as little as possible to show a row", () => {
    expect(scrollToReveal(0, 400, 400, 40)).toBe(0);
    expect(scrollToReveal(20, 0, 400, 40)).toBe(440);
    expect(scrollToReveal(5, 0, 400, 40)).toBeNull();
  });
});
