/**
 * The compare chart's data: one row per year holding, for every jurisdiction, the target (a point, or a band for a
 * range), the actual, and markers for years the plan set no such target. Also the year-on-year change of targets.
 * Pure, unit-tested in tests/charts/compare-series.test.ts.
 */

import type { TComparePoint, TCompareSeries } from "@/lib/schemas/dashboard";
import type { TQualifier } from "@/lib/schemas/extraction";
import { type NiceScale, niceScale } from "./scale";

/** The single number a target stands for on a line: its value, or the middle of its range. */
export function targetPoint(target: TComparePoint["target"]): number | null {
  if (!target) return null;
  if (target.value !== null) return target.value;
  if (target.min !== null && target.max !== null) return (target.min + target.max) / 2;
  return target.min ?? target.max ?? null;
}

export interface YearChange {
  year: number;
  /** This year's target minus the previous year's, in the target's unit (percentage points for %); null when either is missing. */
  change: number | null;
}

/** Change of the target from one year to the next, only between consecutive years that both state one. */
export function targetChanges(points: readonly TComparePoint[]): Map<number, number | null> {
  const byYear = new Map(points.map((point) => [point.year, targetPoint(point.target)]));
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

/** Keys of one jurisdiction's values in a chart row. */
export const seriesKeys = (code: string) => ({
  target: `target_${code}`,
  band: `band_${code}`,
  actual: `actual_${code}`,
  qualifier: `qualifier_${code}`,
  estimated: `estimated_${code}`,
  absent: `absent_${code}`,
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
export function compareChartData(series: readonly TCompareSeries[]): CompareChartData {
  const span = chartSpan(series);
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
      const value = targetPoint(target);
      const band: [number, number] | null =
        target?.qualifier === "range" && target.min !== null && target.max !== null ? [target.min, target.max] : null;
      const actual = point?.actual?.value ?? null;
      row[keys.target] = value;
      row[keys.band] = band;
      row[keys.actual] = actual;
      row[keys.qualifier] = (target?.qualifier ?? null) as TQualifier | null;
      row[keys.estimated] = point?.actual?.estimated ?? false;
      row[keys.absent] = point?.status === "absent";
      if (value !== null) values.push(value);
      if (band) values.push(...band);
      if (actual !== null) values.push(actual);
    }
    return row;
  });
  return { rows, years, scale: niceScale(values, { maxTicks: 6 }) };
}
