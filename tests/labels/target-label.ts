/**
 * Shorthand for writing labels: `t(find, indicator, measure, qualifier, value, unit, extra)`, with the common
 * defaults (no range, higher is better, a body target); `H` marks a headline target.
 */
import type { OutcomeLabel, TargetLabel } from "./types";

export function t(
  find: string,
  indicator: string,
  measure: TargetLabel["measure"],
  qualifier: TargetLabel["qualifier"],
  value: number | null,
  unit: string | null,
  extra: Partial<TargetLabel> = {},
): TargetLabel {
  return {
    find,
    indicator,
    measure,
    qualifier,
    value,
    min: null,
    max: null,
    unit,
    polarity: "higher_better",
    headline: false,
    ...extra,
  };
}

/** Extra fields of a headline target. */
export const H = { headline: true } as const;

/** Extra fields of a headline target whose indicator is better lower (unemployment rate, CPI rise). */
export const LOW = { ...H, polarity: "lower_better" } as const;

/** A qualitative headline item (no number; polarity neutral). */
export function q(find: string, indicator: string): TargetLabel {
  return t(find, indicator, "qualitative", "none", null, null, { ...H, polarity: "neutral" });
}

/** A ranged headline growth target (`5%—5.5%`). */
export function range(find: string, indicator: string, min: number, max: number): TargetLabel {
  return t(find, indicator, "growth", "range", null, "%", { ...H, min, max });
}

/** An outcome of the review year. */
export function o(
  find: string,
  indicator: string,
  measure: OutcomeLabel["measure"],
  value: number,
  unit: string,
  estimated = false,
): OutcomeLabel {
  return { find, indicator, measure, value, unit, estimated };
}
