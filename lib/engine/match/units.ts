/**
 * Units as reports write them (`万人`, `亿元`, `台(套)`, `万亿斤`) and whether two of them measure the same thing.
 * A unit is a chain of multipliers (`万`, `亿`…) before a base unit; bases of one dimension convert (`吨` = 2000 `斤`).
 * Counting words (`家`, `处`, `台`) only agree with themselves, their alternatives (`台(套)` is `台` or `套`) and the
 * generic `个`: `台(套)` against `处` is not comparable (verdicts.md).
 */

const MULTIPLIERS: ReadonlyArray<readonly [string, number]> = [
  ["万亿", 1e12],
  ["千亿", 1e11],
  ["百亿", 1e10],
  ["亿", 1e8],
  ["千万", 1e7],
  ["百万", 1e6],
  ["十万", 1e5],
  ["万", 1e4],
  ["千", 1e3],
  ["百", 1e2],
];

interface BaseUnit {
  dimension: string;
  /** Size in the dimension's reference base (`斤` for mass, `平方米` for area…). */
  factor: number;
}

/** Measurement bases: same dimension ⇒ convertible. Counting words are handled separately below. */
const BASES: Record<string, BaseUnit> = {
  "%": { dimension: "percent", factor: 1 },
  个百分点: { dimension: "percentage_point", factor: 1 },
  百分点: { dimension: "percentage_point", factor: 1 },
  倍: { dimension: "times", factor: 1 },
  人: { dimension: "people", factor: 1 },
  名: { dimension: "people", factor: 1 },
  位: { dimension: "people", factor: 1 },
  人次: { dimension: "person_times", factor: 1 },
  户: { dimension: "households", factor: 1 },
  元: { dimension: "yuan", factor: 1 },
  美元: { dimension: "usd", factor: 1 },
  斤: { dimension: "mass", factor: 1 },
  公斤: { dimension: "mass", factor: 2 },
  克: { dimension: "mass", factor: 0.002 },
  吨: { dimension: "mass", factor: 2000 },
  平方米: { dimension: "area", factor: 1 },
  平方公里: { dimension: "area", factor: 1e6 },
  公顷: { dimension: "area", factor: 1e4 },
  亩: { dimension: "area", factor: 10_000 / 15 },
  米: { dimension: "length", factor: 1 },
  公里: { dimension: "length", factor: 1000 },
  立方米: { dimension: "volume", factor: 1 },
  瓦: { dimension: "power", factor: 1 },
  瓦时: { dimension: "energy", factor: 1 },
  度: { dimension: "energy", factor: 1000 },
};

/** A bare multiplier (`万`): the thing counted is implied by the indicator. */
const IMPLIED = "implied";
/** Dimensions that a bare multiplier can never stand for. */
const RATIO_DIMENSIONS = new Set(["percent", "percentage_point", "times"]);

const GENERIC_COUNTER = "个";
const COUNTERS = new Set([
  GENERIC_COUNTER,
  "家",
  "处",
  "座",
  "所",
  "项",
  "件",
  "条",
  "部",
  "台",
  "套",
  "张",
  "栋",
  "间",
  "辆",
  "支",
  "批",
  "批次",
  "场",
  "次",
  "种",
  "只",
  "块",
  "宗",
  "起",
  "轮",
  "期",
  "类",
  "款",
]);

export type UnitRelation =
  /** Same unit. */
  | "same"
  /** Same dimension, different multiplier or base (`万人` / `人`): values convert. */
  | "scaled"
  /** A specific counting word against the generic `个`: comparable, less surely the same thing. */
  | "loose"
  | "incompatible";

interface ParsedUnit {
  text: string;
  /** Measurement dimension, `count` for counting words, `implied` for a bare multiplier, or the unit when unknown. */
  dimension: string;
  factor: number;
  /** Counting words a count unit stands for (`台(套)` → 台, 套, 台套). */
  counters: string[];
}

function normaliseUnit(unit: string): string {
  return unit.replace(/\s/g, "").replace(/（/g, "(").replace(/）/g, ")").replace(/％/g, "%");
}

type BaseParse = Omit<ParsedUnit, "text">;

function parseBase(text: string): BaseParse {
  // `人(次)` is written for 人次: the joined form wins when it is a known base.
  const base = BASES[text] ?? BASES[text.replace(/[()]/g, "")];
  if (base) return { dimension: base.dimension, factor: base.factor, counters: [] };
  // `台(套)` is 台 or 套; `家次` and `家(次)` count visits to 家: both stand for either word and for the pair.
  const alternatives = text.match(/^(.+)\((.+)\)$/) ?? text.match(/^(.)(次)$/);
  const counters = alternatives ? [alternatives[1] ?? "", alternatives[2] ?? "", text.replace(/[()]/g, "")] : [text];
  if (counters.some((counter) => COUNTERS.has(counter))) return { dimension: "count", factor: 1, counters };
  return { dimension: `unit:${text}`, factor: 1, counters: [] };
}

/** Units are few and met again and again: parsed once. */
const parsedUnits = new Map<string, ParsedUnit>();
const UNIT_CACHE_LIMIT = 10_000;

/** Parse a unit: multipliers first (`万亿斤` = 1e12 斤), then a known base; unknown units stay opaque. */
export function parseUnit(unit: string): ParsedUnit {
  let parsed = parsedUnits.get(unit);
  if (!parsed) {
    parsed = parseUncached(normaliseUnit(unit));
    // Unit strings come from reports: bound the cache like any cache of user text.
    if (parsedUnits.size >= UNIT_CACHE_LIMIT) parsedUnits.clear();
    parsedUnits.set(unit, parsed);
  }
  return parsed;
}

function parseUncached(text: string): ParsedUnit {
  let rest = text;
  let factor = 1;
  for (;;) {
    if (BASES[rest]) break;
    const multiplier = MULTIPLIERS.find(([prefix]) => rest.startsWith(prefix));
    if (!multiplier) break;
    rest = rest.slice(multiplier[0].length);
    factor *= multiplier[1];
  }
  // `1000万` with the thing counted left implicit (`农村贫困人口减少1000万以上`).
  if (rest === "") return { text, dimension: IMPLIED, factor, counters: [] };
  const base = parseBase(rest);
  // A multiplier before an unknown word was part of the word (`千层`): keep the whole text opaque.
  if (base.dimension.startsWith("unit:") && rest !== text) return { text, ...parseBase(text) };
  return { text, dimension: base.dimension, factor: factor * base.factor, counters: base.counters };
}

export function unitRelation(a: string | null, b: string | null): UnitRelation {
  if (a === null || b === null) return a === b ? "same" : "incompatible";
  const pa = parseUnit(a);
  const pb = parseUnit(b);
  if (pa.text === pb.text) return "same";
  if (pa.dimension === IMPLIED || pb.dimension === IMPLIED) {
    const other = pa.dimension === IMPLIED ? pb : pa;
    return RATIO_DIMENSIONS.has(other.dimension) ? "incompatible" : "loose";
  }
  if (pa.dimension !== pb.dimension) return "incompatible";
  if (pa.dimension !== "count") return "scaled";
  if (pa.counters.some((counter) => pb.counters.includes(counter))) return pa.factor === pb.factor ? "same" : "scaled";
  const generic = pa.counters.includes(GENERIC_COUNTER) || pb.counters.includes(GENERIC_COUNTER);
  return generic ? "loose" : "incompatible";
}

/** `value` written in `from`, expressed in `to`; null when the units are not comparable. */
export function convertValue(value: number, from: string | null, to: string | null): number | null {
  if (unitRelation(from, to) === "incompatible") return null;
  if (from === null || to === null) return value;
  return (value * parseUnit(from).factor) / parseUnit(to).factor;
}
