import { describe, expect, it } from "vitest";
import { filterIndicatorOptions, indicatorMatch } from "@/components/compare/indicator-filter";
import { englishIndicatorName, LEXICON } from "@/lib/engine/indicators";
import type { TIndicatorOption } from "@/lib/schemas/dashboard";

const option = (indicator: string, measure: TIndicatorOption["measure"], count: number): TIndicatorOption => {
  const entry = LEXICON.find((e) => e.name === indicator);
  return { indicator, measure, count, synonyms: entry?.synonyms ?? [], english: englishIndicatorName(indicator) };
};

const OPTIONS = [
  option("地区生产总值", "growth", 59),
  option("一般公共预算收入", "growth", 40),
  option("居民消费价格", "growth", 30),
  option("人均地区生产总值", "level", 5),
  option("城镇调查失业率", "share", 12),
];

describe("the indicator picker's filter", () => {
  it("keeps every option, most frequent first, for an empty query", () => {
    expect(filterIndicatorOptions(OPTIONS, "  ")).toEqual(OPTIONS);
  });
  it("finds by the Chinese name, a part of it, or another name the lexicon knows", () => {
    expect(filterIndicatorOptions(OPTIONS, "生产总值").map((o) => o.indicator)).toEqual([
      "地区生产总值",
      "人均地区生产总值",
    ]);
    expect(filterIndicatorOptions(OPTIONS, "国内生产总值").map((o) => o.indicator)).toContain("地区生产总值");
    expect(filterIndicatorOptions(OPTIONS, "CPI").map((o) => o.indicator)).toEqual(["居民消费价格"]);
    expect(filterIndicatorOptions(OPTIONS, "失业").map((o) => o.indicator)).toEqual(["城镇调查失业率"]);
  });
  it("finds by the English name, ignoring case and spaces, names that start with the query first", () => {
    expect(filterIndicatorOptions(OPTIONS, "gdp").map((o) => o.indicator)).toEqual([
      "地区生产总值",
      "人均地区生产总值",
    ]);
    expect(filterIndicatorOptions(OPTIONS, "budget revenue").map((o) => o.indicator)).toEqual(["一般公共预算收入"]);
    expect(filterIndicatorOptions(OPTIONS, "per capita").map((o) => o.indicator)).toEqual(["人均地区生产总值"]);
  });
  it("finds by the measure's word and drops what matches nothing", () => {
    expect(filterIndicatorOptions(OPTIONS, "总值增速", (o) => (o.measure === "growth" ? "增速" : "总量"))).toHaveLength(
      1,
    );
    expect(filterIndicatorOptions(OPTIONS, "我国有")).toEqual([]);
    expect(indicatorMatch(option("地区生产总值", "growth", 1), "口袋公园")).toBe(0);
  });
});
