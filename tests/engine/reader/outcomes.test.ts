/**
 * Outcomes of review sections: the labelled outcomes of 市南区's review of 2019, estimates, a level and a growth
 * from one clause, verdicts stated in words, a news article as a review source, and figures that are not outcomes.
 */
import { describe, expect, it } from "vitest";
import type { ReadReport } from "@/lib/engine/reader";
import { shinan2019Outcomes, shinan2019ReviewSource } from "@/tests/labels/pair-shinan-2019";
import { corpusReports, NATIONAL, SEEDS } from "./corpus";

async function reportOf(source: string, year: number): Promise<ReadReport> {
  const report = (await corpusReports(source)).find((r) => r.year === year);
  if (!report) throw new Error(`no ${year} report in ${source}`);
  return report;
}

/** Outcomes whose evidence overlaps the first occurrence of `snippet` in the review section. */
function outcomesAt(report: ReadReport, snippet: string) {
  const review = report.sections.find((s) => s.kind === "review");
  const at = report.text.indexOf(snippet, review?.start ?? 0);
  expect(at, `snippet ${snippet}`).toBeGreaterThanOrEqual(0);
  return report.outcomes.filter((o) => o.start < at + snippet.length && at < o.end);
}

describe("市南区's review of 2019 (in the 2020 report)", () => {
  it("finds every labelled outcome with its value, unit, measure and hedge", async () => {
    const report = await reportOf(shinan2019ReviewSource, 2020);
    const missing = shinan2019Outcomes.filter((label) => {
      const found = outcomesAt(report, label.find).find((o) => o.value === label.value && o.unit === label.unit);
      return !found || found.measure !== label.measure || found.estimated !== label.estimated || found.year !== 2019;
    });
    expect(missing.map((label) => label.find)).toEqual([]);
  });

  it("reads a level and a growth from `…预算收入87.2亿元,同比增长1%`", async () => {
    const report = await reportOf(shinan2019ReviewSource, 2020);
    const found = outcomesAt(report, "87.2亿元,同比增长1%");
    expect(found.map((o) => [o.indicator, o.measure, o.value, o.unit])).toEqual([
      ["一般公共预算收入", "level", 87.2, "亿元"],
      ["一般公共预算收入", "growth", 1, "%"],
    ]);
  });

  it("marks `预计` and `左右` figures as estimates and firm figures as not", async () => {
    const report = await reportOf(shinan2019ReviewSource, 2020);
    expect(outcomesAt(report, "预计全区生产总值同比增长6%左右")[0]).toMatchObject({ estimated: true, value: 6 });
    expect(outcomesAt(report, "新增就业10.2万人")[0]).toMatchObject({ estimated: false, value: 10.2, unit: "万人" });
  });

  it("gives rates listed with `分别` to the amounts listed before them, in order", async () => {
    const report = await reportOf(SEEDS.shinanTwoYears, 2019);
    const found = outcomesAt(report, "同比分别增长12.8%、14.8%");
    expect(found.map((o) => [o.indicator, o.value])).toEqual([
      ["发明专利授权", 12.8],
      ["发明专利拥有量", 14.8],
    ]);
  });

  it("reads a bare figure after a rate as another rate: `同比分别下降27.2%、19.7%`", async () => {
    const report = await reportOf(SEEDS.shinanTwoYears, 2019);
    const found = outcomesAt(report, "同比分别下降27.2%、19.7%");
    expect(found.map((o) => [o.measure, o.value, o.polarity])).toEqual([
      ["growth", 27.2, "higher_better"],
      ["growth", 19.7, "higher_better"],
    ]);
  });

  it("takes no outcome from a share of something described (`完成占全市80%的…任务`)", async () => {
    const report = await reportOf(SEEDS.shinanTwoYears, 2019);
    expect(outcomesAt(report, "完成占全市80%的峰会").map((o) => o.text)).toEqual([]);
  });
});

describe("figures that span several years", () => {
  it("2008: `比2002年增长65.5%` and `年均增长10.6%` are figures of a period, not outcomes of 2007; `比上年下降3.27%` is", async () => {
    const report = await reportOf(NATIONAL, 2008);
    const sinceBase = outcomesAt(report, "比2002年增长65.5%").filter((o) => o.value === 65.5);
    expect(sinceBase.map((o) => [o.year, o.period])).toEqual([[null, [2003, 2007]]]);
    expect(
      outcomesAt(report, "年均增长10.6%")
        .filter((o) => o.year === 2007)
        .map((o) => o.value),
    ).not.toContain(10.6);
    expect(outcomesAt(report, "比上年下降3.27%").map((o) => [o.value, o.year])).toContainEqual([3.27, 2007]);
  });
});

describe("last year's figures outside the review heading", () => {
  it("2011: the plan's look back (`过去一年，…增长10.3%…`) gives outcomes of 2010, not targets", async () => {
    const report = await reportOf(NATIONAL, 2011);
    expect(report.outcomes.find((o) => o.indicator === "地区生产总值" && o.value === 10.3)).toMatchObject({
      measure: "growth",
      year: 2010,
    });
    expect(report.targets.filter((t) => t.value === 10.3 || t.value === 1168)).toEqual([]);
  });

  it("2019: `调查失业率稳定在5%左右的较低水平` is the figure itself, not a description", async () => {
    const report = await reportOf(NATIONAL, 2019);
    expect(outcomesAt(report, "稳定在5%左右的较低水平")).toMatchObject([
      { indicator: "城镇调查失业率", value: 5, estimated: true },
    ]);
  });
});

describe("verdicts stated in words", () => {
  it("2012: `节能减排、物价调控目标没有完成` → two missed outcomes", async () => {
    const report = await reportOf(NATIONAL, 2012);
    const found = outcomesAt(report, "物价调控目标没有完成");
    expect(found.map((o) => [o.measure, o.stated])).toEqual([
      ["qualitative", "missed"],
      ["qualitative", "missed"],
    ]);
  });

  it("2016: `预期增长目标未能实现` is about 进出口总额, missed; `1312万人，超过全年预期目标` is met", async () => {
    const report = await reportOf(NATIONAL, 2016);
    expect(outcomesAt(report, "预期增长目标未能实现")).toMatchObject([
      { indicator: "进出口总额", stated: "missed", year: 2015 },
    ]);
    expect(outcomesAt(report, "城镇新增就业1312万人")).toMatchObject([
      { indicator: "新增就业", value: 1312, stated: "met" },
    ]);
  });

  it("2007: the targets named after `没有实现` are missed, and their figures are not taken as outcomes", async () => {
    const report = await reportOf(NATIONAL, 2007);
    const found = outcomesAt(report, "能耗降低4%左右");
    expect(found).toMatchObject([{ indicator: "单位地区生产总值能耗", value: null, stated: "missed" }]);
  });

  it("leaves `stated` empty where the text gives a figure only", async () => {
    const report = await reportOf(NATIONAL, 2016);
    expect(outcomesAt(report, "增长6.9%")[0]).toMatchObject({ indicator: "地区生产总值", value: 6.9, stated: null });
  });
});

describe("a news article as a review source (seed 004)", () => {
  it("reports 2018 outcomes of 市南区, figures as the article gives them", async () => {
    const [report] = await corpusReports(SEEDS.shinanNews);
    expect(report?.sections.map((s) => s.kind)).toEqual(["review"]);
    expect(report?.targets).toEqual([]);
    expect(report?.outcomes.every((o) => o.year === 2018)).toBe(true);
    const foreign = outcomesAt(report as ReadReport, "6.1亿美元、同比增长35.5%");
    expect(foreign.map((o) => [o.measure, o.value, o.unit])).toEqual([
      ["level", 6.1, "亿美元"],
      ["growth", 35.5, "%"],
    ]);
  });
});
