/**
 * The page of one target (`/t/{id}`), the permalink a reader cites: the target and its sentence, the outcome, the
 * verdict and its reasons, every source with its public address and date, the audit trail, and the superior
 * government's target for the same indicator and year as context.
 */
import { z } from "zod";
import { ZEditRecord } from "./dashboard";
import { ZGap, ZMeasure, ZPolarity, ZQualifier, ZVerdict } from "./extraction";
import { ZFigure } from "./primitives";
import { ZReasons } from "./reasons";

/**
 * A target id as a path segment: the generated ids are letters, digits, `_` and `-`, so anything else names no
 * target (and never reaches the database).
 */
export const ZTargetPageId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

/** A stretch of a report's normalised text (`Report.text`), as offsets: `text.slice(start, end)`. */
export const ZTextSpan = z
  .object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
  .refine((span) => span.end >= span.start, "a span ends after it starts");
export type TTextSpan = z.infer<typeof ZTextSpan>;

/**
 * A sentence of a report as the page quotes it: the sentence, the clause inside it the reader took (the target's or
 * the outcome's `text`), and the figure inside the clause where it is written in digits. All offsets index into the
 * report's stored text, so that `text.slice(sentence.start, sentence.end)` is the quote.
 */
export const ZQuote = z.object({
  reportId: z.string(),
  /** The quoted sentence itself (the slice of the report's text at `sentence`). */
  text: z.string(),
  sentence: ZTextSpan,
  clause: ZTextSpan,
  figure: ZTextSpan.nullable(),
});
export type TQuote = z.infer<typeof ZQuote>;

/**
 * Where a statement comes from: the plan that set the target, the review that reported the outcome, another review
 * source stating the same figure, or an analyst's hand-entered outcome (`manual`, with its own source text).
 */
export const ZSourceRole = z.enum(["plan", "review", "other_source", "manual"]);
export type TSourceRole = z.infer<typeof ZSourceRole>;

export const ZTargetSource = z.object({
  role: ZSourceRole,
  reportId: z.string().nullable(),
  /** The document's title (a corpus row's `title`), else the imported file's name, else the analyst's source. */
  title: z.string(),
  /** The public address of the document (`Document.sourceUrl`), where known. */
  url: z.string().nullable(),
  /** The date the document was published (`publish_date` of a corpus row), ISO `YYYY-MM-DD`, where known. */
  publishDate: z.iso.date().nullable(),
  /** When it was imported into Luoshi (ISO date-time), shown when the publish date is unknown; null for `manual`. */
  importedAt: z.iso.datetime().nullable(),
  /** For a review source: the figure's sentence, and whether it agrees with the matched figure within rounding. */
  figureText: z.string().nullable(),
  agrees: z.boolean().nullable(),
});
export type TTargetSource = z.infer<typeof ZTargetSource>;

const ZFigures = {
  qualifier: ZQualifier,
  value: ZFigure.nullable(),
  min: ZFigure.nullable(),
  max: ZFigure.nullable(),
  unit: z.string().nullable(),
};

/** The superior government's target (Jurisdiction.parentCode) for the same indicator, measure and year. */
export const ZSuperiorTarget = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  indicator: z.string(),
  measure: ZMeasure,
  ...ZFigures,
  text: z.string(),
  verdict: ZVerdict.nullable(),
});
export type TSuperiorTarget = z.infer<typeof ZSuperiorTarget>;

export const ZTargetPage = z.object({
  id: z.string(),
  jurisdiction: z.object({ code: z.string(), name: z.string(), level: z.string() }),
  year: z.number().int(),
  target: z.object({
    indicator: z.string(),
    measure: ZMeasure,
    ...ZFigures,
    polarity: ZPolarity,
    headline: z.boolean(),
    wording: z.string().nullable(),
    stretch: ZFigure.nullable(),
    text: z.string(),
  }),
  quote: ZQuote,
  outcome: z
    .object({
      id: z.string(),
      year: z.number().int(),
      value: ZFigure.nullable(),
      unit: z.string().nullable(),
      estimated: z.boolean(),
      manual: z.boolean(),
      text: z.string(),
      /** The outcome's sentence in its report; null for a hand-entered outcome. */
      quote: ZQuote.nullable(),
    })
    .nullable(),
  /** The judgement; `pending` while no report reviews the year, `no_outcome` when the review states none. */
  verdict: ZVerdict,
  /** The reasons in words, in the request's locale; `reasons` are their codes. */
  reason: z.string(),
  reasons: ZReasons,
  gap: ZGap.nullable(),
  manual: z.boolean(),
  notATarget: z.boolean(),
  /** Every source: the plan first, then the review, then other sources of the same figure. */
  sources: z.array(ZTargetSource).min(1),
  /** The match's edits, newest first; reverted ones carry `revertedAt`. */
  edits: z.array(ZEditRecord),
  superior: ZSuperiorTarget.nullable(),
});
export type TTargetPage = z.infer<typeof ZTargetPage>;
