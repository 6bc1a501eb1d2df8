import { describe, expect, it } from "vitest";
import {
  gapOf,
  judge as judgeCodes,
  judgeManualLink as linkCodes,
  NO_OUTCOME_REASON,
  QUALITATIVE_REASON,
} from "@/lib/engine/match";
import { renderReason } from "@/lib/i18n/reasons";
import { outcome, target } from "./build";

const strict = { tolerance: 0 };

/** The judgement with its reason in the words the CLI prints (zh-CN): the text these cases were written against. */
const said = <J extends { reason: Parameters<typeof renderReason>[0] }>(judged: J) => ({
  ...judged,
  reason: renderReason(judged.reason, "zh-CN"),
});
const judge = (...args: Parameters<typeof judgeCodes>) => said(judgeCodes(...args));
const judgeManualLink = (...args: Parameters<typeof linkCodes>) => said(linkCodes(...args));

describe("verdicts (verdicts.md table)", () => {
  const gdp = target({ indicator: "地区生产总值", measure: "growth", qualifier: "about", value: 7, unit: "%" });
  const growth = (value: number) => outcome({ indicator: "地区生产总值", measure: "growth", value, unit: "%" });

  it("about/exact/at_least on higher_better: met when actual ≥ target", () => {
    expect(judge(gdp, growth(6), strict)).toEqual({
      verdict: "missed",
      reason: "实际6% < 目标7%",
      ratio: 6 / 7,
      gap: { value: -1, unit: "个百分点" },
    });
    expect(judge(gdp, growth(7), strict).verdict).toBe("met");
    const jobs = target({ indicator: "新增就业", qualifier: "exact", value: 5.7, unit: "万人" });
    const done = judge(jobs, outcome({ indicator: "新增就业", value: 10.2, unit: "万人" }), strict);
    expect(done).toMatchObject({ verdict: "met", reason: "实际10.2万人 ≥ 目标5.7万人" });
    expect(done.ratio).toBeCloseTo(10.2 / 5.7);
    const patents = target({ indicator: "发明专利授权", qualifier: "at_least", value: 770, unit: "件" });
    expect(judge(patents, outcome({ indicator: "发明专利授权", value: 769, unit: "件" }), strict).verdict).toBe(
      "missed",
    );
  });

  it("compares across scaled units", () => {
    const firms = target({ indicator: "新增市场主体", qualifier: "at_least", value: 6000, unit: "户" });
    const judged = judge(firms, outcome({ indicator: "新设立市场主体", value: 1.55, unit: "万户" }), strict);
    expect(judged).toMatchObject({ verdict: "met", reason: "实际1.55万户 ≥ 目标6000户" });
    expect(judged.ratio).toBeCloseTo(15_500 / 6000);
  });

  it("range on higher_better: met when actual ≥ min", () => {
    const range = target({
      indicator: "地区生产总值",
      measure: "growth",
      qualifier: "range",
      min: 6.5,
      max: 7,
      unit: "%",
    });
    expect(judge(range, growth(6.7), strict)).toMatchObject({ verdict: "met", reason: "实际6.7% ≥ 目标下限6.5%" });
    expect(judge(range, growth(6.4), strict).verdict).toBe("missed");
  });

  it("at_most, and about/exact on lower_better: met when actual ≤ target", () => {
    const unemployment = target({
      indicator: "城镇登记失业率",
      measure: "share",
      qualifier: "at_most",
      value: 4.5,
      unit: "%",
      polarity: "lower_better",
    });
    const rate = (value: number) => outcome({ indicator: "城镇登记失业率", measure: "share", value, unit: "%" });
    expect(judge(unemployment, rate(4.02), strict)).toMatchObject({ verdict: "met", reason: "实际4.02% ≤ 目标4.5%" });
    expect(judge(unemployment, rate(4.6), strict)).toMatchObject({ verdict: "missed", reason: "实际4.6% > 目标4.5%" });
    const cpi = target({
      indicator: "居民消费价格",
      measure: "growth",
      qualifier: "about",
      value: 3,
      unit: "%",
      polarity: "lower_better",
    });
    const prices = (value: number) => outcome({ indicator: "居民消费价格", measure: "growth", value, unit: "%" });
    expect(judge(cpi, prices(2.1), strict).verdict).toBe("met");
    expect(judge(cpi, prices(5.4), strict).verdict).toBe("missed");
  });

  it("neutral polarity needs review", () => {
    const deficit = target({
      indicator: "赤字率",
      measure: "share",
      qualifier: "exact",
      value: 3,
      unit: "%",
      polarity: "neutral",
    });
    const judged = judge(deficit, outcome({ indicator: "赤字率", measure: "share", value: 2.8, unit: "%" }), strict);
    expect(judged).toEqual({ verdict: "needs_review", reason: "指标无优劣方向,需人工判断", ratio: null, gap: null });
  });

  it("qualitative targets need review unless the review says they were done", () => {
    const trade = target({ indicator: "外贸", measure: "qualitative", qualifier: "none" });
    expect(judge(trade, outcome({ indicator: "进出口总额", value: 638, unit: "亿元" }), strict).verdict).toBe(
      "needs_review",
    );
    const done = outcome({
      indicator: "节能减排",
      measure: "qualitative",
      stated: "met",
      text: "全面完成节能减排目标任务",
    });
    expect(judge(trade, done, strict)).toEqual({
      verdict: "met",
      reason: "报告称:全面完成节能减排目标任务",
      ratio: null,
      gap: null,
    });
  });

  it("a qualitative target without a statement of the review is needs_review, never no_outcome", () => {
    const trade = target({ indicator: "外贸", measure: "qualitative", qualifier: "none", polarity: "neutral" });
    expect(judge(trade, null, strict)).toEqual({
      verdict: "needs_review",
      reason: renderReason(QUALITATIVE_REASON, "zh-CN"),
      ratio: null,
      gap: null,
    });
    const missed = outcome({ indicator: "外贸", measure: "qualitative", stated: "missed", text: "外贸目标没有完成" });
    expect(judge(trade, missed, strict)).toMatchObject({ verdict: "missed", reason: "报告称:外贸目标没有完成" });
  });

  it("no outcome is no_outcome", () => {
    expect(judge(gdp, null, strict)).toEqual({
      verdict: "no_outcome",
      reason: renderReason(NO_OUTCOME_REASON, "zh-CN"),
      ratio: null,
      gap: null,
    });
  });

  it("incompatible units need review, never a silent verdict", () => {
    const fitness = target({ indicator: "新建更新社区健身设施", value: 450, unit: "台(套)" });
    const judged = judge(fitness, outcome({ indicator: "新建升级健身场所", value: 102, unit: "处" }), strict);
    expect(judged).toEqual({ verdict: "needs_review", reason: "单位不可比:目标台(套),实际处", ratio: null, gap: null });
  });

  it("does not compare a growth with a level", () => {
    const revenue = target({
      indicator: "一般公共预算收入",
      measure: "growth",
      qualifier: "about",
      value: 6,
      unit: "%",
    });
    const level = outcome({ indicator: "一般公共预算收入", value: 87.2, unit: "亿元" });
    expect(judge(revenue, level, strict).reason).toBe("口径不同:目标为增速,实际为总量");
  });

  it("reads a percentage as growth for indicators only ever stated as a growth", () => {
    // 经济增长预期目标为7%左右 (2003), read as a share.
    const asShare = target({
      indicator: "经济增长预期目标",
      measure: "share",
      qualifier: "about",
      value: 7,
      unit: "%",
    });
    expect(judge(asShare, growth(9.1), strict)).toMatchObject({ verdict: "met", reason: "实际9.1% ≥ 目标7%" });
    // An indicator the lexicon does not know keeps the measure it was read with.
    const unknownShare = target({
      indicator: "数字化转型覆盖率",
      measure: "share",
      qualifier: "at_least",
      value: 97,
      unit: "%",
    });
    const unknownGrowth = outcome({ indicator: "数字化转型覆盖率", measure: "growth", value: 98, unit: "%" });
    expect(judge(unknownShare, unknownGrowth, strict).verdict).toBe("needs_review");
  });

  it("judges an estimated outcome on its number", () => {
    expect(judge(gdp, { ...growth(6), estimated: true }, strict).verdict).toBe("missed");
  });

  it("decides a range outcome only when all of it falls on one side", () => {
    const ranged = (min: number, max: number) => ({ ...growth(0), value: null, min, max });
    expect(judge(gdp, ranged(7, 7.5), strict).verdict).toBe("met");
    expect(judge(gdp, ranged(5, 6), strict).verdict).toBe("missed");
    expect(judge(gdp, ranged(6.5, 7.5), strict)).toMatchObject({
      verdict: "needs_review",
      reason: "实际6.5–7.5%跨越目标7%",
    });
  });
});

describe("text-stated results", () => {
  const cpi = target({
    indicator: "居民消费价格",
    measure: "growth",
    qualifier: "about",
    value: 3,
    unit: "%",
    polarity: "lower_better",
  });

  it("decide when the review gives no figure, with the sentence as the reason", () => {
    const words = outcome({
      indicator: "居民消费价格",
      measure: "qualitative",
      stated: "missed",
      text: "物价调控目标没有完成",
    });
    expect(judge(cpi, words, strict)).toEqual({
      verdict: "missed",
      reason: "报告称:物价调控目标没有完成",
      ratio: null,
      gap: null,
    });
    const exceeded = outcome({ indicator: "新增就业", stated: "met", text: "就业超过预期目标" });
    const jobs = target({ indicator: "新增就业", qualifier: "at_least", value: 900, unit: "万人" });
    expect(judge(jobs, exceeded, strict).verdict).toBe("met");
  });

  it("give way to a figure, and the disagreement is shown", () => {
    const figure = outcome({ indicator: "居民消费价格", measure: "growth", value: 3.3, unit: "%", stated: "met" });
    expect(judge(cpi, figure, strict)).toMatchObject({ verdict: "missed", reason: "实际3.3% > 目标3%(报告称已完成)" });
  });

  it("without a statement and without a figure, need review", () => {
    const silent = outcome({ indicator: "居民消费价格", measure: "qualitative" });
    expect(judge(cpi, silent, strict)).toMatchObject({ verdict: "needs_review", reason: "回顾未给出数值" });
    const noNumber = outcome({ indicator: "居民消费价格", measure: "growth" });
    expect(judge(cpi, noNumber, strict)).toMatchObject({ verdict: "needs_review", reason: "回顾未给出数值" });
  });
});

describe("tolerance", () => {
  // The State Council's 2014 target and its 2015 review of it.
  const gdp2014 = target({ indicator: "地区生产总值", measure: "growth", qualifier: "about", value: 7.5, unit: "%" });
  const actual2014 = outcome({ indicator: "地区生产总值", measure: "growth", value: 7.4, unit: "%", year: 2014 });

  it("is 0 by default: 7.4% against 7.5%左右 is missed; with 0.5 point it is met", () => {
    expect(judge(gdp2014, actual2014, { tolerance: 0 }).verdict).toBe("missed");
    expect(judge(gdp2014, actual2014, { tolerance: 0.5 })).toMatchObject({
      verdict: "met",
      reason: "实际7.4% ≥ 目标7.5%(容差0.5)",
    });
    expect(judge(gdp2014, { ...actual2014, value: 6.9 }, { tolerance: 0.5 }).verdict).toBe("missed");
  });

  it("relaxes about only", () => {
    const atLeast = { ...gdp2014, qualifier: "at_least" as const };
    expect(judge(atLeast, actual2014, { tolerance: 0.5 }).verdict).toBe("missed");
    const exact = { ...gdp2014, qualifier: "exact" as const };
    expect(judge(exact, actual2014, { tolerance: 0.5 }).verdict).toBe("missed");
  });

  it("adds on the lower_better side", () => {
    const cpi = target({
      indicator: "居民消费价格",
      measure: "growth",
      qualifier: "about",
      value: 3,
      unit: "%",
      polarity: "lower_better",
    });
    const prices = outcome({ indicator: "居民消费价格", measure: "growth", value: 3.3, unit: "%" });
    expect(judge(cpi, prices, { tolerance: 0 }).verdict).toBe("missed");
    expect(judge(cpi, prices, { tolerance: 0.5 }).verdict).toBe("met");
  });

  it("is a relative share for units other than %", () => {
    const grain = target({ indicator: "粮食产量", qualifier: "about", value: 1.4, unit: "万亿斤" });
    const harvest = outcome({ indicator: "粮食产量", value: 1.37, unit: "万亿斤" });
    expect(judge(grain, harvest, { tolerance: 0 }).verdict).toBe("missed");
    // 5% of 1.4 is 0.07: 1.37 ≥ 1.33.
    expect(judge(grain, harvest, { tolerance: 0.05 })).toMatchObject({
      verdict: "met",
      reason: "实际1.37万亿斤 ≥ 目标1.4万亿斤(容差5%)",
    });
    expect(judge(grain, harvest, { tolerance: 0.01 }).verdict).toBe("missed");
  });
});

describe("the gap (verdicts.md), in the target's own terms, positive when better than the target", () => {
  const growth = (indicator: string, value: number) => outcome({ indicator, measure: "growth", value, unit: "%" });

  it("is actual − target in percentage points for a % growth target", () => {
    const gdp = target({ indicator: "地区生产总值", measure: "growth", qualifier: "about", value: 7, unit: "%" });
    expect(gapOf(gdp, growth("地区生产总值", 6))).toEqual({ value: -1, unit: "个百分点" });
    expect(gapOf(gdp, growth("地区生产总值", 7.4))).toEqual({ value: 0.4, unit: "个百分点" });
  });

  it("is target − actual for a lower_better cap: a CPI rise of 1.6% under 3%左右 is +1.4 points, met", () => {
    const cpi = target({
      indicator: "居民消费价格",
      measure: "growth",
      qualifier: "about",
      value: 3,
      unit: "%",
      polarity: "lower_better",
    });
    const judged = judge(cpi, growth("居民消费价格", 1.6), strict);
    expect(judged.verdict).toBe("met");
    expect(judged.gap).toEqual({ value: 1.4, unit: "个百分点" });
    const unemployment = target({
      indicator: "城镇调查失业率",
      measure: "share",
      qualifier: "at_most",
      value: 5.5,
      unit: "%",
      polarity: "lower_better",
    });
    const rate = outcome({ indicator: "城镇调查失业率", measure: "share", value: 5.6, unit: "%" });
    expect(gapOf(unemployment, rate)).toEqual({ value: -0.1, unit: "个百分点" });
  });

  it("is the ratio actual ÷ target for a higher_better level, after scaling units", () => {
    const jobs = target({ indicator: "新增就业", qualifier: "exact", value: 5.7, unit: "万人" });
    expect(gapOf(jobs, outcome({ indicator: "新增就业", value: 10.2, unit: "万人" }))).toEqual({
      value: Number((10.2 / 5.7).toPrecision(12)),
      unit: "ratio",
    });
    const firms = target({ indicator: "新增市场主体", qualifier: "at_least", value: 6000, unit: "户" });
    expect(gapOf(firms, outcome({ indicator: "新设立市场主体", value: 1.55, unit: "万户" }))?.value).toBeCloseTo(
      15_500 / 6000,
    );
  });

  it("measures a range against the bound that decides the verdict", () => {
    const range = target({
      indicator: "地区生产总值",
      measure: "growth",
      qualifier: "range",
      min: 6.5,
      max: 7,
      unit: "%",
    });
    expect(gapOf(range, growth("地区生产总值", 6.7))).toEqual({ value: 0.2, unit: "个百分点" });
    const capped = { ...range, polarity: "lower_better" as const, indicator: "居民消费价格" };
    expect(gapOf(capped, growth("居民消费价格", 6.7))).toEqual({ value: 0.3, unit: "个百分点" });
  });

  it("ignores the tolerance: the gap is against the target as written", () => {
    const gdp = target({ indicator: "地区生产总值", measure: "growth", qualifier: "about", value: 7.5, unit: "%" });
    const judged = judge(gdp, growth("地区生产总值", 7.4), { tolerance: 0.5 });
    expect(judged.verdict).toBe("met");
    expect(judged.gap).toEqual({ value: -0.1, unit: "个百分点" });
  });

  it("gives no ratio for growth rates outside %, lower_better levels, or what is not judged on a figure", () => {
    const energy = target({
      indicator: "能源消费总量",
      qualifier: "at_most",
      value: 50,
      unit: "亿吨标准煤",
      polarity: "lower_better",
    });
    expect(gapOf(energy, outcome({ indicator: "能源消费总量", value: 48, unit: "亿吨标准煤" }))).toBeNull();
    const fitness = target({ indicator: "新建更新社区健身设施", value: 450, unit: "台(套)" });
    expect(gapOf(fitness, outcome({ indicator: "新建升级健身场所", value: 102, unit: "处" }))).toBeNull();
    const trade = target({ indicator: "外贸", measure: "qualitative", qualifier: "none" });
    expect(gapOf(trade, outcome({ indicator: "外贸", measure: "qualitative", stated: "met" }))).toBeNull();
    expect(judge(trade, outcome({ indicator: "外贸", measure: "qualitative", stated: "met" }), strict).gap).toBeNull();
  });

  it("never gives a non-finite number", () => {
    const zero = target({ indicator: "新增就业", qualifier: "at_least", value: 0, unit: "万人" });
    expect(gapOf(zero, outcome({ indicator: "新增就业", value: 10, unit: "万人" }))).toBeNull();
    const huge = target({ indicator: "新增就业", qualifier: "at_least", value: Number.MIN_VALUE, unit: "万人" });
    expect(gapOf(huge, outcome({ indicator: "新增就业", value: Number.MAX_VALUE, unit: "万人" }))).toBeNull();
    expect(
      judge(huge, outcome({ indicator: "新增就业", value: Number.MAX_VALUE, unit: "万人" }), strict).ratio,
    ).toBeNull();
    const cpi = target({ indicator: "居民消费价格", measure: "growth", qualifier: "about", value: 3, unit: "%" });
    const infinite = outcome({
      indicator: "居民消费价格",
      measure: "growth",
      value: Number.POSITIVE_INFINITY,
      unit: "%",
    });
    expect(gapOf(cpi, infinite)).toBeNull();
  });
});

describe("manual links, checked like engine matches (verdicts.md)", () => {
  const fitness = target({ indicator: "新建更新社区健身设施", value: 450, unit: "台(套)" });
  const places = outcome({ indicator: "新建升级健身场所", value: 102, unit: "处" });

  it("give needs_review with the reason when units are incompatible", () => {
    expect(judgeManualLink(fitness, places, strict)).toMatchObject({
      verdict: "needs_review",
      checked: "needs_review",
      reason: "单位不可比:目标台(套),实际处",
    });
  });

  it("keep the analyst's verdict when one is set with the link", () => {
    expect(judgeManualLink(fitness, places, { ...strict, verdict: "met" })).toMatchObject({
      verdict: "met",
      checked: "needs_review",
    });
  });

  it("are judged on their figures when they can be compared", () => {
    const jobs = target({ indicator: "新增就业", qualifier: "at_least", value: 5.7, unit: "万人" });
    const linked = judgeManualLink(jobs, outcome({ indicator: "就业", value: 102_000, unit: "人" }), strict);
    expect(linked).toMatchObject({ verdict: "met", checked: "met", reason: "实际102000人 ≥ 目标5.7万人" });
    expect(linked.gap?.unit).toBe("ratio");
  });

  it("give needs_review when they pair indicators the engine would never pair, however the units convert", () => {
    const steel = target({ indicator: "粗钢产量", qualifier: "at_most", value: 5000, unit: "万吨" });
    const grain = outcome({ indicator: "粮食产量", value: 1.2, unit: "万亿斤" });
    const linked = judgeManualLink(steel, grain, strict);
    expect(linked.verdict).toBe("needs_review");
    expect(linked.reason).toContain("不是同一指标");
    expect(judgeManualLink(steel, grain, { ...strict, verdict: "missed" }).verdict).toBe("missed");
  });
});

describe("reasons are codes with their figures", () => {
  const gdp = target({ indicator: "地区生产总值", measure: "growth", qualifier: "about", value: 7, unit: "%" });
  const growth = (value: number) => outcome({ indicator: "地区生产总值", measure: "growth", value, unit: "%" });

  it("keep the numbers as numbers and the units as data", () => {
    expect(judgeCodes(gdp, growth(6), strict).reason).toEqual({
      code: "below_target",
      actual: { low: 6, high: 6, unit: "%" },
      target: { bound: "value", value: 7, unit: "%" },
    });
    expect(judgeCodes(gdp, growth(7.4), { tolerance: 0.5 }).reason).toEqual({
      code: "at_or_above_target",
      actual: { low: 7.4, high: 7.4, unit: "%" },
      target: { bound: "value", value: 7, unit: "%", tolerance: { value: 0.5, relative: false } },
    });
  });

  it("name the text that decided, and what the engine could not compare", () => {
    const words = outcome({ indicator: "地区生产总值", measure: "growth", stated: "met", text: "经济目标全面完成" });
    expect(judgeCodes(gdp, words, strict).reason).toEqual({ code: "stated", sentence: "经济目标全面完成" });
    const level = outcome({ indicator: "地区生产总值", measure: "level", value: 600, unit: "亿元" });
    expect(judgeCodes(gdp, level, strict).reason).toEqual({
      code: "measure_mismatch",
      target: "growth",
      actual: "level",
    });
    expect(QUALITATIVE_REASON).toEqual({ code: "qualitative_unstated" });
    expect(NO_OUTCOME_REASON).toEqual({ code: "no_outcome" });
  });
});
