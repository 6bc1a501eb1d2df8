/** Builders for targets and outcomes written in tests: short realistic clauses, every other field defaulted. */
import type { TOutcome, TTarget } from "@/lib/schemas/extraction";

export function target(fields: Partial<TTarget> & Pick<TTarget, "indicator">): TTarget {
  return {
    measure: "level",
    qualifier: "exact",
    value: null,
    min: null,
    max: null,
    unit: null,
    polarity: "higher_better",
    headline: false,
    text: fields.indicator,
    start: 0,
    end: fields.indicator.length,
    ...fields,
  };
}

export function outcome(fields: Partial<TOutcome> & Pick<TOutcome, "indicator">): TOutcome {
  return {
    measure: "level",
    value: null,
    unit: null,
    polarity: "higher_better",
    estimated: false,
    year: 2019,
    stated: null,
    text: fields.indicator,
    start: 0,
    end: fields.indicator.length,
    ...fields,
  };
}
