/**
 * Quantities as reports write them: `增长7%左右`, `6%－6.5%`, `5.7万人`, `770件以上`, `控制在4%以内`, `两所`,
 * `突破百亿`, `百分之十一点五`, `十二点八万亿元`, `每立方米60微克`. In chrono's shape: an ordered list of small parsers
 * (a pattern and an extract function); a position taken by an earlier parser is not parsed again. Each result records
 * which parts the text stated and which are implied (a bare number is an implied `exact`).
 *
 * A parser is tried only where a number begins (its anchors: a digit, a Chinese numeral, `百分之`); its sticky pattern
 * reads the number, the unit and the qualifier word after them there, and the qualifier word before the number
 * (`控制在`, `突破`) is looked for in the few characters before the anchor. Results are those of scanning the text
 * with the whole pattern, qualifier word first, from left to right.
 */
import type { TQualifier } from "@/lib/schemas/extraction";
import { figureOrNull } from "@/lib/schemas/primitives";
import {
  AROUND_UNITS,
  BRACKETED_ALTERNATIVES,
  canonicalSpelling,
  MAGNITUDE_WORDS,
  MAGNITUDES,
  READ_SPELLINGS,
  type Spelling,
} from "../../units";
import {
  CHINESE_DECIMAL_POINT,
  CHINESE_NUMERAL_CHARS,
  CHINESE_NUMERAL_PATTERN,
  parseChineseNumeral,
} from "../text/chinese-number";

export interface Quantity {
  /** Offsets in the scanned text: the whole expression, qualifier words included. */
  start: number;
  end: number;
  value: number | null;
  min: number | null;
  max: number | null;
  /** Unit as written, magnitude included: `%`, `万人`, `亿元`, `台(套)`, `万亿斤`; an alias as the table spells it. */
  unit: string;
  qualifier: TQualifier;
  /** Whether the qualifier is stated (`左右`, `控制在`) or implied by a bare number. */
  qualifierStated: boolean;
  /** The qualifier word before the number (`控制在`, `突破`), if any. */
  prefix: string;
  /** The qualifier word after the unit (`以上`, `左右`), if any. */
  suffix: string;
  /**
   * Whether the number is a Chinese numeral that may name a set rather than count (`两所`, `三张清单`): those need a
   * verb before them to count. A fraction (`百分之八`), a decimal (`十二点八万亿元`) and a compound numeral of money
   * (`四千一百七十亿元`) are figures wherever they stand.
   */
  chineseNumeral: boolean;
}

/** Counting words a unit may carry in brackets: `台(套)`, `场（次）`. */
const BRACKETED = BRACKETED_ALTERNATIVES.join("|");
/** A CJK character: after a unit of days or years of age it begins a noun (`60岁以上老年人`, `3天内办结`). */
const CJK = "[\\u3400-\\u9fff]";
const SUFFIX_WORDS = "以上|以内|以下|左右|上下";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** One spelling of the table as a regex alternative, with what may not follow it. */
function spellingPattern({ text, entry }: Spelling): string {
  let source = escapeRegExp(text);
  if (entry.notBefore) source += `(?![${entry.notBefore}])`;
  if (entry.clauseFinal) source += `(?=(?:${SUFFIX_WORDS})(?!${CJK})|(?!${CJK}))`;
  return source;
}

/** Units the reader looks for after a number (the table's spellings, longest first). */
const BASE_UNITS = READ_SPELLINGS.map(spellingPattern).join("|");
/** A unit may carry its counting variant in brackets: `台(套)`, `场(次)`, `家(次)`. */
const UNIT = `(?:${BASE_UNITS})(?:\\((?:${BRACKETED})\\)|（(?:${BRACKETED})）)?`;
/** Magnitudes that stay in the unit (extraction.md: `5.7` with unit `万人`). */
const MAGNITUDE = MAGNITUDE_WORDS.join("|");

/** The unit as given: an alias becomes its table spelling (`微克每立方米` → `微克/立方米`), a bracket stays. */
function givenUnit(written: string): string {
  const last = written[written.length - 1];
  if (last !== ")" && last !== "）") return canonicalSpelling(written);
  const bracket = /[(（][^()（）]*[)）]$/.exec(written);
  if (!bracket) return canonicalSpelling(written);
  return `${canonicalSpelling(written.slice(0, bracket.index))}${bracket[0]}`;
}

const G = {
  number: "number",
  numberMax: "numberMax",
  approx: "approx",
  magnitude: "magnitude",
  approxAfterMagnitude: "approxAfterMagnitude",
  unitAfterMagnitude: "unitAfterMagnitude",
  unit: "unit",
  unitMin: "unitMin",
  fraction: "fraction",
  suffix: "suffix",
} as const;

/** Qualifier words before a number. */
const PREFIX_WORDS = new Set(
  "控制在 不超过 不高于 不低于 不少于 扩增至 扩增到 提高到 提高至 提升到 提升至 增加到 增加至 扩大到 扩大至 降低到 降低至 下降到 下降至 保持在 稳定在 保持 达到 突破 超过 多于 少于 低于 高于 降至 增至 约 近 超 逾 过 达 为 在".split(
    " ",
  ),
);
/** One-character words must not end another word (`通过`, `接近`, `最近` are not `过`/`近`): what may not precede them. */
const PREFIX_NOT_AFTER: Record<string, string> = { 近: "最接附将", 过: "通经度" };
const LONGEST_PREFIX = Math.max(...[...PREFIX_WORDS].map((word) => word.length));
/** The last characters of the qualifier words: most numbers follow none of them. */
const PREFIX_ENDS = new Set([...PREFIX_WORDS].map((word) => word.charCodeAt(word.length - 1)));

/** Digits, with thousands separators as older reports write them (`33，212万吨`). */
const NUMBER = "(?:\\d{1,3}(?:[,，]\\d{3})+(?!\\d)|\\d+)(?:\\.\\d+)?";
/** A Chinese numeral, `万`/`亿` inside and a decimal part included (`四千一百七十`, `一亿零六百`, `十一点五`). */
const CHINESE_NUMBER = CHINESE_NUMERAL_PATTERN;
const RANGE_DASH = "(?:——|[-－–—~～至到])";
/** `百分之八` is 8 `%`, `千分之五` is 5 `‰` (extraction.md §2). */
const FRACTION_UNIT: Record<string, string> = { 百分之: "%", 千分之: "‰" };

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

/** Where a parser's number may begin. */
type AnchorKind = "digit" | "numeral" | "fraction" | "magnitude";

interface Parser {
  /** Cheap test of a text the parser may find something in, beyond having anchors (`6-6.5%` needs a dash). */
  worthTrying?: RegExp;
  anchors: AnchorKind;
  /** Sticky: the number, unit and qualifier word after them, read at an anchor. */
  pattern: RegExp;
  /** Words that must come right before the number (`每立方米` of `每立方米60微克`), the qualifier word before them. */
  leads?: readonly string[];
  /** Whether the reading needs a qualifier word before it (`突破百亿`). */
  needsPrefix?: boolean;
  /** The reading of a match, given the qualifier word and lead before it; null when the match is no quantity. */
  extract: (match: RegExpExecArray, prefix: string, lead: string) => Reading | null;
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

/** A number in digits or in Chinese numerals. */
function figureOf(written: string): number | null {
  return /^\d/.test(written) ? numberOf(written) : parseChineseNumeral(written);
}

/** A match's named groups, an unmatched group read as "". */
function groups(match: RegExpExecArray): (name: string) => string {
  const found = match.groups ?? {};
  return (name) => found[name] ?? "";
}

const suffixPart = `(?<${G.suffix}>${SUFFIX_WORDS})?`;

/** `6%－6.5%`, `6-6.5%`, `6%至6.5%`, `5%——5.5%`: a range (which a `左右` cannot hedge further). */
const rangeParser: Parser = {
  worthTrying: /\d[^\d]{0,3}[-－–—~～至到]\d/,
  anchors: "digit",
  pattern: new RegExp(
    `(?<${G.number}>${NUMBER})(?<${G.unitMin}>[%‰])?${RANGE_DASH}(?<${G.numberMax}>${NUMBER})(?<${G.magnitude}>${MAGNITUDE})?(?<${G.unit}>${UNIT})${suffixPart}`,
    "y",
  ),
  extract(match, prefix) {
    const g = groups(match);
    const min = numberOf(g(G.number));
    const max = numberOf(g(G.numberMax));
    if (!(min < max)) return null;
    const unit = `${g(G.magnitude)}${givenUnit(g(G.unit))}`;
    if (g(G.unitMin) && g(G.unitMin) !== unit) return null;
    return {
      value: null,
      min,
      max,
      unit,
      qualifier: "range",
      qualifierStated: true,
      prefix,
      suffix: g(G.suffix),
      chineseNumeral: false,
    };
  },
};

/** The amount words of units written around their number, by the words before it: `每立方米` → 微克 → `微克/立方米`. */
const AROUND: Record<string, Record<string, string>> = {};
for (const entry of AROUND_UNITS) {
  if (!entry.around) continue;
  const lead = `每${entry.around.per}`;
  AROUND[lead] = { ...AROUND[lead], [entry.around.amount]: entry.unit };
}
const AROUND_AMOUNTS = [...new Set(AROUND_UNITS.map((entry) => entry.around?.amount ?? ""))].filter(Boolean);

/** `每立方米60微克`: a unit written around its number (PM2.5 concentration in older reports). */
const aroundParser: Parser = {
  worthTrying: /每[^\d]{1,4}\d/,
  anchors: "digit",
  leads: Object.keys(AROUND),
  pattern: new RegExp(`(?<${G.number}>${NUMBER})(?<${G.unit}>${AROUND_AMOUNTS.join("|")})${suffixPart}`, "y"),
  extract(match, prefix, lead) {
    const g = groups(match);
    const unit = AROUND[lead]?.[g(G.unit)];
    if (!unit) return null;
    const { qualifier, stated } = qualifierOf(prefix, "", g(G.suffix));
    return {
      value: numberOf(g(G.number)),
      min: null,
      max: null,
      unit,
      qualifier,
      qualifierStated: stated,
      prefix,
      suffix: g(G.suffix),
      chineseNumeral: false,
    };
  },
};

/** `7%左右`, `5.7万人`, `770件以上`, `20余场`, `9800余万元`, `2万余件`, and a bare magnitude: `减少1000万以上`. */
const arabicParser: Parser = {
  anchors: "digit",
  pattern: new RegExp(
    `(?<${G.number}>${NUMBER})(?<${G.approx}>余|多)?(?:(?<${G.unit}>${UNIT})|(?<${G.magnitude}>${MAGNITUDE})(?<${G.approxAfterMagnitude}>余|多)?(?<${G.unitAfterMagnitude}>${UNIT})?)${suffixPart}`,
    "y",
  ),
  extract(match, prefix) {
    const g = groups(match);
    const approx = `${g(G.approx)}${g(G.approxAfterMagnitude)}`;
    const { qualifier, stated } = qualifierOf(prefix, approx, g(G.suffix));
    const unit = g(G.unit) || g(G.unitAfterMagnitude);
    return {
      value: numberOf(g(G.number)),
      min: null,
      max: null,
      unit: `${g(G.magnitude)}${unit && givenUnit(unit)}`,
      qualifier,
      qualifierStated: stated,
      prefix,
      suffix: g(G.suffix),
      chineseNumeral: false,
    };
  },
};

/** `百分之十一点五`, `百分之八左右`, `千分之五`, `百分之六至百分之六点五`: a rate written out in words. */
const fractionParser: Parser = {
  anchors: "fraction",
  pattern: new RegExp(
    `(?<${G.fraction}>百分之|千分之)(?<${G.number}>${CHINESE_NUMBER}|${NUMBER})(?:${RANGE_DASH}\\k<${G.fraction}>?(?<${G.numberMax}>${CHINESE_NUMBER}|${NUMBER}))?${suffixPart}`,
    "y",
  ),
  extract(match, prefix) {
    const g = groups(match);
    const value = figureOf(g(G.number));
    if (value === null) return null;
    const unit = FRACTION_UNIT[g(G.fraction)] ?? "%";
    const common = { unit, prefix, suffix: g(G.suffix), chineseNumeral: false };
    if (g(G.numberMax)) {
      const max = figureOf(g(G.numberMax));
      if (max === null || !(value < max)) return null;
      return { ...common, value: null, min: value, max, qualifier: "range", qualifierStated: true };
    }
    const { qualifier, stated } = qualifierOf(prefix, "", g(G.suffix));
    return { ...common, value, min: null, max: null, qualifier, qualifierStated: stated };
  },
};

const MAGNITUDE_FACTOR = new Map(MAGNITUDES.map((m) => [m.word, m.factor]));

/**
 * A numeral's value in the unit its magnitude starts: `一万六千七百七十` before `亿` is 16770 (亿), but `一亿零六百`
 * before `万` is 10600 (万): the last magnitude counts only the last section when a greater one comes first.
 */
function numeralValue(numeral: string, magnitude: string): number | null {
  const factor = MAGNITUDE_FACTOR.get(magnitude);
  if (!factor || numeral.includes(CHINESE_DECIMAL_POINT) || !/[万亿]/.test(numeral)) {
    return parseChineseNumeral(numeral);
  }
  const total = parseChineseNumeral(`${numeral}${magnitude}`);
  return total === null ? null : Number((total / factor).toPrecision(12));
}

/** Units a lone `一` counts in (`提高一个百分点`); before any other unit it is an article (`一批`, `一流`, `一体`). */
const COUNTED_BY_ONE = new Set(["个百分点"]);

/** `两所`, `三百人`, `十余项`, `十二点八万亿元`, `四千一百七十亿元`, and a magnitude after a numeral: `突破百亿`. */
const chineseParser: Parser = {
  anchors: "numeral",
  pattern: new RegExp(
    `(?<${G.number}>${CHINESE_NUMBER})(?<${G.approx}>余|多)?(?:(?<${G.magnitude}>万亿|亿|万)(?<${G.unitAfterMagnitude}>${UNIT})?|(?<${G.unit}>${UNIT}))${suffixPart}`,
    "y",
  ),
  extract(match, prefix) {
    const g = groups(match);
    const numeral = g(G.number);
    const magnitude = g(G.magnitude);
    if (numeral === "一" && !magnitude && !COUNTED_BY_ONE.has(g(G.unit))) return null;
    const value = numeralValue(numeral, magnitude);
    if (value === null || value === 0) return null;
    const after = g(G.unitAfterMagnitude);
    const unit = magnitude ? `${magnitude}${after && givenUnit(after)}` : givenUnit(g(G.unit));
    // `零点五个百分点`, `四千一百七十亿元` are figures; `两所`, `三张`, `千万家` may name a set.
    const figure =
      numeral.includes(CHINESE_DECIMAL_POINT) || (magnitude !== "" && numeral.length > 1 && unit.endsWith("元"));
    const { qualifier, stated } = qualifierOf(prefix, g(G.approx), g(G.suffix));
    return {
      value,
      min: null,
      max: null,
      unit,
      qualifier,
      qualifierStated: stated,
      prefix,
      suffix: g(G.suffix),
      chineseNumeral: !figure,
    };
  },
};

/** `保持万亿以上规模`: a magnitude alone, after a qualifier word, counts one of itself. */
const bareMagnitudeParser: Parser = {
  anchors: "magnitude",
  needsPrefix: true,
  pattern: new RegExp(`(?<${G.magnitude}>万亿|亿)(?<${G.unit}>元|美元)?${suffixPart}`, "y"),
  extract(match, prefix) {
    const g = groups(match);
    const { qualifier, stated } = qualifierOf(prefix, "", g(G.suffix));
    const unit = `${g(G.magnitude)}${g(G.unit)}`;
    return {
      value: 1,
      min: null,
      max: null,
      unit,
      qualifier,
      qualifierStated: stated,
      prefix,
      suffix: g(G.suffix),
      chineseNumeral: true,
    };
  },
};

const PARSERS: Parser[] = [rangeParser, aroundParser, arabicParser, fractionParser, chineseParser, bareMagnitudeParser];

/** The same quantity `by` characters further on (offsets follow the text it is read from). */
export function shifted(q: Quantity, by: number): Quantity {
  return placed(q, q.start + by, q.end + by);
}

/** What may begin a number, by character code: a digit, a Chinese numeral (`百`/`千` may begin `百分之`), `万`/`亿`. */
const START_DIGIT = 1;
const START_NUMERAL = 2;
const START_MAGNITUDE = 4;
const STARTS = new Uint8Array(0x10000);
for (let code = 0x30; code <= 0x39; code++) STARTS[code] = START_DIGIT;
for (const ch of CHINESE_NUMERAL_CHARS) STARTS[ch.charCodeAt(0)] = START_NUMERAL;
STARTS["万".charCodeAt(0)] = START_MAGNITUDE;
STARTS["亿".charCodeAt(0)] = START_MAGNITUDE;

type Anchors = Record<AnchorKind, number[]>;

/**
 * Whether the digits from `i` run 1 to 3 long into a thousands separator (`33，212`). Inside a run of digits only
 * those positions can begin a number that the run's first digit does not: what follows a number is the same.
 */
function beforeSeparator(text: string, i: number): boolean {
  let end = i;
  while (end < i + 4 && STARTS[text.charCodeAt(end)] === START_DIGIT) end++;
  const next = text[end];
  return end - i <= 3 && (next === "," || next === "，");
}

/**
 * Where each kind of parser may begin, in one pass over `text`: every run of digits, every numeral character (a
 * numeral may begin inside a run: `二三个` has `三个`), every `百分之` or `千分之`, and every `亿` and `万亿` (from
 * its `万`).
 */
function anchorsOf(text: string): Anchors {
  const anchors: Anchors = { digit: [], numeral: [], fraction: [], magnitude: [] };
  for (let i = 0; i < text.length; i++) {
    const kind = STARTS[text.charCodeAt(i)];
    if (!kind) continue;
    if (kind === START_DIGIT) {
      if (i === 0 || STARTS[text.charCodeAt(i - 1)] !== START_DIGIT || beforeSeparator(text, i)) anchors.digit.push(i);
    } else if (kind === START_NUMERAL) {
      anchors.numeral.push(i);
      if (text.startsWith("分之", i + 1) && (text[i] === "百" || text[i] === "千")) anchors.fraction.push(i);
    } else if (text[i] === "亿" || text[i + 1] === "亿") anchors.magnitude.push(i);
  }
  return anchors;
}

/**
 * The qualifier word that ends at `at` and starts at `floor` or after, the earliest-starting one (as a left-to-right
 * scan would meet it); "" when there is none.
 */
function prefixBefore(text: string, at: number, floor: number): string {
  if (!PREFIX_ENDS.has(text.charCodeAt(at - 1))) return "";
  for (let from = Math.max(floor, at - LONGEST_PREFIX); from < at; from++) {
    const word = text.slice(from, at);
    if (!PREFIX_WORDS.has(word)) continue;
    const notAfter = PREFIX_NOT_AFTER[word];
    if (notAfter && from > 0 && notAfter.includes(text[from - 1] as string)) continue;
    return word;
  }
  return "";
}

/** Every quantity in `text`, in order, without overlaps (earlier parsers win). */
export function findQuantities(text: string): Quantity[] {
  let found: Quantity[] = [];
  const anchors = anchorsOf(text);
  for (const parser of PARSERS) {
    const positions = anchors[parser.anchors];
    if (positions.length === 0 || (parser.worthTrying && !parser.worthTrying.test(text))) continue;
    const read = readAt(parser, text, positions, found);
    if (read.length > 0) found = merged(found, read);
  }
  return found;
}

/**
 * One parser's readings at `positions`, as a scan of the text with its whole pattern would find them: a reading
 * starts no earlier than the end of the previous match; one overlapping an earlier parser's result is dropped.
 */
function readAt(parser: Parser, text: string, positions: number[], taken: Quantity[]): Quantity[] {
  const read: Quantity[] = [];
  let floor = 0;
  let next = 0;
  for (const at of positions) {
    if (at < floor) continue;
    parser.pattern.lastIndex = at;
    const match = parser.pattern.exec(text);
    if (!match) continue;
    let lead = "";
    if (parser.leads) {
      lead = parser.leads.find((word) => at - word.length >= floor && text.startsWith(word, at - word.length)) ?? "";
      if (!lead) continue;
    }
    const prefix = prefixBefore(text, at - lead.length, floor);
    if (parser.needsPrefix && !prefix) continue;
    const start = at - lead.length - prefix.length;
    const end = at + match[0].length;
    floor = end;
    while (next < taken.length && (taken[next] as Quantity).end <= start) next++;
    if (next < taken.length && (taken[next] as Quantity).start < end) continue;
    const reading = parser.extract(match, prefix, lead);
    if (reading && plausible(reading)) read.push(placed(reading, start, end));
  }
  return read;
}

/** A run of digits longer than any figure a report states (MAX_FIGURE) is no quantity: it would become Infinity. */
const plausibleNumber = (n: number | null) => n === null || figureOrNull(n) !== null;

function plausible(r: Reading): boolean {
  return plausibleNumber(r.value) && plausibleNumber(r.min) && plausibleNumber(r.max);
}

/** Two lists of quantities in order of start, as one. */
function merged(a: Quantity[], b: Quantity[]): Quantity[] {
  if (a.length === 0) return b;
  const out: Quantity[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length)
    out.push((a[i] as Quantity).start <= (b[j] as Quantity).start ? (a[i++] as Quantity) : (b[j++] as Quantity));
  while (i < a.length) out.push(a[i++] as Quantity);
  while (j < b.length) out.push(b[j++] as Quantity);
  return out;
}
