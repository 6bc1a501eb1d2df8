/**
 * The reader's and matcher's data shapes: the JSON contract of `extraction.md` (§2–§4) and `verdicts.md`.
 * Keys here are a public contract (other tools read the CLI's JSON): add keys, never rename them.
 */
import { z } from "zod";
import { ZDerived, ZFigure } from "./primitives";

export const ZMeasure = z.enum(["growth", "level", "share", "qualitative"]);
export type TMeasure = z.infer<typeof ZMeasure>;

export const ZQualifier = z.enum(["about", "at_least", "at_most", "range", "exact", "none"]);
export type TQualifier = z.infer<typeof ZQualifier>;

export const ZPolarity = z.enum(["higher_better", "lower_better", "neutral"]);
export type TPolarity = z.infer<typeof ZPolarity>;

/**
 * `no_outcome`: the review exists and states nothing for the target; `pending`: the plan year has no review yet (no
 * next-year report, no review source imported), which is not a failure anywhere (verdicts.md "Verdict values").
 */
export const ZVerdict = z.enum(["met", "missed", "no_outcome", "needs_review", "pending"]);
export type TVerdict = z.infer<typeof ZVerdict>;

/** A commitment in a plan section for the plan year (extraction.md §2). */
export const ZTarget = z.object({
  indicator: z.string().min(1),
  measure: ZMeasure,
  qualifier: ZQualifier,
  value: ZFigure.nullable(),
  min: ZFigure.nullable(),
  max: ZFigure.nullable(),
  unit: z.string().nullable(),
  polarity: ZPolarity,
  headline: z.boolean(),
  /** The commitment words as written (`确保`, `力争`, `左右`, `控制在…以内`, `按…安排`); null when there are none. */
  wording: z.string().nullable().optional(),
  /** The aspiration of a compound target (`7%以上、力争8%` → 8), else null. */
  stretch: ZFigure.nullable().optional(),
  /** Clause as evidence, in the report's normalised text. */
  text: z.string().min(1),
  /** Offsets of `text` in the report's normalised text. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type TTarget = z.infer<typeof ZTarget>;

/**
 * What a review section reports achieved for `year` (extraction.md §3). `stated` is set when the text says in words
 * whether a target was reached (`物价调控目标没有完成` → "missed"), which decides the verdict (verdicts.md).
 */
export const ZOutcome = z.object({
  indicator: z.string().min(1),
  measure: ZMeasure,
  value: ZFigure.nullable(),
  min: ZFigure.nullable().optional(),
  max: ZFigure.nullable().optional(),
  unit: z.string().nullable(),
  polarity: ZPolarity,
  estimated: z.boolean(),
  /** The year reported on; null for a figure of a multi-year period (then `period` is set). */
  year: z.number().int().nullable(),
  /** `[first, last]` year of a multi-year review's cumulative or average figure (extraction.md §3). */
  period: z.tuple([z.number().int(), z.number().int()]).nullable().optional(),
  stated: z.enum(["met", "missed"]).nullable().optional(),
  text: z.string().min(1),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type TOutcome = z.infer<typeof ZOutcome>;

export const ZSectionKind = z.enum(["review", "plan", "other"]);
export const ZSection = z.object({
  kind: ZSectionKind,
  title: z.string(),
  /** Offsets in the report's normalised text. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type TSection = z.infer<typeof ZSection>;

/** `work_report`: a 政府工作报告; `review_source`: another document that reviews a year (news, bulletin). */
export const ZReportKind = z.enum(["work_report", "review_source"]);

export const ZExtractedReport = z.object({
  kind: ZReportKind,
  /** Null when the text does not say whose report it is (import then asks the user to assign it). */
  jurisdiction: z.string().nullable(),
  code: z
    .string()
    .regex(/^\d{6}$/)
    .nullable(),
  /** The report's year; null when neither the text nor a hint tells it. */
  year: z.number().int().nullable(),
  /** How sure the identification of jurisdiction and year is, in [0, 1]. */
  confidence: z.number().min(0).max(1),
  reviewYear: z.number().int().nullable(),
  planYear: z.number().int().nullable(),
  sections: z.array(ZSection),
  targets: z.array(ZTarget),
  outcomes: z.array(ZOutcome),
});
export type TExtractedReport = z.infer<typeof ZExtractedReport>;

export const ZExtractedDocument = z.object({
  file: z.string(),
  encoding: z.string(),
  reports: z.array(ZExtractedReport),
});
export type TExtractedDocument = z.infer<typeof ZExtractedDocument>;

/** `npx luoshi extract --json` prints exactly this. */
export const ZExtractOutput = z.object({ documents: z.array(ZExtractedDocument) });
export type TExtractOutput = z.infer<typeof ZExtractOutput>;

/**
 * The gap between actual and target in the target's own terms (verdicts.md), oriented so that better than the target
 * reads positive: `个百分点` for targets in % (growth rates, shares, rates): actual − target, or target − actual for
 * `lower_better` ones (a CPI rise of 1.6% under a 3% cap is +1.4); `ratio` for `higher_better` levels: actual ÷ target
 * as is (1.79 = 79% above the target; above 1 is better). Against a range, the bound that decides the verdict. No
 * ratio for growth rates, shares or `lower_better` targets: a `lower_better` level in another unit has no gap (null).
 */
export const ZGap = z.object({
  value: ZDerived,
  unit: z.enum(["个百分点", "ratio"]),
});
export type TGap = z.infer<typeof ZGap>;

export const ZMatch = z.object({
  target: ZTarget,
  outcome: ZOutcome.nullable(),
  confidence: z.number().min(0).max(1),
  verdict: ZVerdict,
  reason: z.string(),
  /**
   * actual ÷ target where both are comparable numbers, unoriented (a met inflation cap reads 0.53). Superseded by
   * `gap` for display; kept because keys are never renamed.
   */
  ratio: ZDerived.nullable(),
  /** The gap in the target's own terms (verdicts.md); null when the match is not judged on a figure. */
  gap: ZGap.nullable().optional(),
});
export type TMatch = z.infer<typeof ZMatch>;

export const ZReportRef = z.object({ file: z.string(), report: z.number().int().nonnegative() });

export const ZPair = z.object({
  jurisdiction: z.string(),
  code: z.string(),
  year: z.number().int(),
  plan: ZReportRef,
  review: ZReportRef.nullable(),
  /** Further review sources of the same jurisdiction and year (news, bulletins). */
  reviewSources: z.array(ZReportRef).optional(),
  matches: z.array(ZMatch),
  /**
   * The reviews' outcomes for the year that no target took, then, as context, the period figures (`period` set) of
   * a multi-year review whose period includes the year: those are never matched to a year's target (verdicts.md).
   */
  unmatchedOutcomes: z.array(ZOutcome),
  /** Human-readable notes, e.g. two reports claiming the same jurisdiction and year. */
  conflicts: z.array(z.string()).optional(),
});
export type TPair = z.infer<typeof ZPair>;

/**
 * A report that was read but takes part in no pair because its jurisdiction or year is unknown (`code` or `year` is
 * null, extraction.md §1 item 4): pairing is by GB/T code and year, so it waits for a user to assign them (`luoshi
 * import --code/--year`). `missing` names what is unknown; `note` says so for a person.
 */
export const ZUnpairedReport = ZReportRef.extend({
  missing: z.array(z.enum(["jurisdiction", "year"])).min(1),
  note: z.string(),
});
export type TUnpairedReport = z.infer<typeof ZUnpairedReport>;

/**
 * `npx luoshi analyze --json` prints exactly this. `unpaired` (present only when not empty) lists the reports of
 * `documents` that no pair uses because their jurisdiction or year is unknown.
 */
export const ZAnalyzeOutput = ZExtractOutput.extend({
  pairs: z.array(ZPair),
  unpaired: z.array(ZUnpairedReport).optional(),
});
export type TAnalyzeOutput = z.infer<typeof ZAnalyzeOutput>;
