/**
 * Provincial 2026 work reports, second half (../shared/corpus/provinces-2026/, the last 15 files in `ls` order):
 * every item of each report's 2026 主要预期目标 list and the figures its review states for 2025, hand labelled by
 * reading the reports (not by running the engine). Conventions follow ../shared/corpus/web/README.md ("The labels").
 *
 * Snippets (`find`) are as the text reads after normalisation; a target's snippet first occurs at/after the headline
 * cue (and, where the plan part opens with five-year goals, also from the start of that part), an outcome's
 * snippet first occurs in the review. Two labels share a snippet only for the two halves of a `分别` pair.
 *
 * Judgement calls:
 * - `经济增长X%`/`生产总值增长X%` → 地区生产总值; `地方一般公共预算收入` → 一般公共预算收入; `规上/规模工业增加值` →
 *   规模以上工业增加值; `进出口总值`/`外贸进出口` → 进出口总额; every CPI item → 居民消费价格涨幅 (growth,
 *   lower_better; `居民消费价格增长2%左右` too); `城镇新增就业` → 新增就业.
 * - Qualitative items: measure qualitative, qualifier none, polarity neutral. Items without a figure although they
 *   name a direction (`固定资产投资实现正增长` 湖南, `固定资产投资增速保持在全国平均水平以上` 陕西, `居民消费价格
 *   合理回升` 西藏, `干流全线水质稳定保持在Ⅱ类及以上` 青海) are qualitative.
 * - One qualitative item per clause even when it names two subjects under one predicate (`碳排放强度、生态环境保护
 *   约束性指标完成国家下达控制目标` 甘肃, `完成国家下达的粮食生产、单位生产总值二氧化碳减排目标任务` 陕西,
 *   `碳排放双控和主要污染物减排目标` 青海, `节能减排和碳排放强度下降完成国家下达任务` 湖南).
 * - `分别增长5%、6.5%左右` (甘肃): the trailing 左右 belongs to the rural figure only: urban exact 5, rural about 6.5.
 *   `城乡居民…分别增长7%左右和8%左右` (西藏) and `…4%左右和6%左右` (贵州): each about.
 * - 贵州 `其中一二三产增加值分别增长3.5%左右、6%左右、5%左右` and 甘肃 `一产/二产/三产增加值…` are headline items
 *   (第一/第二/第三产业增加值). 贵州's three share one clause; their snippets overlap neighbouring figures, the
 *   matcher prefers the labelled value.
 * - `常住人口城镇化率提升1个百分点以上` (甘肃): growth, at_least 1, unit 个百分点; `常住人口城镇化率达59%左右`
 *   (贵州): share, about 59.
 * - `单位地区生产总值二氧化碳排放下降3.8%` (重庆, exact) / `降低3.8%左右` (黑龙江, about): 二氧化碳排放强度, growth,
 *   the size of the reduction, higher_better.
 * - `粮食产量1300亿斤以上、力争比去年实现更多增长` (河南): one item, at_least 1300 亿斤 (the aspiration has no figure).
 * - `地区生产总值增长4.5-5%` (黑龙江), `5%—5.5%` (浙江): range; snippets stop before the dash.
 * - `城镇调查失业率5%以内` at_most; `控制在5.5%左右` about; `控制在5%以内` at_most.
 * - 辽宁: the plan part `二、"十五五"时期目标任务和2026年工作安排` first lists five-year indicators (`城镇调查失业率5.5%
 *   左右`, `居民人均可支配收入增长与经济增长同步`); the 2026 snippets are chosen so that their first occurrence from
 *   the start of that part is already the 2026 list.
 * - Outcomes: the 2025 paragraph's figures plus the levels a five-year review states as reached at its end
 *   (`从2020年的3.68万亿元增长到2025年的4.93万亿元`, `达到62661亿元`, `提高到58.08%`: outcomes of 2025, spec §3).
 *   Five-year averages, cumulative totals and milestones (`年均增长`, `累计`, `迈上4000亿元台阶`, `突破1.1万亿元`
 *   without a year) are left out, as are rankings, monthly figures and ratios of the economy's structure.
 * - Declines are negative growth (`固定资产投资下降3.3%` → −3.3, `CPI微降0.1%` → −0.1); `居民消费价格与上年持平` /
 *   `涨幅基本持平` → 0; energy intensity `规上工业单位增加值能耗下降2.4%` → 2.4 (a reduction indicator).
 * - 甘肃 `扣除房地产开发投资后，固定资产投资增长2.7%` is labelled 固定资产投资 (the only investment growth it gives).
 * - `预计`, `左右`, `约` → estimated; `突破`, `超过`, `以上`, `初步统计` are not hedges (`数字经济增加值预计达3.4万亿元`
 *   is estimated).
 */
import { H, t } from "./target-label";
import type { CorpusReportLabels, OutcomeLabel, TargetLabel } from "./types";

/** A headline item whose indicator is better lower (unemployment rate, CPI). */
const LOW = { ...H, polarity: "lower_better" } as const;

/** A qualitative headline item. */
function q(find: string, indicator: string): TargetLabel {
  return t(find, indicator, "qualitative", "none", null, null, { ...H, polarity: "neutral" });
}

/** A ranged headline growth target. */
function range(find: string, indicator: string, min: number, max: number): TargetLabel {
  return t(find, indicator, "growth", "range", null, "%", { ...H, min, max });
}

function o(
  find: string,
  indicator: string,
  measure: OutcomeLabel["measure"],
  value: number,
  unit: string,
  estimated = false,
): OutcomeLabel {
  return { find, indicator, measure, value, unit, estimated };
}

const GDP = "地区生产总值";
const REVENUE = "一般公共预算收入";
const INDUSTRY = "规模以上工业增加值";
const FAI = "固定资产投资";
const RETAIL = "社会消费品零售总额";
const TRADE = "进出口总额";
const CPI = "居民消费价格涨幅";
const UNEMPLOYMENT = "城镇调查失业率";
const JOBS = "新增就业";
const INCOME = "居民人均可支配收入";
const URBAN_INCOME = "城镇居民人均可支配收入";
const RURAL_INCOME = "农村居民人均可支配收入";
const GRAIN = "粮食产量";
const CO2 = "二氧化碳排放强度";
const URBANISATION = "城镇化率";

export const provinces2026B: CorpusReportLabels[] = [
  {
    source: "provinces-2026/2026_河北省_政府工作报告.csv",
    code: "130000",
    jurisdiction: "河北省",
    planYear: 2026,
    reviewYear: 2025,
    headline: [
      t("地区生产总值增长5%以上", GDP, "growth", "at_least", 5, "%", H),
      t("一般公共预算收入增长2%左右", REVENUE, "growth", "about", 2, "%", H),
      t("规上工业增加值增长5.5%左右", INDUSTRY, "growth", "about", 5.5, "%", H),
      t("固定资产投资增长5.5%左右", FAI, "growth", "about", 5.5, "%", H),
      t("社会消费品零售总额增长5%左右", RETAIL, "growth", "about", 5, "%", H),
      t("居民人均可支配收入增长5%左右", INCOME, "growth", "about", 5, "%", H),
      t("居民消费价格涨幅2%左右", CPI, "growth", "about", 2, "%", LOW),
      t("城镇调查失业率控制在5.5%左右", UNEMPLOYMENT, "share", "about", 5.5, "%", LOW),
    ],
    outcomes: [
      o("2025年的4.93万亿元", GDP, "level", 4.93, "万亿元"),
      o("增长到4398.6亿元", REVENUE, "level", 4398.6, "亿元"),
      o("增长到36439元", INCOME, "level", 36439, "元"),
      o("全省生产总值增长5.6%", GDP, "growth", 5.6, "%"),
      o("一般公共预算收入增长2%", REVENUE, "growth", 2, "%"),
      o("规上工业增加值增长7.9%", INDUSTRY, "growth", 7.9, "%"),
      o("固定资产投资增长6.1%", FAI, "growth", 6.1, "%"),
      o("社会消费品零售总额增长5.6%", RETAIL, "growth", 5.6, "%"),
    ],
  },
  {
    source: "provinces-2026/2026_河南省_政府工作报告.csv",
    code: "410000",
    jurisdiction: "河南省",
    planYear: 2026,
    reviewYear: 2025,
    headline: [
      t("经济增长5%左右", GDP, "growth", "about", 5, "%", H),
      t("规上工业增加值增长6.5%左右", INDUSTRY, "growth", "about", 6.5, "%", H),
      t("固定资产投资增长5%左右", FAI, "growth", "about", 5, "%", H),
      t("社会消费品零售总额增长5.5%左右", RETAIL, "growth", "about", 5.5, "%", H),
      q("进出口稳量提质", TRADE),
      t("一般公共预算收入增长4%左右", REVENUE, "growth", "about", 4, "%", H),
      t("城镇调查失业率5.5%左右", UNEMPLOYMENT, "share", "about", 5.5, "%", LOW),
      t("城镇新增就业110万人以上", JOBS, "level", "at_least", 110, "万人", H),
      t("居民消费价格涨幅2%左右", CPI, "growth", "about", 2, "%", LOW),
      q("居民收入增长与经济增长同步", INCOME),
      t("粮食产量1300亿斤以上", GRAIN, "level", "at_least", 1300, "亿斤", H),
      q("二氧化碳排放降低目标", CO2),
    ],
    outcomes: [
      o("生产总值6.66万亿元", GDP, "level", 6.66, "万亿元"),
      o("社会消费品零售总额2.9万亿元", RETAIL, "level", 2.9, "万亿元"),
      o("进出口总值9356.7亿元", TRADE, "level", 9356.7, "亿元"),
      o("常住人口城镇化率60%", URBANISATION, "share", 60, "%"),
      o("生产总值增长5.6%", GDP, "growth", 5.6, "%"),
      o("规上工业增加值增长8.4%", INDUSTRY, "growth", 8.4, "%"),
      o("工业投资增长13.3%", "工业投资", "growth", 13.3, "%"),
      o("社会消费品零售总额增长5.6%", RETAIL, "growth", 5.6, "%"),
      o("进出口总值增长14.1%", TRADE, "growth", 14.1, "%"),
      o("粮食产量1350.97亿斤", GRAIN, "level", 1350.97, "亿斤"),
      o("城镇新增就业121.7万人", JOBS, "level", 121.7, "万人"),
    ],
  },
  {
    source: "provinces-2026/2026_浙江省_政府工作报告.csv",
    code: "330000",
    jurisdiction: "浙江省",
    planYear: 2026,
    reviewYear: 2025,
    headline: [
      range("全省生产总值增长5%", GDP, 5, 5.5),
      t("城镇调查失业率5%以内", UNEMPLOYMENT, "share", "at_most", 5, "%", LOW),
      t("居民消费价格涨幅2%左右", CPI, "growth", "about", 2, "%", LOW),
      q("居民人均可支配收入增长与经济增长同步", INCOME),
    ],
    outcomes: [
      o("全省生产总值增长5.5%", GDP, "growth", 5.5, "%"),
      o("一般公共预算收入增长1.8%", REVENUE, "growth", 1.8, "%"),
      o("分别增长4.3%、5.5%", URBAN_INCOME, "growth", 4.3, "%"),
      o("分别增长4.3%、5.5%", RURAL_INCOME, "growth", 5.5, "%"),
      o("规上工业增加值增长6.9%", INDUSTRY, "growth", 6.9, "%"),
      o("服务业增加值增长5.8%", "服务业增加值", "growth", 5.8, "%"),
      o("社会消费品零售总额增长4%", RETAIL, "growth", 4, "%"),
      o("外贸出口增长7.2%", "出口", "growth", 7.2, "%"),
      o("实际使用外资115.6亿美元", "实际利用外资", "level", 115.6, "亿美元"),
      o("总产量132.4亿斤", GRAIN, "level", 132.4, "亿斤"),
      o("降至25微克/立方米", "细颗粒物浓度", "level", 25, "微克/立方米"),
      o("城镇新增就业115.8万人", JOBS, "level", 115.8, "万人"),
      o("城镇调查失业率4.6%", UNEMPLOYMENT, "share", 4.6, "%"),
      o("2025年的14万元左右", "人均地区生产总值", "level", 14, "万元", true),
      o("提高到8865亿元", REVENUE, "level", 8865, "亿元"),
      o("提高到3.3%左右", "研发投入强度", "share", 3.3, "%", true),
      o("提升至76%左右", URBANISATION, "share", 76, "%", true),
    ],
  },
  {
    source: "provinces-2026/2026_海南省_政府工作报告.csv",
    code: "460000",
    jurisdiction: "海南省",
    planYear: 2026,
    reviewYear: 2025,
    headline: [
      t("地区生产总值增长6%左右", GDP, "growth", "about", 6, "%", H),
      t("固定资产投资增长7%左右", FAI, "growth", "about", 7, "%", H),
      t("社会消费品零售总额增长6%左右", RETAIL, "growth", "about", 6, "%", H),
      t("城镇调查失业率控制在5.5%左右", UNEMPLOYMENT, "share", "about", 5.5, "%", LOW),
      t("居民消费价格增长2%左右", CPI, "growth", "about", 2, "%", LOW),
      q("居民收入增长和经济增长同步", INCOME),
      q("生态环境质量保持优良", "生态环境质量"),
      q("碳排放双控完成国家下达任务", "碳排放双控"),
    ],
    outcomes: [
      o("地区生产总值增长4%", GDP, "growth", 4, "%"),
      o("规上工业增加值增长9.9%", INDUSTRY, "growth", 9.9, "%"),
      o("社会消费品零售总额增长5%", RETAIL, "growth", 5, "%"),
      o("服务进出口总额增长22.1%", "服务进出口总额", "growth", 22.1, "%"),
      o("实际使用外资增长19.9%", "实际利用外资", "growth", 19.9, "%"),
      o("接待游客突破1亿人次", "接待游客", "level", 1, "亿人次"),
      o("CPI微降0.1%", CPI, "growth", -0.1, "%"),
      o("城镇调查失业率5.2%", UNEMPLOYMENT, "share", 5.2, "%"),
      o("分别增长3.4%、5.2%", URBAN_INCOME, "growth", 3.4, "%"),
      o("分别增长3.4%、5.2%", RURAL_INCOME, "growth", 5.2, "%"),
      o("优良天数比例98.8%", "空气质量优良天数比率", "share", 98.8, "%"),
      o("PM2.5浓度11.8微克/立方米", "细颗粒物浓度", "level", 11.8, "微克/立方米"),
      o("城镇新增就业17.78万人", JOBS, "level", 17.78, "万人"),
      o("人均生产总值提升至7.6万元", "人均地区生产总值", "level", 7.6, "万元"),
    ],
  },
  {
    source: "provinces-2026/2026_湖北省_政府工作报告.csv",
    code: "420000",
    jurisdiction: "湖北省",
    planYear: 2026,
    reviewYear: 2025,
    headline: [
      t("经济增长5.5%左右", GDP, "growth", "about", 5.5, "%", H),
      t("城镇调查失业率5.5%左右", UNEMPLOYMENT, "share", "about", 5.5, "%", LOW),
      t("城镇新增就业70万人以上", JOBS, "level", "at_least", 70, "万人", H),
      t("居民消费价格涨幅2%左右", CPI, "growth", "about", 2, "%", LOW),
      q("居民收入增长和经济增长同步", INCOME),
      t("粮食产量继续保持500亿斤以上", GRAIN, "level", "at_least", 500, "亿斤", H),
      q("二氧化碳排放完成国家下达目标", CO2),
    ],
    outcomes: [
      o("达到62661亿元", GDP, "level", 62661, "亿元"),
      o("增至2.79万亿元", RETAIL, "level", 2.79, "万亿元"),
      o("地区生产总值增长5.5%", GDP, "growth", 5.5, "%"),
      o("高技术制造业增加值增长15.5%", "高技术制造业增加值", "growth", 15.5, "%"),
      o("规上服务业营收增长11.4%", "规上服务业营收", "growth", 11.4, "%"),
      o("核心产业增加值超过6000亿元", "数字经济核心产业增加值", "level", 6000, "亿元"),
      o("达到4211亿元", REVENUE, "level", 4211, "亿元"),
      o("税收收入增长3%", "税收收入", "growth", 3, "%"),
      o("进出口总额增长18.2%", TRADE, "growth", 18.2, "%"),
      o("技术合同成交额达到6121亿元", "技术合同成交额", "level", 6121, "亿元"),
    ],
  },
  {
    source: "provinces-2026/2026_湖南省_政府工作报告.csv",
    code: "430000",
    jurisdiction: "湖南省",
    planYear: 2026,
    reviewYear: 2025,
    headline: [
      t("地区生产总值增长5%左右", GDP, "growth", "about", 5, "%", H),
      t("一般公共预算收入增长1.5%左右", REVENUE, "growth", "about", 1.5, "%", H),
      t("规模工业增加值增长6%", INDUSTRY, "growth", "exact", 6, "%", H),
      q("固定资产投资实现正增长", FAI),
      t("社会消费品零售总额增长4.5%以上", RETAIL, "growth", "at_least", 4.5, "%", H),
      t("进出口总额增长3%", TRADE, "growth", "exact", 3, "%", H),
      t("城镇新增就业70万人", JOBS, "level", "exact", 70, "万人", H),
      q("居民收入增速高于经济增速", INCOME),
      t("居民消费价格涨幅2%左右", CPI, "growth", "about", 2, "%", LOW),
      t("粮食产量615亿斤左右", GRAIN, "level", "about", 615, "亿斤", H),
      q("碳排放强度下降完成国家下达任务", "节能减排和碳排放强度"),
    ],
    outcomes: [
      o("地区生产总值达到5.53万亿元", GDP, "level", 5.53, "万亿元"),
      o("前十强、增长4.8%", GDP, "growth", 4.8, "%"),
      o("规模工业增加值增长6.2%", INDUSTRY, "growth", 6.2, "%"),
      o("预算收入达3507.6亿元", REVENUE, "level", 3507.6, "亿元"),
      o("3507.6亿元、增长1.7%", REVENUE, "growth", 1.7, "%"),
      o("人均可支配收入达39545元", INCOME, "level", 39545, "元"),
      o("39545元、增长5%", INCOME, "growth", 5, "%"),
      o("农村居民收入增长5.8%", RURAL_INCOME, "growth", 5.8, "%"),
      o("粮食产量突破620亿斤", GRAIN, "level", 620, "亿斤"),
      o("研发投入强度提升至2.62%", "研发投入强度", "share", 2.62, "%"),
      o("技术合同成交额突破5000亿元", "技术合同成交额", "level", 5000, "亿元"),
      o("核心产业增加值增长9%以上", "数字经济核心产业增加值", "growth", 9, "%"),
      o("城镇化率达63%", URBANISATION, "share", 63, "%"),
      o("城镇新增就业82.7万人", JOBS, "level", 82.7, "万人"),
    ],
  },
  {
    source: "provinces-2026/2026_甘肃省_政府工作报告.csv",
    code: "620000",
    jurisdiction: "甘肃省",
    planYear: 2026,
    reviewYear: 2025,
    headline: [
      t("地区生产总值增长5.5%左右", GDP, "growth", "about", 5.5, "%", H),
      t("一产增加值增长6%左右", "第一产业增加值", "growth", "about", 6, "%", H),
      t("二产增加值增长6%左右", "第二产业增加值", "growth", "about", 6, "%", H),
      t("三产增加值增长5.5%左右", "第三产业增加值", "growth", "about", 5.5, "%", H),
      t("规模以上工业增加值增长8%左右", INDUSTRY, "growth", "about", 8, "%", H),
      t("固定资产投资增长4.5%左右", FAI, "growth", "about", 4.5, "%", H),
      t("社会消费品零售总额增长4%左右", RETAIL, "growth", "about", 4, "%", H),
      t("外贸进出口总值增长10%以上", TRADE, "growth", "at_least", 10, "%", H),
      t("一般公共预算收入同口径增长5.5%左右", REVENUE, "growth", "about", 5.5, "%", H),
      t("城镇调查失业率5.5%左右", UNEMPLOYMENT, "share", "about", 5.5, "%", LOW),
      t("分别增长5%、6.5%左右", URBAN_INCOME, "growth", "exact", 5, "%", H),
      t("分别增长5%、6.5%左右", RURAL_INCOME, "growth", "about", 6.5, "%", H),
      t("城镇化率提升1个百分点以上", URBANISATION, "growth", "at_least", 1, "个百分点", H),
      t("居民消费价格涨幅2%", CPI, "growth", "exact", 2, "%", LOW),
      t("粮食产量稳定在1300万吨以上", GRAIN, "level", "at_least", 1300, "万吨", H),
      q("生态环境保护约束性指标", "碳排放强度和生态环境保护约束性指标"),
    ],
    outcomes: [
      o("地区生产总值增长5.8%", GDP, "growth", 5.8, "%"),
      o("规模以上工业增加值增长9.5%", INDUSTRY, "growth", 9.5, "%"),
      o("全体居民人均可支配收入增长6.1%", INCOME, "growth", 6.1, "%"),
      o("一般公共预算收入增长5.7%", REVENUE, "growth", 5.7, "%"),
      o("固定资产投资增长2.7%", FAI, "growth", 2.7, "%"),
      o("社会消费品零售总额增长2.5%", RETAIL, "growth", 2.5, "%"),
      o("工业技改投资增长33.6%", "工业技改投资", "growth", 33.6, "%"),
      o("城镇新增就业31.7万人", JOBS, "level", 31.7, "万人"),
      o("达到13697.5亿元", GDP, "level", 13697.5, "亿元"),
      o("增加到1112.4亿元", REVENUE, "level", 1112.4, "亿元"),
      o("提高到58.08%", URBANISATION, "share", 58.08, "%"),
    ],
  },
  {
    source: "provinces-2026/2026_福建省_政府工作报告.csv",
    code: "350000",
    jurisdiction: "福建省",
    planYear: 2026,
    reviewYear: 2025,
    headline: [
      t("全省地区生产总值增长5%左右", GDP, "growth", "about", 5, "%", H),
      t("城镇调查失业率控制在5%左右", UNEMPLOYMENT, "share", "about", 5, "%", LOW),
      t("城镇新增就业50万人", JOBS, "level", "exact", 50, "万人", H),
      t("居民消费价格涨幅2%左右", CPI, "growth", "about", 2, "%", LOW),
      q("居民收入增长与经济增长同步", INCOME),
      t("粮食产量513万吨以上", GRAIN, "level", "at_least", 513, "万吨", H),
      q("二氧化碳排放降低目标", CO2),
    ],
    outcomes: [
      o("地区生产总值60199.45亿元", GDP, "level", 60199.45, "亿元"),
      o("60199.45亿元、增长5%", GDP, "growth", 5, "%"),
      o("预算收入3723.35亿元", REVENUE, "level", 3723.35, "亿元"),
      o("3723.35亿元、增长3%", REVENUE, "growth", 3, "%"),
      o("社会消费品零售总额增长4.4%", RETAIL, "growth", 4.4, "%"),
      o("固定资产投资下降3.3%", FAI, "growth", -3.3, "%"),
      o("进出口下降5.4%", TRADE, "growth", -5.4, "%"),
      o("分别增长4.5%、5.7%", URBAN_INCOME, "growth", 4.5, "%"),
      o("分别增长4.5%、5.7%", RURAL_INCOME, "growth", 5.7, "%"),
      o("城镇调查失业率4.7%", UNEMPLOYMENT, "share", 4.7, "%"),
      o("居民消费价格与上年持平", CPI, "growth", 0, "%"),
      o("基础设施投资增长5.6%", "基础设施投资", "growth", 5.6, "%"),
      o("工业投资增长6.1%", "工业投资", "growth", 6.1, "%"),
      o("城镇新增就业54.58万人", JOBS, "level", 54.58, "万人"),
      o("规上工业单位增加值能耗下降2.4%", "规上工业单位增加值能耗", "growth", 2.4, "%"),
      o("数字经济增加值预计达3.4万亿元", "数字经济规模", "level", 3.4, "万亿元", true),
    ],
  },
  {
    source: "provinces-2026/2026_西藏自治区_政府工作报告.csv",
    code: "540000",
    jurisdiction: "西藏自治区",
    planYear: 2026,
    reviewYear: 2025,
    headline: [
      t("地区生产总值增长7%以上", GDP, "growth", "at_least", 7, "%", H),
      t("固定资产投资增长15%左右", FAI, "growth", "about", 15, "%", H),
      t("社会消费品零售总额增长7%左右", RETAIL, "growth", "about", 7, "%", H),
      t("分别增长7%左右和8%左右", URBAN_INCOME, "growth", "about", 7, "%", H),
      t("分别增长7%左右和8%左右", RURAL_INCOME, "growth", "about", 8, "%", H),
      t("城镇调查失业率控制在5%以内", UNEMPLOYMENT, "share", "at_most", 5, "%", LOW),
      q("居民消费价格合理回升", CPI),
    ],
    outcomes: [
      o("地区生产总值增长7%", GDP, "growth", 7, "%"),
      o("固定资产投资增长17.2%", FAI, "growth", 17.2, "%"),
      o("社会消费品零售总额增长4.4%", RETAIL, "growth", 4.4, "%"),
      o("规上工业增加值增长12.4%", INDUSTRY, "growth", 12.4, "%"),
      o("一般公共预算收入增长14.7%", REVENUE, "growth", 14.7, "%"),
      o("分别增长6%和7.4%", URBAN_INCOME, "growth", 6, "%"),
      o("分别增长6%和7.4%", RURAL_INCOME, "growth", 7.4, "%"),
      o("失业率控制在5%以内", UNEMPLOYMENT, "share", 5, "%"),
      o("城镇化率达到40%", URBANISATION, "share", 40, "%"),
      o("城镇新增就业5.1万人", JOBS, "level", 5.1, "万人"),
      o("优良天数比例保持99%以上", "空气质量优良天数比率", "share", 99, "%"),
      o("提高到58794元", URBAN_INCOME, "level", 58794, "元"),
      o("23184元", RURAL_INCOME, "level", 23184, "元"),
    ],
  },
  {
    source: "provinces-2026/2026_贵州省_政府工作报告.csv",
    code: "520000",
    jurisdiction: "贵州省",
    planYear: 2026,
    reviewYear: 2025,
    headline: [
      t("地区生产总值增长5%左右", GDP, "growth", "about", 5, "%", H),
      t("三产增加值分别增长3.5%左右", "第一产业增加值", "growth", "about", 3.5, "%", H),
      t("值分别增长3.5%左右、6%左右", "第二产业增加值", "growth", "about", 6, "%", H),
      t("值分别增长3.5%左右、6%左右、5%", "第三产业增加值", "growth", "about", 5, "%", H),
      t("规模以上工业增加值增长7.5%左右", INDUSTRY, "growth", "about", 7.5, "%", H),
      t("固定资产投资增长3%左右", FAI, "growth", "about", 3, "%", H),
      t("社会消费品零售总额增长4%左右", RETAIL, "growth", "about", 4, "%", H),
      t("一般公共预算收入增长2%左右", REVENUE, "growth", "about", 2, "%", H),
      t("分别增长4%左右和6%左右", URBAN_INCOME, "growth", "about", 4, "%", H),
      t("分别增长4%左右和6%左右", RURAL_INCOME, "growth", "about", 6, "%", H),
      t("城镇新增就业60万人左右", JOBS, "level", "about", 60, "万人", H),
      t("城镇调查失业率5.5%左右", UNEMPLOYMENT, "share", "about", 5.5, "%", LOW),
      t("居民消费价格涨幅2%左右", CPI, "growth", "about", 2, "%", LOW),
      t("城镇化率达59%左右", URBANISATION, "share", "about", 59, "%", H),
    ],
    outcomes: [
      o("全年地区生产总值增长4.9%", GDP, "growth", 4.9, "%"),
      o("一般公共预算收入增长2.5%", REVENUE, "growth", 2.5, "%"),
      o("规模以上工业增加值增长7%", INDUSTRY, "growth", 7, "%"),
      o("城镇新增就业62.6万人", JOBS, "level", 62.6, "万人"),
      o("分别增长3.9%和5.7%", URBAN_INCOME, "growth", 3.9, "%"),
      o("分别增长3.9%和5.7%", RURAL_INCOME, "growth", 5.7, "%"),
      o("达到23562亿元", GDP, "level", 23562, "亿元"),
      o("2025年的57.7%", URBANISATION, "share", 57.7, "%"),
    ],
  },
  {
    source: "provinces-2026/2026_辽宁省_政府工作报告.csv",
    code: "210000",
    jurisdiction: "辽宁省",
    planYear: 2026,
    reviewYear: 2025,
    headline: [
      t("地区生产总值增长4.5%左右", GDP, "growth", "about", 4.5, "%", H),
      t("一般公共预算收入增长2.5%左右", REVENUE, "growth", "about", 2.5, "%", H),
      t("城镇新增就业45万人以上", JOBS, "level", "at_least", 45, "万人", H),
      t("城镇调查失业率5.5%左右，居民", UNEMPLOYMENT, "share", "about", 5.5, "%", LOW),
      t("居民消费价格涨幅2%左右", CPI, "growth", "about", 2, "%", LOW),
      q("与经济增长基本同步", INCOME),
      q("二氧化碳排放降低任务", CO2),
    ],
    outcomes: [
      o("地区生产总值增长3.7%", GDP, "growth", 3.7, "%"),
      o("一般公共预算收入增长0.4%", REVENUE, "growth", 0.4, "%"),
      o("城镇新增就业48万人", JOBS, "level", 48, "万人"),
      o("分别增长4.3%、5.3%", URBAN_INCOME, "growth", 4.3, "%"),
      o("分别增长4.3%、5.3%", RURAL_INCOME, "growth", 5.3, "%"),
      o("社会消费品零售总额增长1.4%", RETAIL, "growth", 1.4, "%"),
      o("规上工业增加值增长0.6%", INDUSTRY, "growth", 0.6, "%"),
      o("外贸出口总额增长8%", "出口", "growth", 8, "%"),
      o("实际使用外资33.8亿美元", "实际利用外资", "level", 33.8, "亿美元"),
      o("33.8亿美元，增长10%", "实际利用外资", "growth", 10, "%"),
      o("海洋生产总值增长6%左右", "海洋生产总值", "growth", 6, "%", true),
      o("粮食产量515.6亿斤", GRAIN, "level", 515.6, "亿斤"),
      o("优良天数比例达到89.7%", "空气质量优良天数比率", "share", 89.7, "%"),
    ],
  },
  {
    source: "provinces-2026/2026_重庆市_政府工作报告.csv",
    code: "500000",
    jurisdiction: "重庆市",
    planYear: 2026,
    reviewYear: 2025,
    headline: [
      t("地区生产总值增长5%以上", GDP, "growth", "at_least", 5, "%", H),
      t("规上工业增加值增长6%", INDUSTRY, "growth", "exact", 6, "%", H),
      t("固定资产投资增长3%", FAI, "growth", "exact", 3, "%", H),
      t("社会消费品零售总额增长4%以上", RETAIL, "growth", "at_least", 4, "%", H),
      t("进出口总值增长5%", TRADE, "growth", "exact", 5, "%", H),
      t("城镇新增就业65万人以上", JOBS, "level", "at_least", 65, "万人", H),
      t("一般公共预算收入增长3%", REVENUE, "growth", "exact", 3, "%", H),
      q("居民收入增长与经济增长同步", INCOME),
      t("二氧化碳排放下降3.8%", CO2, "growth", "exact", 3.8, "%", H),
    ],
    outcomes: [
      o("生产总值达到33757.93亿元", GDP, "level", 33757.93, "亿元"),
      o("33757.93亿元、增长5.3%", GDP, "growth", 5.3, "%"),
      o("分别增长3.2%、8.5%", "基础设施投资", "growth", 3.2, "%"),
      o("分别增长3.2%、8.5%", "工业投资", "growth", 8.5, "%"),
      o("社会消费品零售总额增长3.1%", RETAIL, "growth", 3.1, "%"),
      o("民营经济增加值增长5.4%", "民营经济增加值", "growth", 5.4, "%"),
      o("技术合同成交额突破1140亿元", "技术合同成交额", "level", 1140, "亿元"),
      o("的情况下增长12%", TRADE, "growth", 12, "%"),
      o("服务业增加值达到1.98万亿元", "服务业增加值", "level", 1.98, "万亿元"),
      o("零售总额超过1.66万亿元", RETAIL, "level", 1.66, "万亿元"),
      o("人均地区生产总值突破10万元", "人均地区生产总值", "level", 10, "万元"),
      o("人均可支配收入达到41580元", INCOME, "level", 41580, "元"),
    ],
  },
  {
    source: "provinces-2026/2026_陕西省_政府工作报告.csv",
    code: "610000",
    jurisdiction: "陕西省",
    planYear: 2026,
    reviewYear: 2025,
    headline: [
      t("生产总值增长5%左右", GDP, "growth", "about", 5, "%", H),
      q("固定资产投资增速保持在全国平均水平以上", FAI),
      t("一般公共预算收入增长3%", REVENUE, "growth", "exact", 3, "%", H),
      q("居民收入增速高于经济增速", INCOME),
      t("城镇新增就业40万人以上", JOBS, "level", "at_least", 40, "万人", H),
      t("城镇调查失业率5.5%左右", UNEMPLOYMENT, "share", "about", 5.5, "%", LOW),
      t("居民消费价格涨幅2%左右", CPI, "growth", "about", 2, "%", LOW),
      q("二氧化碳减排目标任务", "粮食生产和单位生产总值二氧化碳减排"),
    ],
    outcomes: [
      o("地区生产总值增长5.1%", GDP, "growth", 5.1, "%"),
      o("城镇新增就业44.1万人", JOBS, "level", 44.1, "万人"),
      o("居民人均可支配收入增长5.6%", INCOME, "growth", 5.6, "%"),
      o("粮食产量1347万吨", GRAIN, "level", 1347, "万吨"),
      o("分别增长9.4%、13.3%", "工业投资", "growth", 9.4, "%"),
      o("分别增长9.4%、13.3%", "制造业投资", "growth", 13.3, "%"),
      o("民间投资增长4.6%", "民间投资", "growth", 4.6, "%"),
      o("社会消费品零售总额增长6%", RETAIL, "growth", 6, "%"),
      o("规模以上工业增加值增长7.3%", INDUSTRY, "growth", 7.3, "%"),
      o("民营经济增加值增长5.5%", "民营经济增加值", "growth", 5.5, "%"),
      o("城镇调查失业率5.3%", UNEMPLOYMENT, "share", 5.3, "%"),
      o("达到5379亿元", TRADE, "level", 5379, "亿元"),
      o("5379亿元、增长18.5%", TRADE, "growth", 18.5, "%"),
      o("城镇化率增至67.17%", URBANISATION, "share", 67.17, "%"),
    ],
  },
  {
    source: "provinces-2026/2026_青海省_政府工作报告.csv",
    code: "630000",
    jurisdiction: "青海省",
    planYear: 2026,
    reviewYear: 2025,
    headline: [
      t("全省地区生产总值增长4.5%左右", GDP, "growth", "about", 4.5, "%", H),
      t("城镇新增就业6万人以上", JOBS, "level", "at_least", 6, "万人", H),
      t("转移就业106万人次以上", "农牧区劳动力转移就业", "level", "at_least", 106, "万人次", H),
      t("城镇调查失业率5.5%左右", UNEMPLOYMENT, "share", "about", 5.5, "%", LOW),
      t("居民消费价格涨幅2%左右", CPI, "growth", "about", 2, "%", LOW),
      q("可支配收入增长与经济增长同步", INCOME),
      t("粮食总产量保持在110万吨以上", GRAIN, "level", "at_least", 110, "万吨", H),
      q("干流全线水质稳定保持在", "长江黄河澜沧江干流水质"),
      q("环境空气质量保持全国前列", "环境空气质量"),
      q("碳排放双控和主要污染物减排目标", "碳排放双控和主要污染物减排"),
    ],
    outcomes: [
      o("地区生产总值增长4.1%", GDP, "growth", 4.1, "%"),
      o("人均可支配收入增长5.1%", INCOME, "growth", 5.1, "%"),
      o("城镇调查失业率5.4%", UNEMPLOYMENT, "share", 5.4, "%"),
      o("居民消费价格涨幅基本持平", CPI, "growth", 0, "%"),
      o("优良天数比例达97.9%", "空气质量优良天数比率", "share", 97.9, "%"),
      o("规上工业增加值增长7.6%", INDUSTRY, "growth", 7.6, "%"),
      o("社会消费品零售总额增长2%", RETAIL, "growth", 2, "%"),
      o("进出口总值增长17.6%", TRADE, "growth", 17.6, "%"),
      o("城镇新增就业6.95万人", JOBS, "level", 6.95, "万人"),
      o("转移就业112万人次", "农牧区劳动力转移就业", "level", 112, "万人次"),
      o("分别增长4%、6%", URBAN_INCOME, "growth", 4, "%"),
      o("分别增长4%、6%", RURAL_INCOME, "growth", 6, "%"),
      o("粮食总产量119.3万吨", GRAIN, "level", 119.3, "万吨"),
      o("城镇化率提高至64.7%", URBANISATION, "share", 64.7, "%"),
    ],
  },
  {
    source: "provinces-2026/2026_黑龙江省_政府工作报告.csv",
    code: "230000",
    jurisdiction: "黑龙江省",
    planYear: 2026,
    reviewYear: 2025,
    headline: [
      range("地区生产总值增长4.5", GDP, 4.5, 5),
      t("粮食产量1600亿斤以上", GRAIN, "level", "at_least", 1600, "亿斤", H),
      t("城镇新增就业30万人以上", JOBS, "level", "at_least", 30, "万人", H),
      t("城镇调查失业率5.7%左右", UNEMPLOYMENT, "share", "about", 5.7, "%", LOW),
      t("居民消费价格涨幅2%左右", CPI, "growth", "about", 2, "%", LOW),
      q("城乡居民收入增长与经济增长同步", INCOME),
      t("二氧化碳排放降低3.8%左右", CO2, "growth", "about", 3.8, "%", H),
    ],
    outcomes: [
      o("地区生产总值增长4.2%", GDP, "growth", 4.2, "%"),
      o("粮食总产量1640.06亿斤", GRAIN, "level", 1640.06, "亿斤"),
      o("城镇新增就业35.8万人", JOBS, "level", 35.8, "万人"),
      o("一般公共预算收入增长5.7%", REVENUE, "growth", 5.7, "%"),
      o("人均可支配收入增长5.1%", INCOME, "growth", 5.1, "%"),
      o("网上零售额增长14.7%", "网上零售额", "growth", 14.7, "%"),
      o("高技术制造业投资增长11.5%", "高技术制造业投资", "growth", 11.5, "%"),
      o("实际利用外资增长6.1%", "实际利用外资", "growth", 6.1, "%"),
      o("分别增长4.4%、5.8%", URBAN_INCOME, "growth", 4.4, "%"),
      o("分别增长4.4%、5.8%", RURAL_INCOME, "growth", 5.8, "%"),
    ],
  },
];
