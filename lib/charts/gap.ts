/**
 * The gap of verdicts.md as the dashboard shows it, in place of the old 完成度: for `%` growth and share targets the
 * difference actual − target in percentage points, for levels the ratio actual ÷ target; both oriented so that a
 * positive gap is better than the target. The engine computes it (`gapOf`); here it is only sorted and signed.
 */
import type { TGap } from "@/lib/schemas/extraction";

export type Gap = TGap;

/** The gap of a match: the engine's (lib/engine/match `gapOf`), which the store adds to every match it serves. */
export function gapOfMatch(match: { gap?: Gap | null } | null | undefined): Gap | null {
  return match?.gap ?? null;
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
