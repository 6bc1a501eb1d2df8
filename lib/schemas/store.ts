/**
 * Shapes of the HTTP API (product.md, "Interfaces") and of the edits an analyst makes (verdicts.md, "Manual edits
 * always win"). Other tools rely on these keys: add keys, never rename them.
 */
import { z } from "zod";
import { ZGap, ZMeasure, ZPolarity, ZQualifier, ZSection, ZVerdict } from "./extraction";
import { ZDerived, ZFigure, ZId, ZText } from "./primitives";
import { ZReasons, ZStoredReasons } from "./reasons";

export const ZCode = z.string().regex(/^\d{6}$/, "a 6-digit GB/T 2260 code");
export const ZYear = z.coerce.number().int().min(1949).max(2100);
/** GB/T 2260 levels, and the State Council above them (`Jurisdiction.level`). */
export const ZJurisdictionLevel = z.enum(["national", "province", "city", "county"]);
export type TJurisdictionLevel = z.infer<typeof ZJurisdictionLevel>;

/** `GET /api/jurisdictions`'s parameters; like every API query, an unknown parameter answers 400. */
export const ZJurisdictionListQuery = z
  .object({
    q: ZText.trim().max(60).optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(1000).default(200),
  })
  .strict();
export type TJurisdictionListQuery = z.infer<typeof ZJurisdictionListQuery>;

export const ZJurisdictionList = z.object({
  items: z.array(z.object({ code: z.string(), name: z.string(), years: z.array(z.number().int()) })),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TJurisdictionList = z.infer<typeof ZJurisdictionList>;

export const ZStoredOutcome = z.object({
  id: z.string(),
  indicator: z.string(),
  measure: ZMeasure,
  value: ZFigure.nullable(),
  unit: z.string().nullable(),
  text: z.string(),
  estimated: z.boolean(),
  reportId: z.string().nullable(),
  manual: z.boolean(),
  source: z.string().nullable(),
});
export type TStoredOutcome = z.infer<typeof ZStoredOutcome>;

/**
 * A figure another review source gives for the same thing (verdicts.md "Pairing reports": the next year's report, a
 * news article, a bulletin), kept and shown with its source. `agrees`: equal to the figure it is shown beside within
 * rounding; when not, the item is a `source_conflict` in the review queue.
 */
export const ZSourceFigure = z.object({
  outcomeId: z.string(),
  reportId: z.string().nullable(),
  /** work_report | review_source | manual */
  kind: z.string(),
  /** The imported file (or the analyst's source) it comes from. */
  source: z.string().nullable(),
  url: z.string().nullable(),
  indicator: z.string(),
  value: ZFigure.nullable(),
  unit: z.string().nullable(),
  text: z.string(),
  estimated: z.boolean(),
  agrees: z.boolean(),
});
export type TSourceFigure = z.infer<typeof ZSourceFigure>;

/** Two sources that state one figure differently for a jurisdiction and year: the main review's and another's. */
export const ZSourceConflict = z.object({
  indicator: z.string(),
  measure: ZMeasure,
  main: ZSourceFigure,
  other: ZSourceFigure,
  /** The target whose match uses the main figure, if any. */
  targetId: z.string().nullable(),
});
export type TSourceConflict = z.infer<typeof ZSourceConflict>;

export const ZStoredMatch = z.object({
  outcome: ZStoredOutcome.nullable(),
  verdict: ZVerdict,
  confidence: z.number(),
  /** The reasons in words, in the request's locale. */
  reason: z.string(),
  /** The reasons as codes with their figures (lib/schemas/reasons.ts), `reason` is their text. */
  reasons: ZReasons,
  ratio: ZDerived.nullable(),
  manual: z.boolean(),
  notATarget: z.boolean(),
  flagged: z.boolean(),
  version: z.number().int(),
  /** The gap in the target's own terms (verdicts.md), positive = better than the target; null when not judged on a figure. */
  gap: ZGap.nullable().optional(),
  /** Figures other review sources give for the matched outcome, each with its source (verdicts.md "Pairing reports"). */
  sources: z.array(ZSourceFigure).optional(),
  /** Another source states the matched figure differently (beyond rounding): a `source_conflict` in the review queue. */
  sourceConflict: z.boolean().optional(),
});
export type TStoredMatch = z.infer<typeof ZStoredMatch>;

/** What every view of a target shows: what is measured and the figure the plan set. */
export const ZTargetCore = z.object({
  id: z.string(),
  indicator: z.string(),
  measure: ZMeasure,
  qualifier: ZQualifier,
  value: ZFigure.nullable(),
  min: ZFigure.nullable(),
  max: ZFigure.nullable(),
  unit: z.string().nullable(),
  text: z.string(),
});
export type TTargetCore = z.infer<typeof ZTargetCore>;

export const ZStoredTarget = ZTargetCore.extend({
  category: z.string(),
  polarity: ZPolarity,
  headline: z.boolean(),
  reportId: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  match: ZStoredMatch.nullable(),
});
export type TStoredTarget = z.infer<typeof ZStoredTarget>;

export const ZVerdictSummary = z.object({
  total: z.number().int(),
  met: z.number().int(),
  missed: z.number().int(),
  no_outcome: z.number().int(),
  needs_review: z.number().int(),
  /** No report reviewing the year is imported yet: not a failure, kept apart from `no_outcome`. */
  pending: z.number().int(),
});
export type TVerdictSummary = z.infer<typeof ZVerdictSummary>;

/** First and last year of a multi-year review's period. */
export const ZPeriod = z.tuple([z.number().int(), z.number().int()]);

/**
 * A multi-year review's figure of a period that includes the year (`累计`, `年均增长7.1%`): shown beside the year's
 * targets as context, never matched to one (verdicts.md "Periods are not years").
 */
export const ZPeriodFigure = ZStoredOutcome.omit({ manual: true, source: true }).extend({
  period: ZPeriod,
  start: z.number().int().nullable(),
  end: z.number().int().nullable(),
});
export type TPeriodFigure = z.infer<typeof ZPeriodFigure>;

export const ZScorecardYear = z.object({
  code: z.string(),
  name: z.string(),
  year: z.number().int(),
  plan: z.object({ reportId: z.string() }).nullable(),
  review: z.object({ reportId: z.string() }).nullable(),
  summary: ZVerdictSummary,
  targets: z.array(ZStoredTarget),
  /** Every report reviewing the year (the main review first, then other sources). */
  reviews: z.array(z.object({ reportId: z.string(), kind: z.string(), source: z.string() })).optional(),
  /** Where two review sources state a figure of the year differently (also for a year that has no plan). */
  sourceConflicts: z.array(ZSourceConflict).optional(),
  /** The period figures of multi-year reviews whose period includes the year, in report order. */
  periodFigures: z.array(ZPeriodFigure).optional(),
});
export type TScorecardYear = z.infer<typeof ZScorecardYear>;

/**
 * Why a file or a document was not imported, as a code (the reader's ReadError codes; `missing_identity`: its
 * jurisdiction or year is unknown, `missing` says which; `replace_refused`: an analyst edited the report it would
 * replace; `fetch_failed`: a web address could not be fetched) with its parameters, for the interface to say in its words. `error` says it in English, for the CLI and
 * scripts. A failure reported without a code is shown by its `error`.
 */
export const ZImportFailureCode = z.enum([
  "missing",
  "directory",
  "empty",
  "binary",
  "too_large",
  "undecodable",
  "bad_line",
  "bad_table",
  "not_a_report",
  "no_text_layer",
  "encrypted",
  "damaged",
  "legacy_format",
  "needs_async",
  "timeout",
  "missing_identity",
  "replace_refused",
  /** A web address could not be fetched; `params.reason` is lib/net's FetchErrorCode (`private_address`…). */
  "fetch_failed",
]);
export type TImportFailureCode = z.infer<typeof ZImportFailureCode>;

export const ZImportFailure = z.object({
  file: z.string(),
  error: z.string(),
  code: ZImportFailureCode.optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  missing: z.array(z.enum(["jurisdiction", "year"])).optional(),
});
export type TImportFailure = z.infer<typeof ZImportFailure>;

export const ZImportResult = z.object({
  documents: z.array(
    z.object({
      id: z.string(),
      file: z.string(),
      created: z.boolean(),
      reports: z.array(z.object({ id: z.string(), code: z.string(), year: z.number().int(), kind: z.string() })),
      /**
       * For a document already stored (`created` false) that an older reader read: that reader, and whether the
       * current reader reads its targets or figures differently (`luoshi reread` would change them).
       */
      stale: z.object({ readerVersion: z.string(), rereadChanges: z.boolean() }).optional(),
    }),
  ),
  /**
   * What could not be imported, and why. `missing` is set when the reader could not tell a document's jurisdiction
   * or year and the request did not give them: nothing of that document was written; give them and import again.
   */
  failed: z.array(ZImportFailure),
  /**
   * Reports mostly the same as a stored report of their jurisdiction and year (lib/db/duplicates.ts), and what became
   * of them: `skipped` (nothing of the document written; import again choosing `replace` or `keep`), `replaced` (the
   * stored report deleted, this one stored), `kept` (stored beside it as a review source).
   */
  duplicates: z
    .array(
      z.object({
        file: z.string(),
        code: z.string(),
        year: z.number().int(),
        overlap: z.number().min(0).max(1),
        existing: z.object({ reportId: z.string(), file: z.string() }),
        resolution: z.enum(["skipped", "replaced", "kept"]),
      }),
    )
    .default([]),
});
export type TImportResult = z.infer<typeof ZImportResult>;

/**
 * The fields of a match an edit can change, as the audit record's `before` and `after` store them (lib/db/edits.ts):
 * read back through this schema, never cast.
 */
export const ZMatchState = z.object({
  outcomeId: z.string().nullable(),
  verdict: ZVerdict,
  /** The reasons as codes; an edit recorded before reasons were codes holds the sentence, read as `legacy_text`. */
  reason: ZStoredReasons,
  confidence: z.number(),
  ratio: z.number().nullable(),
  manual: z.boolean(),
  notATarget: z.boolean(),
  flagged: z.boolean(),
});
export type TMatchState = z.infer<typeof ZMatchState>;

/** Import through JSON: pasted text, with optional overrides of the detected jurisdiction and year. */
/**
 * What to do with a report mostly the same as a stored report of its jurisdiction and year (lib/db/duplicates.ts):
 * skip it (the default), replace the stored one, or keep both, the new one as a review source.
 */
export const ZDuplicateChoice = z.enum(["skip", "replace", "keep"]);
export type TDuplicateChoice = z.infer<typeof ZDuplicateChoice>;

export const ZImportJson = z.object({
  filename: ZText.trim().min(1).max(255).default("pasted.txt"),
  text: z.string().min(1, "the text is empty"),
  jurisdiction: ZCode.optional(),
  year: ZYear.optional(),
  onDuplicate: ZDuplicateChoice.optional(),
});

export const ZManualOutcome = z.object({
  value: ZFigure,
  unit: ZText.trim().min(1).max(20),
  text: ZText.trim().min(1).max(2000),
  source: ZText.trim().min(1).max(500),
});
export type TManualOutcome = z.infer<typeof ZManualOutcome>;

/** The keys that choose an action in the edits before `action` named it: each belongs to its actions only. */
const ACTION_KEYS = ["outcomeId", "manualOutcome", "verdict", "notATarget", "accept", "undo"] as const;

/**
 * One action's edit: the match version it saw (a stale edit is refused), why, and the action's own fields. Another
 * action's field is refused rather than ignored; keys no action uses (a client's `editor`) are dropped.
 */
const editOf = <A extends string, S extends z.ZodRawShape>(action: A, shape: S) => {
  const foreign = Object.fromEntries(
    ACTION_KEYS.filter((key) => !(key in shape)).map((key) => [
      key,
      z.never({ error: `${key} does not belong to the ${action} action` }).optional(),
    ]),
  );
  return z.object({
    ...foreign,
    action: z.literal(action),
    version: z.number().int().positive().max(2_147_483_647),
    note: ZText.trim().min(1, "a short note is required").max(1000),
    ...shape,
  });
};

/**
 * One edit of a target's match, by `action`: link another outcome, unlink, enter an outcome by hand (each optionally
 * setting the verdict too), set the verdict, mark as not a target (or back), accept as it stands, or undo the last
 * edit.
 */
export const ZMatchEdit = z.discriminatedUnion("action", [
  editOf("link", { outcomeId: ZId, verdict: ZVerdict.optional() }),
  editOf("unlink", { verdict: ZVerdict.optional() }),
  editOf("manual_outcome", { manualOutcome: ZManualOutcome, verdict: ZVerdict.optional() }),
  editOf("set_verdict", { verdict: ZVerdict }),
  editOf("not_a_target", { notATarget: z.boolean() }),
  editOf("accept", {}),
  editOf("undo", {}),
]);
export type TMatchEdit = z.infer<typeof ZMatchEdit>;
export type TEditAction = TMatchEdit["action"];

export const ZExportQuery = z
  .object({
    code: ZCode.optional(),
    year: ZYear.optional(),
    format: z.enum(["csv", "xlsx", "json"]).default("csv"),
  })
  .strict();

export const ZReportDetail = z.object({
  id: z.string(),
  kind: z.string(),
  code: z.string(),
  jurisdiction: z.string(),
  year: z.number().int(),
  planYear: z.number().int().nullable(),
  reviewYear: z.number().int().nullable(),
  confidence: z.number(),
  identityOverridden: z.boolean(),
  document: z.object({
    id: z.string(),
    source: z.string(),
    url: z.string().nullable(),
    encoding: z.string(),
    importedAt: z.string(),
  }),
  sections: z.array(ZSection),
  text: z.string(),
  targets: z.array(
    ZTargetCore.extend({
      headline: z.boolean(),
      start: z.number().int(),
      end: z.number().int(),
      verdict: ZVerdict.nullable(),
      outcomeId: z.string().nullable(),
    }),
  ),
  outcomes: z.array(
    z.object({
      id: z.string(),
      indicator: z.string(),
      measure: ZMeasure,
      value: ZFigure.nullable(),
      unit: z.string().nullable(),
      estimated: z.boolean(),
      /** The year reported on; for a period figure, the period's last year. */
      year: z.number().int(),
      /** A multi-year review's figure of a period: its first and last years (never matched to a year's target). */
      period: ZPeriod.optional(),
      text: z.string(),
      start: z.number().int().nullable(),
      end: z.number().int().nullable(),
    }),
  ),
});
export type TReportDetail = z.infer<typeof ZReportDetail>;
