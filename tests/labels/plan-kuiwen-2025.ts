/**
 * Every target of 潍坊市奎文区's 2025 plan section (seeds/003: `二、2025年工作安排` up to
 * `三、全面加强政府自身建设`), hand labelled by reading the report. Snippets are as the text reads after
 * normalisation: footnote markers (`[8]`…) dropped, the injected spam words (`凯发k8国际`) left out (no snippet
 * spans them; the only spam inside the plan is in the 版权产业 sentence, which holds no target).
 *
 * Judgement calls:
 * - Portfolios, names, specifications and ordinals are notTargets: `推进…45个精品项目建设` (advancing an existing
 *   set), `十二大片区` (a named set), `600吨大型垃圾转运站` / `220千伏` / `110千伏` (specifications of one facility),
 *   `第三轮“四减四增”`, `“十四五”`, `五篇大文章`, `1913烟草文化中心`, `1532文化产业园`, named methods with numbers.
 * - Counted deliverables are targets: `状元府等5个项目争创省高品质住宅试点项目`, `4个小区临时用电改造`,
 *   `70个社区全部建成省级智慧社区`, and both counts of `125家科技型企业、145台科研仪器加入…共享服务网`.
 * - `提升审批服务效率30%以上`: an improvement rate → measure growth, at_least.
 * - `力争引进过亿元项目30个`: 力争 without 以上 → exact (过亿元 is part of the indicator).
 * - `…覆盖率保持100%` / `高中录取率继续保持80%以上`: shares (exact / at_least).
 * - `社会消费品零售总额突破300亿元` (body, level) is a separate target from the headline growth of the same
 *   indicator.
 */
import type { PlanLabels, TargetLabel } from "./types";

function t(
  find: string,
  indicator: string,
  measure: TargetLabel["measure"],
  qualifier: TargetLabel["qualifier"],
  value: number | null,
  unit: string | null,
  extra: Partial<TargetLabel> = {},
): TargetLabel {
  return {
    find,
    indicator,
    measure,
    qualifier,
    value,
    min: null,
    max: null,
    unit,
    polarity: "higher_better",
    headline: false,
    ...extra,
  };
}

const H = { headline: true } as const;

export const kuiwen2025Plan: PlanLabels = {
  source: "seeds/003_c60be1a80293fcb0.txt",
  code: "370705",
  planYear: 2025,
  targets: [
    // 主要预期目标
    t("地区生产总值增长6%左右", "地区生产总值", "growth", "about", 6, "%", H),
    t("一般公共预算收入增长4%左右", "一般公共预算收入", "growth", "about", 4, "%", H),
    t("固定资产投资增长5%左右", "固定资产投资", "growth", "about", 5, "%", H),
    t("社会消费品零售总额增长5%左右", "社会消费品零售总额", "growth", "about", 5, "%", H),
    t("规上工业增加值增长7%左右", "规上工业增加值", "growth", "about", 7, "%", H),
    t("城镇居民人均可支配收入增长5%左右", "城镇居民人均可支配收入", "growth", "about", 5, "%", H),
    t("节能减排降碳等约束性指标", "节能减排降碳约束性指标", "qualitative", "none", null, null, H),
    // (一) 现代产业体系
    t("工业技改投资完成2亿元以上", "工业技改投资", "level", "at_least", 2, "亿元"),
    t("数字化转型覆盖率达到97%", "规上工业企业数字化转型覆盖率", "share", "exact", 97, "%"),
    t("创新型中小企业10家", "新增省级专精特新、创新型中小企业", "level", "exact", 10, "家"),
    t("数字经济规模突破45亿元", "数字经济规模", "level", "at_least", 45, "亿元"),
    t("新增产业载体28万平方米", "新增产业载体", "level", "exact", 28, "万平方米"),
    t("园区入驻率超75%", "园区入驻率", "share", "at_least", 75, "%"),
    t("各类金融企业10家以上", "新招引金融企业", "level", "at_least", 10, "家"),
    t("贷款余额突破1350亿元", "贷款余额", "level", "at_least", 1350, "亿元"),
    t("金融业增加值实现85亿元", "金融业增加值", "level", "exact", 85, "亿元"),
    t("培训等活动30场", "路演培训活动", "level", "exact", 30, "场"),
    t("助力40家企业实现资本对接", "资本对接企业", "level", "exact", 40, "家"),
    t("专题融资对接活动50场", "融资对接活动", "level", "exact", 50, "场"),
    t("助企融资300亿元以上", "助企融资", "level", "at_least", 300, "亿元"),
    t("新增金融载体10万平方米", "新增金融载体", "level", "exact", 10, "万平方米"),
    t("促消费活动100场以上", "促消费活动", "level", "at_least", 100, "场"),
    t("引进潍坊首店20家", "引进首店", "level", "exact", 20, "家"),
    t("社会消费品零售总额突破300亿元", "社会消费品零售总额", "level", "at_least", 300, "亿元"),
    t("引育外贸实绩企业20家", "引育外贸实绩企业", "level", "exact", 20, "家"),
    t("新建完善海外仓3处", "新建完善海外仓", "level", "exact", 3, "处"),
    t("新增楼宇企业联合会15个", "新增楼宇企业联合会", "level", "exact", 15, "个"),
    t("特色楼宇12栋", "打造专业特色楼宇", "level", "exact", 12, "栋"),
    t("楼宇运营等活动100场以上", "企业互采楼宇运营活动", "level", "at_least", 100, "场"),
    t("电视剧、电影35部以上", "参与制作影视作品", "level", "at_least", 35, "部"),
    t("精品路线4条", "开发文旅精品路线", "level", "exact", 4, "条"),
    t("优质旅游研学基地3处", "打造旅游研学基地", "level", "exact", 3, "处"),
    t("新招引文旅企业10家以上", "新招引文旅企业", "level", "at_least", 10, "家"),
    t("旅游业收入突破60亿元", "旅游业收入", "level", "at_least", 60, "亿元"),
    t("文旅领域完成投资7.5亿元", "文旅领域投资", "level", "exact", 7.5, "亿元"),
    // (二) 城市更新
    t("钣金厂等地块项目8个", "新开工地块项目", "level", "exact", 8, "个"),
    t("智慧物流园等项目5个", "建成交付城市更新项目", "level", "exact", 5, "个"),
    t("授信总额突破300亿元", "城市更新银行授信", "level", "at_least", 300, "亿元"),
    t("到位资金150亿元", "城市更新到位资金", "level", "exact", 150, "亿元"),
    t("知名民企8家", "新签约央企、知名民企", "level", "exact", 8, "家"),
    t("配套资金总额达到50亿元", "到位配套资金", "level", "exact", 50, "亿元"),
    t("等道路11条", "新建续建道路", "level", "exact", 11, "条"),
    t("状元府等5个项目", "争创省高品质住宅试点项目", "level", "exact", 5, "个"),
    t("商品房销售面积增长20%", "商品房销售面积", "growth", "exact", 20, "%"),
    t("新改扩建口袋公园3处", "新改扩建口袋公园", "level", "exact", 3, "处"),
    t("新增品质公厕10座", "新增公厕", "level", "exact", 10, "座"),
    t("改造提升城市驿站5个", "改造提升城市驿站", "level", "exact", 5, "个"),
    t("新增停车位400个以上", "新增停车位", "level", "at_least", 400, "个"),
    t("示范街60条", "门前五包示范街", "level", "exact", 60, "条"),
    t("保洁覆盖率保持100%", "道路深度保洁覆盖率", "share", "exact", 100, "%"),
    t("改造提升换热站15座", "改造提升换热站", "level", "exact", 15, "座"),
    t("供热管网3.5公里", "改造提升供热管网", "level", "exact", 3.5, "公里"),
    t("新增集中供热面积15万平方米", "新增集中供热面积", "level", "exact", 15, "万平方米"),
    t("4个小区临时用电改造", "小区临时用电改造", "level", "exact", 4, "个"),
    // (三) 改革创新
    t("审批服务效率30%以上", "审批服务效率", "growth", "at_least", 30, "%"),
    t("场景扩增至50个", "一件事场景", "level", "exact", 50, "个"),
    t("网办率达到98%", "政务服务事项网办率", "share", "exact", 98, "%"),
    t("新增校企合作技术平台2家", "新增校企合作技术平台", "level", "exact", 2, "家"),
    t("125家科技型企业", "加入开放共享服务网科技型企业", "level", "exact", 125, "家"),
    t("145台科研仪器", "加入开放共享服务网科研仪器", "level", "exact", 145, "台"),
    t("科技成果转化超10亿元", "科技成果转化", "level", "at_least", 10, "亿元"),
    t("“三高一核心”企业10家", "培育三高一核心企业", "level", "exact", 10, "家"),
    t("高新技术产业产值超30亿元", "高新技术产业产值", "level", "at_least", 30, "亿元"),
    t("人才创业企业5家", "新增高成长性人才创业企业", "level", "exact", 5, "家"),
    t("培育高技能人才1000人", "培育高技能人才", "level", "exact", 1000, "人"),
    t("各类招商活动20次", "招商活动", "level", "exact", 20, "次"),
    t("过亿元项目30个", "引进过亿元项目", "level", "exact", 30, "个"),
    t("创新港等项目20个", "落地运营项目", "level", "exact", 20, "个"),
    t("到位省外资金90亿元以上", "到位省外资金", "level", "at_least", 90, "亿元"),
    t("新增纳统企业100家以上", "新增纳统企业", "level", "at_least", 100, "家"),
    // (四) 民生
    t("挖潜扩增教室80间", "扩增教室", "level", "exact", 80, "间"),
    t("新增学位2000个", "新增学位", "level", "exact", 2000, "个"),
    t("“教联体”15个以上", "新增教联体", "level", "at_least", 15, "个"),
    t("高中录取率继续保持80%以上", "高中录取率", "share", "at_least", 80, "%"),
    t("人才队伍120支", "扶持文化人才队伍", "level", "exact", 120, "支"),
    t("创作文艺作品200件", "创作文艺作品", "level", "exact", 200, "件"),
    t("艺术普及等活动1000场以上", "群众文化活动", "level", "at_least", 1000, "场"),
    t("复合型文化空间20处", "打造复合型文化空间", "level", "exact", 20, "处"),
    t("全民健身活动300场", "全民健身活动", "level", "exact", 300, "场"),
    t("市级以上赛事20场以上", "承办市级以上赛事", "level", "at_least", 20, "场"),
    t("职业技能培训2000人次", "职业技能培训", "level", "exact", 2000, "人次"),
    t("新增就业5000人", "新增就业", "level", "exact", 5000, "人"),
    t("健康管理中心7处", "建成健康管理中心", "level", "exact", 7, "处"),
    t("基层特色专科3个", "新增市级基层特色专科", "level", "exact", 3, "个"),
    t("签约服务覆盖率提升至63%", "家庭医生签约服务覆盖率", "share", "exact", 63, "%"),
    t("新建暖心家园2家", "新建暖心家园", "level", "exact", 2, "家"),
    t("新增托位100个", "新增托位", "level", "exact", 100, "个"),
    t("居民安置房1000套以上", "新交付居民安置房", "level", "at_least", 1000, "套"),
    // (五) 社会治理
    t("70个社区全部建成省级智慧社区", "省级智慧社区", "level", "exact", 70, "个"),
    t("标杆型智慧社区2处", "新增省级标杆型智慧社区", "level", "exact", 2, "处"),
  ],
  notTargets: [
    "“十四五”规划的收官之年",
    "“十五五”规划的谋篇布局",
    "千万量级3d建模数据工厂",
    "数字金融五篇大文章",
    "1913烟草文化中心",
    "1532文化产业园",
    "编制十二大片区城市更新规划",
    "“四不两优先”",
    "45个精品项目建设",
    "开展“十乱”整治",
    "新建600吨大型垃圾转运站",
    "220千伏吉庆变电站",
    "110千伏线缆入地工程",
    "第三轮“四减四增”",
    "“教育强区”三年行动",
    "“七好”工程",
    "争创国家一级馆",
    "治本攻坚三年行动",
    "“六步工作法”",
    "“十五条硬措施”",
    "“八大行动”",
    "“五个法治化”",
  ],
};
