/**
 * Words the extractors share: the verbs that open a commitment (`新增`, `建成`), the verbs of change that make a
 * percentage a growth rate, and the fillers that are not part of an indicator's name. Data, not logic.
 */

/** Verbs that open a countable commitment or achievement (`新建2所公办幼儿园`, `拆除违法建设4万平方米`). */
const ACTION_VERBS = (
  "新改扩建 新改建 新建续建 新增 新建 新开工 新招引 新认定 新培育 新引进 新签约 新注册 新打造 " +
  "新设立 新交付 新启动 新招 新签 新设 引进培育 改造提升 建设提升 建成开放 建成交付 加快建设 " +
  "建设 建成 续建 改造 提升 打造 培育 引进 招引 引育 认定 完成 实现 开展 举办 承办 组织 " +
  "实施 拆除 整治 整修 更新 盘活 加装 增设 启用 开设 发放 推出 落地 签约 开工 竣工 交付 " +
  "培训 扶持 吸引 服务 帮助 解决 推动 支持 提供 筛查 检测 创建 争创 创作 发布 建立 设立 " +
  "组建 开放 释放 回收 栽植 种植 修缮 保护 安置 救助 惠及 覆盖 接待 招聘 培养 吸纳 带动 " +
  "拉动 获批 到位 入选 办理 办结 处置 查处 破获 打掉 抽检 检查 化解 清理 压减 节约 减轻 " +
  "减免 赔付 投入 安排 兑现 拨付 派出 配备 配租 接收 增加 举行 评选 挂牌 上市 入驻 落户 " +
  "签订 达成 升级 突破 助企融资 融资 制作 参与 扩增 挖潜扩增 增补 配建 供应 新开 推进 " +
  "加快推进"
)
  .split(" ")
  .sort((a, b) => b.length - a.length);

const ACTION_VERB_PATTERN = new RegExp(`^(?:${ACTION_VERBS.join("|")})`);
const ENDS_WITH_ACTION_VERB = new RegExp(`(?:${ACTION_VERBS.join("|")})$`);

/** The verb a phrase opens with, if it opens with one. */
export function leadingVerb(phrase: string): string | null {
  return ACTION_VERB_PATTERN.exec(phrase)?.[0] ?? null;
}

export function endsWithVerb(phrase: string): boolean {
  return ENDS_WITH_ACTION_VERB.test(phrase);
}

/** Verbs of change before a percentage make it a growth rate; the reducing ones state the size of a cut. */
export const GROWTH_VERB =
  /(?:增长|增速|增幅|涨幅|上涨|增加|提高|提升|扩大|回升|下降|降低|减少|回落|下调|缩小|减|增)(?:了|率)?(?:分别|均)?(?:保持|继续保持|控制|为|是)?$/;
export const REDUCTION_VERB =
  /(?:下降|降低|减少|回落|下调|缩小|减)(?:了|率)?(?:分别|均)?(?:保持|继续保持|控制|为|是)?$/;
/**
 * Words that set a target between a name and its rate (`广义货币M2预期增长目标拟定为13%左右`, `经济增长预期目标为7%`):
 * they say the figure is a target, not what is measured, and are no part of the name.
 */
export const TARGET_SETTING_WORDS = /(?:预期目标|预期|目标|拟定|设定|确定)$/;

/**
 * Words around an indicator's name that say when, how hard or by whom, not what: removed from the name
 * (`力争研发投入` → `研发投入`, `同比增长` → `增长`).
 */
export const LEADING_FILLERS =
  /^(?:其中|同时|并且|并|且|再|共|另|全年|年内|今年|当年|去年|上年|年均|力争|确保|争取|努力|预计|完成|实现|继续|进一步|持续|加快|同比|比上年|较上年|分别|累计|总计|合计|全区|全市|全县|全省|全国|为|对|向|给)+/;
export const TRAILING_FILLERS =
  /(?:同比|比上年|较上年|分别|均|总量|全年|年内|继续|进一步|稳步|持续|保持|实现|达到|力争|确保|争取|突破|超过|完成|预计|约|近|共|累计|再|要|拟按|拟|按|由[^，,]*)+$/;

/**
 * Short forms of list items before a shared noun (`城、乡居民人均可支配收入` = 城镇…, 农村…), as `分别` lists write them.
 * Source: the wording of work reports (extraction.md §2, `城、乡居民人均可支配收入分别增长8%、9%`).
 */
/** One word naming two subjects of a `分别` list (`城乡居民…分别增长6%、9%`). Source: extraction.md §2. */
export const PAIRED_PREFIXES: Record<string, [string, string]> = {
  城镇农村: ["城镇", "农村"],
  城乡: ["城镇", "农村"],
};

export const LIST_ITEM_SHORT_FORMS: Record<string, string> = { 城: "城镇", 乡: "农村", 城市: "城镇", 农民: "农村" };

/** Phrases that compare with others rather than state an amount (`高于全市16.7个百分点`, `居全市第一`). */
export const COMPARISON_BEFORE =
  /(?:(?:高于|低于|快于|慢于|领先|超出|多于|少于)(?:全国|全省|全市|全区|平均|同期|上年|去年)?(?:平均)?(?:水平)?|(?:比|较)(?:上年|去年|\d{4}年|同期|全国|全省|全市)[^，,；;]{0,6}(?:高|低))$/;

/** Descriptions of an existing thing, not an amount to reach (`总投资732.3亿元的`, `总面积5万平方米项目`). */
export const DESCRIPTIVE_BEFORE =
  /(?:总投资|总面积|总建筑面积|占地面积|占地|总规模|规模为|面积为|投资额|投资过|注册资金|注册资本)$/;

/** Units of time after `个` make a duration (`3个工作日`), not a count. */
export const DURATION_AFTER = /^(?:工作日|月|小时|年|季度|星期|周|交易日)/;

/** Nouns after `个` that count parts of a text or a programme (`做好10个方面工作`), not things to deliver. */
export const PARTS_AFTER = /^(?:方面|部分|领域|重点|板块)/;

/**
 * The sentence opening the headline targets: `主要预期目标是：`, or a looser `主要目标是：` / `预期目标是：` about this
 * year's economy (`今年国民经济和社会发展的主要目标是：`); a reform's `主要目标是：` or an explanation's
 * `预期目标为7%左右` opens no list.
 */
export const HEADLINE_LEAD =
  /主要预期目标是[:：]|(?:今年|\d{4}年|发展|经济)[^。：:，,]{0,16}?(?:预期目标|主要目标)是[:：]/;

/**
 * Commitment words that researchers code as hard (`确保`, `控制在`, `不超过`) or soft (`力争`, `争取`, `努力`) targets;
 * `按` opens `按增长5%安排`. Read into a target's `wording`.
 */
export const COMMITMENT_WORDS =
  /确保|力争|争取|努力|控制在|不超过|不高于|不低于|不少于|保持在|稳定在|突破|超过|达到|按(?=[^，,。；;]{0,12}安排)/g;
