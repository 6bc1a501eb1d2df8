/**
 * Words around an indicator's name that do not change what is measured. Reports write the same quantity as
 * `新建口袋公园` in the plan and `新增口袋公园` in the review, `预计全区生产总值` or `全年新增就业`: the lexicon and the
 * similarity of unknown names look through these words. Data, not conditionals: extend the lists, not the code.
 */

/** Hedges, scope and time: dropped from every indicator name, including the one shown to users. */
export const NOISE_PREFIXES = [
  "预计",
  "力争",
  "全年",
  "年内",
  "今年",
  "累计",
  "同比",
  "全区",
  "全市",
  "全省",
  "全县",
  "全国",
  "区级",
  "县级",
  "本级",
];

/**
 * Actions that create or count the quantity (`新建`, `新增`, `完成`…) and joining marks: dropped only for comparison,
 * because some canonical names keep them (`新增就业`). Longer entries first where one is a prefix of another.
 */
export const ACTION_PREFIXES = [
  "新建和改造",
  "新建和升级",
  "新增和改造",
  "新改扩建",
  "新改建",
  "改扩建",
  "新认定",
  "新引进",
  "新培育",
  "新招引",
  "新设立",
  "新注册",
  "新登记",
  "新开工",
  "新增",
  "新建",
  "新设",
  "引进",
  "培育",
  "招引",
  "认定",
  "完成",
  "实现",
  "建成",
  "建设",
  "改造",
  "提升",
  "更新",
  "升级",
  "整治",
  "开展",
  "推进",
  "保持",
  "达到",
  "提高",
  "和",
  "及",
  "与",
  "、",
];

/**
 * Words after the name that only say how or when the quantity is expressed (`增速`, `总量`, `人数`, `全年`), or the
 * verb that leads to its number (`涨幅回落到2.6%`, `经济增长预期目标为7%`).
 */
export const TRAILING_WORDS = [
  "预期目标",
  "目标",
  "增长率",
  "增速",
  "增幅",
  "涨幅",
  "降幅",
  "总量",
  "数量",
  "人数",
  "规模",
  "平均",
  "全年",
  "年内",
  "实际",
  "回落到",
  "下降到",
  "提高到",
  "降到",
  "达到",
  "控制在",
  "保持在",
  "稳定在",
  "的",
];

/**
 * A name holding one of these states a ratio to what follows (`财政性教育经费占国内生产总值`): its tail is the
 * denominator, not the indicator.
 */
export const RATIO_MARKERS = ["占", "与"];

/** Unknown indicators whose name holds one of these are lower-is-better (rates of harm, not of output). */
export const LOWER_BETTER_MARKERS = ["失业率", "事故", "警情", "发案", "死亡率", "不良贷款率", "违约率"];
