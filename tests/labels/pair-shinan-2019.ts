/**
 * The judged pair 青岛市市南区 2019: every target of the 2019 plan (`plan-shinan-2019.ts`) against the review of 2019
 * in the 2020 report (seeds/001, second report, `一、2019年工作回顾` up to `二、2020年工作安排`), verdicts per
 * verdicts.md with tolerance 0. Hand labelled by reading both reports.
 *
 * The six examples of verdicts.md appear with their target and outcome snippets exactly as written there; the
 * 一般公共预算收入 outcome snippet is therefore the whole clause (25 characters, longer than the usual 20): it
 * holds a level (87.2亿元, taken by no target, not listed) and the growth (1%) that the growth target takes.
 *
 * Judgement calls:
 * - No outcome is labelled for a target whose subject the review does not quantify or assess: e.g. the 重点项目
 *   counts (the review only says `43个亿元以上重点项目加快推进`, no counts), 充电桩, 上市挂牌企业, 高新技术企业.
 *   Qualitative headline targets on which the review says in words neither that they were done nor that they were
 *   not are `needs_review` (verdicts.md, updated: a person judges them, never `no_outcome`): 投资结构, 消费贡献率 and
 *   节能减排降碳 (the review quantifies investment and retail sales, not their structure or contribution, and says
 *   nothing on emissions). The blanket sentence `较好地完成了区十八届人大三次会议确定的目标任务` is not taken as
 *   stating any single target done; nor is `超额完成省市确定的目标任务` (it speaks of the 信访 case rate).
 * - `外贸稳提质` (qualitative) ↔ `完成进出口贸易总额638亿元`: the review's only foreign-trade statement; it does not
 *   say whether trade was stable with better quality → needs_review.
 * - `修缮保护…5处以上历史建筑` ↔ `保护性开发利用八大关近代建筑等10处文保单位`: same programme (historic buildings),
 *   same unit → met.
 * - `引进软件信息、数字创意等优质企业20家以上` (软件园/动漫园) ↔ `软件园、动漫园新注册企业153家` → met.
 * - `1626套安置房主体封顶` ↔ `共2115套安置房主体完工` (the review adds up the same projects plus 中岛组团) → met;
 *   the `540套安置房主体施工` target (中岛组团) is then left without an outcome, since an outcome serves one target.
 * - `整修云霄路等32条道路` ↔ `整修市政道路11.7万平方米`: indicators agree, units 条 vs 万平方米 do not → needs_review.
 * - `走访企业800家(次)以上` ↔ `累计走访企业1564家次` (units 家(次) = 家次) → met.
 * - `新增市场主体6000户以上` ↔ `新设立市场主体1.55万户` (万户 scales to 户) → met.
 * - `开展食品安全定性定量检测3500批次` ↔ `食品抽检3500批次` → met (3500 ≥ 3500).
 * - `新增学位1400余个`: `余` is not a hedge, so estimated is false.
 */
import { o } from "./target-label";
import type { OutcomeLabel, PairItemLabel } from "./types";

/** The verdicts.md example outcome for 一般公共预算收入, verbatim. */
const BUDGET_OUTCOME = "完成区级一般公共预算收入87.2亿元,同比增长1%";

export const shinan2019ReviewSource = "seeds/001_afcc151cafc2b4a6.txt";

export const shinan2019Outcomes: OutcomeLabel[] = [
  o("预计全区生产总值同比增长6%左右", "地区生产总值", "growth", 6, "%", true),
  o(BUDGET_OUTCOME, "一般公共预算收入", "growth", 1, "%"),
  o("进出口贸易总额638亿元", "进出口总额", "level", 638, "亿元"),
  o("105家金融机构及企业落户", "新增金融机构及企业", "level", 105, "家"),
  o("海洋产业增加值增长15%左右", "海洋产业增加值", "growth", 15, "%", true),
  o("近代建筑等10处文保单位", "保护利用文保单位", "level", 10, "处"),
  o("新增泊位2000个", "新增停车泊位", "level", 2000, "个"),
  o("发明专利授权823件", "发明专利授权", "level", 823, "件"),
  o("累计走访企业1564家次", "走访企业", "level", 1564, "家次"),
  o("区域总部企业10家", "新增区域总部企业", "level", 10, "家"),
  o("新招引各类人才3.6万人", "新增人才", "level", 3.6, "万人"),
  o("新设立市场主体1.55万户", "新设立市场主体", "level", 1.55, "万户"),
  o("新增注册商标5820件", "新增注册商标", "level", 5820, "件"),
  o("动漫园新注册企业153家", "软件园动漫园新注册企业", "level", 153, "家"),
  o("共2115套安置房主体完工", "安置房主体完工", "level", 2115, "套"),
  o("完成100套保障性住房建设任务", "保障性住房建设", "level", 100, "套"),
  o("节能改造既有居民建筑200万平方米", "既有居民建筑节能改造", "level", 200, "万平方米"),
  o("整修市政道路11.7万平方米", "道路整修", "level", 11.7, "万平方米"),
  o("整治260条道路门头牌匾", "门头牌匾整治道路", "level", 260, "条"),
  o("新增10处口袋公园", "新增口袋公园", "level", 10, "处"),
  o("新建和升级公厕15座", "新建升级公厕", "level", 15, "座"),
  o("更新改造老旧电梯51部", "更新改造老旧电梯", "level", 51, "部"),
  o("拆除违法建设6万平方米", "违法建设拆除面积", "level", 6, "万平方米"),
  o("食品抽检3500批次", "食品抽检", "level", 3500, "批次"),
  o("新增就业10.2万人", "新增就业", "level", 10.2, "万人"),
  o("扶持创业5142人", "扶持创业", "level", 5142, "人"),
  o("就业培训8306人", "就业培训", "level", 8306, "人"),
  o("新建2所公办幼儿园", "新建公办幼儿园", "level", 2, "所"),
  o("新增学位1400余个", "新增学位", "level", 1400, "个"),
  o("新建和升级健身场所102处", "新建升级健身场所", "level", 102, "处"),
  o("新建2处院前急救站", "新建院前急救站", "level", 2, "处"),
  o("新增3处社区养老服务站", "新增社区养老服务站", "level", 3, "处"),
];

export const shinan2019Pair: PairItemLabel[] = [
  // 主要预期目标
  { target: "全区生产总值增长7%左右", outcome: "预计全区生产总值同比增长6%左右", verdict: "missed" },
  { target: "区级一般公共预算收入增长6%左右", outcome: BUDGET_OUTCOME, verdict: "missed" },
  { target: "投资结构持续优化", outcome: null, verdict: "needs_review" },
  { target: "消费对经济增长的贡献率进一步提高", outcome: null, verdict: "needs_review" },
  { target: "外贸稳提质", outcome: "进出口贸易总额638亿元", verdict: "needs_review" },
  { target: "城区登记失业率控制在4%以内", outcome: null, verdict: "no_outcome" },
  { target: "完成节能减排降碳目标任务", outcome: null, verdict: "needs_review" },
  // body
  { target: "新开工5个", outcome: null, verdict: "no_outcome" },
  { target: "竣工11个", outcome: null, verdict: "no_outcome" },
  { target: "完成投资65亿元以上", outcome: null, verdict: "no_outcome" },
  { target: "金融类企业40家以上", outcome: "105家金融机构及企业落户", verdict: "met" },
  { target: "新增上市挂牌企业10家以上", outcome: null, verdict: "no_outcome" },
  { target: "商务服务企业100家以上", outcome: null, verdict: "no_outcome" },
  { target: "商务服务业增加值增长12%以上", outcome: null, verdict: "no_outcome" },
  { target: "海洋产业增加值增长10%以上", outcome: "海洋产业增加值增长15%左右", verdict: "met" },
  { target: "配合优化9个历史街区规划", outcome: null, verdict: "no_outcome" },
  { target: "5处以上历史建筑", outcome: "近代建筑等10处文保单位", verdict: "met" },
  { target: "优质企业20家以上", outcome: "动漫园新注册企业153家", verdict: "met" },
  { target: "停车位2000个", outcome: "新增泊位2000个", verdict: "met" },
  { target: "充电桩310个", outcome: null, verdict: "no_outcome" },
  { target: "新认定高新技术企业60家", outcome: null, verdict: "no_outcome" },
  { target: "增长30%以上", outcome: null, verdict: "no_outcome" },
  { target: "新增发明专利授权770件以上", outcome: "发明专利授权823件", verdict: "met" },
  { target: "招商推介活动25场(次)以上", outcome: null, verdict: "no_outcome" },
  { target: "走访企业800家(次)以上", outcome: "累计走访企业1564家次", verdict: "met" },
  { target: "区域型总部企业10家以上", outcome: "区域总部企业10家", verdict: "met" },
  { target: "注册资金企业150家以上", outcome: null, verdict: "no_outcome" },
  { target: "新增各类人才3.6万人", outcome: "新招引各类人才3.6万人", verdict: "met" },
  { target: "推进2万名大学生", outcome: null, verdict: "no_outcome" },
  { target: "新增市场主体6000户以上", outcome: "新设立市场主体1.55万户", verdict: "met" },
  { target: "新增注册商标3000件以上", outcome: "新增注册商标5820件", verdict: "met" },
  { target: "马德里国际注册商标20件以上", outcome: null, verdict: "no_outcome" },
  { target: "540套安置房主体施工", outcome: null, verdict: "no_outcome" },
  { target: "1626套安置房主体封顶", outcome: "共2115套安置房主体完工", verdict: "met" },
  { target: "建设248套保障性住房", outcome: "完成100套保障性住房建设任务", verdict: "missed" },
  { target: "既有居民建筑200万平方米", outcome: "节能改造既有居民建筑200万平方米", verdict: "met" },
  { target: "整修云霄路等32条道路", outcome: "整修市政道路11.7万平方米", verdict: "needs_review" },
  { target: "整治260条道路的门头牌匾", outcome: "整治260条道路门头牌匾", verdict: "met" },
  { target: "新建10处口袋公园", outcome: "新增10处口袋公园", verdict: "met" },
  { target: "改造公厕15座", outcome: "新建和升级公厕15座", verdict: "met" },
  { target: "更新改造老旧电梯50部", outcome: "更新改造老旧电梯51部", verdict: "met" },
  { target: "拆除违法建设4万平方米", outcome: "拆除违法建设6万平方米", verdict: "met" },
  { target: "提升86个党政机关", outcome: null, verdict: "no_outcome" },
  { target: "250个封闭物业小区", outcome: null, verdict: "no_outcome" },
  { target: "20家为民服务类社区社会组织", outcome: null, verdict: "no_outcome" },
  { target: "定性定量检测3500批次", outcome: "食品抽检3500批次", verdict: "met" },
  { target: "快速检测不低于10万批次", outcome: null, verdict: "no_outcome" },
  { target: "就业培训5000人", outcome: "就业培训8306人", verdict: "met" },
  { target: "新增就业5.7万人", outcome: "新增就业10.2万人", verdict: "met" },
  { target: "政策性扶持创业1550人", outcome: "扶持创业5142人", verdict: "met" },
  { target: "新建2所公办幼儿园", outcome: "新建2所公办幼儿园", verdict: "met" },
  { target: "新增学前教育学位460个", outcome: "新增学位1400余个", verdict: "met" },
  { target: "新建3处社区养老服务站", outcome: "新增3处社区养老服务站", verdict: "met" },
  { target: "新建2处院前急救站", outcome: "新建2处院前急救站", verdict: "met" },
  { target: "新建、更新社区健身设施450台(套)", outcome: "新建和升级健身场所102处", verdict: "needs_review" },
];
