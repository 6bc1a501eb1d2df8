/**
 * Report prose without figures, for growing synthetic reports to the size of real ones (17–97 KB). Sentences are put
 * together from templates and a vocabulary written here (the register of a work report: 坚持…，推进…，…取得新进展), never
 * copied from a report. The vocabulary holds no digit, no Chinese numeral (一 … 十, 百, 千, 万, 亿, 两, 双, 半), no year
 * word (今年, 去年) and no place name, so the reader finds no figure, no year cue and no jurisdiction in it: a report
 * with filler reads to the same targets and outcomes as without (tests/synth/report.test.ts).
 */

/** Fields of work, each with things a government does something to. */
const OBJECTS: readonly (readonly string[])[] = [
  [
    "营商环境",
    "产业链供应链",
    "招商引资工作",
    "重点项目谋划储备",
    "民营经济发展环境",
    "企业服务专员制度",
    "楼宇经济",
    "总部经济",
    "现代服务业集聚区",
    "先进制造业集群",
    "数字经济核心产业",
    "金融服务实体经济能力",
    "消费市场活力",
    "对外开放合作平台",
  ],
  [
    "科技创新平台",
    "产学研协同机制",
    "科技成果转化",
    "创新主体培育",
    "人才引育机制",
    "知识产权保护",
    "科技金融服务",
    "企业研发投入激励",
  ],
  [
    "城市精细化管理",
    "老旧小区改造",
    "背街小巷整治",
    "市政设施维护",
    "交通微循环",
    "城市更新行动",
    "海绵城市建设",
    "韧性城市建设",
    "物业服务管理",
    "城乡环境综合整治",
  ],
  [
    "就业创业服务",
    "社会保障体系",
    "基本公共服务",
    "教育优质均衡发展",
    "医疗卫生服务能力",
    "养老服务体系",
    "托育服务供给",
    "文化惠民工程",
    "全民健身活动",
    "困难群众帮扶机制",
    "退役军人服务保障",
    "住房保障体系",
  ],
  [
    "污染防治攻坚",
    "河湖长制",
    "林长制",
    "环保督察反馈问题整改",
    "垃圾分类工作",
    "节能降碳",
    "绿色低碳发展",
    "土壤污染风险管控",
    "扬尘污染治理",
  ],
  [
    "政务服务标准化",
    "要素市场化配置改革",
    "国资国企改革",
    "预算绩效管理",
    "社会信用体系建设",
    "投资项目审批制度改革",
    "开放型经济新体制",
    "财政资金监管",
  ],
  [
    "基层治理体系",
    "网格化服务管理",
    "矛盾纠纷排查化解",
    "安全生产责任体系",
    "应急管理体系",
    "食品药品安全监管",
    "社会治安防控体系",
    "防灾减灾能力",
    "社区服务功能",
  ],
];

const ADVERBS = [
  "坚持",
  "持续",
  "深入",
  "着力",
  "扎实",
  "大力",
  "积极",
  "稳步",
  "全面",
  "统筹",
  "加快",
  "不断",
  "切实",
  "有序",
];
const VERBS = [
  "推进",
  "实施",
  "深化",
  "完善",
  "健全",
  "优化",
  "提升",
  "加强",
  "落实",
  "推动",
  "强化",
  "构建",
  "培育",
  "拓展",
  "巩固",
];
const GOALS = [
  "高质量发展",
  "共同富裕",
  "全面深化改革",
  "增进民生福祉",
  "建设美丽家园",
  "提升治理效能",
  "守牢安全底线",
  "激发市场活力",
];
const RESULTS = [
  "群众获得感持续增强",
  "发展质效稳步提升",
  "取得明显成效",
  "形成了可复制可推广的经验",
  "发展基础更加坚实",
  "人民群众满意度不断提高",
  "营造了良好氛围",
  "各项工作迈出新步伐",
  "服务效能明显改善",
];
const PROGRESS = ["扎实推进", "成效明显", "持续向好", "不断完善", "取得新进展", "迈出新步伐", "有力有效", "提质增效"];
const PURPOSES = [
  "确保各项任务落到实处",
  "切实增强群众获得感",
  "为完成全年任务提供有力支撑",
  "推动发展质量和效益同步提升",
  "让改革发展成果更多惠及群众",
  "以实际成效取信于民",
  "努力在新征程上展现新担当",
];
const SELF = [
  "坚持依法行政，严格规范公正文明执法",
  "自觉接受人大法律监督、工作监督和政协民主监督",
  "深化政务公开，主动回应社会关切",
  "认真办理人大代表建议和政协委员提案",
  "持之以恒加强作风建设，坚决纠治形式主义、官僚主义",
  "强化审计监督和统计监督，管好用好财政资金",
  "坚持过紧日子，严控非刚性支出",
  "持之以恒正风肃纪，驰而不息改进工作作风",
  "健全重大行政决策程序，提高决策科学化水平",
  "加强政府系统廉政建设，营造风清气正的政务环境",
];

export type FillerKind = "review" | "plan" | "self";

/** One sentence of the register of `kind`, drawn with `random`. */
function sentence(kind: FillerKind, random: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const object = () => pick(pick(OBJECTS));
  const action = () => `${pick(ADVERBS)}${pick(VERBS)}${object()}`;
  if (kind === "self") return `${pick(SELF)}，${pick(PURPOSES)}。`;
  const shapes: (() => string)[] =
    kind === "review"
      ? [
          () => `${action()}，${pick(VERBS)}${object()}，${pick(RESULTS)}。`,
          () => `围绕${pick(GOALS)}，${action()}，${action()}。`,
          () => `${object()}${pick(PROGRESS)}，${object()}${pick(PROGRESS)}。`,
          () => `我们${action()}，${pick(RESULTS)}。`,
          () => `${action()}，推动${object()}与${object()}协同发力，${pick(RESULTS)}。`,
        ]
      : [
          () => `${action()}，${pick(VERBS)}${object()}，${pick(PURPOSES)}。`,
          () => `围绕${pick(GOALS)}，${action()}，${action()}。`,
          () => `着力在${object()}上下功夫，${action()}，${pick(PURPOSES)}。`,
          () => `要${action()}，推动${object()}与${object()}协同发力。`,
          () => `${action()}，${action()}，${pick(PURPOSES)}。`,
        ];
  return pick(shapes)();
}

const encoder = new TextEncoder();

/**
 * Paragraphs of `kind` until they hold at least `bytes` bytes of UTF-8 (with their line breaks), or none for
 * `bytes` ≤ 0. Each paragraph is three to six sentences.
 */
export function fillerParagraphs(kind: FillerKind, bytes: number, random: () => number): string[] {
  const paragraphs: string[] = [];
  let size = 0;
  while (size < bytes) {
    const count = 3 + Math.floor(random() * 4);
    let paragraph = "";
    for (let i = 0; i < count && size + encoder.encode(paragraph).length < bytes; i++)
      paragraph += sentence(kind, random);
    paragraphs.push(paragraph);
    size += encoder.encode(paragraph).length + 1;
  }
  return paragraphs;
}

/** Every word the filler may use, for the test that it holds no numeral. */
export function fillerVocabulary(): string[] {
  return [...OBJECTS.flat(), ...ADVERBS, ...VERBS, ...GOALS, ...RESULTS, ...PROGRESS, ...PURPOSES, ...SELF];
}
