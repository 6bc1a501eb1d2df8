/**
 * Shorthand for writing target labels: `t(find, indicator, measure, qualifier, value, unit, extra)`, with the common
 * defaults (no range, higher is better, a body target); `H` marks a headline target.
 */
import type { TargetLabel } from "./types";

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
