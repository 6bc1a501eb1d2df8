import { describe, expect, it } from "vitest";
import { decimalsOf, niceScale, niceStep, yearTicks } from "@/lib/charts/scale";

describe("niceStep", () => {
  it("picks 1, 2, 2.5 or 5 times a power of ten", () => {
    expect(niceStep(10, 5)).toBe(2);
    expect(niceStep(7, 5)).toBe(2);
    expect(niceStep(1.2, 5)).toBe(0.25);
    expect(niceStep(100, 4)).toBe(25);
    expect(niceStep(3000, 5)).toBe(1000);
  });
  it("falls back to 1 for an empty span", () => {
    expect(niceStep(0)).toBe(1);
    expect(niceStep(Number.NaN)).toBe(1);
  });
});

describe("niceScale", () => {
  it("holds every value inside nice ends, ticks at each step", () => {
    // GDP growth targets of the State Council, 2003–2025: 7% to 8%, actuals up to 11.4%.
    const scale = niceScale([7, 8, 7.5, 11.4, 6.5, 2.3]);
    expect(scale).not.toBeNull();
    expect(scale?.domain).toEqual([2, 12]);
    expect(scale?.ticks).toEqual([2, 4, 6, 8, 10, 12]);
  });
  it("never gives more intervals than asked for", () => {
    for (const values of [
      [0.3, 9.7],
      [-3.1, 14.2],
      [1, 1001],
      [0.01, 0.07],
    ]) {
      const scale = niceScale(values, { maxTicks: 5 });
      expect((scale?.ticks.length ?? 0) - 1).toBeLessThanOrEqual(5);
      expect(scale?.domain[0]).toBeLessThanOrEqual(Math.min(...values));
      expect(scale?.domain[1]).toBeGreaterThanOrEqual(Math.max(...values));
    }
  });
  it("keeps zero in the domain for bars", () => {
    expect(niceScale([5.5, 7], { includeZero: true })?.domain[0]).toBe(0);
    expect(niceScale([-2, -7], { includeZero: true })?.domain[1]).toBe(0);
  });
  it("gives a single value some air instead of drawing it on the frame", () => {
    const scale = niceScale([7]);
    expect(scale?.domain[0]).toBeLessThan(7);
    expect(scale?.domain[1]).toBeGreaterThan(7);
  });
  it("prints ticks without floating-point noise", () => {
    const scale = niceScale([0.1, 0.7]);
    expect(scale?.ticks.every((tick) => String(tick).length <= 4)).toBe(true);
  });
  it("ignores missing values and answers null when nothing is left", () => {
    expect(niceScale([null, undefined, Number.NaN])).toBeNull();
    expect(niceScale([null, 3, 5])?.domain).toEqual([3, 5]);
  });
});

describe("decimalsOf", () => {
  it("counts the decimals a step needs", () => {
    expect(decimalsOf(5)).toBe(0);
    expect(decimalsOf(0.25)).toBe(2);
    expect(decimalsOf(0.1)).toBe(1);
  });
});

describe("yearTicks", () => {
  it("labels every year of a short span", () => {
    expect(yearTicks([2018, 2019, 2020])).toEqual([2018, 2019, 2020]);
  });
  it("thins a long span to round years and keeps both ends", () => {
    const years = Array.from({ length: 23 }, (_, i) => 2003 + i);
    const ticks = yearTicks(years, 8);
    expect(ticks[0]).toBe(2003);
    expect(ticks.at(-1)).toBe(2025);
    expect(ticks.length).toBeLessThanOrEqual(9);
    expect(ticks).toContain(2010);
  });
  it("answers nothing for no years", () => {
    expect(yearTicks([])).toEqual([]);
  });
});
