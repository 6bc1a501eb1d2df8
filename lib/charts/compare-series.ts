/**
 * The compare chart's data: one row per year holding, for every jurisdiction, the target (the bound that decides its
 * verdict, and for a range the band from its minimum to its maximum), the actual, and markers for years the plan set no such target. Also the year-on-year change of targets.
 * Pure, unit-tested in tests/charts/compare-series.test.ts.
 */

import type { TComparePoint, TCompareSeries } from "@/lib/schemas/dashboard";
import type { TPolarity, TQualifier } from "@/lib/schemas/extraction";
import { type NiceScale, niceScale } from "./scale";

type CompareTarget = NonNullable<TComparePoint["target"]>;

/** Whether a target is met by reaching it (`>=`) or by staying under it (`<=`), as verdicts.md reads it. */
export function targetDirection(qualifier: TQualifier, polarity: TPolarity): ">=" | "<=" | null {
  if (qualifier === "at_least") return ">=";
  if (qualifier === "at_most") return "<=";
  if (polarity === "neutral") return null;
  return polarity === "lower_better" ? "<=" : ">=";
}

/**
 * The number a target is judged by (verdicts.md): its value, or for a range the bound that decides the verdict (the
 * lower bound when higher is better, the upper when lower is better; the middle only for an indicator without a
 * direction, which no verdict judges).
 */
export function decidingBound(target: CompareTarget | null, polarity: TPolarity = "higher_better"): number | null {
  if (!target) return null;
  if (target.value !== null) return target.value;
  const { min, max } = target;
  if (min !== null && max !== null) {
    if (polarity === "higher_better") return min;
    if (polarity === "lower_better") return max;
    return (min + max) / 2;
  }
  return min ?? max ?? null;
}

/** Units of rates, whose differences are percentage points. */
const RATE_UNITS = new Set(["%", "个百分点", "百分点"]);

export interface CompareGap {
  /** Oriented so that positive is better than the target (verdicts.md). */
  value: number;
  /** `pp` (percentage points) for rates, else the target's own unit (`万人`, `亿元`); null when it states none. */
  unit: "pp" | string | null;
  /** `better`/`worse` than the target by the indicator's direction, `even` on it, `neutral` without a direction. */
  tone: "better" | "worse" | "even" | "neutral";
}

/**
 * The gap of an actual against a target, in the target's terms: percentage points for rates, the indicator's unit
 * for levels; against the bound that decides the verdict; oriented by the indicator's direction so that an
 * inflation cap undershot is a positive, good gap. Null when the units differ or a figure is missing.
 */
export function compareGap(
  target: CompareTarget | null,
  actual: { value: number | null; unit: string | null } | null,
  polarity: TPolarity,
): CompareGap | null {
  const bound = decidingBound(target, polarity);
  if (!target || !actual || bound === null || actual.value === null) return null;
  const rate = target.unit !== null && RATE_UNITS.has(target.unit);
  const sameUnit = rate ? actual.unit !== null && RATE_UNITS.has(actual.unit) : actual.unit === target.unit;
  if (!sameUnit) return null;
  const direction = targetDirection(target.qualifier, polarity);
  const difference = Number((actual.value - bound).toPrecision(12));
  const value = direction === "<=" ? -difference : difference;
  const unit = rate ? "pp" : target.unit;
  if (direction === null) return { value, unit, tone: "neutral" };
  const tone = Math.abs(value) < 1e-9 ? "even" : value > 0 ? "better" : "worse";
  return { value: Math.abs(value) < 1e-9 ? 0 : value, unit, tone };
}

export interface YearChange {
  year: number;
  /** This year's target minus the previous year's, in the target's unit (percentage points for %); null when either is missing. */
  change: number | null;
}

/** Change of the target from one year to the next, only between consecutive years that both state one. */
export function targetChanges(
  points: readonly TComparePoint[],
  polarity: TPolarity = "higher_better",
): Map<number, number | null> {
  const byYear = new Map(points.map((point) => [point.year, decidingBound(point.target, polarity)]));
  const changes = new Map<number, number | null>();
  for (const point of points) {
    const current = byYear.get(point.year) ?? null;
    const previous = byYear.get(point.year - 1) ?? null;
    changes.set(
      point.year,
      current === null || previous === null ? null : Math.round((current - previous) * 1000) / 1000,
    );
  }
  return changes;
}

/** The key of a superior's target in a chart row. */
export const superiorKey = (code: string) => `superior_${code}`;

/** Keys of one jurisdiction's values in a chart row. */
export const seriesKeys = (code: string) => ({
  target: `target_${code}`,
  band: `band_${code}`,
  actual: `actual_${code}`,
  qualifier: `qualifier_${code}`,
  estimated: `estimated_${code}`,
  absent: `absent_${code}`,
  /** `[min − bound, max − bound]`: a range's extent around its deciding bound, for an error bar. */
  extent: `extent_${code}`,
});

export type ChartRow = { year: number } & Record<string, number | string | boolean | [number, number] | null>;

export interface CompareChartData {
  rows: ChartRow[];
  years: number[];
  scale: NiceScale | null;
}

/**
 * The years a chart spans: from the first year any series states a target to the last year with a target, an
 * actual, or a plan that states none.
 */
export function chartSpan(series: readonly TCompareSeries[]): [number, number] | null {
  const targetYears = series.flatMap((s) => s.points.filter((p) => p.target).map((p) => p.year));
  const valueYears = series.flatMap((s) => s.points.filter((p) => p.target || p.actual).map((p) => p.year));
  if (valueYears.length === 0) return null;
  const first = targetYears.length > 0 ? Math.min(...targetYears) : Math.min(...valueYears);
  const planYears = series.flatMap((s) => s.points.filter((p) => p.status !== "no_report").map((p) => p.year));
  const last = Math.max(...valueYears, ...planYears);
  return [first, Math.max(first, last)];
}

/**
 * Rows for every year of the span, so that a year without data is a gap in the lines rather than a silent bridge
 * between its neighbours. Years before the first target (old plans that set none) are left out.
 */
export function compareChartData(
  series: readonly TCompareSeries[],
  polarity: TPolarity = "higher_better",
  superiors: readonly TCompareSeries[] = [],
): CompareChartData {
  // A superior's years are drawn too: a province's one year beside the State Council's run of targets.
  const span = chartSpan([...series, ...superiors]);
  if (!span) return { rows: [], years: [], scale: null };
  const [first, last] = span;
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const values: number[] = [];
  const rows: ChartRow[] = years.map((year) => {
    const row: ChartRow = { year };
    for (const s of series) {
      const keys = seriesKeys(s.code);
      const point = s.points.find((p) => p.year === year);
      const target = point?.target ?? null;
      const value = decidingBound(target, polarity);
      const band: [number, number] | null =
        target?.qualifier === "range" && target.min !== null && target.max !== null ? [target.min, target.max] : null;
      const actual = point?.actual?.value ?? null;
      row[keys.target] = value;
      row[keys.band] = band;
      row[keys.actual] = actual;
      row[keys.qualifier] = (target?.qualifier ?? null) as TQualifier | null;
      row[keys.estimated] = point?.actual?.estimated ?? false;
      row[keys.absent] = point?.status === "absent";
      row[keys.extent] = band && value !== null ? [value - band[0], band[1] - value] : null;
      if (value !== null) values.push(value);
      if (band) values.push(...band);
      if (actual !== null) values.push(actual);
    }
    // A superior's target (its deciding bound) on its own key, drawn as a second line.
    for (const s of superiors) {
      const key = superiorKey(s.code);
      const value = decidingBound(s.points.find((p) => p.year === year)?.target ?? null, polarity);
      row[key] = value;
      if (value !== null) values.push(value);
    }
    return row;
  });
  return { rows, years, scale: niceScale(values, { maxTicks: 6 }) };
}
