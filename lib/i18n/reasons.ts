/**
 * Reasons (lib/schemas/reasons.ts) in words: each code has its template in the locale's dictionary (`reason`), its
 * numbers and units filled in here. Rendered with zh-CN, the text is exactly what the CLI prints (extraction.md).
 */
import type { TActualFigure, TJudgeReason, TReason, TTargetBound } from "@/lib/schemas/reasons";
import { format, type Locale, messages } from "./index";
import { indicatorLabel } from "./indicators";
import { formatExact } from "./numbers";
import { englishQuantity, englishRange, englishUnitName } from "./quantities";

type Words = ReturnType<typeof messages>["reason"];

/** A figure of a reason: every significant digit, the unit as written in Chinese, in English words in English. */
function quantity(value: number, unit: string | null, locale: Locale): string {
  if (locale === "en") return englishQuantity(value, unit, "exact");
  return `${formatExact(value, locale)}${unit ?? ""}`;
}

function unitName(unit: string | null, words: Words, locale: Locale): string {
  if (unit === null) return words.noUnit;
  return locale === "en" ? englishUnitName(unit) : unit;
}

function actualText(actual: TActualFigure, words: Words, locale: Locale): string {
  if (actual.low === actual.high) return quantity(actual.low, actual.unit, locale);
  if (locale === "en") return format(words.actualRange, englishRange(actual.low, actual.high, actual.unit, "exact"));
  return format(words.actualRange, {
    low: formatExact(actual.low, locale),
    high: quantity(actual.high, actual.unit, locale),
  });
}

function targetText(target: TTargetBound, words: Words, locale: Locale): string {
  const template = { value: words.targetValue, floor: words.targetFloor, cap: words.targetCap }[target.bound];
  const text = format(template, { value: quantity(target.value, target.unit, locale) });
  if (!target.tolerance) return text;
  const { value, relative } = target.tolerance;
  const tolerance = relative ? `${formatExact(value * 100, locale)}%` : formatExact(value, locale);
  return format(words.withTolerance, { target: text, tolerance });
}

function judgeText(reason: TJudgeReason, words: Words, locale: Locale): string {
  switch (reason.code) {
    case "at_or_above_target":
    case "below_target":
    case "at_or_below_target":
    case "above_target": {
      const reported =
        reason.reported === "met" ? words.reportedMet : reason.reported === "missed" ? words.reportedMissed : "";
      return format(words[reason.code], {
        actual: actualText(reason.actual, words, locale),
        target: targetText(reason.target, words, locale),
        reported,
      });
    }
    case "straddles_target":
      return format(words.straddles_target, {
        actual: actualText(reason.actual, words, locale),
        target: targetText(reason.target, words, locale),
      });
    case "stated":
      return format(words.stated, { sentence: reason.sentence });
    case "measure_mismatch":
      return format(words.measure_mismatch, {
        target: words.measures[reason.target],
        actual: words.measures[reason.actual],
      });
    case "unit_mismatch":
      return format(words.unit_mismatch, {
        target: unitName(reason.target, words, locale),
        actual: unitName(reason.actual, words, locale),
      });
    case "unrelated_link":
      return format(words.unrelated_link, {
        outcome: indicatorLabel(reason.outcomeIndicator, locale),
        target: indicatorLabel(reason.targetIndicator, locale),
      });
    case "no_outcome":
    case "qualitative_unstated":
    case "no_target_figure":
    case "qualitative":
    case "no_polarity":
    case "no_outcome_figure":
      return words[reason.code];
  }
}

/** One reason in the locale's words. */
export function renderReason(reason: TReason, locale: Locale): string {
  const words = messages(locale).reason;
  switch (reason.code) {
    case "no_review":
      return words.no_review;
    case "period_only": {
      const spans = reason.periods.map(([first, last]) => format(words.period, { first, last }));
      return format(words.period_only, { periods: spans.join(words.listSeparator), year: reason.year });
    }
    case "manual_note":
      return format(words.manual_note, { note: reason.note });
    case "manual_verdict":
    case "manual_link":
      return format(words[reason.code], { note: reason.note, checked: judgeText(reason.checked, words, locale) });
    case "legacy_text":
      return reason.text;
    default:
      return judgeText(reason, words, locale);
  }
}

/** A match's reasons as one text, in the order given. */
export function renderReasons(reasons: readonly TReason[], locale: Locale): string {
  return reasons.map((reason) => renderReason(reason, locale)).join(messages(locale).reason.separator);
}
