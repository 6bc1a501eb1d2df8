import { describe, expect, it } from "vitest";
import { compareChartData, seriesKeys, targetChanges, targetPoint } from "@/lib/charts/compare-series";
import type { TComparePoint } from "@/lib/schemas/dashboard";

const target = (value: number | null, extra: Partial<NonNullable<TComparePoint["target"]>> = {}) => ({
  id: `t${value}`,
  reportId: "r",
  qualifier: "about" as const,
  value,
  min: null,
  max: null,
  unit: "%",
  text: `增长${value}%左右`,
  ...extra,
});

const point = (year: number, partial: Partial<TComparePoint>): TComparePoint => ({
  year,
  status: "target",
  target: null,
  actual: null,
  verdict: null,
  ...partial,
});

describe("targetPoint", () => {
  it("is the value, or the middle of a range", () => {
    expect(targetPoint(target(7))).toBe(7);
    expect(targetPoint(target(null, { qualifier: "range", min: 6, max: 6.5 }))).toBe(6.25);
    expect(targetPoint(null)).toBeNull();
  });
});

describe("targetChanges", () => {
  it("compares consecutive years only", () => {
    const changes = targetChanges([
      point(2018, { target: target(6.5) }),
      point(2019, { target: target(null, { qualifier: "range", min: 6, max: 6.5 }) }),
      point(2021, { target: target(6) }),
    ]);
    expect(changes.get(2018)).toBeNull();
    expect(changes.get(2019)).toBe(-0.25);
    expect(changes.get(2021)).toBeNull(); // 2020 states none
  });
});

describe("compareChartData", () => {
  const series = [
    {
      code: "000000",
      name: "全国",
      points: [
        point(2014, {
          target: target(7.5),
          actual: { id: "o", reportId: "r", value: 7.4, unit: "%", estimated: false, text: "增长7.4%", matched: true },
        }),
        point(2016, { target: target(null, { qualifier: "range", min: 6.5, max: 7 }) }),
        point(2017, { status: "absent" }),
      ],
    },
  ];
  it("has a row for every year between the first and the last, gaps as null", () => {
    const data = compareChartData(series);
    expect(data.years).toEqual([2014, 2015, 2016, 2017]);
    const keys = seriesKeys("000000");
    expect(data.rows[0]?.[keys.target]).toBe(7.5);
    expect(data.rows[0]?.[keys.actual]).toBe(7.4);
    expect(data.rows[1]?.[keys.target]).toBeNull();
    expect(data.rows[2]?.[keys.band]).toEqual([6.5, 7]);
    expect(data.rows[3]?.[keys.absent]).toBe(true);
  });
  it("scales the axis to targets, bands and actuals", () => {
    const scale = compareChartData(series).scale;
    expect(scale?.domain[0]).toBeLessThanOrEqual(6.5);
    expect(scale?.domain[1]).toBeGreaterThanOrEqual(7.5);
  });
  it("is empty without points", () => {
    expect(compareChartData([])).toEqual({ rows: [], years: [], scale: null });
  });
});

describe("chartSpan", () => {
  it("starts at the first stated target, leaving out earlier plans that set none", () => {
    const data = compareChartData([
      {
        code: "000000",
        name: "全国",
        points: [
          point(1998, { status: "absent" }),
          point(2003, { target: target(7) }),
          point(2004, { status: "absent" }),
        ],
      },
    ]);
    expect(data.years).toEqual([2003, 2004]);
  });
});
