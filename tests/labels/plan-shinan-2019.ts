/**
 * Every target of 青岛市市南区's 2019 plan section (seeds/001, first report: `二、2019年工作安排` up to
 * `三、全面加强政府自身建设`), hand labelled by reading the report. Snippets are as the text reads: in this report
 * the source stripped every `中` (`外贸稳中提质` reads `外贸稳提质`).
 *
 * Judgement calls:
 * - Headline qualitative items (no number) are targets; qualitative commitments in the body (`力争…项目竣工`,
 *   `完成利用外资、引进内资任务`, `…全覆盖`) are not labelled: a body target needs a quantity.
 * - `推进总投资732.3亿元的40个重点项目` is a portfolio (notTarget); its `新开工5个`, `竣工11个` and
 *   `完成投资65亿元以上` are three targets. `加快东部三个人防工程建设` (advancing an existing set) is a notTarget.
 * - Counted deliverables for the year are targets even when the count is a scope: `配合优化9个历史街区规划`,
 *   the 垃圾分类 clause with 86个 (党政机关、事业单位) and 250个 (封闭物业小区) (two targets).
 * - `新认定高新技术企业60家,增长30%以上`: a level target and a growth target of the same indicator.
 * - `推进2万名大学生在市南区就业创业`: a level target, unit `万名` as written.
 * - `外贸稳提质` is only 5 characters between its commas; its snippet is the whole item. `竣工11个` likewise.
 * - `城区登记失业率` → indicator 城镇登记失业率.
 */
import { H, t } from "./target-label";
import type { PlanLabels } from "./types";

export const shinan2019Plan: PlanLabels = {
  source: "seeds/001_afcc151cafc2b4a6.txt",
  code: "370202",
  planYear: 2019,
  targets: [
    // 主要预期目标
    t("全区生产总值增长7%左右", "地区生产总值", "growth", "about", 7, "%", H),
    t("区级一般公共预算收入增长6%左右", "一般公共预算收入", "growth", "about", 6, "%", H),
    t("投资结构持续优化", "投资结构", "qualitative", "none", null, null, H),
    t("消费对经济增长的贡献率进一步提高", "消费对经济增长贡献率", "qualitative", "none", null, null, H),
    t("外贸稳提质", "外贸", "qualitative", "none", null, null, H),
    t("城区登记失业率控制在4%以内", "城镇登记失业率", "share", "at_most", 4, "%", {
      headline: true,
      polarity: "lower_better",
    }),
    t("完成节能减排降碳目标任务", "节能减排降碳", "qualitative", "none", null, null, H),
    // (一) 新旧动能转换
    t("新开工5个", "重点项目新开工", "level", "exact", 5, "个"),
    t("竣工11个", "重点项目竣工", "level", "exact", 11, "个"),
    t("完成投资65亿元以上", "重点项目完成投资", "level", "at_least", 65, "亿元"),
    t("金融类企业40家以上", "新增金融机构及金融类企业", "level", "at_least", 40, "家"),
    t("新增上市挂牌企业10家以上", "新增上市挂牌企业", "level", "at_least", 10, "家"),
    t("商务服务企业100家以上", "引进商务服务企业", "level", "at_least", 100, "家"),
    t("商务服务业增加值增长12%以上", "商务服务业增加值", "growth", "at_least", 12, "%"),
    t("海洋产业增加值增长10%以上", "海洋产业增加值", "growth", "at_least", 10, "%"),
    // (二) 城区均衡协调发展
    t("配合优化9个历史街区规划", "历史街区规划优化", "level", "exact", 9, "个"),
    t("5处以上历史建筑", "修缮保护历史建筑", "level", "at_least", 5, "处"),
    t("优质企业20家以上", "软件园引进优质企业", "level", "at_least", 20, "家"),
    t("停车位2000个", "新建停车位", "level", "exact", 2000, "个"),
    t("充电桩310个", "新建充电桩", "level", "exact", 310, "个"),
    // (三) 改革创新
    t("新认定高新技术企业60家", "新认定高新技术企业", "level", "exact", 60, "家"),
    t("增长30%以上", "新认定高新技术企业", "growth", "at_least", 30, "%"),
    t("新增发明专利授权770件以上", "发明专利授权", "level", "at_least", 770, "件"),
    // (四) 国际化城区, 双招双引
    t("招商推介活动25场(次)以上", "招商推介活动", "level", "at_least", 25, "场(次)"),
    t("走访企业800家(次)以上", "走访企业", "level", "at_least", 800, "家(次)"),
    t("区域型总部企业10家以上", "引进区域型总部企业", "level", "at_least", 10, "家"),
    t("注册资金企业150家以上", "引进千万元以上注册资金企业", "level", "at_least", 150, "家"),
    t("新增各类人才3.6万人", "新增人才", "level", "exact", 3.6, "万人"),
    t("推进2万名大学生", "大学生就业创业", "level", "exact", 2, "万名"),
    // (五) 营商环境
    t("新增市场主体6000户以上", "新增市场主体", "level", "at_least", 6000, "户"),
    t("新增注册商标3000件以上", "新增注册商标", "level", "at_least", 3000, "件"),
    t("马德里国际注册商标20件以上", "新增马德里国际注册商标", "level", "at_least", 20, "件"),
    // (七) 城区建设管理和社会治理
    t("540套安置房主体施工", "安置房主体施工", "level", "exact", 540, "套"),
    t("1626套安置房主体封顶", "安置房主体封顶", "level", "exact", 1626, "套"),
    t("建设248套保障性住房", "保障性住房建设", "level", "exact", 248, "套"),
    t("既有居民建筑200万平方米", "既有居民建筑节能改造", "level", "exact", 200, "万平方米"),
    t("整修云霄路等32条道路", "道路整修", "level", "exact", 32, "条"),
    t("整治260条道路的门头牌匾", "门头牌匾整治道路", "level", "exact", 260, "条"),
    t("新建10处口袋公园", "新建口袋公园", "level", "exact", 10, "处"),
    t("改造公厕15座", "新增改造公厕", "level", "exact", 15, "座"),
    t("更新改造老旧电梯50部", "更新改造老旧电梯", "level", "exact", 50, "部"),
    t("拆除违法建设4万平方米", "违法建设拆除面积", "level", "exact", 4, "万平方米"),
    t("提升86个党政机关", "垃圾分类提升党政机关事业单位", "level", "exact", 86, "个"),
    t("250个封闭物业小区", "垃圾分类提升封闭物业小区", "level", "exact", 250, "个"),
    t("20家为民服务类社区社会组织", "培育社区社会组织", "level", "exact", 20, "家"),
    t("定性定量检测3500批次", "食品安全定性定量检测", "level", "exact", 3500, "批次"),
    t("快速检测不低于10万批次", "食品安全快速检测", "level", "at_least", 10, "万批次"),
    // (八) 民生
    t("就业培训5000人", "就业培训", "level", "exact", 5000, "人"),
    t("新增就业5.7万人", "新增就业", "level", "exact", 5.7, "万人"),
    t("政策性扶持创业1550人", "扶持创业", "level", "exact", 1550, "人"),
    t("新建2所公办幼儿园", "新建公办幼儿园", "level", "exact", 2, "所"),
    t("新增学前教育学位460个", "新增学前教育学位", "level", "exact", 460, "个"),
    t("新建3处社区养老服务站", "新建社区养老服务站", "level", "exact", 3, "处"),
    t("新建2处院前急救站", "新建院前急救站", "level", "exact", 2, "处"),
    t("新建、更新社区健身设施450台(套)", "新建更新社区健身设施", "level", "exact", 450, "台(套)"),
  ],
  notTargets: [
    "第一个百年奋斗目标",
    "改革开放40年的发展",
    "重点抓紧抓实以下八项工作",
    "构建“254”现代产业体系",
    "总投资732.3亿元的40个重点项目",
    "强化五大优势产业支撑",
    "突出四大新兴产业带动",
    "三大板块建设",
    "东平路37号里院",
    "加快东部三个人防工程建设",
    "36氪等独角兽企业",
    "世界及国内500强、行业100强",
    "完善“5分钟政务服务圈”",
    "实现“53证合一”",
    "成立70周年系列活动",
    "第六轮全国文明城市创建",
    "全域5A级景区标准",
    "第三期学前教育行动计划",
    "九年一贯制学校(原48)",
    "六大帮扶工程",
    "“健康市南2030”行动",
  ],
};
