/**
 * The gap of verdicts.md as the dashboard shows it, in place of the old 完成度: for `%` growth and share targets the
 * difference actual − target in percentage points, for levels the ratio actual ÷ target; both oriented so that a
 * positive gap is better than the target. The engine stores it on each match (`gap`); `gapFor` derives the same
 * figure where a row carries none (matches judged before the gap existed, the compare screen's points).
 */
import type { TGap, TPolarity, TQualifier } from "@/lib/schemas/extraction";

export type Gap = TGap;
const POINT_UNITS = new Set(["%", "个百分点"]);

export interface GapTarget {
  measure: string;
  qualifier: TQualifier;
  value: number | null;
  min: number | null;
  max: number | null;
  unit: string | null;
  polarity: TPolarity | null;
}

export interface GapActual {
  value: number | null;
  unit: string | null;
}

const round = (value: number, digits: number) => {
  const f = 10 ** digits;
  const rounded = Math.round(value * f) / f;
  return Object.is(rounded, -0) ? 0 : rounded;
};

/** The gap a target and its actual figure stand for, or null where verdicts.md shows none. */
export function gapFor(target: GapTarget, actual: GapActual | null): Gap | null {
  if (!actual || actual.value === null || target.measure === "qualitative") return null;
  if (target.polarity === "neutral") return null;
  const lower = target.polarity === "lower_better" || target.qualifier === "at_most";
  // A range is judged against the bound that decides the verdict.
  const bound =
    target.qualifier === "range" ? (lower ? (target.max ?? target.min) : (target.min ?? target.max)) : target.value;
  if (bound === null) return null;
  if (target.unit !== null && POINT_UNITS.has(target.unit) && actual.unit !== null && POINT_UNITS.has(actual.unit)) {
    return { value: round(lower ? bound - actual.value : actual.value - bound, 2), unit: "个百分点" };
  }
  // No ratio for growth rates, shares or lower_better targets: a 53% "completion" of a met cap misleads.
  if (lower || target.measure === "growth" || target.measure === "share") return null;
  if (!target.unit || target.unit !== actual.unit || bound <= 0) return null;
  return { value: round(actual.value / bound, 4), unit: "ratio" };
}

/**
 * The gap of a stored match: the engine's when the match carries one (even null: the engine decided there is none),
 * else derived from the target and its outcome.
 */
export function gapOfMatch(
  match: { gap?: Gap | null; outcome: GapActual | null } | null | undefined,
  target: GapTarget,
): Gap | null {
  if (!match) return null;
  if (match.gap !== undefined) return match.gap;
  return gapFor(target, match.outcome);
}

/** Sort key of a gap: points as they are, ratios as the share above or below the target. */
export function gapSortValue(gap: Gap | null): number | undefined {
  if (!gap) return undefined;
  return gap.unit === "ratio" ? (gap.value - 1) * 100 : gap.value;
}

/** Whether a gap reads as better (+), worse (−) or on the target (0), for the sign shown. */
export function gapSign(gap: Gap): -1 | 0 | 1 {
  const v = gap.unit === "ratio" ? gap.value - 1 : gap.value;
  return v > 1e-9 ? 1 : v < -1e-9 ? -1 : 0;
}
