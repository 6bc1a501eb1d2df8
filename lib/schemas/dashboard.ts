/**
 * Shapes of the dashboard's reads (overview, scorecard rows, compare, review queue, edit history, import preview)
 * and of the routes added for them. Named and shared like lib/schemas/store.ts: add keys, never rename them.
 */
import { z } from "zod";
import { ZGap, ZMeasure, ZPolarity, ZQualifier, ZSection, ZVerdict } from "./extraction";
import { ZDerived, ZFigure, ZText } from "./primitives";
import { ZReasons } from "./reasons";
import { ZOrphanCause, ZOrphanSnapshot } from "./reread";
import {
  ZCode,
  ZImportFailure,
  ZSourceFigure,
  ZStoredMatch,
  ZStoredOutcome,
  ZStoredTarget,
  ZTargetCore,
  ZVerdictSummary,
  ZYear,
} from "./store";

/* ---------- overview ---------- */

export const ZYearCounts = ZVerdictSummary.extend({
  year: z.number().int(),
  /** A report reviewing this year is imported: the targets could be judged. */
  judged: z.boolean(),
});
export type TYearCounts = z.infer<typeof ZYearCounts>;

export const ZOverviewItem = z.object({
  code: z.string(),
  name: z.string(),
  level: z.string(),
  /** Plan years with targets, ascending, each with its verdict counts. */
  years: z.array(ZYearCounts),
  /** Years of every report held (plans and reviews), ascending. */
  reportYears: z.array(z.number().int()),
  /** The latest judged plan year, else the latest plan year, else null. */
  latest: ZYearCounts.nullable(),
});
export type TOverviewItem = z.infer<typeof ZOverviewItem>;

export const ZOverviewQuery = z.object({
  q: ZText.trim().max(60).optional().catch(undefined),
  /** Browse by level (`province`, `city`, `county`, `national`) and by province (its code: itself and all below). */
  level: z.enum(["national", "province", "city", "county"]).optional().catch(undefined),
  province: ZCode.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type TOverviewQuery = z.infer<typeof ZOverviewQuery>;

export const ZOverview = z.object({
  items: z.array(ZOverviewItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TOverview = z.infer<typeof ZOverview>;

/* ---------- scorecard ---------- */

export const ZJurisdictionYear = z.object({
  year: z.number().int(),
  targets: z.number().int(),
  judged: z.boolean(),
});

export const ZJurisdictionYears = z.object({
  code: z.string(),
  name: z.string(),
  level: z.string(),
  /** Plan years with targets and years that only have a review, ascending. */
  years: z.array(ZJurisdictionYear),
  /** The latest judged plan year, else the latest plan year, else the latest report year. */
  latest: z.number().int().nullable(),
});
export type TJurisdictionYears = z.infer<typeof ZJurisdictionYears>;

/** One row of the scorecard table: a target and its judgement, flattened for the client. */
export const ZScorecardRow = ZStoredTarget.omit({ start: true, end: true, match: true }).extend({
  verdict: ZVerdict,
  notATarget: z.boolean(),
  confidence: z.number().nullable(),
  /** The reasons in words, in the reader's locale. */
  reason: z.string(),
  ratio: ZDerived.nullable(),
  manual: z.boolean(),
  flagged: z.boolean(),
  actual: ZStoredOutcome.pick({
    id: true,
    value: true,
    unit: true,
    text: true,
    estimated: true,
    reportId: true,
    source: true,
  }).nullable(),
});
export type TScorecardRow = z.infer<typeof ZScorecardRow>;

/* ---------- compare ---------- */

export const ZCompareQuery = z.object({
  indicator: ZText.trim().min(1).max(60).catch("地区生产总值").default("地区生产总值"),
  measure: ZMeasure.catch("growth").default("growth"),
  codes: z.array(ZCode).max(12).catch([]).default([]),
  /** `superior=1`: also draw each jurisdiction's superior's target (off by default). */
  superior: z
    .enum(["1", "0"])
    .optional()
    .catch(undefined)
    .transform((value) => value === "1"),
});
export type TCompareQuery = z.infer<typeof ZCompareQuery>;

export const ZComparePoint = z.object({
  year: z.number().int(),
  /** `target`: the plan states one; `absent`: the plan is imported and states none; `no_report`: no plan imported. */
  status: z.enum(["target", "absent", "no_report"]),
  target: z
    .object({
      id: z.string(),
      reportId: z.string(),
      qualifier: ZQualifier,
      value: ZFigure.nullable(),
      min: ZFigure.nullable(),
      max: ZFigure.nullable(),
      unit: z.string().nullable(),
      text: z.string(),
    })
    .nullable(),
  actual: z
    .object({
      id: z.string(),
      reportId: z.string().nullable(),
      value: ZFigure.nullable(),
      unit: z.string().nullable(),
      estimated: z.boolean(),
      text: z.string(),
      /** True when the actual is the target's matched outcome; false for a review figure no target claimed. */
      matched: z.boolean(),
    })
    .nullable(),
  verdict: ZVerdict.nullable(),
  /** The gap of verdicts.md for a judged point (met or missed), from the engine; null otherwise. */
  gap: ZGap.nullable().optional(),
});
export type TComparePoint = z.infer<typeof ZComparePoint>;

export const ZCompareSeries = z.object({
  code: z.string(),
  name: z.string(),
  points: z.array(ZComparePoint),
});
export type TCompareSeries = z.infer<typeof ZCompareSeries>;

export const ZComparison = z.object({
  indicator: z.string(),
  measure: ZMeasure,
  /** The unit most targets of the series state (`%` for growth). */
  unit: z.string().nullable(),
  series: z.array(ZCompareSeries),
  /** Which way is better: decides the bound of a range that counts and the colour of a gap. */
  polarity: ZPolarity.default("higher_better"),
  /**
   * The superiors' targets (a province's is the State Council's), when asked for and only those with a target of
   * this indicator: `of` lists the compared jurisdictions each is the superior of.
   */
  superiors: z.array(ZCompareSeries.extend({ of: z.array(z.string()) })).default([]),
});
export type TComparison = z.infer<typeof ZComparison>;

export const ZIndicatorOption = z.object({
  indicator: z.string(),
  measure: ZMeasure,
  count: z.number().int(),
  /** The lexicon's other names of the indicator, and its English name: what the picker filters on. */
  synonyms: z.array(z.string()).default([]),
  english: z.string().nullable().default(null),
});
export type TIndicatorOption = z.infer<typeof ZIndicatorOption>;

/* ---------- review queue ---------- */

export const ZReviewReason = z.enum([
  "needs_review",
  "low_confidence",
  "flagged",
  "unmatched_target",
  "unmatched_outcome",
  "source_conflict",
  /** An analyst's edit a re-read could not carry to a successor (OrphanedEdit, lib/db/carry-over.ts). */
  "edit_orphaned",
]);
export type TReviewReason = z.infer<typeof ZReviewReason>;
export const REVIEW_REASONS = ZReviewReason.options;
/** Matches the engine is less sure of than this are queued. */
export const LOW_CONFIDENCE = 0.6;

/**
 * The queue's tabs: targets (matches a person should look at), and review figures (unclaimed outcomes, and a later
 * source's figures that disagree with the main review's). Without `tab`, the reason decides (`unmatched_outcome`:
 * figures), else targets.
 */
export const ZReviewTab = z.enum(["targets", "outcomes"]);
export type TReviewTab = z.infer<typeof ZReviewTab>;

/** `1`/`true` or `0`/`false` in a query string. */
const ZFlag = z.enum(["1", "0", "true", "false"]).transform((value) => value === "1" || value === "true");

/** The review page's search parameters: anything invalid falls back to the default (the page never fails on a URL). */
export const ZReviewQuery = z.object({
  code: ZCode.optional().catch(undefined),
  year: ZYear.optional().catch(undefined),
  reason: ZReviewReason.optional().catch(undefined),
  tab: ZReviewTab.optional().catch(undefined),
  /** Show the descriptive review figures too (hidden by default: nothing in the plan names them). */
  context: ZFlag.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type TReviewQuery = z.infer<typeof ZReviewQuery>;

/** `GET /api/review`: the same parameters, strictly: an invalid one answers 400 with its field error. */
export const ZReviewApiQuery = z
  .object({
    code: ZCode.optional(),
    year: ZYear.optional(),
    reason: ZReviewReason.optional(),
    tab: ZReviewTab.optional(),
    context: ZFlag.optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).optional(),
  })
  .strict();
export type TReviewApiQuery = z.infer<typeof ZReviewApiQuery>;

export const ZSnippet = z.object({ before: z.string(), clause: z.string(), after: z.string() });

export const ZReviewTarget = ZTargetCore.extend({
  reportId: z.string(),
  code: z.string(),
  name: z.string(),
  year: z.number().int(),
  headline: z.boolean(),
  snippet: ZSnippet,
});
export type TReviewTarget = z.infer<typeof ZReviewTarget>;

export const ZReviewOutcome = z.object({
  id: z.string(),
  reportId: z.string().nullable(),
  code: z.string(),
  name: z.string(),
  year: z.number().int(),
  indicator: z.string(),
  measure: ZMeasure,
  value: ZFigure.nullable(),
  unit: z.string().nullable(),
  estimated: z.boolean(),
  manual: z.boolean(),
  source: z.string().nullable(),
  text: z.string(),
  snippet: ZSnippet,
  /** A multi-year review's figure of a period (first and last year): context only, never matched. */
  period: z.tuple([z.number().int(), z.number().int()]).optional(),
});
export type TReviewOutcome = z.infer<typeof ZReviewOutcome>;

/** One of an orphan's likely successors, as the current reading has it. */
export const ZOrphanSuccessor = z.object({
  id: z.string(),
  similarity: z.number(),
  indicator: z.string(),
  text: z.string(),
  /** A target's plan year, or a figure's year. */
  year: z.number().int(),
  /** A successor target's verdict now (none for a figure). */
  verdict: ZVerdict.nullable(),
  /** The successor target carries a manual edit of its own: carrying would change it. */
  manual: z.boolean(),
});

/** An analyst's edit the re-read left without a successor: what it was on, what it said, and where it may belong. */
export const ZReviewOrphan = z.object({
  id: z.string(),
  cause: ZOrphanCause,
  code: z.string(),
  name: z.string(),
  year: z.number().int(),
  reportId: z.string(),
  readerBefore: z.string(),
  readerAfter: z.string(),
  createdAt: z.string(),
  snapshot: ZOrphanSnapshot,
  /** For `outcome_gone`: the target whose link was lifted (it still stands). */
  targetId: z.string().nullable(),
  edits: z.array(
    z.object({ editor: z.string(), action: z.string(), note: z.string(), at: z.string(), reverted: z.boolean() }),
  ),
  successors: z.array(ZOrphanSuccessor),
});
export type TReviewOrphan = z.infer<typeof ZReviewOrphan>;

export const ZReviewItem = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("target"),
    key: z.string(),
    reasons: z.array(ZReviewReason),
    target: ZReviewTarget,
    match: ZStoredMatch,
    outcome: ZReviewOutcome.nullable(),
    /** Figures other sources give for the matched outcome that disagree with it (`source_conflict`). */
    sources: z.array(ZSourceFigure).optional(),
  }),
  z.object({
    kind: z.literal("outcome"),
    key: z.string(),
    reasons: z.array(ZReviewReason),
    outcome: ZReviewOutcome,
    /** For a `source_conflict`: the main review's figure this one disagrees with. */
    sources: z.array(ZSourceFigure).optional(),
  }),
  z.object({
    kind: z.literal("orphan"),
    key: z.string(),
    reasons: z.array(ZReviewReason),
    orphan: ZReviewOrphan,
  }),
]);
export type TReviewItem = z.infer<typeof ZReviewItem>;

export const ZReviewPage = z.object({
  items: z.array(ZReviewItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  counts: z.record(ZReviewReason, z.number().int()),
  /** The tab this page belongs to, and how many items each tab holds for the filter (and reason). */
  tab: ZReviewTab.optional(),
  tabs: z.record(ZReviewTab, z.number().int()).optional(),
  /** Pages of `total` items; a page past the end answers no items and the same total. */
  pageCount: z.number().int().optional(),
  /** Descriptive review figures left out of the figures tab (ask with `context=1`); 0 when they are shown. */
  hidden: z.number().int().optional(),
  /** Whether the descriptive figures are shown. */
  context: z.boolean().optional(),
});
export type TReviewPage = z.infer<typeof ZReviewPage>;

/** Options of the review queue's filters: jurisdictions and years that have items. */
export const ZReviewFilters = z.object({
  jurisdictions: z.array(z.object({ code: z.string(), name: z.string() })),
  years: z.array(z.number().int()),
});
export type TReviewFilters = z.infer<typeof ZReviewFilters>;

/* ---------- candidates and history ---------- */

export const ZCandidate = z.object({
  id: z.string(),
  reportId: z.string().nullable(),
  indicator: z.string(),
  measure: ZMeasure,
  value: ZFigure.nullable(),
  unit: z.string().nullable(),
  estimated: z.boolean(),
  manual: z.boolean(),
  text: z.string(),
  /** How well it fits the target, in [0, 1]: same indicator and measure first. */
  score: z.number(),
  takenBy: z.object({ targetId: z.string(), indicator: z.string() }).nullable(),
});
export type TCandidate = z.infer<typeof ZCandidate>;
export const ZCandidateList = z.object({ items: z.array(ZCandidate) });
export type TCandidateList = z.infer<typeof ZCandidateList>;

/** Targets of the plan an unclaimed outcome could be matched to (the review queue's outcome items). */
export const ZTargetChoice = ZTargetCore.extend({
  verdict: ZVerdict.nullable(),
  version: z.number().int().nullable(),
  score: z.number(),
});
export type TTargetChoice = z.infer<typeof ZTargetChoice>;
export const ZTargetChoiceList = z.object({ items: z.array(ZTargetChoice) });

export const ZEditState = z
  .object({
    outcomeId: z.string().nullable().optional(),
    verdict: z.string().optional(),
    /** The reasons in words, in the request's locale; `reasons` are their codes. */
    reason: z.string().optional(),
    reasons: ZReasons.optional(),
    confidence: z.number().optional(),
    ratio: ZDerived.nullable().optional(),
    manual: z.boolean().optional(),
    notATarget: z.boolean().optional(),
    flagged: z.boolean().optional(),
  })
  .loose();

export const ZEditRecord = z.object({
  id: z.string(),
  action: z.string(),
  editor: z.string(),
  note: z.string(),
  createdAt: z.string(),
  revertedAt: z.string().nullable(),
  before: ZEditState,
  after: ZEditState,
  /** Display text of the outcomes named by before/after, when they still exist. */
  outcomes: z.record(z.string(), z.string()),
});
export type TEditRecord = z.infer<typeof ZEditRecord>;
export const ZEditHistory = z.object({ targetId: z.string(), items: z.array(ZEditRecord) });
export type TEditHistory = z.infer<typeof ZEditHistory>;

/* ---------- report view ---------- */

/** Which target claimed each outcome of a report (the report view's outcome panel). */
export const ZOutcomeClaim = z.object({
  outcomeId: z.string(),
  targetId: z.string(),
  indicator: z.string(),
  verdict: ZVerdict,
  planYear: z.number().int(),
  reportId: z.string(),
});
export type TOutcomeClaim = z.infer<typeof ZOutcomeClaim>;

/* ---------- import preview ---------- */

export const ZPreviewReport = z.object({
  kind: z.string(),
  /** Null when the reader could not tell (extraction.md §1 item 4): the import then needs the user's code or year. */
  jurisdiction: z.string().nullable(),
  code: z.string().nullable(),
  year: z.number().int().nullable(),
  planYear: z.number().int().nullable(),
  reviewYear: z.number().int().nullable(),
  confidence: z.number(),
  sections: z.array(ZSection),
  targets: z.number().int(),
  outcomes: z.number().int(),
  headline: z.array(
    z.object({
      indicator: z.string(),
      measure: ZMeasure,
      qualifier: ZQualifier,
      value: ZFigure.nullable(),
      min: ZFigure.nullable(),
      max: ZFigure.nullable(),
      unit: z.string().nullable(),
      text: z.string(),
    }),
  ),
});
export type TPreviewReport = z.infer<typeof ZPreviewReport>;

export const ZImportPreview = z.object({
  documents: z.array(
    z.object({
      file: z.string(),
      encoding: z.string(),
      /** The same text is already stored: importing it changes nothing. */
      existing: z
        .object({
          id: z.string(),
          reports: z.array(z.object({ id: z.string(), code: z.string(), year: z.number().int() })),
        })
        .nullable(),
      reports: z.array(ZPreviewReport),
    }),
  ),
  failed: z.array(ZImportFailure),
  /** The jurisdiction and year the user set, resolved to a name. */
  override: z
    .object({ code: z.string().nullable(), name: z.string().nullable(), year: z.number().int().nullable() })
    .nullable(),
});
export type TImportPreview = z.infer<typeof ZImportPreview>;
