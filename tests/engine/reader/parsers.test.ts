/**
 * The quantity parsers and the clause reading on real clauses of the corpus (short snippets), in chrono's style:
 * where each result starts, the text it matched, and its fields; and clauses that must yield nothing.
 */
import { describe, expect, it } from "vitest";
import { readFileBytes } from "@/lib/engine/reader";
import { findHeadlineLists } from "@/lib/engine/reader/extract/headline";
import { findQuantities } from "@/lib/engine/reader/extract/quantity";
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

  it.each([
    ["全年经济增长百分之十一点五", "百分之十一点五", 11.5, "%", "exact"],
    ["今年预期增长百分之八左右", "百分之八左右", 8, "%", "about"],
    ["物价涨幅控制在百分之三以内", "控制在百分之三以内", 3, "%", "at_most"],
    ["人口自然增长率千分之五", "千分之五", 5, "‰", "exact"],
    ["财政收入达到十二点八万亿元", "达到十二点八万亿元", 12.8, "万亿元", "exact"],
    ["全市生产总值四千一百七十亿元", "四千一百七十亿元", 4170, "亿元", "exact"],
    ["全省工业总产值一万六千七百七十亿元", "一万六千七百七十亿元", 16770, "亿元", "exact"],
    ["原煤产量一亿零六百万吨", "一亿零六百万吨", 10600, "万吨", "exact"],
    ["投资增速提高零点五个百分点", "零点五个百分点", 0.5, "个百分点", "exact"],
    ["城镇化率提高一个百分点", "一个百分点", 1, "个百分点", "exact"],
    ["发电设备二万五千千瓦", "二万五千千瓦", 25000, "千瓦", "exact"],
  ])(
    "Chinese numerals with a fraction, a decimal point or a magnitude: %s → %s",
    (text, matched, value, unit, qualifier) => {
      const [q, ...rest] = findQuantities(text);
      expect(rest).toHaveLength(0);
      expect(q && text.slice(q.start, q.end)).toBe(matched);
      expect(q).toMatchObject({ start: text.indexOf(matched), value, unit, qualifier });
    },
  );

  it("reads a fraction and an amount in words as figures, not as a count that needs a verb", () => {
    expect(findQuantities("增长百分之六").map((q) => q.chineseNumeral)).toEqual([false]);
    expect(findQuantities("总值四千一百七十亿元").map((q) => q.chineseNumeral)).toEqual([false]);
    expect(findQuantities("建成两所学校").map((q) => q.chineseNumeral)).toEqual([true]);
  });

  it("a range written in words: `百分之六至百分之六点五`", () => {
    const [q] = findQuantities("经济增长百分之六至百分之六点五");
    expect(q).toMatchObject({ start: 4, end: 15, value: null, min: 6, max: 6.5, unit: "%", qualifier: "range" });
  });

  it.each([
    ["人口自然增长率控制在2.5‰以内", "控制在2.5‰以内", 2.5, "‰", "at_most"],
    ["新增市场主体1400余个", "1400余个", 1400, "个", "at_least"],
    ["新培育专精特新企业10多家", "10多家", 10, "家", "at_least"],
    ["办理各类案件2万余件", "2万余件", 2, "万件", "at_least"],
    ["研发投入力争增长10%左右", "10%左右", 10, "%", "about"],
    ["全年力争增长6.5%", "6.5%", 6.5, "%", "exact"],
    ["外贸进出口超过3000亿元", "超过3000亿元", 3000, "亿元", "at_least"],
    ["赤字率不超过3%", "不超过3%", 3, "%", "at_most"],
    ["单位产值能耗不低于2%", "不低于2%", 2, "%", "at_least"],
    ["一般公共预算支出按增长5%安排", "5%", 5, "%", "exact"],
    ["细颗粒物平均浓度控制在每立方米35微克左右", "控制在每立方米35微克左右", 35, "微克/立方米", "about"],
    ["细颗粒物平均浓度下降到32微克/立方米", "下降到32微克/立方米", 32, "微克/立方米", "at_most"],
    ["细颗粒物浓度为30微克每立方米", "为30微克每立方米", 30, "微克/立方米", "exact"],
    ["空气质量优良天数增加30天", "30天", 30, "天", "exact"],
    ["项目审批时限压缩到15天以内。", "15天以内", 15, "天", "at_most"],
    ["人均预期寿命达到80岁", "达到80岁", 80, "岁", "exact"],
    ["茶叶产量3.5万担", "3.5万担", 3.5, "万担", "exact"],
    ["集装箱吞吐量800万标箱", "800万标箱", 800, "万标箱", "exact"],
    ["新增光伏装机120万千瓦", "120万千瓦", 120, "万千瓦", "exact"],
    ["全社会用电量增加50亿千瓦时", "50亿千瓦时", 50, "亿千瓦时", "exact"],
    ["粮食产量稳定在600亿斤以上", "稳定在600亿斤以上", 600, "亿斤", "at_least"],
    ["供应住宅用地40宗", "40宗", 40, "宗", "exact"],
    ["发生生产安全事故12起", "12起", 12, "起", "exact"],
    ["新增造林面积80平方公里", "80平方公里", 80, "平方公里", "exact"],
  ])("%s → %s", (text, matched, value, unit, qualifier) => {
    const [q, ...rest] = findQuantities(text);
    expect(rest).toHaveLength(0);
    expect(q && text.slice(q.start, q.end)).toBe(matched);
    expect(q).toMatchObject({ start: text.indexOf(matched), value, unit, qualifier });
  });

  it.each([
    ["国内生产总值增长5%—5.5%", "5%—5.5%", 5, 5.5],
    ["国内生产总值增长4.5-5%", "4.5-5%", 4.5, 5],
    ["国内生产总值增长7.5%-8%", "7.5%-8%", 7.5, 8],
    ["国内生产总值增长6%——6.5%", "6%——6.5%", 6, 6.5],
  ])("a range: %s", (text, matched, min, max) => {
    const [q] = findQuantities(text);
    expect(q && text.slice(q.start, q.end)).toBe(matched);
    expect(q).toMatchObject({ value: null, min, max, qualifier: "range" });
  });

  it.each([
    ["a deadline", "企业登记3天内办结"],
    ["an age group", "为60岁以上老年人提供服务"],
    ["an age group in words", "关爱三岁以下婴幼儿"],
    ["a word beginning with 天", "新建2000天然气管道"],
    ["a word beginning with 起", "补贴标准从3起步"],
    ["a ratio of weights", "土壤有机质含量25克/千克"],
  ])("reads no quantity in %s: %s", (_why, text) => {
    expect(findQuantities(text)).toEqual([]);
  });

  it("takes the qualifier word before the number into the quantity, the longest that ends there", () => {
    expect(findQuantities("赤字率不超过3%")[0]).toMatchObject({ start: 3, prefix: "不超过", qualifier: "at_most" });
    expect(findQuantities("新建项目通过5个")[0]).toMatchObject({ start: 6, prefix: "" });
    expect(findQuantities("接近5%")[0]).toMatchObject({ start: 2, prefix: "" });
    expect(findQuantities("增长5%以上超过3%").map((q) => [q.start, q.end, q.prefix, q.suffix])).toEqual([
      [2, 6, "", "以上"],
      [6, 10, "超过", ""],
    ]);
  });

  it("reads no figure from a run of digits too long to be one: no Infinity ever leaves the reader", () => {
    const huge = "9".repeat(400);
    expect(findQuantities(`地区生产总值增长${huge}%，新增就业1${"0".repeat(30)}万人`)).toEqual([]);
    expect(findQuantities(`增长${"9".repeat(16)}%`)).toEqual([]);
    // The largest figures reports do state still read.
    expect(findQuantities("国内生产总值1349084亿元")[0]).toMatchObject({ value: 1349084, unit: "亿元" });
  });

  it("reads thousands separators wherever the digits start", () => {
    expect(findQuantities("粮食产量33，212万吨、1234,567万元").map((q) => [q.value, q.unit])).toEqual([
      [33212, "万吨"],
      [234567, "万元"],
    ]);
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

describe("a pasted list of 20 000 items", () => {
  // Each pass of the reader is linear in its input: a quadratic one took minutes on this list and froze the server
  // (the suite's time-out is the bound; `npm run bench -- extract` prints the times).
  it("reads such a list in one pass: the headline list's own bounded length, read to its end", () => {
    const items = Array.from({ length: 20_000 }, (_, i) => `指标${i}增长${(i % 9) + 1}%`);
    const text = `某某区2025年政府工作报告\n2025年主要预期目标是：${items.join("，")}。\n`;
    const [document] = readFileBytes(new TextEncoder().encode(text), { filename: "pasted.txt" });
    const targets = document?.reports.flatMap((report) => report.targets) ?? [];
    // A headline list is read to its bounded length (real ones are far shorter); every item in it is a target.
    expect(targets.length).toBeGreaterThan(150);
    expect(targets.map((t) => t.indicator)).toEqual(targets.map((_, i) => `指标${i}`));
    expect(targets.every((t, i) => t.value === (i % 9) + 1)).toBe(true);
  });
});
