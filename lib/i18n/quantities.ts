/**
 * Figures in English: the Chinese magnitudes of a unit as written (`万`, `亿`, `万亿`) multiplied out and named the English
 * way, the base unit by its English name (lib/engine/units/english.ts). `1351万人` reads `13.51 million people`,
 * `32765亿元` `3.28 trillion yuan`, `5.7万人` `57,000 people`, `500万千瓦` `5 million kW`.
 *
 * The rule: a figure of a million or more is scaled to million, billion or trillion (the largest that leaves a whole
 * part of at least 1); below a million it is written out in full, grouped. On screen a figure keeps at most 2 decimals
 * after scaling (so at least 3 significant digits, and the figure's own precision where that is shorter: `13.51`,
 * `5.67`, `11`); in reasons (`exact`) it keeps every significant digit up to ten, as the Chinese reason does. A unit
 * whose base is not in the table stays as written, figure unscaled.
 */

import { BRACKETED_ALTERNATIVES, canonicalSpelling, MAGNITUDES } from "@/lib/engine/units";
import { ENGLISH_MAGNITUDES, ENGLISH_UNITS, type EnglishUnit } from "@/lib/engine/units/english";

/** `rounded`: at most 2 decimals after scaling (tables, cards); `exact`: every significant digit up to ten (reasons). */
export type Precision = "rounded" | "exact";

interface ReadUnit {
  /** What the magnitude multiplies by (1 without one). */
  factor: number;
  magnitude: string | null;
  english: EnglishUnit;
}

const MAGNITUDES_LONGEST_FIRST = [...MAGNITUDES].sort((a, b) => b.word.length - a.word.length);
const BRACKETED = new RegExp(`^(.+?)[(（](?:${BRACKETED_ALTERNATIVES.join("|")})[)）]$`);
const NO_UNIT: EnglishUnit = { plural: "" };

/** A unit as written split into magnitude and base, the base named in English; null for a base the table lacks. */
function readUnit(unit: string | null): ReadUnit | null {
  if (unit === null || unit === "") return { factor: 1, magnitude: null, english: NO_UNIT };
  const magnitude = MAGNITUDES_LONGEST_FIRST.find((m) => unit.startsWith(m.word)) ?? null;
  let base = magnitude ? unit.slice(magnitude.word.length) : unit;
  base = base.match(BRACKETED)?.[1] ?? base;
  const english = base === "" ? NO_UNIT : ENGLISH_UNITS[canonicalSpelling(base)];
  if (!english) return null;
  return { factor: magnitude?.factor ?? 1, magnitude: magnitude?.word ?? null, english };
}

const SCALES = [
  { word: "trillion", factor: 1e12 },
  { word: "billion", factor: 1e9 },
  { word: "million", factor: 1e6 },
] as const;

const numberFormats = new Map<number, Intl.NumberFormat>();
function grouped(value: number, digits: number): string {
  let found = numberFormats.get(digits);
  if (!found) {
    found = new Intl.NumberFormat("en", { maximumFractionDigits: digits, useGrouping: true });
    numberFormats.set(digits, found);
  }
  return found.format(value);
}

function numberText(value: number, precision: Precision): string {
  return precision === "exact" ? grouped(Number(value.toPrecision(10)), 10) : grouped(value, 2);
}

/** The scale a figure of this size is written in: `million` for 13 510 000, none below a million. */
function scaleOf(absolute: number): { word: string; factor: number } | null {
  return SCALES.find((scale) => Math.abs(absolute) >= scale.factor) ?? null;
}

function nounAfter(english: EnglishUnit, shown: string, scaled: boolean): string {
  if (english.attached) return english.plural;
  const word = !scaled && shown === "1" && english.singular ? english.singular : english.plural;
  return word ? ` ${word}` : "";
}

/** A figure with its unit in English: `13.51 million people`, `5%`, `1,626 units`; a unit the table lacks as written. */
export function englishQuantity(value: number, unit: string | null, precision: Precision = "rounded"): string {
  const read = readUnit(unit);
  if (!read) return `${numberText(value, precision)}${unit ?? ""}`;
  const absolute = value * read.factor;
  const scale = read.english.attached ? null : scaleOf(absolute);
  const shown = numberText(scale ? absolute / scale.factor : absolute, precision);
  return `${shown}${scale ? ` ${scale.word}` : ""}${nounAfter(read.english, shown, scale !== null)}`;
}

/**
 * Two figures of one unit written as a span, the unit once and both in the larger one's scale: `5–5.5%`,
 * `10–11 million people`. A unit the table lacks is written after each figure, as the report would.
 */
export function englishRange(
  low: number,
  high: number,
  unit: string | null,
  precision: Precision = "rounded",
): { low: string; high: string } {
  const read = readUnit(unit);
  if (!read) return { low: `${numberText(low, precision)}${unit ?? ""}`, high: englishQuantity(high, unit, precision) };
  const larger = Math.max(Math.abs(low), Math.abs(high)) * read.factor;
  const scale = read.english.attached ? null : scaleOf(larger);
  const divisor = scale?.factor ?? 1;
  const highShown = numberText((high * read.factor) / divisor, precision);
  return {
    low: numberText((low * read.factor) / divisor, precision),
    high: `${highShown}${scale ? ` ${scale.word}` : ""}${nounAfter(read.english, highShown, scale !== null)}`,
  };
}

/** A unit named on its own (`万人` ten thousand people, `%` percent): for reasons that compare units. */
export function englishUnitName(unit: string): string {
  const read = readUnit(unit);
  if (!read) return unit;
  const base = read.english.attached ? (read.english.plural === "%" ? "percent" : "per mille") : read.english.plural;
  const magnitude = read.magnitude ? ENGLISH_MAGNITUDES[read.magnitude] : null;
  return [magnitude, base].filter(Boolean).join(" ") || "a count";
}
