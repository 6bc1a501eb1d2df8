import { describe, expect, it } from "vitest";
import { sparkline } from "@/lib/charts/sparkline";

const box = { width: 100, height: 20, pad: 0 };

describe("sparkline", () => {
  it("maps years across the width and shares up the height", () => {
    const line = sparkline(
      [
        { x: 2018, y: 0 },
        { x: 2019, y: 0.5 },
        { x: 2020, y: 1 },
      ],
      box,
    );
    expect(line.path).toBe("M0 20 L50 10 L100 0");
    expect(line.dots).toHaveLength(3);
  });
  it("lifts the pen over a missing value and over a skipped year", () => {
    const line = sparkline(
      [
        { x: 2015, y: 1 },
        { x: 2016, y: null },
        { x: 2017, y: 1 },
        { x: 2018, y: 1 },
        { x: 2020, y: 0 },
      ],
      box,
    );
    expect(line.path.match(/M/g)).toHaveLength(3);
    expect(line.dots.map((d) => d.x)).toEqual([2015, 2017, 2018, 2020]);
  });
  it("centres a single point", () => {
    expect(sparkline([{ x: 2019, y: 0.5 }], box).dots[0]).toMatchObject({ cx: 50, cy: 10 });
  });
  it("clamps values outside the domain", () => {
    expect(sparkline([{ x: 1, y: 2 }], box).dots[0]?.cy).toBe(0);
  });
  it("draws nothing for no points", () => {
    expect(sparkline([], box)).toEqual({ path: "", dots: [] });
  });
});
