/**
 * Synthetic work reports for exercising import, matching and the screens at scale. Real GB/T 2260 codes and names,
 * our own wording in the shape of real reports: a header, the review of last year (outcomes of last year's plan,
 * some missed, some hedged with 预计, some not reported), the plan for this year (主要预期目标 with qualifiers and a
 * range, then body targets), the government's own conduct, and web noise (full-width digits, footnote markers, a
 * site footer), grown to the size of a real report (17–97 KB) with prose that holds no figure (./filler.ts).
 * Deterministic: the same options give the same texts, and a plan is regenerated, not remembered, to write next
 * year's review of it.
 */
import { allDivisions, type Division } from "@/lib/engine/reader/document/divisions";
import { fillerParagraphs } from "./filler";
import { prng } from "./prng";

export interface SynthOptions {
  jurisdictions: number;
  years: number;
  /** Targets per plan (at least the headline ones). */
  targets: number;
  firstYear: number;
  seed: number;
  /**
   * Grow each report with figure-free prose to a real report's size, 17–97 KB (default); `false` writes only the
   * figures' sentences and the headings (about 5 KB at 60 targets).
   */
  filler?: boolean;
  /**
   * Write a hierarchy instead of scattered counties: `provinces` provinces, each with up to `cities` of its prefecture
   * cities, each with up to `counties` of its counties (`jurisdictions` is then ignored). Each subordinate's GDP growth
   * target is its superior's plus a known amplification (`synthGdpTarget`), and each review states the GDP level.
   */
  tree?: SynthTree;
}

export interface SynthTree {
  provinces: number;
  cities: number;
  counties: number;
}

export interface SynthReport {
  code: string;
  name: string;
  year: number;
  text: string;
}

type Qualifier = "about" | "at_least" | "at_most" | "exact" | "range";

interface Template {
  /** The indicator as a plan writes it. */
  name: string;
  unit: string;
  /** Typical size and spread of the figure. */
  base: number;
  spread: number;
  decimals: number;
  qualifiers: Qualifier[];
  /** `增长` before the figure (a growth target), or a verb before a level. */
  verb: string;
  lowerBetter?: boolean;
}

const HEADLINES: Template[] = [
  { name: "地区生产总值", unit: "%", base: 6, spread: 1.5, decimals: 1, qualifiers: ["about", "range"], verb: "增长" },
  {
    name: "一般公共预算收入",
    unit: "%",
    base: 5,
    spread: 2,
    decimals: 1,
    qualifiers: ["about", "exact"],
    verb: "增长",
  },
  { name: "固定资产投资", unit: "%", base: 7, spread: 3, decimals: 1, qualifiers: ["at_least", "exact"], verb: "增长" },
  {
    name: "社会消费品零售总额",
    unit: "%",
    base: 6,
    spread: 2,
    decimals: 1,
    qualifiers: ["about", "exact"],
    verb: "增长",
  },
  {
    name: "城镇新增就业",
    unit: "万人",
    base: 1.2,
    spread: 0.8,
    decimals: 2,
    qualifiers: ["at_least", "exact"],
    verb: "",
  },
  {
    name: "城镇登记失业率",
    unit: "%",
    base: 4,
    spread: 0.5,
    decimals: 1,
    qualifiers: ["at_most"],
    verb: "控制在",
    lowerBetter: true,
  },
  { name: "居民人均可支配收入", unit: "%", base: 6, spread: 1.5, decimals: 1, qualifiers: ["about"], verb: "增长" },
  {
    name: "居民消费价格涨幅",
    unit: "%",
    base: 3,
    spread: 0.3,
    decimals: 0,
    qualifiers: ["about"],
    verb: "",
    lowerBetter: true,
  },
];

/** Body targets: `新建{facility}{n}{unit}`, and a few fixed indicators. */
const FACILITIES: [string, string][] = [
  ["口袋公园", "处"],
  ["社区食堂", "个"],
  ["养老服务站", "处"],
  ["公共停车位", "个"],
  ["充电桩", "个"],
  ["普惠性幼儿园", "所"],
  ["社区健身场地", "处"],
  ["城市书房", "处"],
  ["城市更新项目", "个"],
  ["保障性住房", "套"],
  ["污水管网", "公里"],
  ["绿道", "公里"],
  ["口腔诊疗中心", "个"],
  ["便民菜市场", "处"],
  ["公共卫生间", "座"],
  ["5G基站", "个"],
  ["人才公寓", "套"],
  ["社区卫生服务站", "处"],
  ["智慧停车场", "处"],
  ["体育公园", "个"],
];

const BODY: Template[] = [
  {
    name: "新认定高新技术企业",
    unit: "家",
    base: 60,
    spread: 40,
    decimals: 0,
    qualifiers: ["exact", "at_least"],
    verb: "",
  },
  {
    name: "发明专利授权",
    unit: "件",
    base: 500,
    spread: 300,
    decimals: 0,
    qualifiers: ["at_least", "exact"],
    verb: "",
  },
  { name: "实际使用外资", unit: "亿美元", base: 3, spread: 2, decimals: 1, qualifiers: ["at_least"], verb: "" },
  { name: "进出口总额", unit: "%", base: 5, spread: 3, decimals: 0, qualifiers: ["exact", "about"], verb: "增长" },
  { name: "新增市场主体", unit: "户", base: 6000, spread: 3000, decimals: 0, qualifiers: ["at_least"], verb: "" },
  {
    name: "空气质量优良天数比例",
    unit: "%",
    base: 80,
    spread: 8,
    decimals: 1,
    qualifiers: ["at_least", "exact"],
    verb: "达到",
  },
  {
    name: "家庭医生签约服务覆盖率",
    unit: "%",
    base: 60,
    spread: 10,
    decimals: 0,
    qualifiers: ["exact"],
    verb: "提升至",
  },
  { name: "完成投资", unit: "亿元", base: 80, spread: 50, decimals: 0, qualifiers: ["at_least"], verb: "" },
];

const GDP = HEADLINES[0] as Template;

/** What a subordinate adds to its superior's GDP growth target, in points: most repeat or raise it, a few lower it. */
const AMPLIFICATIONS = [-0.5, 0, 0, 0, 0.5, 0.5, 1, 1.5];

/**
 * The GDP growth target (%) a hierarchy's plan sets (`tree` mode): a province's drawn around 6%, a city's and a
 * county's their superior's plus an amplification drawn from AMPLIFICATIONS. A range target starts at this figure, so
 * it is always the figure that decides the verdict.
 */
export function synthGdpTarget(division: Division, year: number, options: Pick<SynthOptions, "seed">): number {
  const random = prng(hashSeed(options.seed, division.code, year, "gdp"));
  if (division.level === "province" || !division.parent) return round(GDP.base + (random() - 0.5) * 2, 1);
  const amplified = AMPLIFICATIONS[Math.floor(random() * AMPLIFICATIONS.length)] as number;
  return round(synthGdpTarget(division.parent, year, options) + amplified, 1);
}

/**
 * Whether a hierarchy's plan sets a GDP growth target at all: about one in twelve lists its main targets without one
 * (as the State Council did in 2020), which the screens must show as "no target set", not as missing.
 */
export function synthSetsGdpTarget(division: Division, year: number, options: Pick<SynthOptions, "seed">): boolean {
  return prng(hashSeed(options.seed, division.code, year, "sets-gdp"))() >= 1 / 12;
}

/** The GDP level (亿元) a hierarchy's review states for the year before: the weight of its target. */
export function synthGdpLevel(division: Division, year: number, options: Pick<SynthOptions, "seed">): number {
  const random = prng(hashSeed(options.seed, division.code, year, "level"));
  const size = { province: 40_000, city: 4_000, county: 400 }[division.level];
  return Math.round(size * (0.4 + random() * 1.2));
}

const QUALIFIER_WORDS: Record<Exclude<Qualifier, "range">, [string, string]> = {
  about: ["", "左右"],
  at_least: ["", "以上"],
  at_most: ["", "以内"],
  exact: ["", ""],
};

const FULL_WIDTH_DIGITS = "０１２３４５６７８９";

interface PlannedTarget {
  template: Template;
  /** Label as written, for facilities `新建口袋公园`. */
  label: string;
  qualifier: Qualifier;
  value: number;
  max: number | null;
  headline: boolean;
}

function hashSeed(...parts: (string | number)[]): number {
  let hash = 2166136261;
  for (const char of parts.join("|")) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 16777619);
  }
  return hash >>> 0;
}

const round = (value: number, decimals: number) => Number(value.toFixed(decimals));

function planFor(division: Division, year: number, options: SynthOptions): PlannedTarget[] {
  const random = prng(hashSeed(options.seed, division.code, year, "plan"));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const figure = (template: Template) =>
    Math.max(
      10 ** -template.decimals,
      round(template.base + (random() - 0.5) * 2 * template.spread, template.decimals),
    );
  const targets: PlannedTarget[] = [];
  const headlineCount = Math.min(HEADLINES.length, options.targets);
  for (const template of HEADLINES.slice(0, headlineCount)) {
    const qualifier = pick(template.qualifiers);
    // Drawn in every mode, so that a tree's other figures are the ones the same division gets outside a tree.
    const drawn = figure(template);
    if (options.tree && template === GDP && !synthSetsGdpTarget(division, year, options)) continue;
    const value = options.tree && template === GDP ? synthGdpTarget(division, year, options) : drawn;
    const max = qualifier === "range" ? round(value + 0.5, template.decimals + 1) : null;
    targets.push({ template, label: template.name, qualifier, value, max, headline: true });
  }
  for (let i = 0; targets.length < options.targets; i++) {
    if (i < BODY.length) {
      const template = BODY[i] as Template;
      targets.push({
        template,
        label: template.name,
        qualifier: pick(template.qualifiers),
        value: figure(template),
        max: null,
        headline: false,
      });
      continue;
    }
    const [facility, unit] = FACILITIES[(i - BODY.length) % FACILITIES.length] as [string, string];
    const pass = Math.floor((i - BODY.length) / FACILITIES.length);
    const label = pass === 0 ? `新建${facility}` : `${["改造提升", "续建", "规划建设", "启用"][pass % 4]}${facility}`;
    const template: Template = {
      name: label,
      unit,
      base: 20,
      spread: 15,
      decimals: 0,
      qualifiers: ["exact", "at_least"],
      verb: "",
    };
    targets.push({
      template,
      label,
      qualifier: pick(template.qualifiers),
      value: figure(template),
      max: null,
      headline: false,
    });
  }
  return targets;
}

function targetClause(target: PlannedTarget): string {
  const { template, qualifier, value, max } = target;
  if (qualifier === "range") return `${target.label}${template.verb}${value}%－${max}%`;
  const [before, after] = QUALIFIER_WORDS[qualifier];
  const verb = qualifier === "at_most" ? "控制在" : template.verb;
  return `${target.label}${verb}${before}${value}${template.unit}${after}`;
}

/** What the review of `year` says of the plan target: a figure, a hedged figure, or nothing. */
function outcomeClause(target: PlannedTarget, random: () => number): string | null {
  if (random() < 0.12) return null;
  const { template } = target;
  const direction = template.lowerBetter ? -1 : 1;
  // Mostly met, sometimes missed: actual = target × (0.85 … 1.2), towards "better" for the indicator.
  const factor = 1 + direction * (random() * 0.35 - 0.15);
  const actual = round(target.value * factor, template.unit === "%" ? 1 : template.decimals);
  const estimated = target.headline && random() < 0.4;
  const name = target.label.replace(/^新建/, random() < 0.3 ? "建成" : "新建");
  const growth = template.unit === "%" && template.verb === "增长";
  const body = growth
    ? `${name}同比增长${actual}%`
    : `${name}${template.verb === "控制在" ? "为" : ""}${actual}${template.unit}`;
  return estimated ? `预计${body}左右` : body;
}

function noisy(sentence: string, random: () => number): string {
  if (random() < 0.1) return sentence.replace(/\d/g, (digit) => FULL_WIDTH_DIGITS[Number(digit)] ?? digit);
  if (random() < 0.1) return `${sentence}[${1 + Math.floor(random() * 9)}]`;
  return sentence;
}

const CHINESE_ORDINALS = ["一", "二", "三", "四", "五", "六"];
const PLAN_CHAPTERS = ["壮大实体经济", "提升创新能力", "建设宜居城区", "办好民生实事", "深化改革开放", "加强生态保护"];

/** Real reports run from 17 to 97 KB of UTF-8 text (the seeds of ../shared/corpus); synthetic ones are drawn from
 * the same range. */
export const REPORT_BYTES = { min: 17_000, max: 97_000 } as const;

/**
 * The size a report is grown to: log-uniform over REPORT_BYTES (most reports short, a few long, as in the corpus),
 * with room below the maximum for the sentence that overshoots it.
 */
function sizeFor(random: () => number): number {
  const low = Math.log(REPORT_BYTES.min + 500);
  const high = Math.log(REPORT_BYTES.max - 1_000);
  return Math.round(Math.exp(low + random() * (high - low)));
}

const utf8Bytes = (lines: string[]) => new TextEncoder().encode(`${lines.join("\n")}\n`).length;

function report(division: Division, year: number, options: SynthOptions): SynthReport {
  const random = prng(hashSeed(options.seed, division.code, year, "text"));
  const name = division.canonicalName;
  const short = division.name;
  const header: string[] = [
    `${year}年${name}人民政府工作报告`,
    `——${year}年1月${8 + Math.floor(random() * 15)}日在${name}第${CHINESE_ORDINALS[year % 5]}届人民代表大会第${CHINESE_ORDINALS[year % 3]}次会议上`,
    "",
    "各位代表：",
    `现在，我代表${short}人民政府向大会报告工作，请予审议。`,
    "",
    `一、${year - 1}年工作回顾`,
    `过去一年，全${division.selfWord ?? "区"}上下攻坚克难，较好完成了全年目标任务。`,
  ];
  const review: string[] = [];
  const lastPlan = planFor(division, year - 1, options);
  const outcomes = lastPlan.map((target) => outcomeClause(target, random)).filter((clause) => clause !== null);
  if (options.tree) review.push(`全年实现地区生产总值${synthGdpLevel(division, year - 1, options)}亿元。`);
  for (let i = 0; i < outcomes.length; i += 4) review.push(`${noisy(outcomes.slice(i, i + 4).join("，"), random)}。`);

  const plan = planFor(division, year, options);
  const headline = plan.filter((target) => target.headline).map(targetClause);
  const body = plan.filter((target) => !target.headline);
  const planOpening = [
    "",
    `二、${year}年工作安排`,
    `${year}年经济社会发展的主要预期目标是：${headline.join("，")}。`,
    "围绕上述目标，重点抓好以下工作：",
  ];
  const chapters: string[] = [];
  const chunk = Math.max(3, Math.ceil(body.length / PLAN_CHAPTERS.length));
  for (let i = 0, part = 0; i < body.length; i += chunk, part++) {
    const clauses = body
      .slice(i, i + chunk)
      .map(targetClause)
      .join("，");
    chapters.push(
      `（${CHINESE_ORDINALS[part] ?? part + 1}）${PLAN_CHAPTERS[part] ?? "抓好重点任务"}。${noisy(clauses, random)}。`,
    );
  }
  const selfOpening = ["", "三、全面加强政府自身建设", "坚持依法行政，自觉接受监督，建设人民满意的服务型政府。"];
  const footer = ["", "主办单位：区人民政府办公室　网站标识码：0000000000　技术支持：某某科技"];

  // Grown to a real report's size with prose that holds no figure, from a stream of its own, so that the targets and
  // outcomes above are the same with filler or without: about half of it in the review, 40 % in the plan's chapters.
  const lines: string[] = [...header, ...review];
  const compact = [...header, ...review, ...planOpening, ...chapters, ...selfOpening, ...footer];
  const fill = prng(hashSeed(options.seed, division.code, year, "filler"));
  const missing = options.filler === false ? 0 : sizeFor(fill) - utf8Bytes(compact);
  lines.push(...fillerParagraphs("review", missing * 0.5, fill), ...planOpening);
  const perChapter = (missing * 0.4) / Math.max(1, chapters.length);
  for (const chapter of chapters) lines.push(chapter, ...fillerParagraphs("plan", perChapter, fill));
  lines.push(...selfOpening, ...fillerParagraphs("self", missing * 0.1, fill), ...footer);
  return { code: division.code, name, year, text: `${lines.join("\n")}\n` };
}

/** The county-level divisions the generator writes for: every `step`-th of the list, so that provinces vary. */
function chosenDivisions(count: number): Division[] {
  const counties = allDivisions().filter((division) => division.level === "county");
  if (count > counties.length) throw new Error(`at most ${counties.length} jurisdictions (county-level divisions)`);
  const step = counties.length / count;
  return Array.from({ length: count }, (_, i) => counties[Math.floor(i * step)] as Division);
}

/** Municipalities (北京 and the like) have districts but no prefecture cities: a tree has none of them. */
const MUNICIPALITY = /^(?:11|12|31|50)/;

/**
 * The divisions of a tree, superiors before subordinates: every `step`-th province that has prefecture cities, up to
 * `cities` of its cities that have counties, and up to `counties` counties of each (provinces and cities have as many
 * as GB/T 2260 lists, so a large tree is as large as the country allows).
 */
export function treeDivisions(tree: SynthTree): Division[] {
  const all = allDivisions();
  const childrenOf = new Map<string, Division[]>();
  for (const division of all) {
    if (!division.parent) continue;
    childrenOf.set(division.parent.code, [...(childrenOf.get(division.parent.code) ?? []), division]);
  }
  const countiesOf = (city: Division) =>
    (childrenOf.get(city.code) ?? []).filter((d) => d.level === "county").slice(0, tree.counties);
  const citiesOf = (province: Division) =>
    (childrenOf.get(province.code) ?? [])
      .filter((city) => city.level === "city" && (tree.counties === 0 || countiesOf(city).length > 0))
      .slice(0, tree.cities);
  const provinces = all.filter((d) => d.level === "province" && !MUNICIPALITY.test(d.code) && citiesOf(d).length > 0);
  if (tree.provinces > provinces.length)
    throw new Error(`at most ${provinces.length} provinces have prefecture cities`);
  const step = provinces.length / tree.provinces;
  return Array.from({ length: tree.provinces }, (_, i) => provinces[Math.floor(i * step)] as Division).flatMap(
    (province) => [province, ...citiesOf(province).flatMap((city) => [city, ...countiesOf(city)])],
  );
}

/** The reports, one at a time (a large run never holds them all). */
export function* synthReports(options: SynthOptions): Generator<SynthReport> {
  const divisions = options.tree ? treeDivisions(options.tree) : chosenDivisions(options.jurisdictions);
  for (const division of divisions) {
    for (let year = options.firstYear; year < options.firstYear + options.years; year++)
      yield report(division, year, options);
  }
}
