/**
 * Verdicts of the State Council's headline targets, 2003–2025, under verdicts.md (updated: `pending`, the qualitative
 * rule, periods), at tolerance 0: for every item of `national-headlines.ts` (2005–2025) and the growth and jobs
 * targets of 2003–2004 (no headline list), the verdict a person gives by reading the plan and the review of the year
 * in the next report. Hand labelled by reading both reports; snippets only locate the target in its plan.
 *
 * Conventions and judgement calls:
 * - 2019 and 2025 are `pending`: the corpus has no report of 2020, and none of 2026 yet.
 * - Numeric targets: the figure the review gives for the year decides (see national.test.ts for the figures); no
 *   figure and no words → `no_outcome`, also when the review gives only figures of several years (`年均`, `五年`,
 *   `累计`: 2007 in the 2008 report, 2012 trade and 2017 CPI and energy in five-year reviews).
 * - Qualitative targets (`basis` says what decides): `words` when the review says in verdict words whether it was
 *   reached (`没有实现…目标`, `好于预期`, `超额完成`); `restated` when the review states for the year, without a
 *   figure and without verdict words, that the target's state holds or fails (`国际收支基本平衡。`,
 *   `生态环境质量明显改善`, `国际收支不平衡矛盾加剧`) — a person reads that as done (not done); otherwise
 *   `needs_review` (figures only, such as `居民人均可支配收入实际增长8.1%` against `居民收入增长和经济增长同步`, are
 *   for a person to weigh). Blanket sentences (`全年主要目标任务圆满完成`) state no single target done, and the
 *   five-year part of a review speaks of the period, not the year.
 * - Targets that combine two things of which the review states one (2023 `能耗和主要污染物排放量继续下降`: only
 *   emissions stated) are `needs_review`.
 */
import type { TVerdict } from "@/lib/schemas/extraction";

/** What decides a label's verdict (see the conventions above); absent for figures and for `pending`. */
export type VerdictBasis = "figure" | "none" | "words" | "restated" | "person";

export interface VerdictLabel {
  /** Snippet of the target in the plan of `year` (first occurrence in the plan section, else in the report). */
  target: string;
  verdict: TVerdict;
  basis: VerdictBasis;
}

export interface YearVerdicts {
  year: number;
  items: VerdictLabel[];
}

const fig = (target: string, verdict: "met" | "missed"): VerdictLabel => ({ target, verdict, basis: "figure" });
const none = (target: string): VerdictLabel => ({ target, verdict: "no_outcome", basis: "none" });
const person = (target: string): VerdictLabel => ({ target, verdict: "needs_review", basis: "person" });
const words = (target: string, verdict: "met" | "missed"): VerdictLabel => ({ target, verdict, basis: "words" });
const restated = (target: string, verdict: "met" | "missed"): VerdictLabel => ({ target, verdict, basis: "restated" });
const pending = (target: string): VerdictLabel => ({ target, verdict: "pending", basis: "none" });

export const NATIONAL_SOURCE = "national/government_work_reports.jsonl";

export const nationalVerdicts: YearVerdicts[] = [
  { year: 2003, items: [fig("经济增长预期目标为7%左右", "met")] },
  { year: 2004, items: [fig("经济增长预期目标为7%左右", "met"), fig("新增城镇就业900万人", "met")] },
  {
    year: 2005,
    items: [
      fig("国内生产总值增长8%左右", "met"),
      fig("城镇新增就业900万人", "met"),
      none("城镇登记失业率控制在4.6%"),
      fig("居民消费价格总水平涨幅控制在4%", "met"),
      person("国际收支保持基本平衡"),
    ],
  },
  {
    year: 2006,
    items: [
      fig("国内生产总值增长8%左右", "met"),
      // 2007 report: 没有实现年初确定的单位国内生产总值能耗降低4%左右…的目标.
      words("单位国内生产总值能耗降低4%左右", "missed"),
      fig("居民消费价格总水平涨幅控制在3%", "met"),
      fig("城镇新增就业900万人", "met"),
      none("城镇登记失业率控制在4.6%"),
      // 2007 report: 国际收支不平衡矛盾加剧.
      restated("国际收支基本平衡", "missed"),
    ],
  },
  {
    // The 2008 report reviews 2003–2007: GDP and jobs only as averages and five-year totals.
    year: 2007,
    items: [
      none("国内生产总值增长8%左右"),
      none("城镇新增就业人数不低于900万人"),
      none("城镇登记失业率控制在4.6%以内"),
      person("物价总水平基本稳定"),
      fig("居民消费价格总水平涨幅在", "missed"),
      person("国际收支不平衡状况得到改善"),
    ],
  },
  {
    year: 2008,
    items: [
      fig("国内生产总值增长8%左右", "met"),
      none("居民消费价格总水平涨幅控制在4.8%左右"),
      fig("城镇新增就业1000万人", "met"),
      none("城镇登记失业率控制在4.5%左右"),
      person("国际收支状况有所改善"),
    ],
  },
  {
    year: 2009,
    items: [
      fig("国内生产总值增长8%左右", "met"),
      person("经济结构进一步优化"),
      fig("城镇新增就业900万人以上", "met"),
      none("城镇登记失业率4.6%以内"),
      person("城乡居民收入稳定增长"),
      none("居民消费价格总水平涨幅4%左右"),
      person("国际收支状况继续改善"),
    ],
  },
  {
    year: 2010,
    items: [
      fig("国内生产总值增长8%左右", "met"),
      fig("城镇新增就业900万人以上", "met"),
      none("城镇登记失业率控制在4.6%以内"),
      fig("居民消费价格涨幅3%左右", "missed"),
      person("国际收支状况改善"),
    ],
  },
  {
    year: 2011,
    items: [
      fig("国内生产总值增长8%左右", "met"),
      person("经济结构进一步优化"),
      // 2012 report: 节能减排、物价调控目标没有完成.
      words("居民消费价格总水平涨幅控制在4%左右", "missed"),
      fig("城镇新增就业900万人以上", "met"),
      none("城镇登记失业率控制在4.6%以内"),
      person("国际收支状况继续改善"),
    ],
  },
  {
    year: 2012,
    items: [
      fig("国内生产总值增长7.5%", "met"),
      fig("城镇新增就业900万人以上", "met"),
      none("城镇登记失业率控制在4.6%以内"),
      fig("居民消费价格涨幅控制在4%左右", "met"),
      // The 2013 report gives trade only as a five-year average (年均增长12.2%).
      none("进出口总额增长10%左右"),
      // 2013 report, on 2012: 国际收支趋于平衡的良好态势.
      restated("国际收支状况继续改善", "met"),
      person("节能减排等方面取得新进展"),
      person("城乡居民收入实际增长和经济增长保持同步"),
    ],
  },
  {
    year: 2013,
    items: [
      fig("国内生产总值增长7.5%左右", "met"),
      // 2014 report: 区域发展协调性增强.
      restated("发展的协调性进一步增强", "met"),
      fig("居民消费价格涨幅3.5%左右", "met"),
      fig("城镇新增就业900万人以上", "met"),
      fig("城镇登记失业率低于4.6%", "met"),
      person("城乡居民人均收入实际增长与经济增长同步"),
      person("劳动报酬增长和劳动生产率提高同步"),
      person("国际收支状况进一步改善"),
    ],
  },
  {
    year: 2014,
    items: [
      fig("国内生产总值增长7.5%左右", "missed"),
      fig("居民消费价格涨幅控制在3.5%左右", "met"),
      fig("城镇新增就业1000万人以上", "met"),
      none("城镇登记失业率控制在4.6%以内"),
      person("国际收支基本平衡"),
      person("努力实现居民收入增长和经济发展同步"),
    ],
  },
  {
    year: 2015,
    items: [
      fig("国内生产总值增长7%左右", "missed"),
      none("居民消费价格涨幅3%左右"),
      fig("城镇新增就业1000万人以上", "met"),
      none("城镇登记失业率4.5%以内"),
      // 2016 report: 进出口总额出现下降，预期增长目标未能实现.
      words("进出口增长6%左右", "missed"),
      person("国际收支基本平衡"),
      person("居民收入增长与经济发展同步"),
      fig("能耗强度下降3.1%以上", "met"),
      // 2016 report: 狠抓节能减排和环境保护，各项约束性指标超额完成.
      words("主要污染物排放继续减少", "met"),
    ],
  },
  {
    year: 2016,
    items: [
      fig("国内生产总值增长6.5%", "met"),
      fig("居民消费价格涨幅3%左右", "met"),
      fig("城镇新增就业1000万人以上", "met"),
      fig("城镇登记失业率4.5%以内", "met"),
      // 2017 report: 进出口逐步回稳 (not 向好): a person weighs it.
      person("进出口回稳向好"),
      person("国际收支基本平衡"),
      person("居民收入增长和经济增长基本同步"),
      fig("单位国内生产总值能耗下降3.4%以上", "met"),
      person("主要污染物排放继续减少"),
    ],
  },
  {
    // The 2018 report reviews 2013–2017; for 2017 itself it gives GDP, jobs and income growth.
    year: 2017,
    items: [
      fig("国内生产总值增长6.5%左右", "met"),
      none("居民消费价格涨幅3%左右"),
      fig("城镇新增就业1100万人以上", "met"),
      none("城镇登记失业率4.5%以内"),
      person("进出口回稳向好"),
      person("国际收支基本平衡"),
      person("居民收入和经济增长基本同步"),
      none("单位国内生产总值能耗下降3.4%以上"),
      person("主要污染物排放量继续下降"),
    ],
  },
  {
    year: 2018,
    items: [
      fig("国内生产总值增长6.5%左右", "met"),
      fig("居民消费价格涨幅3%左右", "met"),
      fig("城镇新增就业1100万人以上", "met"),
      fig("城镇调查失业率5.5%以内", "met"),
      none("城镇登记失业率4.5%以内"),
      person("居民收入增长和经济增长基本同步"),
      person("进出口稳中向好"),
      // 2019 report: 国际收支基本平衡。
      restated("国际收支基本平衡", "met"),
      fig("单位国内生产总值能耗下降3%以上", "met"),
      person("主要污染物排放量继续下降"),
      person("供给侧结构性改革取得实质性进展"),
      // 2019 report: 宏观杠杆率趋于稳定.
      restated("宏观杠杆率保持基本稳定", "met"),
      person("各类风险有序有效防控"),
    ],
  },
  {
    year: 2019,
    items: [
      "国内生产总值增长6%",
      "城镇新增就业1100万人以上",
      "城镇调查失业率5.5%左右",
      "城镇登记失业率4.5%以内",
      "居民消费价格涨幅3%左右",
      "国际收支基本平衡",
      "进出口稳中提质",
      "宏观杠杆率基本稳定",
      "金融财政风险有效防控",
      "农村贫困人口减少1000万以上",
      "居民收入增长与经济增长基本同步",
      "生态环境进一步改善",
      "单位国内生产总值能耗下降3%左右",
      "主要污染物排放量继续下降",
    ].map(pending),
  },
  {
    year: 2021,
    items: [
      fig("国内生产总值增长6%以上", "met"),
      fig("城镇新增就业1100万人以上", "met"),
      fig("城镇调查失业率5.5%左右", "met"),
      fig("居民消费价格涨幅3%左右", "met"),
      person("进出口量稳质升"),
      // 2022 report: 国际收支基本平衡。… 主要污染物排放量继续下降 … 生态环境质量明显改善.
      restated("国际收支基本平衡", "met"),
      person("居民收入稳步增长"),
      restated("生态环境质量进一步改善", "met"),
      // The 2022 report states no energy intensity for 2021.
      none("单位国内生产总值能耗降低3%左右"),
      restated("主要污染物排放量继续下降", "met"),
      fig("粮食产量保持在1.3万亿斤以上", "met"),
    ],
  },
  {
    year: 2022,
    items: [
      fig("国内生产总值增长5.5%左右", "missed"),
      fig("城镇新增就业1100万人以上", "met"),
      fig("城镇调查失业率全年控制在5.5%以内", "met"),
      fig("居民消费价格涨幅3%左右", "met"),
      person("居民收入增长与经济增长基本同步"),
      // 2023 report: 货物进出口好于预期.
      words("进出口保稳提质", "met"),
      // 2023 report: 国际收支保持平衡 … 生态环境质量持续改善.
      restated("国际收支基本平衡", "met"),
      fig("粮食产量保持在1.3万亿斤以上", "met"),
      restated("生态环境质量持续改善", "met"),
      person("主要污染物排放量继续下降"),
    ],
  },
  {
    year: 2023,
    items: [
      fig("国内生产总值增长5%左右", "met"),
      fig("城镇新增就业1200万人左右", "met"),
      fig("城镇调查失业率5.5%左右", "met"),
      fig("居民消费价格涨幅3%左右", "met"),
      person("居民收入增长与经济增长基本同步"),
      person("进出口促稳提质"),
      // 2024 report: 国际收支基本平衡。… 生态环境质量稳中改善.
      restated("国际收支基本平衡", "met"),
      fig("粮食产量保持在1.3万亿斤以上", "met"),
      person("能耗和主要污染物排放量继续下降"),
      person("重点控制化石能源消费"),
      restated("生态环境质量稳定改善", "met"),
    ],
  },
  {
    year: 2024,
    items: [
      fig("国内生产总值增长5%左右", "met"),
      fig("城镇新增就业1200万人以上", "met"),
      fig("城镇调查失业率5.5%左右", "met"),
      fig("居民消费价格涨幅3%左右", "met"),
      person("居民收入增长和经济增长同步"),
      // 2025 report: 国际收支基本平衡 … 生态环境质量有新改善 … 单位国内生产总值能耗降幅超过3%.
      restated("国际收支保持基本平衡", "met"),
      fig("粮食产量1.3万亿斤以上", "met"),
      fig("单位国内生产总值能耗降低2.5%左右", "met"),
      restated("生态环境质量持续改善", "met"),
    ],
  },
  {
    year: 2025,
    items: [
      "国内生产总值增长5%左右",
      "城镇调查失业率5.5%左右",
      "城镇新增就业1200万人以上",
      "居民消费价格涨幅2%左右",
      "居民收入增长和经济增长同步",
      "国际收支保持基本平衡",
      "粮食产量1.4万亿斤左右",
      "单位国内生产总值能耗降低3%左右",
      "生态环境质量持续改善",
    ].map(pending),
  },
];
