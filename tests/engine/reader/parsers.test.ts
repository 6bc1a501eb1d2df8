/**
 * The quantity parsers and the clause reading on real clauses of the corpus (short snippets), in chrono's style:
 * where each result starts, the text it matched, and its fields; and clauses that must yield nothing.
 */
import { describe, expect, it } from "vitest";
import { findQuantities } from "@/lib/engine/reader/extract/quantity";
import { findHeadlineLists } from "@/lib/engine/reader/extract/headline";
import { extractTargets } from "@/lib/engine/reader/extract/targets";
import type { TTarget } from "@/lib/schemas/extraction";

/** Targets read from `text` as if it were a whole plan section. */
function planTargets(text: string): TTarget[] {
  return extractTargets(text, findHeadlineLists(text, 0, text.length), [{ start: 0, end: text.length }]);
}

function onlyTarget(text: string): TTarget {
  const targets = planTargets(text);
  expect(targets, text).toHaveLength(1);
  return targets[0] as TTarget;
}

describe("quantity parsers", () => {
  it("a hedged percentage: `增长7%左右`", () => {
    const [q, ...rest] = findQuantities("全区生产总值增长7%左右");
    expect(rest).toHaveLength(0);
    expect(q).toMatchObject({ start: 8, end: 12, value: 7, unit: "%", qualifier: "about", qualifierStated: true });
  });

  it.each([
    ["国内生产总值增长6%－6.5%", 8, "6%－6.5%"],
    ["国内生产总值增长6-6.5%", 8, "6-6.5%"],
    ["国内生产总值增长6%至6.5%", 8, "6%至6.5%"],
  ])("a range: %s", (text, start, matched) => {
    const [q] = findQuantities(text);
    expect(q && text.slice(q.start, q.end)).toBe(matched);
    expect(q).toMatchObject({ start, value: null, min: 6, max: 6.5, unit: "%", qualifier: "range" });
  });

  it.each([
    ["新增发明专利授权770件以上", "770件以上", 770, "件", "at_least"],
    ["实际利用外资超2亿美元", "超2亿美元", 2, "亿美元", "at_least"],
    ["贷款余额突破600亿元", "突破600亿元", 600, "亿元", "at_least"],
    ["快速检测不低于10万批次", "不低于10万批次", 10, "万批次", "at_least"],
    ["引进首店30家以上", "30家以上", 30, "家", "at_least"],
    ["促消费活动20余场", "20余场", 20, "场", "at_least"],
    ["城区登记失业率控制在4%以内", "控制在4%以内", 4, "%", "at_most"],
    ["城镇登记失业率控制在4.6%", "控制在4.6%", 4.6, "%", "at_most"],
    ["城镇登记失业率低于4.6%", "低于4.6%", 4.6, "%", "at_most"],
    ["居民消费价格涨幅控制在3.5%左右", "控制在3.5%左右", 3.5, "%", "about"],
    ["降低利息负担约4000亿元", "约4000亿元", 4000, "亿元", "about"],
    ["网办率达到98%", "达到98%", 98, "%", "exact"],
    ["新增就业5.7万人", "5.7万人", 5.7, "万人", "exact"],
    ["新建、更新社区健身设施450台(套)", "450台(套)", 450, "台(套)", "exact"],
    ["招商推介活动25场(次)以上", "25场(次)以上", 25, "场(次)", "at_least"],
    ["粮食产量1.4万亿斤左右", "1.4万亿斤左右", 1.4, "万亿斤", "about"],
    ["农村贫困人口减少1000万以上", "1000万以上", 1000, "万", "at_least"],
    ["粮食产量33，212万吨", "33，212万吨", 33212, "万吨", "exact"],
  ])("%s → %s", (text, matched, value, unit, qualifier) => {
    const quantities = findQuantities(text);
    expect(quantities).toHaveLength(1);
    const [q] = quantities;
    expect(q && text.slice(q.start, q.end)).toBe(matched);
    expect(q).toMatchObject({ start: text.indexOf(matched), value, unit, qualifier });
  });

  it.each([
    ["新建2所公办幼儿园", 2, "所"],
    ["新建两所公办幼儿园", 2, "所"],
    ["开展教师培训三百人次", 300, "人次"],
    ["科学技术服务业营收突破百亿", 100, "亿"],
    ["贷款余额保持万亿以上规模", 1, "万亿"],
  ])("counts written in Chinese numerals or magnitudes: %s", (text, value, unit) => {
    expect(findQuantities(text).map((q) => [q.value, q.unit])).toEqual([[value, unit]]);
  });
});

describe("targets of a clause", () => {
  it("reads the headline GDP item whole", () => {
    expect(onlyTarget("全区生产总值增长7%左右")).toMatchObject({
      start: 0,
      end: 12,
      text: "全区生产总值增长7%左右",
      indicator: "地区生产总值",
      measure: "growth",
      qualifier: "about",
      value: 7,
      unit: "%",
      polarity: "higher_better",
    });
  });

  it("reads two targets from `新建停车位2000个、充电桩310个`, the second sharing the verb", () => {
    const targets = planTargets("新建停车位2000个、充电桩310个");
    expect(targets.map((t) => [t.start, t.text, t.indicator, t.value, t.unit])).toEqual([
      [0, "新建停车位2000个", "停车位", 2000, "个"],
      [11, "充电桩310个", "充电桩", 310, "个"],
    ]);
  });

  it("reads the portfolio's commitments but not the portfolio", () => {
    const targets = planTargets("推进总投资120亿元的30个重点项目,新开工6个、竣工9个,完成投资40亿元以上。");
    expect(targets.map((t) => [t.text, t.value, t.unit, t.qualifier])).toEqual([
      ["新开工6个", 6, "个", "exact"],
      ["竣工9个", 9, "个", "exact"],
      ["完成投资40亿元以上", 40, "亿元", "at_least"],
    ]);
  });

  it("a share, a rate of change and a reduction", () => {
    expect(onlyTarget("家庭医生签约服务覆盖率提升至63%")).toMatchObject({
      measure: "share",
      qualifier: "exact",
      value: 63,
    });
    expect(onlyTarget("城区登记失业率控制在4%以内")).toMatchObject({
      measure: "share",
      indicator: "城镇登记失业率",
      polarity: "lower_better",
    });
    expect(onlyTarget("单位国内生产总值能耗降低3%左右")).toMatchObject({
      measure: "growth",
      value: 3,
      polarity: "higher_better",
    });
    expect(onlyTarget("力争研发投入增长10%以上")).toMatchObject({
      measure: "growth",
      qualifier: "at_least",
      indicator: "研发投入",
    });
  });

  it("gives a rate without a subject to the amount before it: `新认定高新技术企业50家,增长20%以上`", () => {
    const targets = planTargets("新认定高新技术企业50家,增长20%以上。");
    expect(targets.map((t) => [t.indicator, t.measure, t.value])).toEqual([
      ["高新技术企业", "level", 50],
      ["高新技术企业", "growth", 20],
    ]);
  });

  it("counts a noun after the number with its verb: `新建2所公办幼儿园`, `各5处`", () => {
    expect(onlyTarget("新建2所公办幼儿园")).toMatchObject({
      text: "新建2所公办幼儿园",
      indicator: "公办幼儿园",
      value: 2,
    });
    expect(planTargets("新建音乐主题空间、文化院落各5处。").map((t) => [t.value, t.unit])).toEqual([
      [5, "处"],
      [5, "处"],
    ]);
  });

  it("reads a headline list, qualitative items included", () => {
    const text = "主要预期目标是:地区生产总值增长6%以上,外贸稳中提质,居民收入增长和经济增长同步。";
    const targets = planTargets(text);
    expect(targets.map((t) => [t.headline, t.measure, t.qualifier, t.value, t.text])).toEqual([
      [true, "growth", "at_least", 6, "地区生产总值增长6%以上"],
      [true, "qualitative", "none", null, "外贸稳中提质"],
      [true, "qualitative", "none", null, "居民收入增长和经济增长同步"],
    ]);
    expect(targets[1]?.indicator).toBe("进出口总额");
  });
});

describe("clauses that are not targets", () => {
  it.each([
    ["a five-year plan's name", "2025年是“十四五”规划收官之年。"],
    ["a name with numbers in quotes", "夯实“1+6+1”主导+创新产业体系。"],
    ["a reform's name", "努力实现“53证合一”。"],
    ["an ordinal", "在市南区第十八届人民代表大会第三次会议上"],
    ["a date", "——2019年1月9日在青岛市"],
    ["a phase", "推进一期、二期项目土地整理。"],
    ["a portfolio described", "建设总面积8万平方米的人才公寓。"],
    ["advancing existing projects", "加快推进9个亿元以上文旅项目建设。"],
    ["cumulative history", "其中规上工业企业从6家增长到131家。"],
    ["a multi-year retrospective", "30年来，我们新增学位2.1万个。"],
    ["a duration", "企业开办3个工作日内办结。"],
    ["a share of something described", "完成占全市80%的峰会环境整治任务。"],
    ["a specification", "新建600吨大型垃圾转运站。"],
    ["a grade", "加快建设百亿级生态环保特色产业园区。"],
    ["a threshold inside a name", "力争引进过亿元项目。"],
    ["a code glued to a number", "支持中国移动推进卫星通信与地面5G融合。"],
    ["a set named by a Chinese numeral", "制定任务、计划、项目三张清单。"],
  ])("%s: %s", (_why, text) => {
    expect(planTargets(text).map((t) => t.text)).toEqual([]);
  });
});
