/**
 * Shapes of the HTTP API (product.md, "Interfaces") and of the edits an analyst makes (verdicts.md, "Manual edits
 * always win"). Other tools rely on these keys: add keys, never rename them.
 */
import { z } from "zod";
import { ZMeasure, ZPolarity, ZQualifier, ZSection, ZVerdict } from "./extraction";

export const ZCode = z.string().regex(/^\d{6}$/, "a 6-digit GB/T 2260 code");
export const ZYear = z.coerce.number().int().min(1949).max(2100);

export const ZJurisdictionListQuery = z.object({
  q: z.string().trim().max(60).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(1000).default(200),
});
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
  value: z.number().nullable(),
  unit: z.string().nullable(),
  text: z.string(),
  estimated: z.boolean(),
  reportId: z.string().nullable(),
  manual: z.boolean(),
  source: z.string().nullable(),
});
export type TStoredOutcome = z.infer<typeof ZStoredOutcome>;

export const ZStoredMatch = z.object({
  outcome: ZStoredOutcome.nullable(),
  verdict: ZVerdict,
  confidence: z.number(),
  reason: z.string(),
  ratio: z.number().nullable(),
  manual: z.boolean(),
  notATarget: z.boolean(),
  flagged: z.boolean(),
  version: z.number().int(),
});
export type TStoredMatch = z.infer<typeof ZStoredMatch>;

/** What every view of a target shows: what is measured and the figure the plan set. */
export const ZTargetCore = z.object({
  id: z.string(),
  indicator: z.string(),
  measure: ZMeasure,
  qualifier: ZQualifier,
  value: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
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
});
export type TVerdictSummary = z.infer<typeof ZVerdictSummary>;

export const ZScorecardYear = z.object({
  code: z.string(),
  name: z.string(),
  year: z.number().int(),
  plan: z.object({ reportId: z.string() }).nullable(),
  review: z.object({ reportId: z.string() }).nullable(),
  summary: ZVerdictSummary,
  targets: z.array(ZStoredTarget),
});
export type TScorecardYear = z.infer<typeof ZScorecardYear>;

export const ZImportResult = z.object({
  documents: z.array(
    z.object({
      id: z.string(),
      file: z.string(),
      created: z.boolean(),
      reports: z.array(z.object({ id: z.string(), code: z.string(), year: z.number().int(), kind: z.string() })),
    }),
  ),
  /**
   * What could not be imported, and why. `missing` is set when the reader could not tell a document's jurisdiction
   * or year and the request did not give them: nothing of that document was written; give them and import again.
   */
  failed: z.array(
    z.object({
      file: z.string(),
      error: z.string(),
      missing: z.array(z.enum(["jurisdiction", "year"])).optional(),
    }),
  ),
});
export type TImportResult = z.infer<typeof ZImportResult>;

/** Import through JSON: pasted text, with optional overrides of the detected jurisdiction and year. */
export const ZImportJson = z.object({
  filename: z.string().trim().min(1).max(255).default("pasted.txt"),
  text: z.string().min(1, "the text is empty"),
  jurisdiction: ZCode.optional(),
  year: ZYear.optional(),
});

export const ZManualOutcome = z.object({
  value: z.number().finite(),
  unit: z.string().trim().min(1).max(20),
  text: z.string().trim().min(1).max(2000),
  source: z.string().trim().min(1).max(500),
});

/**
 * One edit of a target's match. Exactly one action: link another outcome (`outcomeId`), unlink (`outcomeId: null`),
 * enter an outcome by hand, set the verdict, mark as not a target (or back), accept as it stands, or undo the last edit.
 */
export const ZMatchEdit = z
  .object({
    version: z.number().int().positive(),
    note: z.string().trim().min(1, "a short note is required").max(1000),
    outcomeId: z.string().min(1).nullable().optional(),
    manualOutcome: ZManualOutcome.optional(),
    verdict: ZVerdict.optional(),
    notATarget: z.boolean().optional(),
    accept: z.literal(true).optional(),
    undo: z.literal(true).optional(),
  })
  .refine(
    (edit) =>
      [edit.outcomeId !== undefined, edit.manualOutcome, edit.notATarget !== undefined, edit.accept, edit.undo].filter(
        Boolean,
      ).length <= 1 && !(edit.undo && edit.verdict),
    { message: "give one action: outcomeId, manualOutcome, verdict, notATarget, accept or undo" },
  )
  .refine(
    (edit) =>
      edit.outcomeId !== undefined ||
      edit.manualOutcome ||
      edit.verdict ||
      edit.notATarget !== undefined ||
      edit.accept ||
      edit.undo,
    { message: "nothing to change: give outcomeId, manualOutcome, verdict, notATarget, accept or undo" },
  );
export type TMatchEdit = z.infer<typeof ZMatchEdit>;

export const ZExportQuery = z.object({
  code: ZCode.optional(),
  year: ZYear.optional(),
  format: z.enum(["csv", "xlsx", "json"]).default("csv"),
});

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
      value: z.number().nullable(),
      unit: z.string().nullable(),
      estimated: z.boolean(),
      year: z.number().int(),
      text: z.string(),
      start: z.number().int().nullable(),
      end: z.number().int().nullable(),
    }),
  ),
});
export type TReportDetail = z.infer<typeof ZReportDetail>;
