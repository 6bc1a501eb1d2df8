/**
 * Quantities as reports write them: `增长7%左右`, `6%－6.5%`, `5.7万人`, `770件以上`, `控制在4%以内`, `两所`,
 * `突破百亿`. In chrono's shape: an ordered list of small parsers (a pattern and an extract function); a position
 * taken by an earlier parser is not parsed again. Each result records which parts the text stated and which are
 * implied (a bare number is an implied `exact`).
 */
import type { TQualifier } from "@/lib/schemas/extraction";
import { CHINESE_NUMERAL_CHARS, parseChineseNumeral } from "../text/chinese-number";

export interface Quantity {
  /** Offsets in the scanned text: the whole expression, qualifier words included. */
  start: number;
  end: number;
  value: number | null;
  min: number | null;
  max: number | null;
  /** Unit as written, magnitude included: `%`, `万人`, `亿元`, `台(套)`, `万亿斤`. */
  unit: string;
  qualifier: TQualifier;
  /** Whether the qualifier is stated (`左右`, `控制在`) or implied by a bare number. */
  qualifierStated: boolean;
  /** The qualifier word before the number (`控制在`, `突破`), if any. */
  prefix: string;
  /** The qualifier word after the unit (`以上`, `左右`), if any. */
  suffix: string;
  /** Whether the number was written in Chinese numerals (`两所`): those need a verb before them to count. */
  chineseNumeral: boolean;
}

/** Base units of counts and amounts, longest first (regex alternation takes the first that matches). */
const BASE_UNITS =
  "个百分点 平方公里 平方米 立方米 千瓦时 人次 户次 家次 批次 场次 公里 千米 公顷 千瓦 千伏 兆瓦 美元 % 米 亩 吨 斤 元 人 户 家 个 件 处 座 部 套 台 辆 张 所 条 项 支 名 间 栋 幢 株 棵 册 场 次 批 款 种 类 节 门 艘 架 位 只 倍 块 份 路 层 篇 期"
    .split(" ")
    .join("|");
/** A unit may carry its counting variant in brackets: `台(套)`, `场(次)`, `家(次)`. */
const UNIT = `(?:${BASE_UNITS})(?:\\((?:套|次|个)\\)|（(?:套|次|个)）)?`;
/** Magnitudes that stay in the unit (extraction.md: `5.7` with unit `万人`). */
const MAGNITUDES = "万亿|千亿|百亿|千万|百万|十万|亿|万|千|百";

const G = {
  prefix: "prefix",
  number: "number",
  numberMax: "numberMax",
  approx: "approx",
  magnitude: "magnitude",
  approxAfterMagnitude: "approxAfterMagnitude",
  unitAfterMagnitude: "unitAfterMagnitude",
  unit: "unit",
  unitMin: "unitMin",
  suffix: "suffix",
} as const;

/**
 * Qualifier words before a number, longest first. One-character words must not end another word (`通过`, `接近`,
 * `最近` are not `过`/`近`).
 */
const PREFIX_WORDS =
  "控制在|不超过|不高于|不低于|不少于|扩增至|扩增到|提高到|提高至|提升到|提升至|增加到|增加至|扩大到|扩大至|降低到|降低至|下降到|下降至|保持在|稳定在|保持|达到|突破|超过|多于|少于|低于|高于|降至|增至|约|(?<![最接附将])近|超|逾|(?<![通经度])过|达|为|在";
const SUFFIX_WORDS = "以上|以内|以下|左右|上下";
/** Digits, with thousands separators as older reports write them (`33，212万吨`). */
const NUMBER = "(?:\\d{1,3}(?:[,，]\\d{3})+(?!\\d)|\\d+)(?:\\.\\d+)?";
const RANGE_DASH = "[-－–—~～至到]";

const PREFIX_QUALIFIER: Record<string, TQualifier> = {
  控制在: "at_most",
  不超过: "at_most",
  不高于: "at_most",
  低于: "at_most",
  少于: "at_most",
  降至: "at_most",
  降低到: "at_most",
  降低至: "at_most",
  下降到: "at_most",
  下降至: "at_most",
  不低于: "at_least",
  不少于: "at_least",
  突破: "at_least",
  超过: "at_least",
  超: "at_least",
  逾: "at_least",
  过: "at_least",
  多于: "at_least",
  高于: "at_least",
  约: "about",
  近: "about",
};
const SUFFIX_QUALIFIER: Record<string, TQualifier> = {
  以上: "at_least",
  以内: "at_most",
  以下: "at_most",
  左右: "about",
  上下: "about",
};

/** What a parser reads from its match; the offsets are added where the match is. */
type Reading = Omit<Quantity, "start" | "end">;

/** A reading placed at `start`..`end` (built field by field: spreading objects is slow on hot paths). */
function placed(r: Reading, start: number, end: number): Quantity {
  return {
    start,
    end,
    value: r.value,
    min: r.min,
    max: r.max,
    unit: r.unit,
    qualifier: r.qualifier,
    qualifierStated: r.qualifierStated,
    prefix: r.prefix,
    suffix: r.suffix,
    chineseNumeral: r.chineseNumeral,
  };
}

interface Parser {
  /** Cheap test of a text the parser may find something in (most sentences have no digit, many no numeral). */
  worthTrying: RegExp;
  pattern: RegExp;
  extract: (match: RegExpExecArray) => Reading | null;
}

function qualifierOf(prefix: string, approx: string, suffix: string): { qualifier: TQualifier; stated: boolean } {
  // The number's own hedge wins over the verb before it: `控制在3.5%左右` is about 3.5%.
  const fromSuffix = SUFFIX_QUALIFIER[suffix];
  if (fromSuffix) return { qualifier: fromSuffix, stated: true };
  if (approx) return { qualifier: "at_least", stated: true }; // `20余场`: more than 20
  const fromPrefix = PREFIX_QUALIFIER[prefix];
  if (fromPrefix) return { qualifier: fromPrefix, stated: true };
  return { qualifier: "exact", stated: prefix.length > 0 };
}

function numberOf(digits: string): number {
  return Number(digits.replace(/[,，]/g, ""));
}

/** A match's named groups, an unmatched group read as "". */
function groups(match: RegExpExecArray): (name: string) => string {
  const found = match.groups ?? {};
  return (name) => found[name] ?? "";
}

const prefixPart = `(?<${G.prefix}>${PREFIX_WORDS})?`;
const suffixPart = `(?<${G.suffix}>${SUFFIX_WORDS})?`;

/** `6%－6.5%`, `6-6.5%`, `6%至6.5%`: a range (which a `左右` cannot hedge further). */
const rangeParser: Parser = {
  worthTrying: /\d[^\d]{0,3}[-－–—~～至到]\d/,
  pattern: new RegExp(
    `${prefixPart}(?<${G.number}>${NUMBER})(?<${G.unitMin}>%)?${RANGE_DASH}(?<${G.numberMax}>${NUMBER})(?<${G.magnitude}>${MAGNITUDES})?(?<${G.unit}>${UNIT})${suffixPart}`,
    "g",
  ),
  extract(match) {
    const g = groups(match);
    const min = numberOf(g(G.number));
    const max = numberOf(g(G.numberMax));
    if (!(min < max)) return null;
    const unit = `${g(G.magnitude)}${g(G.unit)}`;
    if (g(G.unitMin) && g(G.unitMin) !== unit) return null;
    return {
      value: null,
      min,
      max,
      unit,
      qualifier: "range",
      qualifierStated: true,
      prefix: g(G.prefix),
      suffix: g(G.suffix),
      chineseNumeral: false,
    };
  },
};

/** `7%左右`, `5.7万人`, `770件以上`, `20余场`, `9800余万元`, `2万余件`, and a bare magnitude: `减少1000万以上`. */
const arabicParser: Parser = {
  worthTrying: /\d/,
  pattern: new RegExp(
    `${prefixPart}(?<${G.number}>${NUMBER})(?<${G.approx}>余|多)?(?:(?<${G.unit}>${UNIT})|(?<${G.magnitude}>${MAGNITUDES})(?<${G.approxAfterMagnitude}>余|多)?(?<${G.unitAfterMagnitude}>${UNIT})?)${suffixPart}`,
    "g",
  ),
  extract(match) {
    const g = groups(match);
    const approx = `${g(G.approx)}${g(G.approxAfterMagnitude)}`;
    const { qualifier, stated } = qualifierOf(g(G.prefix), approx, g(G.suffix));
    return {
      value: numberOf(g(G.number)),
      min: null,
      max: null,
      unit: `${g(G.magnitude)}${g(G.unitAfterMagnitude)}${g(G.unit)}`,
      qualifier,
      qualifierStated: stated,
      prefix: g(G.prefix),
      suffix: g(G.suffix),
      chineseNumeral: false,
    };
  },
};

/** `两所`, `三百人`, `十余项`, and a magnitude after a numeral: `突破百亿`. */
const chineseParser: Parser = {
  worthTrying: new RegExp(`[${CHINESE_NUMERAL_CHARS}]`),
  pattern: new RegExp(
    `${prefixPart}(?<${G.number}>[${CHINESE_NUMERAL_CHARS}]{1,5})(?<${G.approx}>余|多)?(?:(?<${G.magnitude}>万亿|亿|万)(?<${G.unitMin}>元)?|(?<${G.unit}>${UNIT}))${suffixPart}`,
    "g",
  ),
  extract(match) {
    const g = groups(match);
    const numeral = g(G.number);
    const value = parseChineseNumeral(numeral);
    // A lone 一 is an article (`一批`, `一流`, `一体`), not a count.
    if (value === null || value === 0 || numeral === "一") return null;
    const { qualifier, stated } = qualifierOf(g(G.prefix), g(G.approx), g(G.suffix));
    const unit = g(G.magnitude) ? `${g(G.magnitude)}${g(G.unitMin)}` : g(G.unit);
    return {
      value,
      min: null,
      max: null,
      unit,
      qualifier,
      qualifierStated: stated,
      prefix: g(G.prefix),
      suffix: g(G.suffix),
      chineseNumeral: true,
    };
  },
};

/** `保持万亿以上规模`: a magnitude alone, after a qualifier word, counts one of itself. */
const bareMagnitudeParser: Parser = {
  worthTrying: /亿/,
  pattern: new RegExp(
    `(?<${G.prefix}>${PREFIX_WORDS})(?<${G.magnitude}>万亿|亿)(?<${G.unit}>元|美元)?${suffixPart}`,
    "g",
  ),
  extract(match) {
    const g = groups(match);
    const { qualifier, stated } = qualifierOf(g(G.prefix), "", g(G.suffix));
    const unit = `${g(G.magnitude)}${g(G.unit)}`;
    return {
      value: 1,
      min: null,
      max: null,
      unit,
      qualifier,
      qualifierStated: stated,
      prefix: g(G.prefix),
      suffix: g(G.suffix),
      chineseNumeral: true,
    };
  },
};

const PARSERS: Parser[] = [rangeParser, arabicParser, chineseParser, bareMagnitudeParser];

/** The same quantity `by` characters further on (offsets follow the text it is read from). */
export function shifted(q: Quantity, by: number): Quantity {
  return placed(q, q.start + by, q.end + by);
}

/** Every quantity in `text`, in order, without overlaps (earlier parsers win). */
export function findQuantities(text: string): Quantity[] {
  const found: Quantity[] = [];
  const taken = (start: number, end: number) => found.some((q) => start < q.end && q.start < end);
  for (const parser of PARSERS) {
    if (!parser.worthTrying.test(text)) continue;
    parser.pattern.lastIndex = 0;
    for (const match of text.matchAll(parser.pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (taken(start, end)) continue;
      const result = parser.extract(match);
      if (!result) continue;
      found.push(placed(result, start, end));
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
