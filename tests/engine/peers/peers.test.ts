/** Ranks, target changes and amplification across jurisdictions (lib/engine/peers), by the figure that decides. */
import { describe, expect, it } from "vitest";
import { decisiveValue } from "@/lib/engine/match";
import { amplification, amplificationYear, gdpWeight, ranks, targetChange } from "@/lib/engine/peers";

const target = (
  qualifier: "about" | "range" | "at_least" | "at_most",
  value: number | null,
  min = null as number | null,
  max = null as number | null,
) => ({
  qualifier,
  value,
  min,
  max,
  unit: "%",
  polarity: "higher_better" as const,
});

describe("the figure a target is compared by", () => {
  it("is a range's floor for a higher-better indicator and its cap for a lower-better one, never its middle", () => {
    expect(decisiveValue(target("range", null, 5, 5.5))).toBe(5);
    expect(decisiveValue({ ...target("range", null, 2, 3), polarity: "lower_better" })).toBe(3);
    expect(decisiveValue(target("about", 5))).toBe(5);
    expect(decisiveValue(target("at_least", 7))).toBe(7);
    expect(decisiveValue({ ...target("about", null), qualifier: "none" as never })).toBeNull();
  });
});

describe("ranks", () => {
  it("give the most ambitious target rank 1 and ties one rank, skipping the places they take", () => {
    expect(ranks([5, 7, 5.5, 5, null, 4.5], "higher_better")).toEqual([3, 1, 2, 3, null, 5]);
  });
  it("count the lowest cap as the most ambitious for a lower-better indicator", () => {
    expect(ranks([3, 2.5, 3], "lower_better")).toEqual([2, 1, 2]);
  });
  it("treat figures equal to within rounding as ties", () => {
    expect(ranks([5.1, 5.1000000001], "higher_better")).toEqual([1, 1]);
  });
});

describe("the change of a target", () => {
  it("is raised, unchanged or lowered by the difference of decisive figures, in the target's unit", () => {
    expect(targetChange({ value: 5.5, unit: "%" }, { value: 5, unit: "%" })).toEqual({
      direction: "raised",
      by: 0.5,
      unit: "%",
    });
    expect(targetChange({ value: 5, unit: "%" }, { value: 5, unit: "%" })).toEqual({
      direction: "unchanged",
      by: 0,
      unit: "%",
    });
    expect(targetChange({ value: 4.5, unit: "%" }, { value: 5, unit: "%" })).toMatchObject({
      direction: "lowered",
      by: -0.5,
    });
  });
  it("converts last year's unit, and gives up on units that do not convert", () => {
    expect(targetChange({ value: 12000, unit: "亿元" }, { value: 1, unit: "万亿元" })).toMatchObject({ by: 2000 });
    expect(targetChange({ value: 5, unit: "%" }, { value: 300, unit: "亿元" })).toBeNull();
  });
});

describe("amplification", () => {
  it("compares a subordinate's rate with its superior's in points", () => {
    expect(amplification({ value: 7, unit: "%" }, { value: 6.5, unit: "%" }, "higher_better")).toEqual({
      relation: "above",
      gap: 0.5,
    });
    expect(amplification({ value: 6.5, unit: "%" }, { value: 6.5, unit: "%" }, "higher_better")).toEqual({
      relation: "equal",
      gap: 0,
    });
    expect(amplification({ value: 6, unit: "%" }, { value: 6.5, unit: "%" }, "higher_better")).toEqual({
      relation: "below",
      gap: -0.5,
    });
  });
  it("reads a tighter cap as amplified for a lower-better indicator", () => {
    expect(amplification({ value: 2.5, unit: "%" }, { value: 3, unit: "%" }, "lower_better")).toEqual({
      relation: "above",
      gap: -0.5,
    });
  });
  it("does not compare levels: a county's GDP is no match for its province's", () => {
    expect(amplification({ value: 300, unit: "亿元" }, { value: 50000, unit: "亿元" }, "higher_better")).toBeNull();
  });
});

describe("a year of amplification", () => {
  it("counts subordinates above, equal and below, and averages their targets plain and weighted by GDP", () => {
    const year = amplificationYear(
      2026,
      [
        { value: 7, amplification: { relation: "above", gap: 1 }, weight: 100 },
        { value: 6, amplification: { relation: "equal", gap: 0 }, weight: 300 },
        { value: 5.5, amplification: { relation: "below", gap: -0.5 }, weight: null },
        { value: 8, amplification: null, weight: 100 },
        { value: null, amplification: null, weight: 500 },
      ],
      6,
    );
    expect(year).toEqual({
      year: 2026,
      targets: 4,
      compared: 3,
      above: 1,
      equal: 1,
      below: 1,
      meanGap: 0.1667,
      mean: 6.625,
      // (7×100 + 6×300 + 8×100) / 500
      weightedMean: 6.6,
      weighted: 3,
      superior: 6,
    });
  });
  it("has no means without targets", () => {
    expect(amplificationYear(2020, [], null)).toMatchObject({
      targets: 0,
      mean: null,
      weightedMean: null,
      meanGap: null,
    });
  });
});

describe("the GDP level a target is weighed by", () => {
  it("is the most precise of the review's figures, in 亿元", () => {
    const best = gdpWeight([
      { value: 3, unit: "万亿元", text: "突破3万亿元" },
      { value: 32765, unit: "亿元", text: "完成地区生产总值32765亿元" },
    ]);
    expect(best).toMatchObject({ weight: 32765, text: "完成地区生产总值32765亿元" });
    expect(gdpWeight([{ value: 5.67, unit: "万亿元", text: "" }])?.weight).toBeCloseTo(56700);
    expect(gdpWeight([{ value: 5.4, unit: "%", text: "增长5.4%" }])).toBeNull();
  });
});
