/**
 * Why a match has its verdict, as codes with parameters: the matcher and the edits say what happened, the locale's
 * dictionary says it in words (lib/i18n/reasons.ts). Numbers stay numbers and units stay data, so a reason reads the
 * same in every language and the CLI's Chinese text is rendered from it. A match holds a list: a compound reason (a
 * qualitative target whose review gives only period figures) is several entries.
 *
 * Stored as JSON in `Match.reason` and in an edit's `before`/`after`: codes may be added, never renamed.
 */
import { z } from "zod";
import { ZMeasure } from "./extraction";

const reason = <C extends string, S extends z.ZodRawShape>(code: C, shape: S) =>
  z.object({ code: z.literal(code), ...shape });

/** The outcome's figure in its own unit: one number (`low` = `high`) or a range (`增长6%-6.5%`). */
export const ZActualFigure = z.object({ low: z.number(), high: z.number(), unit: z.string().nullable() });
export type TActualFigure = z.infer<typeof ZActualFigure>;

/**
 * The number of the target a figure was compared with: its value, or the bound of a range that decides (`floor` for a
 * higher-better target, `cap` for a lower-better one). `tolerance`: the slack granted to an `about` target, in
 * percentage points or, when `relative`, as a share of the target.
 */
export const ZTargetBound = z.object({
  bound: z.enum(["value", "floor", "cap"]),
  value: z.number(),
  unit: z.string().nullable(),
  tolerance: z.object({ value: z.number(), relative: z.boolean() }).optional(),
});
export type TTargetBound = z.infer<typeof ZTargetBound>;

/** A figure compared with the target; `reported`: what the review says in words, where that disagrees. */
const compared = {
  actual: ZActualFigure,
  target: ZTargetBound,
  reported: z.enum(["met", "missed"]).optional(),
};

/** What `judge` (lib/engine/match/verdict.ts) gives: one of these for every target it judges. */
const JUDGE_REASONS = [
  /** Met a floor: actual ≥ target. */
  reason("at_or_above_target", compared),
  /** Missed a floor: actual < target. */
  reason("below_target", compared),
  /** Met a cap: actual ≤ target. */
  reason("at_or_below_target", compared),
  /** Missed a cap: actual > target. */
  reason("above_target", compared),
  /** A range outcome with the target inside it: neither met nor missed. */
  reason("straddles_target", { actual: ZActualFigure, target: ZTargetBound }),
  /** No figure to compare; the review's sentence says whether it was done. */
  reason("stated", { sentence: z.string() }),
  /** The review states nothing for the target. */
  reason("no_outcome", {}),
  /** A qualitative target the review does not say in words was done or not. */
  reason("qualitative_unstated", {}),
  /** The target has no number to compare with. */
  reason("no_target_figure", {}),
  /** A qualitative target matched to an outcome: a person judges it. */
  reason("qualitative", {}),
  /** The indicator is neither better higher nor lower. */
  reason("no_polarity", {}),
  /** The matched outcome states no figure. */
  reason("no_outcome_figure", {}),
  /** Target and outcome measure different things (a growth rate against a level). */
  reason("measure_mismatch", { target: ZMeasure, actual: ZMeasure }),
  /** Units that cannot be converted into each other; null is a figure without unit. */
  reason("unit_mismatch", { target: z.string().nullable(), actual: z.string().nullable() }),
  /** A hand link between indicators the engine would never pair: the verdict waits for a person. */
  reason("unrelated_link", { outcomeIndicator: z.string(), targetIndicator: z.string() }),
] as const;

export const ZJudgeReason = z.discriminatedUnion("code", JUDGE_REASONS);
export type TJudgeReason = z.infer<typeof ZJudgeReason>;

export const ZReason = z.discriminatedUnion("code", [
  ...JUDGE_REASONS,
  /** No report reviewing the plan year is imported yet (`pending`). */
  reason("no_review", {}),
  /** The reviews of the year state only figures of multi-year periods (`periods`, first and last years). */
  reason("period_only", { year: z.number().int(), periods: z.array(z.tuple([z.number().int(), z.number().int()])) }),
  /** An analyst's decision, with their note. */
  reason("manual_note", { note: z.string() }),
  /** An analyst set the verdict with a link; `checked` is what the engine's own check of the link gave. */
  reason("manual_verdict", { note: z.string(), checked: ZJudgeReason }),
  /** An analyst linked an outcome; the verdict is the engine's check of it (`checked`). */
  reason("manual_link", { note: z.string(), checked: ZJudgeReason }),
  /** A reason stored as text before reasons were codes (the migration that made them codes keeps it as it was). */
  reason("legacy_text", { text: z.string() }),
]);
export type TReason = z.infer<typeof ZReason>;
export type TReasonCode = TReason["code"];

export const ZReasons = z.array(ZReason);

/** A reason stored as a sentence (an edit's `before`/`after` written before reasons were codes), as a reason. */
export const legacyReasons = (text: string): TReason[] => [{ code: "legacy_text", text }];

/** Reasons as stored, accepting the sentences of edits recorded before reasons were codes. */
export const ZStoredReasons = z.union([z.string().transform(legacyReasons), ZReasons]);
