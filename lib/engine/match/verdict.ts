/**
 * Judging one target against the outcome matched to it, exactly as verdicts.md defines it. A figure decides when
 * there is one that can be compared; otherwise a sentence that says in words whether the target was reached
 * (`stated`); otherwise a person must look (`needs_review`), with the reason why. Reasons are codes with their numbers
 * (lib/schemas/reasons.ts); the words are the dictionary's (lib/i18n/reasons.ts).
 */
import { indicatorSimilarity, statedMeasure } from "@/lib/engine/indicators";
import type { TGap, TMeasure, TOutcome, TTarget, TVerdict } from "@/lib/schemas/extraction";
import type { TActualFigure, TJudgeReason, TTargetBound } from "@/lib/schemas/reasons";
import { MIN_SIMILARITY } from "./score";
import { convertValue, unitRelation } from "./units";

export interface JudgeOptions {
  /**
   * Slack granted to `about` targets only: percentage points when the target's unit is `%` (or 个百分点), a relative
   * share of the target otherwise (0.05 = 5%). Default 0.
   */
  tolerance: number;
}

export interface Judgement {
  verdict: TVerdict;
  /** Why, as a code with its figures: `{ code: "below_target", actual: 6%, target: 7% }` reads `实际6% < 目标7%`. */
  reason: TJudgeReason;
  /** actual ÷ target where both are comparable numbers, unoriented; superseded by `gap` for display. */
  ratio: number | null;
  /** The gap in the target's own terms, oriented so that better than the target is positive (`gapOf`). */
  gap: TGap | null;
}

export const NO_OUTCOME_REASON: TJudgeReason = { code: "no_outcome" };
/** A qualitative target for which the review says in words neither that it was done nor that it was not. */
export const QUALITATIVE_REASON: TJudgeReason = { code: "qualitative_unstated" };

/** Units whose tolerance is absolute (percentage points) rather than relative. */
const POINT_UNITS = new Set(["%", "个百分点", "百分点"]);

interface Comparison {
  /** Met when actual `>=` or `<=` the threshold. */
  direction: ">=" | "<=";
  /** The target's own number (range bound or value), for the ratio and the reason. */
  nominal: number;
  /** The number actually compared against: the nominal one, relaxed by the tolerance for `about` targets. */
  threshold: number;
  /** The target as a reason states it (`目标7%`, `目标下限6%`, `目标7.5%(容差0.5)` in Chinese). */
  bound: TTargetBound;
}

/** The comparison a numeric target asks for, or null when it has no number to compare with. */
type ComparedTarget = Pick<TTarget, "qualifier" | "value" | "min" | "max" | "unit" | "polarity">;

function comparisonFor(target: ComparedTarget, tolerance: number): Comparison | null {
  const higherBetter = target.polarity !== "lower_better";
  const unit = target.unit;
  const single = (direction: Comparison["direction"], value: number | null): Comparison | null =>
    value === null ? null : { direction, nominal: value, threshold: value, bound: { bound: "value", value, unit } };
  switch (target.qualifier) {
    case "at_least":
      return single(">=", target.value);
    case "at_most":
      return single("<=", target.value);
    case "range": {
      const bound = higherBetter ? target.min : target.max;
      if (bound === null) return null;
      const label: TTargetBound = { bound: higherBetter ? "floor" : "cap", value: bound, unit };
      return { direction: higherBetter ? ">=" : "<=", nominal: bound, threshold: bound, bound: label };
    }
    case "exact":
      return single(higherBetter ? ">=" : "<=", target.value);
    case "about": {
      const comparison = single(higherBetter ? ">=" : "<=", target.value);
      if (!comparison || tolerance <= 0) return comparison;
      const absolute = unit !== null && POINT_UNITS.has(unit);
      const slack = absolute ? tolerance : Math.abs(comparison.nominal) * tolerance;
      const threshold = higherBetter ? comparison.nominal - slack : comparison.nominal + slack;
      const allowance = { value: tolerance, relative: !absolute };
      return { ...comparison, threshold, bound: { ...comparison.bound, tolerance: allowance } };
    }
    case "none":
      return null;
  }
}

/**
 * The figure a numeric target's verdict is decided by, without tolerance: its value, a range's floor (its cap for a
 * lower-better indicator). Null for a target without a figure. Targets are compared across years and jurisdictions
 * by it, so that `5%—5.5%` ranks and changes as the 5% it commits to.
 */
export function decisiveValue(target: ComparedTarget): number | null {
  return comparisonFor(target, 0)?.nominal ?? null;
}

/** Units in which figures are rates: a difference of two is in percentage points. */
export const isPointUnit = (unit: string | null): boolean => unit !== null && POINT_UNITS.has(unit);

function holds(actual: number, comparison: Comparison): boolean {
  return comparison.direction === ">=" ? actual >= comparison.threshold : actual <= comparison.threshold;
}

/** Growth only compares with growth; a level and a share of the same indicator may be written either way. */
function measuresComparable(target: TMeasure, outcome: TMeasure): boolean {
  if (target === "growth" || outcome === "growth") return target === outcome;
  return target !== "qualitative" && outcome !== "qualitative";
}

/** The outcome's figure as [low, high]: one number twice, or a range (`增长6%-6.5%`); null when it states none. */
function outcomeFigure(outcome: TOutcome): [number, number] | null {
  if (outcome.value !== null) return [outcome.value, outcome.value];
  if (outcome.min != null && outcome.max != null) return [outcome.min, outcome.max];
  return null;
}

/** Why a target and its outcome cannot be compared by their numbers, or null when they can. */
function obstacle(target: TTarget, outcome: TOutcome): TJudgeReason | null {
  if (target.measure === "qualitative") return { code: "qualitative" };
  if (target.polarity === "neutral") return { code: "no_polarity" };
  if (!outcomeFigure(outcome)) return { code: "no_outcome_figure" };
  const [wanted, given] = [statedMeasure(target), statedMeasure(outcome)];
  if (!measuresComparable(wanted, given)) return { code: "measure_mismatch", target: wanted, actual: given };
  if (unitRelation(target.unit, outcome.unit) === "incompatible") {
    return { code: "unit_mismatch", target: target.unit, actual: outcome.unit };
  }
  return null;
}

/** The reason code of a decided comparison: the operator a reason shows (`≥`, `<`, `≤`, `>`). */
function comparedCode(direction: Comparison["direction"], met: boolean) {
  if (direction === ">=") return met ? "at_or_above_target" : "below_target";
  return met ? "at_or_below_target" : "above_target";
}

/** Rounded for display: float noise (3 − 1.6 = 1.4000000000000001) never reaches a reader. */
const roundGap = (value: number) => Number(value.toPrecision(12));

/**
 * The gap of an outcome against a target in the target's own terms (verdicts.md), or null when they are not compared
 * on a figure (qualitative or neutral target, no figure, other measure, incompatible units) or when the result would
 * not be a finite number.
 * - Target in `%` (or 个百分点): actual − target in percentage points, negated for a `<=` target (`at_most`, or
 *   `lower_better`), so that positive means better than the target.
 * - Other `higher_better` levels: the ratio actual ÷ target as is (above 1 = better; the target must be above 0).
 * - Growth rates not in %, and `lower_better` levels not in %: null (no ratio is shown for those).
 * A range target is measured against the bound that decides its verdict; a range outcome by its middle. Tolerance
 * plays no part: the gap is against the target as written.
 */
export function gapOf(target: TTarget, outcome: TOutcome): TGap | null {
  if (obstacle(target, outcome)) return null;
  const comparison = comparisonFor(target, 0);
  const figure = outcomeFigure(outcome);
  if (!comparison || !figure) return null;
  const low = convertValue(figure[0], outcome.unit, target.unit);
  const high = convertValue(figure[1], outcome.unit, target.unit);
  if (low === null || high === null) return null;
  const actual = (low + high) / 2;
  const nominal = comparison.nominal;
  let gap: TGap | null = null;
  if (target.unit !== null && POINT_UNITS.has(target.unit)) {
    const points = comparison.direction === ">=" ? actual - nominal : nominal - actual;
    gap = { value: roundGap(points), unit: "个百分点" };
  } else if (target.measure !== "growth" && comparison.direction === ">=" && nominal > 0) {
    gap = { value: roundGap(actual / nominal), unit: "ratio" };
  }
  return gap && Number.isFinite(gap.value) ? gap : null;
}

export function judge(target: TTarget, outcome: TOutcome | null, options: JudgeOptions): Judgement {
  if (!outcome) {
    // A qualitative target is judged by a person unless the review says in words whether it was done.
    if (target.measure === "qualitative")
      return { verdict: "needs_review", reason: QUALITATIVE_REASON, ratio: null, gap: null };
    return { verdict: "no_outcome", reason: NO_OUTCOME_REASON, ratio: null, gap: null };
  }
  const blocked = obstacle(target, outcome);
  const comparison = blocked ? null : comparisonFor(target, options.tolerance);
  const figure = outcomeFigure(outcome);
  if (!comparison || !figure) {
    // No figure to compare: a sentence saying whether the target was reached decides.
    if (outcome.stated) {
      return { verdict: outcome.stated, reason: { code: "stated", sentence: outcome.text }, ratio: null, gap: null };
    }
    return { verdict: "needs_review", reason: blocked ?? { code: "no_target_figure" }, ratio: null, gap: null };
  }

  const [low, high] = figure;
  const inTargetUnit = (value: number) => convertValue(value, outcome.unit, target.unit) ?? value;
  const lowHolds = holds(inTargetUnit(low), comparison);
  const highHolds = holds(inTargetUnit(high), comparison);
  // Stated in the outcome's own unit, as the review wrote it.
  const actualFigure: TActualFigure = { low, high, unit: outcome.unit };
  // A range outcome decides only when all of it falls on one side of the target.
  if (lowHolds !== highHolds) {
    const reason: TJudgeReason = { code: "straddles_target", actual: actualFigure, target: comparison.bound };
    return { verdict: "needs_review", reason, ratio: null, gap: null };
  }

  const met = lowHolds;
  const stated = outcome.stated;
  // The review's words, where they say otherwise than its figure.
  const reported = stated && (stated === "met") !== met ? { reported: stated } : {};
  const actual = (inTargetUnit(low) + inTargetUnit(high)) / 2;
  const ratio = comparison.nominal === 0 ? null : actual / comparison.nominal;
  return {
    verdict: met ? "met" : "missed",
    reason: {
      code: comparedCode(comparison.direction, met),
      actual: actualFigure,
      target: comparison.bound,
      ...reported,
    },
    ratio: ratio !== null && Number.isFinite(ratio) ? ratio : null,
    gap: gapOf(target, outcome),
  };
}

export interface ManualLinkOptions extends JudgeOptions {
  /** The verdict the analyst set with the link, if any: it wins over the engine's check. */
  verdict?: TVerdict | null;
}

export interface ManualLinkJudgement extends Judgement {
  /** What the engine's check alone gives (equal to `verdict` unless the analyst set one). */
  checked: TVerdict;
}

/**
 * A target linked by hand to an outcome, checked like an engine match (verdicts.md "Manual edits always win"): judged
 * as `judge` does, so incompatible units or measures give `needs_review` with the reason shown — unless the analyst
 * also set the verdict, which then stands (the engine's reason is kept, for display). Pure: the DB layer calls it.
 */
export function judgeManualLink(target: TTarget, outcome: TOutcome, options: ManualLinkOptions): ManualLinkJudgement {
  let judged = judge(target, outcome, options);
  // The engine would never pair indicators this far apart (a steel target with the grain harvest, both in tonnes):
  // a person confirms such a link by setting the verdict.
  const unrelated =
    target.measure !== "qualitative" && indicatorSimilarity(target.indicator, outcome.indicator) < MIN_SIMILARITY;
  if (unrelated && (judged.verdict === "met" || judged.verdict === "missed")) {
    judged = {
      ...judged,
      verdict: "needs_review",
      reason: { code: "unrelated_link", outcomeIndicator: outcome.indicator, targetIndicator: target.indicator },
    };
  }
  const verdict = options.verdict ?? judged.verdict;
  return { ...judged, verdict, checked: judged.verdict };
}
