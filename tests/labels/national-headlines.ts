/**
 * Headline targets of the State Council's work reports, 2005–2025 (2020 is missing from the corpus): the items of
 * the sentence that lists the year's main expected targets (主要预期目标是 / 预期目标是 / 主要目标是), hand labelled
 * by reading each year's text. Only headline items are labelled here (headline: true); body targets are not.
 *
 * Omitted years (no such list sentence):
 * - 2002: no list of expected targets at all (no GDP, employment or price target stated for the year).
 * - 2003: only a single sentence on growth (经济增长预期目标为7%左右), no list.
 * - 2004: no list; growth (预期目标为7%左右) and employment (新增城镇就业900万人, 再就业500万人) are stated in
 *   separate sentences of different sections.
 * Included although worded differently: 2007 (主要目标是) and 2008 (预期目标是).
 *
 * Conventions and judgement calls:
 * - 国内生产总值 → indicator 地区生产总值; 城镇新增就业 → 新增就业; energy intensity (单位国内生产总值能耗, 能耗强度)
 *   → 单位地区生产总值能耗 (a reduction: measure growth, higher_better); 居民消费价格(总水平)涨幅 → 居民消费价格
 *   (growth, lower_better); 城镇调查失业率 and 城镇登记失业率 are kept apart (both share, lower_better).
 * - `控制在…左右` (CPI 2008/2011/2012/2014, 登记失业率 2008) is labelled `about` (the number's own hedge); for a
 *   lower_better indicator `about` and `at_most` judge alike at tolerance 0. `控制在4.6%` without 以内 is `at_most`.
 * - Ranges (2016 6.5%－7%, 2019 6%－6.5%) are `range` with min/max; their snippets stop before the dash.
 * - 2019 农村贫困人口减少1000万以上: unit `万` as written (人 is implied, not written).
 * - Qualitative items are neutral (extraction.md, and the labelling rules of ../shared/corpus/web/README.md).
 * - 2022 `能耗强度目标在“十四五”规划期内统筹考核…` is an item of the sentence but says explicitly that there is no
 *   annual energy-intensity target: a notTarget. Preconditions (`在优化结构、提高效益…的基础上`, 2007/2008) and
 *   `在实际工作中争取更好结果` (2017, part of the GDP item) are not separate items.
 * - Snippets avoid punctuation (full-width `；，` may or may not be normalised). Some snippets (e.g. the GDP item)
 *   recur later in the same section in the explanatory paragraph; for every snippet the FIRST occurrence in the
 *   section (from the heading of the part holding the headline sentence) lies in the headline sentence.
 */
import type { PlanLabels, TargetLabel } from "./types";

type Q = TargetLabel["qualifier"];
type P = TargetLabel["polarity"];

/** A numeric headline item. */
function num(
  find: string,
  indicator: string,
  measure: "growth" | "level" | "share",
  qualifier: Q,
  value: number,
  unit: string,
  polarity: P = "higher_better",
): TargetLabel {
  return { find, indicator, measure, qualifier, value, min: null, max: null, unit, polarity, headline: true };
}

/** A ranged headline item (`6%－6.5%`). */
function range(find: string, indicator: string, min: number, max: number, unit: string): TargetLabel {
  return {
    find,
    indicator,
    measure: "growth",
    qualifier: "range",
    value: null,
    min,
    max,
    unit,
    polarity: "higher_better",
    headline: true,
  };
}

/** A headline item without a number. */
function qual(find: string, indicator: string, polarity: P = "neutral"): TargetLabel {
  return {
    find,
    indicator,
    measure: "qualitative",
    qualifier: "none",
    value: null,
    min: null,
    max: null,
    unit: null,
    polarity,
    headline: true,
  };
}

const GDP = "地区生产总值";
const JOBS = "新增就业";
const SURVEY = "城镇调查失业率";
const REG = "城镇登记失业率";
const CPI = "居民消费价格";
const ENERGY = "单位地区生产总值能耗";
const GRAIN = "粮食产量";
const LB: P = "lower_better";

function plan(planYear: number, targets: TargetLabel[], notTargets: string[] = []): PlanLabels {
  return { source: "national/government_work_reports.jsonl", code: "000000", planYear, targets, notTargets };
}

export const nationalHeadlines: PlanLabels[] = [
  plan(2025, [
    num("国内生产总值增长5%左右", GDP, "growth", "about", 5, "%"),
    num("城镇调查失业率5.5%左右", SURVEY, "share", "about", 5.5, "%", LB),
    num("城镇新增就业1200万人以上", JOBS, "level", "at_least", 1200, "万人"),
    num("居民消费价格涨幅2%左右", CPI, "growth", "about", 2, "%", LB),
    qual("居民收入增长和经济增长同步", "居民收入"),
    qual("国际收支保持基本平衡", "国际收支", "neutral"),
    num("粮食产量1.4万亿斤左右", GRAIN, "level", "about", 1.4, "万亿斤"),
    num("单位国内生产总值能耗降低3%左右", ENERGY, "growth", "about", 3, "%"),
    qual("生态环境质量持续改善", "生态环境质量"),
  ]),
  plan(2024, [
    num("国内生产总值增长5%左右", GDP, "growth", "about", 5, "%"),
    num("城镇新增就业1200万人以上", JOBS, "level", "at_least", 1200, "万人"),
    num("城镇调查失业率5.5%左右", SURVEY, "share", "about", 5.5, "%", LB),
    num("居民消费价格涨幅3%左右", CPI, "growth", "about", 3, "%", LB),
    qual("居民收入增长和经济增长同步", "居民收入"),
    qual("国际收支保持基本平衡", "国际收支", "neutral"),
    num("粮食产量1.3万亿斤以上", GRAIN, "level", "at_least", 1.3, "万亿斤"),
    num("单位国内生产总值能耗降低2.5%左右", ENERGY, "growth", "about", 2.5, "%"),
    qual("生态环境质量持续改善", "生态环境质量"),
  ]),
  plan(2023, [
    num("国内生产总值增长5%左右", GDP, "growth", "about", 5, "%"),
    num("城镇新增就业1200万人左右", JOBS, "level", "about", 1200, "万人"),
    num("城镇调查失业率5.5%左右", SURVEY, "share", "about", 5.5, "%", LB),
    num("居民消费价格涨幅3%左右", CPI, "growth", "about", 3, "%", LB),
    qual("居民收入增长与经济增长基本同步", "居民收入"),
    qual("进出口促稳提质", "进出口"),
    qual("国际收支基本平衡", "国际收支", "neutral"),
    num("粮食产量保持在1.3万亿斤以上", GRAIN, "level", "at_least", 1.3, "万亿斤"),
    qual("能耗和主要污染物排放量继续下降", "单位地区生产总值能耗和主要污染物排放量"),
    qual("重点控制化石能源消费", "化石能源消费"),
    qual("生态环境质量稳定改善", "生态环境质量"),
  ]),
  plan(
    2022,
    [
      num("国内生产总值增长5.5%左右", GDP, "growth", "about", 5.5, "%"),
      num("城镇新增就业1100万人以上", JOBS, "level", "at_least", 1100, "万人"),
      num("城镇调查失业率全年控制在5.5%以内", SURVEY, "share", "at_most", 5.5, "%", LB),
      num("居民消费价格涨幅3%左右", CPI, "growth", "about", 3, "%", LB),
      qual("居民收入增长与经济增长基本同步", "居民收入"),
      qual("进出口保稳提质", "进出口"),
      qual("国际收支基本平衡", "国际收支", "neutral"),
      num("粮食产量保持在1.3万亿斤以上", GRAIN, "level", "at_least", 1.3, "万亿斤"),
      qual("生态环境质量持续改善", "生态环境质量"),
      qual("主要污染物排放量继续下降", "主要污染物排放量"),
    ],
    ["规划期内统筹考核"],
  ),
  plan(2021, [
    num("国内生产总值增长6%以上", GDP, "growth", "at_least", 6, "%"),
    num("城镇新增就业1100万人以上", JOBS, "level", "at_least", 1100, "万人"),
    num("城镇调查失业率5.5%左右", SURVEY, "share", "about", 5.5, "%", LB),
    num("居民消费价格涨幅3%左右", CPI, "growth", "about", 3, "%", LB),
    qual("进出口量稳质升", "进出口"),
    qual("国际收支基本平衡", "国际收支", "neutral"),
    qual("居民收入稳步增长", "居民收入"),
    qual("生态环境质量进一步改善", "生态环境质量"),
    num("单位国内生产总值能耗降低3%左右", ENERGY, "growth", "about", 3, "%"),
    qual("主要污染物排放量继续下降", "主要污染物排放量"),
    num("粮食产量保持在1.3万亿斤以上", GRAIN, "level", "at_least", 1.3, "万亿斤"),
  ]),
  plan(2019, [
    range("国内生产总值增长6%", GDP, 6, 6.5, "%"),
    num("城镇新增就业1100万人以上", JOBS, "level", "at_least", 1100, "万人"),
    num("城镇调查失业率5.5%左右", SURVEY, "share", "about", 5.5, "%", LB),
    num("城镇登记失业率4.5%以内", REG, "share", "at_most", 4.5, "%", LB),
    num("居民消费价格涨幅3%左右", CPI, "growth", "about", 3, "%", LB),
    qual("国际收支基本平衡", "国际收支", "neutral"),
    qual("进出口稳中提质", "进出口"),
    qual("宏观杠杆率基本稳定", "宏观杠杆率", "neutral"),
    qual("金融财政风险有效防控", "金融财政风险防控"),
    num("农村贫困人口减少1000万以上", "农村贫困人口减少", "level", "at_least", 1000, "万"),
    qual("居民收入增长与经济增长基本同步", "居民收入"),
    qual("生态环境进一步改善", "生态环境质量"),
    num("单位国内生产总值能耗下降3%左右", ENERGY, "growth", "about", 3, "%"),
    qual("主要污染物排放量继续下降", "主要污染物排放量"),
  ]),
  plan(2018, [
    num("国内生产总值增长6.5%左右", GDP, "growth", "about", 6.5, "%"),
    num("居民消费价格涨幅3%左右", CPI, "growth", "about", 3, "%", LB),
    num("城镇新增就业1100万人以上", JOBS, "level", "at_least", 1100, "万人"),
    num("城镇调查失业率5.5%以内", SURVEY, "share", "at_most", 5.5, "%", LB),
    num("城镇登记失业率4.5%以内", REG, "share", "at_most", 4.5, "%", LB),
    qual("居民收入增长和经济增长基本同步", "居民收入"),
    qual("进出口稳中向好", "进出口"),
    qual("国际收支基本平衡", "国际收支", "neutral"),
    num("单位国内生产总值能耗下降3%以上", ENERGY, "growth", "at_least", 3, "%"),
    qual("主要污染物排放量继续下降", "主要污染物排放量"),
    qual("供给侧结构性改革取得实质性进展", "供给侧结构性改革"),
    qual("宏观杠杆率保持基本稳定", "宏观杠杆率", "neutral"),
    qual("各类风险有序有效防控", "风险防控"),
  ]),
  plan(2017, [
    num("国内生产总值增长6.5%左右", GDP, "growth", "about", 6.5, "%"),
    num("居民消费价格涨幅3%左右", CPI, "growth", "about", 3, "%", LB),
    num("城镇新增就业1100万人以上", JOBS, "level", "at_least", 1100, "万人"),
    num("城镇登记失业率4.5%以内", REG, "share", "at_most", 4.5, "%", LB),
    qual("进出口回稳向好", "进出口"),
    qual("国际收支基本平衡", "国际收支", "neutral"),
    qual("居民收入和经济增长基本同步", "居民收入"),
    num("单位国内生产总值能耗下降3.4%以上", ENERGY, "growth", "at_least", 3.4, "%"),
    qual("主要污染物排放量继续下降", "主要污染物排放量"),
  ]),
  plan(2016, [
    range("国内生产总值增长6.5%", GDP, 6.5, 7, "%"),
    num("居民消费价格涨幅3%左右", CPI, "growth", "about", 3, "%", LB),
    num("城镇新增就业1000万人以上", JOBS, "level", "at_least", 1000, "万人"),
    num("城镇登记失业率4.5%以内", REG, "share", "at_most", 4.5, "%", LB),
    qual("进出口回稳向好", "进出口"),
    qual("国际收支基本平衡", "国际收支", "neutral"),
    qual("居民收入增长和经济增长基本同步", "居民收入"),
    num("单位国内生产总值能耗下降3.4%以上", ENERGY, "growth", "at_least", 3.4, "%"),
    qual("主要污染物排放继续减少", "主要污染物排放量"),
  ]),
  plan(2015, [
    num("国内生产总值增长7%左右", GDP, "growth", "about", 7, "%"),
    num("居民消费价格涨幅3%左右", CPI, "growth", "about", 3, "%", LB),
    num("城镇新增就业1000万人以上", JOBS, "level", "at_least", 1000, "万人"),
    num("城镇登记失业率4.5%以内", REG, "share", "at_most", 4.5, "%", LB),
    num("进出口增长6%左右", "进出口总额", "growth", "about", 6, "%"),
    qual("国际收支基本平衡", "国际收支", "neutral"),
    qual("居民收入增长与经济发展同步", "居民收入"),
    num("能耗强度下降3.1%以上", ENERGY, "growth", "at_least", 3.1, "%"),
    qual("主要污染物排放继续减少", "主要污染物排放量"),
  ]),
  plan(2014, [
    num("国内生产总值增长7.5%左右", GDP, "growth", "about", 7.5, "%"),
    num("居民消费价格涨幅控制在3.5%左右", CPI, "growth", "about", 3.5, "%", LB),
    num("城镇新增就业1000万人以上", JOBS, "level", "at_least", 1000, "万人"),
    num("城镇登记失业率控制在4.6%以内", REG, "share", "at_most", 4.6, "%", LB),
    qual("国际收支基本平衡", "国际收支", "neutral"),
    qual("努力实现居民收入增长和经济发展同步", "居民收入"),
  ]),
  plan(2013, [
    num("国内生产总值增长7.5%左右", GDP, "growth", "about", 7.5, "%"),
    qual("发展的协调性进一步增强", "发展协调性"),
    num("居民消费价格涨幅3.5%左右", CPI, "growth", "about", 3.5, "%", LB),
    num("城镇新增就业900万人以上", JOBS, "level", "at_least", 900, "万人"),
    num("城镇登记失业率低于4.6%", REG, "share", "at_most", 4.6, "%", LB),
    qual("城乡居民人均收入实际增长与经济增长同步", "居民收入"),
    qual("劳动报酬增长和劳动生产率提高同步", "劳动报酬"),
    qual("国际收支状况进一步改善", "国际收支"),
  ]),
  plan(2012, [
    num("国内生产总值增长7.5%", GDP, "growth", "exact", 7.5, "%"),
    num("城镇新增就业900万人以上", JOBS, "level", "at_least", 900, "万人"),
    num("城镇登记失业率控制在4.6%以内", REG, "share", "at_most", 4.6, "%", LB),
    num("居民消费价格涨幅控制在4%左右", CPI, "growth", "about", 4, "%", LB),
    num("进出口总额增长10%左右", "进出口总额", "growth", "about", 10, "%"),
    qual("国际收支状况继续改善", "国际收支"),
    qual("节能减排等方面取得新进展", "产业结构调整、自主创新、节能减排"),
    qual("城乡居民收入实际增长和经济增长保持同步", "居民收入"),
  ]),
  plan(2011, [
    num("国内生产总值增长8%左右", GDP, "growth", "about", 8, "%"),
    qual("经济结构进一步优化", "经济结构"),
    num("居民消费价格总水平涨幅控制在4%左右", CPI, "growth", "about", 4, "%", LB),
    num("城镇新增就业900万人以上", JOBS, "level", "at_least", 900, "万人"),
    num("城镇登记失业率控制在4.6%以内", REG, "share", "at_most", 4.6, "%", LB),
    qual("国际收支状况继续改善", "国际收支"),
  ]),
  plan(2010, [
    num("国内生产总值增长8%左右", GDP, "growth", "about", 8, "%"),
    num("城镇新增就业900万人以上", JOBS, "level", "at_least", 900, "万人"),
    num("城镇登记失业率控制在4.6%以内", REG, "share", "at_most", 4.6, "%", LB),
    num("居民消费价格涨幅3%左右", CPI, "growth", "about", 3, "%", LB),
    qual("国际收支状况改善", "国际收支"),
  ]),
  plan(2009, [
    num("国内生产总值增长8%左右", GDP, "growth", "about", 8, "%"),
    qual("经济结构进一步优化", "经济结构"),
    num("城镇新增就业900万人以上", JOBS, "level", "at_least", 900, "万人"),
    num("城镇登记失业率4.6%以内", REG, "share", "at_most", 4.6, "%", LB),
    qual("城乡居民收入稳定增长", "居民收入"),
    num("居民消费价格总水平涨幅4%左右", CPI, "growth", "about", 4, "%", LB),
    qual("国际收支状况继续改善", "国际收支"),
  ]),
  plan(2008, [
    num("国内生产总值增长8%左右", GDP, "growth", "about", 8, "%"),
    num("居民消费价格总水平涨幅控制在4.8%左右", CPI, "growth", "about", 4.8, "%", LB),
    num("城镇新增就业1000万人", JOBS, "level", "exact", 1000, "万人"),
    num("城镇登记失业率控制在4.5%左右", REG, "share", "about", 4.5, "%", LB),
    qual("国际收支状况有所改善", "国际收支"),
  ]),
  plan(2007, [
    num("国内生产总值增长8%左右", GDP, "growth", "about", 8, "%"),
    num("城镇新增就业人数不低于900万人", JOBS, "level", "at_least", 900, "万人"),
    num("城镇登记失业率控制在4.6%以内", REG, "share", "at_most", 4.6, "%", LB),
    qual("物价总水平基本稳定", "物价总水平", "neutral"),
    num("居民消费价格总水平涨幅在", CPI, "growth", "at_most", 3, "%", LB),
    qual("国际收支不平衡状况得到改善", "国际收支"),
  ]),
  plan(2006, [
    num("国内生产总值增长8%左右", GDP, "growth", "about", 8, "%"),
    num("单位国内生产总值能耗降低4%左右", ENERGY, "growth", "about", 4, "%"),
    num("居民消费价格总水平涨幅控制在3%", CPI, "growth", "at_most", 3, "%", LB),
    num("城镇新增就业900万人", JOBS, "level", "exact", 900, "万人"),
    num("城镇登记失业率控制在4.6%", REG, "share", "at_most", 4.6, "%", LB),
    qual("国际收支基本平衡", "国际收支", "neutral"),
  ]),
  plan(2005, [
    num("国内生产总值增长8%左右", GDP, "growth", "about", 8, "%"),
    num("城镇新增就业900万人", JOBS, "level", "exact", 900, "万人"),
    num("城镇登记失业率控制在4.6%", REG, "share", "at_most", 4.6, "%", LB),
    num("居民消费价格总水平涨幅控制在4%", CPI, "growth", "at_most", 4, "%", LB),
    qual("国际收支保持基本平衡", "国际收支", "neutral"),
  ]),
];
