/**
 * Targets across jurisdictions: ranks, the change of a target from one year to the next, and amplification — how a
 * subordinate's target stands against its superior's (Li, Liu, Weng & Zhou 2019: prefecture cities repeat or raise
 * their province's growth target). Every comparison is by the figure that decides a target's verdict (a range's floor
 * for a higher-better indicator), never by a range's middle. Pure: the store gives the figures.
 */
import { convertValue, isPointUnit } from "@/lib/engine/match";
import type { TPolarity } from "@/lib/schemas/extraction";
import type { TAmplification, TAmplificationYear, TTargetChange } from "@/lib/schemas/peers";

/** Differences closer than this are equal: figures are written with at most two decimals. */
const EQUAL_WITHIN = 1e-6;

const round = (value: number, decimals = 4) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/**
 * Competition ranks ("1224"): 1 for the most ambitious target — the highest, or the lowest for a lower-better
 * indicator (an inflation cap) — ties sharing a rank; null for a jurisdiction without a figure.
 */
export function ranks(values: readonly (number | null)[], polarity: TPolarity): (number | null)[] {
  const better = polarity === "lower_better" ? (a: number, b: number) => a < b : (a: number, b: number) => a > b;
  const figures = values.filter((v): v is number => v !== null);
  return values.map((value) => {
    if (value === null) return null;
    return 1 + figures.filter((other) => better(other, value) && Math.abs(other - value) > EQUAL_WITHIN).length;
  });
}

interface Figure {
  value: number;
  unit: string | null;
}

/** The change from last year's target to this year's, in this year's unit; null when the units do not convert. */
export function targetChange(current: Figure, previous: Figure): TTargetChange | null {
  const before = convertValue(previous.value, previous.unit, current.unit);
  if (before === null) return null;
  const by = round(current.value - before);
  const direction = Math.abs(by) <= EQUAL_WITHIN ? "unchanged" : by > 0 ? "raised" : "lowered";
  return { direction, by: direction === "unchanged" ? 0 : by, unit: current.unit };
}

/**
 * A subordinate's target against its superior's, for rates in % only: a county's GDP level is no match for its
 * province's. `above` means the subordinate set more than its superior (or less, for a lower-better indicator: a
 * tighter cap amplifies too); the gap is always subordinate − superior, in points.
 */
export function amplification(sub: Figure, superior: Figure, polarity: TPolarity): TAmplification | null {
  if (!isPointUnit(sub.unit) || !isPointUnit(superior.unit)) return null;
  const gap = round(sub.value - superior.value);
  if (Math.abs(gap) <= EQUAL_WITHIN) return { relation: "equal", gap: 0 };
  const more = polarity === "lower_better" ? gap < 0 : gap > 0;
  return { relation: more ? "above" : "below", gap };
}

export interface AmplificationEntry {
  /** The subordinate's decisive figure (null: no target of the indicator). */
  value: number | null;
  /** Its comparison with its superior's target (null: the superior set none, or not a rate). */
  amplification: TAmplification | null;
  /** Its GDP level of the year before, in 亿元, the weight of its target. */
  weight: number | null;
}

/** One year of amplification over a scope's subordinates. `superior` is the scope's one superior's own figure. */
export function amplificationYear(
  year: number,
  entries: readonly AmplificationEntry[],
  superior: number | null,
): TAmplificationYear {
  const withTarget = entries.filter((e): e is AmplificationEntry & { value: number } => e.value !== null);
  const compared = withTarget.filter((e) => e.amplification !== null);
  const count = (relation: TAmplification["relation"]) =>
    compared.filter((e) => e.amplification?.relation === relation).length;
  const weighted = withTarget.filter((e): e is typeof e & { weight: number } => e.weight !== null && e.weight > 0);
  const totalWeight = weighted.reduce((sum, e) => sum + e.weight, 0);
  const mean = (values: number[]) =>
    values.length === 0 ? null : round(values.reduce((sum, v) => sum + v, 0) / values.length);
  return {
    year,
    targets: withTarget.length,
    compared: compared.length,
    above: count("above"),
    equal: count("equal"),
    below: count("below"),
    meanGap: mean(compared.map((e) => e.amplification?.gap ?? 0)),
    mean: mean(withTarget.map((e) => e.value)),
    weightedMean:
      totalWeight > 0 ? round(weighted.reduce((sum, e) => sum + e.value * e.weight, 0) / totalWeight) : null,
    weighted: weighted.length,
    superior,
  };
}

/** The unit GDP levels are weighed in. */
export const GDP_WEIGHT_UNIT = "亿元";

/** Significant digits of a figure as written (`32765` has 5, `3` has 1, `5.67` has 3). */
function significantDigits(value: number): number {
  return String(Math.abs(value)).replace(".", "").replace(/^0+/, "").replace(/0+$/, "").length;
}

/**
 * The GDP level of a year in 亿元 from a review's figures (`实现地区生产总值32765亿元`, `突破3万亿元`): the most
 * precise one, so that a round milestone does not stand in for the figure itself; null when none converts.
 */
export function gdpWeight<T extends Figure>(figures: readonly T[]): (T & { weight: number }) | null {
  let best: (T & { weight: number }) | null = null;
  for (const figure of figures) {
    const weight = convertValue(figure.value, figure.unit, GDP_WEIGHT_UNIT);
    if (weight === null || !(weight > 0) || figure.unit === null) continue;
    if (!best || significantDigits(figure.value) > significantDigits(best.value)) best = { ...figure, weight };
  }
  return best;
}
