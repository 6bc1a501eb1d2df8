import { describe, expect, it } from "vitest";
import {
  compareChartData,
  compareGap,
  decidingBound,
  seriesKeys,
  superiorKey,
  targetChanges,
  targetDirection,
} from "@/lib/charts/compare-series";
import { messages } from "@/lib/i18n";
import { formatCompareGap } from "@/lib/i18n/numbers";
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

describe("decidingBound", () => {
  const range = target(null, { qualifier: "range", min: 6.5, max: 7 });
  it("is the value, or the bound of a range that decides its verdict (verdicts.md)", () => {
    expect(decidingBound(target(7))).toBe(7);
    // Higher is better: a 6.5–7% growth range is met at 6.5%.
    expect(decidingBound(range, "higher_better")).toBe(6.5);
    // Lower is better: a 2–3% cap range is met under 3%.
    expect(decidingBound(range, "lower_better")).toBe(7);
    // No direction, no verdict: the middle, only to place it.
    expect(decidingBound(range, "neutral")).toBe(6.75);
    expect(decidingBound(null)).toBeNull();
  });
  it("reads the direction from the qualifier first, then the polarity", () => {
    expect(targetDirection("at_most", "higher_better")).toBe("<=");
    expect(targetDirection("at_least", "lower_better")).toBe(">=");
    expect(targetDirection("about", "lower_better")).toBe("<=");
    expect(targetDirection("range", "higher_better")).toBe(">=");
    expect(targetDirection("about", "neutral")).toBeNull();
  });
});

describe("compareGap", () => {
  const zh = messages("zh-CN");
  const en = messages("en");
  const actual = (value: number, unit = "%") => ({ value, unit });
  it("judges a range at its deciding bound: 2016's 6.7% against 6.5–7% is +0.2 points, better", () => {
    const gap = compareGap(target(null, { qualifier: "range", min: 6.5, max: 7 }), actual(6.7), "higher_better");
    expect(gap).toEqual({ value: 0.2, unit: "pp", tone: "better" });
    expect(formatCompareGap(gap, zh, "zh-CN")).toBe("+0.2 个百分点");
    expect(formatCompareGap(gap, en, "en")).toBe("+0.2 pp");
  });
  it("turns the sign by direction: inflation 1.6% under a 3% cap is +1.4 points and good, over it is bad", () => {
    const cap = target(3, { qualifier: "about" });
    expect(compareGap(cap, actual(1.6), "lower_better")).toEqual({ value: 1.4, unit: "pp", tone: "better" });
    expect(compareGap(cap, actual(3.5), "lower_better")).toEqual({ value: -0.5, unit: "pp", tone: "worse" });
    // 以内 caps whatever the polarity.
    expect(compareGap(target(4.5, { qualifier: "at_most" }), actual(4), "higher_better")?.tone).toBe("better");
  });
  it("gives missed growth a negative gap: 2014's 7.4% against 7.5% is −0.1 points", () => {
    const gap = compareGap(target(7.5), actual(7.4), "higher_better");
    expect(gap).toEqual({ value: -0.1, unit: "pp", tone: "worse" });
    expect(formatCompareGap(gap, zh, "zh-CN")).toBe("−0.1 个百分点");
  });
  it("states a level's gap in the target's unit", () => {
    const jobs = target(900, { unit: "万人", qualifier: "at_least" });
    const gap = compareGap(jobs, actual(980, "万人"), "higher_better");
    expect(gap).toEqual({ value: 80, unit: "万人", tone: "better" });
    expect(formatCompareGap(gap, zh, "zh-CN")).toBe("+80万人");
    expect(compareGap(target(7), actual(7), "higher_better")?.tone).toBe("even");
  });
  it("has no gap across units, without a figure, and no colour without a direction", () => {
    expect(compareGap(target(900, { unit: "万人" }), actual(9, "亿元"), "higher_better")).toBeNull();
    expect(compareGap(target(7), null, "higher_better")).toBeNull();
    expect(compareGap(null, actual(7), "higher_better")).toBeNull();
    expect(compareGap(target(12), actual(13), "neutral")).toEqual({ value: 1, unit: "pp", tone: "neutral" });
    expect(formatCompareGap(null, zh, "zh-CN")).toBe("—");
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
    expect(changes.get(2019)).toBe(-0.5); // 6% (the lower bound decides) against 6.5%
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
    // The range's line point is its deciding bound, with its extent above it for the error bar.
    expect(data.rows[2]?.[keys.target]).toBe(6.5);
    expect(data.rows[2]?.[keys.extent]).toEqual([0, 0.5]);
    expect(data.rows[3]?.[keys.absent]).toBe(true);
  });
  it("scales the axis to targets, bands and actuals", () => {
    const scale = compareChartData(series).scale;
    expect(scale?.domain[0]).toBeLessThanOrEqual(6.5);
    expect(scale?.domain[1]).toBeGreaterThanOrEqual(7.5);
  });
  it("puts a superior's target on its own key", () => {
    const superior = { code: "000000", name: "全国", points: [point(2014, { target: target(7.5) })] };
    const data = compareChartData(
      [{ ...series[0], code: "440000", name: "广东省", points: series[0]?.points ?? [] }],
      "higher_better",
      [superior],
    );
    expect(data.rows[0]?.[superiorKey("000000")]).toBe(7.5);
    expect(data.rows[1]?.[superiorKey("000000")]).toBeNull();
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
