/**
 * Units as reports write them (`万人`, `亿元`, `台(套)`, `万亿斤`) and whether two of them measure the same thing.
 * A unit is a chain of multipliers (`万`, `亿`…) before a base unit; bases of one dimension convert (`吨` = 2000 `斤`).
 * Counting words (`家`, `处`, `台`) only agree with themselves, their alternatives (`台(套)` is `台` or `套`) and the
 * generic `个`: `台(套)` against `处` is not comparable (verdicts.md). Bases, counting words and multipliers come from
 * the one table of units (lib/engine/units), which the reader reads too.
 */

import { MAGNITUDES, UNITS } from "@/lib/engine/units";

/** Multipliers (the table's magnitudes), longest first: `万亿` before `万`. */
const MULTIPLIERS: ReadonlyArray<readonly [string, number]> = [...MAGNITUDES]
  .sort((a, b) => b.word.length - a.word.length)
  .map((m) => [m.word, m.factor] as const);

interface BaseUnit {
  dimension: string;
  /** Size in the dimension's reference base (`斤` for mass, `平方米` for area…). */
  factor: number;
}

/** Measurement bases, every spelling of each: same dimension ⇒ convertible. Counting words are handled apart. */
const BASES: Record<string, BaseUnit> = {};
/** Counting words of the table, every spelling. */
const COUNTERS = new Set<string>();
for (const entry of UNITS) {
  for (const spelling of [entry.unit, ...(entry.aliases ?? [])]) {
    if (entry.counter) COUNTERS.add(spelling);
    else BASES[spelling] = { dimension: entry.dimension, factor: entry.factor };
  }
}

/** A bare multiplier (`万`): the thing counted is implied by the indicator. */
const IMPLIED = "implied";
/** Dimensions that a bare multiplier can never stand for. */
const RATIO_DIMENSIONS = new Set(["percent", "percentage_point", "times"]);

const GENERIC_COUNTER = "个";

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
  // A multiplier before an unknown word was part of the word (`千岛`): keep the whole text opaque.
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
