/**
 * Every target of 烟台市莱山区's 2024 plan section (seeds/002: `二、2024年重点工作` up to
 * `三、坚持党的全面领导,加强政府自身建设`), hand labelled by reading the report. The file is traditional Chinese
 * with pinyin after some characters (`區(qū)`); snippets are written simplified, without the pinyin.
 *
 * Judgement calls:
 * - The plan section opens with a 30-year retrospective of the district (`30年来…`): all of its figures are
 *   cumulative history (notTargets), e.g. `地区生产总值8.6亿元`, `60倍`, `从6家增长到131家`.
 * - `地方财政收入增长5%` keeps the indicator 地方财政收入 (the report's own term; it is not worded as
 *   一般公共预算收入). A bare `增长5%` is `exact`.
 * - `社会消费品零售额` → 社会消费品零售总额; `规模以上工业增加值` → 规上工业增加值.
 * - The last headline item (完成…节能减排降碳约束性指标和环境质量改善目标) is one qualitative target.
 * - `规划建设26平方公里的活力区` describes the zone (notTarget); `加快建设…等10条涉铁、涉高速城市延伸路` and
 *   `每个街道打造2条示范路` are counted deliverables (targets).
 * - `职工医保普通门诊报销比例再提高5个百分点`: a change of a share → measure growth, unit 个百分点.
 * - The 职工年度最高支付限额 clause (由2300元分别提高到5000元、6000元): two level targets (5000元 for 在职,
 *   6000元 for 退休); 2300元 is the baseline. The 6000元 snippet is the bare figure (5 characters, unique in
 *   the section).
 * - Thresholds inside names (`产值过亿元工业企业`, `投资过十亿元、外资过千万美元的大项目`, `三类“500强”`) are not
 *   targets; phases (`一期`, `二期`) and named campaigns with numbers are notTargets.
 */
import { H, t } from "./target-label";
import type { PlanLabels } from "./types";

export const laishan2024Plan: PlanLabels = {
  source: "seeds/002_4956f23b0c3276e5.txt",
  code: "370613",
  planYear: 2024,
  targets: [
    // 主要预期目标
    t("地区生产总值增长5.5%以上", "地区生产总值", "growth", "at_least", 5.5, "%", H),
    t("地方财政收入增长5%", "地方财政收入", "growth", "exact", 5, "%", H),
    t("固定资产投资增长5%左右", "固定资产投资", "growth", "about", 5, "%", H),
    t("规模以上工业增加值增长7%左右", "规上工业增加值", "growth", "about", 7, "%", H),
    t("社会消费品零售额增长5%左右", "社会消费品零售总额", "growth", "about", 5, "%", H),
    t("外贸进出口量稳质升", "外贸进出口", "qualitative", "none", null, null, H),
    t("实际使用外资规模稳定", "实际使用外资", "qualitative", "none", null, null, H),
    t("全体居民人均可支配收入增长6%左右", "居民人均可支配收入", "growth", "about", 6, "%", H),
    t("节能减排降碳约束性指标", "节能减排降碳约束性指标和环境质量改善目标", "qualitative", "none", null, null, H),
    // (一) 城市有机更新
    t("新启动安置房29万平方米", "新启动安置房", "level", "exact", 29, "万平方米"),
    t("交付10万平方米", "交付安置房", "level", "exact", 10, "万平方米"),
    t("新苑路西延等39条道路", "建设道路", "level", "exact", 39, "条"),
    t("凤凰西路等5条道路", "改造提升道路", "level", "exact", 5, "条"),
    t("10条涉铁、涉高速城市延伸路", "涉铁涉高速城市延伸路", "level", "exact", 10, "条"),
    t("4条园区道路", "建设园区道路", "level", "exact", 4, "条"),
    t("每个街道打造2条示范路", "每个街道打造示范路", "level", "exact", 2, "条"),
    // (二) 产业
    t("升规纳统企业60家以上", "新增升规纳统企业", "level", "at_least", 60, "家"),
    t("工业企业达到50家以上", "产值过亿元工业企业", "level", "at_least", 50, "家"),
    t("上下游企业10家以上", "引进产业链上下游企业", "level", "at_least", 10, "家"),
    t("技术合同交易额达到23亿元以上", "技术合同交易额", "level", "at_least", 23, "亿元"),
    t("“瞪羚”等企业8家以上", "新认定专精特新小巨人、瞪羚等企业", "level", "at_least", 8, "家"),
    t("科技型中小企业达到350家以上", "国家科技型中小企业", "level", "at_least", 350, "家"),
    t("工业互联网平台2家", "争创市级以上工业互联网平台", "level", "exact", 2, "家"),
    t("省级数字经济园区1家", "争创省级数字经济园区", "level", "exact", 1, "家"),
    // (四) 发展环境
    t("年内50%以上政务服务事项", "减证办免证办政务服务事项占比", "share", "at_least", 50, "%"),
    t("争创1处国家级海洋牧场", "争创国家级海洋牧场", "level", "exact", 1, "处"),
    t("规划建设10处", "规划建设城市驿站", "level", "exact", 10, "处"),
    // (五) 民生
    t("新增托位230个以上", "新增托位", "level", "at_least", 230, "个"),
    t("人才工程5人以上", "引育市级以上人才工程人才", "level", "at_least", 5, "人"),
    t("青年人才5000人以上", "引育青年人才", "level", "at_least", 5000, "人"),
    t("公益性岗位400个以上", "新开发城乡公益性岗位", "level", "at_least", 400, "个"),
    t("城镇新增就业8000人以上", "新增就业", "level", "at_least", 8000, "人"),
    t("6个中医药特色社区卫生服务站", "中医药特色社区卫生服务站", "level", "exact", 6, "个"),
    t("13个中医药特色村卫生室", "中医药特色村卫生室", "level", "exact", 13, "个"),
    t("报销比例再提高5个百分点", "职工医保普通门诊报销比例", "growth", "exact", 5, "个百分点"),
    t("分别提高到5000元", "在职职工年度最高支付限额", "level", "exact", 5000, "元"),
    t("6000元", "退休职工年度最高支付限额", "level", "exact", 6000, "元"),
    // (六) 安全稳定
    t("新型智慧社区7个以上", "创建省级新型智慧社区", "level", "at_least", 7, "个"),
    t("智慧社区建成率达到60%以上", "智慧社区建成率", "share", "at_least", 60, "%"),
  ],
  notTargets: [
    "地区生产总值8.6亿元",
    "达到建区时的60倍",
    "达到建区时的345倍",
    "规上工业企业从6家增长到131家",
    "先后启动43个旧村改造",
    "每千人口床位数达10.5张",
    "成立75周年",
    "以优异成绩向建区30周年献礼",
    "规划建设26平方公里的活力区",
    "打造富有区域特色的“一脊十二街”",
    "全面开展四大提升行动",
    "第七届全国文明城市",
    "烟台“3060”创新区",
    "一期完工、二期开工",
    "百亿级生态环保特色产业园区",
    "三类“500强”头部企业",
    "投资过十亿元、外资过千万美元",
    "“数据要素×”三年行动计划",
    "乡村“五个振兴”",
    "十大领域重点民生实事",
    "“3510”养老模式",
    "初家中学二期",
    "治本攻坚三年行动",
    "“五经普”数据要素",
  ],
};
