/**
 * How well one outcome fits one target, in [0, 1]: the product of indicator similarity, measure fit, unit fit and
 * closeness of the numbers; an outcome of several years never fits a year's target. Null means "never pair these".
 * The weight is the matcher's confidence.
 */
import { statedMeasure } from "@/lib/engine/indicators";
import type { TOutcome, TTarget } from "@/lib/schemas/extraction";
import { convertValue, unitRelation } from "./units";

/** Below this indicator similarity two names are different indicators. */
export const MIN_SIMILARITY = 0.5;
/** At or above this similarity the indicators "clearly agree": a pair with incompatible units is kept for review. */
const CLEAR_AGREEMENT = 0.8;

/** Measure fit when the review states the result in words only, or the target has no number. */
const WORDS_ONLY_FIT = 0.8;
/** Measure fit of a level against a share (`覆盖率63%` extracted either way). */
const LEVEL_SHARE_FIT = 0.85;
/** Unit fit of a specific counting word against the generic `个`. */
const LOOSE_UNIT_FIT = 0.9;
/** Unit fit of incompatible units on clearly agreeing indicators: kept, and judged `needs_review`. */
const UNIT_MISMATCH_FIT = 0.5;
/** How much the closeness of the numbers can lower a score: it separates 1168万 (the year) from 5771万 (five years). */
const CLOSENESS_SHARE = 0.1;
/**
 * Words of an outcome that speak of several years (`年均增长10.6%`, `五年城镇新增就业5771万人`): a review's summary of
 * a term, not of the year, even when the reader did not mark it as a period figure. Never matched to a year's target.
 */
const MULTI_YEAR_MARKERS = ["年均", "平均每年", "五年", "十年"];
/** `比2002年增长65.5%`: growth since a base year, several years before the one reviewed when it is not the last. */
const BASE_YEAR = /比(\d{4})年/;

function spansSeveralYears(outcome: TOutcome): boolean {
  // Pairing never offers a period figure (`period` set, `year` null) to a year's target; nor does the matcher.
  if (outcome.period || outcome.year === null) return true;
  if (MULTI_YEAR_MARKERS.some((marker) => outcome.text.includes(marker))) return true;
  const base = outcome.text.match(BASE_YEAR)?.[1];
  return base !== undefined && Number(base) < outcome.year - 1;
}

function hasFigure(outcome: TOutcome): boolean {
  return outcome.value !== null || (outcome.min != null && outcome.max != null);
}

function measureFit(target: TTarget, outcome: TOutcome): number {
  const wanted = statedMeasure(target);
  const given = statedMeasure(outcome);
  // A qualitative target is judged by the review's statement that it was (not) done: such a statement fits best.
  if (wanted === "qualitative") return outcome.stated ? 1 : WORDS_ONLY_FIT;
  if (given === "qualitative") return WORDS_ONLY_FIT;
  if (wanted === "growth" || given === "growth") return wanted === given ? 1 : 0;
  return wanted === given ? 1 : LEVEL_SHARE_FIT;
}

/** The target's own number: its value, or the middle of its range. */
function targetNumber(target: TTarget): number | null {
  if (target.value !== null) return target.value;
  if (target.min !== null && target.max !== null) return (target.min + target.max) / 2;
  return target.min ?? target.max;
}

/** 1 for equal numbers, falling slowly with their log-ratio; 1 when either side has no usable number. */
function closeness(target: TTarget, outcome: TOutcome): number {
  const wanted = targetNumber(target);
  const actual = outcome.value ?? outcome.min ?? outcome.max;
  if (wanted === null || actual == null) return 1;
  const converted = convertValue(actual, outcome.unit, target.unit);
  if (converted === null || converted <= 0 || wanted <= 0) return 1;
  return 1 - CLOSENESS_SHARE + CLOSENESS_SHARE / (1 + Math.abs(Math.log(converted / wanted)));
}

/** Score a target against an outcome, given the similarity of their indicators (computed once per name pair). */
export function scorePair(target: TTarget, outcome: TOutcome, similarity: number): number | null {
  if (similarity < MIN_SIMILARITY) return null;
  const measure = measureFit(target, outcome);
  if (measure === 0) return null;
  // verdicts.md "Periods are not years": a figure of several years never stands for one of them.
  if (spansSeveralYears(outcome)) return null;
  const base = similarity * measure;
  const comparesNumbers = target.measure !== "qualitative" && hasFigure(outcome);
  if (!comparesNumbers) return base;
  const relation = unitRelation(target.unit, outcome.unit);
  if (relation === "incompatible") {
    // Kept for review only when indicator and measure clearly agree and the units alone differ.
    if (similarity < CLEAR_AGREEMENT || measure < 1) return null;
    return base * UNIT_MISMATCH_FIT;
  }
  const unit = relation === "loose" ? LOOSE_UNIT_FIT : 1;
  return base * unit * closeness(target, outcome);
}
