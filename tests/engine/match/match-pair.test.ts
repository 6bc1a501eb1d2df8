import { describe, expect, it } from "vitest";
import { matchPair as matchCodes } from "@/lib/engine/match";
import { outcome, target } from "./build";
import { printedOne } from "./printed";

/** The matches with their reasons as the CLI prints them. */
function matchPair(...args: Parameters<typeof matchCodes>) {
  const result = matchCodes(...args);
  return { ...result, matches: result.matches.map(printedOne) };
}

const strict = { tolerance: 0 };

describe("matchPair", () => {
  it("gives a qualitative target the review's statement that it was done, rather than a bare figure", () => {
    const trade = target({ indicator: "进出口", measure: "qualitative", qualifier: "none", polarity: "neutral" });
    const figure = outcome({ indicator: "货物进出口总额", measure: "growth", value: 7.7, unit: "%" });
    const words = outcome({
      indicator: "货物进出口",
      measure: "qualitative",
      stated: "met",
      text: "货物进出口好于预期",
    });
    const result = matchPair([trade], [figure, words], strict);
    expect(result.matches[0]).toMatchObject({ outcome: words, verdict: "met", reason: "报告称:货物进出口好于预期" });
    // Without a statement, a person judges it (never no_outcome).
    expect(matchPair([trade], [figure], strict).matches[0]?.verdict).toBe("needs_review");
    expect(matchPair([trade], [], strict).matches[0]?.verdict).toBe("needs_review");
  });

  it("gives a growth target the growth, not the level, of the same indicator", () => {
    const revenue = target({
      indicator: "区级一般公共预算收入",
      measure: "growth",
      qualifier: "about",
      value: 6,
      unit: "%",
    });
    const level = outcome({ indicator: "一般公共预算收入", value: 87.2, unit: "亿元" });
    const growth = outcome({ indicator: "一般公共预算收入", measure: "growth", value: 1, unit: "%" });
    const result = matchPair([revenue], [level, growth], strict);
    expect(result.matches[0]).toMatchObject({ outcome: growth, verdict: "missed", reason: "实际1% < 目标6%" });
    expect(result.outcomeIndices).toEqual([1]);
    expect(result.unmatchedOutcomes).toEqual([level]);
  });

  it("serves a level target and a growth target of one indicator from their own outcomes", () => {
    const count = target({ indicator: "新认定高新技术企业", value: 60, unit: "家" });
    const rise = target({
      indicator: "新认定高新技术企业",
      measure: "growth",
      qualifier: "at_least",
      value: 30,
      unit: "%",
    });
    const counted = outcome({ indicator: "新认定高新技术企业", value: 80, unit: "家" });
    const rose = outcome({ indicator: "高新技术企业", measure: "growth", value: 33, unit: "%" });
    const result = matchPair([count, rise], [rose, counted], strict);
    expect(result.outcomeIndices).toEqual([1, 0]);
    expect(result.matches.map((m) => m.verdict)).toEqual(["met", "met"]);
  });

  it("keeps clearly agreeing indicators with incompatible units, for review", () => {
    const fitness = target({ indicator: "新建更新社区健身设施", value: 450, unit: "台(套)" });
    const places = outcome({ indicator: "新建升级健身场所", value: 102, unit: "处" });
    const [match] = matchPair([fitness], [places], strict).matches;
    expect(match).toMatchObject({ outcome: places, verdict: "needs_review", reason: "单位不可比:目标台(套),实际处" });
    expect(match?.confidence).toBeLessThanOrEqual(0.5);
  });

  it("does not pair loosely similar names whose units disagree", () => {
    const shops = target({ indicator: "整治道路门头牌匾", value: 260, unit: "条" });
    const roads = outcome({ indicator: "整修道路", value: 11.7, unit: "万平方米" });
    const result = matchPair([shops], [roads], strict);
    expect(result.matches[0]).toMatchObject({ outcome: null, verdict: "no_outcome" });
    expect(result.unmatchedOutcomes).toEqual([roads]);
  });

  it("never pairs different lexicon indicators", () => {
    const registered = target({
      indicator: "城镇登记失业率",
      measure: "share",
      qualifier: "at_most",
      value: 4.5,
      unit: "%",
    });
    const surveyed = outcome({ indicator: "城镇调查失业率", measure: "share", value: 5, unit: "%" });
    expect(matchPair([registered], [surveyed], strict).matches[0]?.verdict).toBe("no_outcome");
  });

  it("gives each outcome to one target only", () => {
    const a = target({ indicator: "新建口袋公园", value: 10, unit: "处" });
    const b = target({ indicator: "新改建口袋公园", value: 3, unit: "处" });
    const parks = outcome({ indicator: "新增口袋公园", value: 10, unit: "处" });
    const result = matchPair([a, b], [parks], strict);
    expect(result.outcomeIndices).toEqual([0, null]);
    // The target left without an outcome lost a good candidate: its no_outcome is not sure.
    expect(result.matches[1]?.confidence).toBeLessThan(0.2);
  });

  it("prefers the year's figure to a five-year total of the same indicator", () => {
    const jobs = target({ indicator: "城镇新增就业", qualifier: "at_least", value: 900, unit: "万人" });
    const fiveYears = outcome({ indicator: "城镇新增就业", value: 5771, unit: "万人" });
    const year = outcome({ indicator: "城镇新增就业", value: 1168, unit: "万人" });
    expect(matchPair([jobs], [fiveYears, year], strict).outcomeIndices).toEqual([1]);
  });

  it("chooses the assignment that serves both targets where greedy would serve one", () => {
    // 外贸稳中提质 fits the growth outcome best (0.8) and the level less (0.46); the growth target fits only the
    // growth outcome (0.70). Taking the best edge first would leave the growth target without its outcome.
    const quality = target({ indicator: "外贸", measure: "qualitative", qualifier: "none", headline: true });
    const growthTarget = target({
      indicator: "进出口贸易额",
      measure: "growth",
      qualifier: "about",
      value: 5,
      unit: "%",
    });
    const growth = outcome({ indicator: "进出口", measure: "growth", value: 8, unit: "%" });
    const level = outcome({ indicator: "货物贸易进出口总值", value: 638, unit: "亿元" });
    const result = matchPair([quality, growthTarget], [growth, level], strict);
    expect(result.outcomeIndices).toEqual([1, 0]);
    expect(result.matches.map((m) => m.verdict)).toEqual(["needs_review", "met"]);
  });

  it("pairs a price rise read as a share with the price target, not a level with a growth", () => {
    const cpi = target({
      indicator: "居民消费价格",
      measure: "growth",
      qualifier: "about",
      value: 4,
      unit: "%",
      polarity: "lower_better",
    });
    // 居民消费价格涨幅回落到2.6%: a rise, whatever the reading.
    const fell = outcome({ indicator: "居民消费价格涨幅回落到", measure: "share", value: 2.6, unit: "%" });
    expect(matchPair([cpi], [fell], strict).matches[0]).toMatchObject({ outcome: fell, verdict: "met" });
    const jobs = target({ indicator: "新增就业", measure: "growth", qualifier: "at_least", value: 5, unit: "%" });
    const jobsLevel = outcome({ indicator: "新增就业", value: 10.2, unit: "万人" });
    expect(matchPair([jobs], [jobsLevel], strict).matches[0]?.verdict).toBe("no_outcome");
  });

  it("matches a text-stated result and lets it decide", () => {
    const cpi = target({
      indicator: "居民消费价格总水平涨幅",
      measure: "growth",
      qualifier: "about",
      value: 4,
      unit: "%",
      polarity: "lower_better",
    });
    const words = outcome({
      indicator: "物价总水平",
      measure: "qualitative",
      stated: "missed",
      text: "物价调控目标没有完成",
    });
    expect(matchPair([cpi], [words], strict).matches[0]).toMatchObject({
      outcome: words,
      verdict: "missed",
      reason: "报告称:物价调控目标没有完成",
    });
  });

  it("reports confidence in [0, 1] and every target once, in order", () => {
    const targets = [
      target({ indicator: "全区生产总值", measure: "growth", qualifier: "about", value: 7, unit: "%" }),
      target({ indicator: "充电桩", value: 310, unit: "个" }),
      target({ indicator: "新增就业", value: 5.7, unit: "万人" }),
    ];
    const outcomes = [
      outcome({ indicator: "新增就业", value: 10.2, unit: "万人" }),
      outcome({ indicator: "全区生产总值", measure: "growth", value: 6, unit: "%", estimated: true }),
      outcome({ indicator: "社会消费品零售总额", value: 660, unit: "亿元" }),
    ];
    const result = matchPair(targets, outcomes, strict);
    expect(result.matches.map((m) => m.target)).toEqual(targets);
    expect(result.outcomeIndices).toEqual([1, null, 0]);
    for (const match of result.matches) {
      expect(match.confidence).toBeGreaterThanOrEqual(0);
      expect(match.confidence).toBeLessThanOrEqual(1);
    }
    expect(result.unmatchedOutcomes.map((o) => o.indicator)).toEqual(["社会消费品零售总额"]);
  });
});
