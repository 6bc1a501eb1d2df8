/**
 * Stored rows in the shapes the rest of the code speaks: the engine's (for re-running the matcher on what the
 * database holds) and the API's (for the queries behind the screens).
 *
 * Every number read back passes through `figureOrNull`, `finiteOrNull` or `confidenceOf`: rows written before inputs
 * were bounded (or figures a reader took from absurd text) may hold Infinity, NaN or 1e308, and such a row reads as
 * "no figure" instead of failing every read of its year.
 */
import { gapOf } from "@/lib/engine/match";
import type { Match, Outcome, Target } from "@/lib/generated/prisma-sqlite/client";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n";
import { renderReasons } from "@/lib/i18n/reasons";
import type { TOutcome, TTarget } from "@/lib/schemas/extraction";
import { figureOrNull } from "@/lib/schemas/primitives";
import type { TSourceFigure, TStoredMatch, TTargetCore } from "@/lib/schemas/store";
import { measureColumn, polarityColumn, qualifierColumn, reasonsColumn, statedColumn, verdictColumn } from "./columns";

/** A stored derived number (a ratio): null unless finite. */
export const finiteOrNull = (value: number | null | undefined): number | null =>
  typeof value === "number" && Number.isFinite(value) ? value : null;

/** A stored confidence in [0, 1]; one that is not a number reads as 0, the least sure, so a person looks at it. */
export const confidenceOf = (value: number): number => (Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0);

/** A row with its stated figures (value and bounds) read through `figureOrNull`. */
export function readableFigures<T extends { value: number | null; min?: number | null; max?: number | null }>(
  row: T,
): T {
  return {
    ...row,
    value: figureOrNull(row.value),
    ...(row.min === undefined ? {} : { min: figureOrNull(row.min) }),
    ...(row.max === undefined ? {} : { max: figureOrNull(row.max) }),
  };
}

export const targetFromRow = (row: Target): TTarget => ({
  indicator: row.indicatorName,
  measure: measureColumn(row.measure),
  qualifier: qualifierColumn(row.qualifier),
  value: figureOrNull(row.value),
  min: figureOrNull(row.min),
  max: figureOrNull(row.max),
  unit: row.unit,
  polarity: polarityColumn(row.polarity),
  headline: row.headline,
  text: row.text,
  start: row.start,
  end: row.end,
});

/** The period of a multi-year review's figure (first and last year), or null for a figure of one year. */
export const periodOf = (row: Pick<Outcome, "periodStart" | "periodEnd">): [number, number] | null =>
  row.periodStart !== null && row.periodEnd !== null ? [row.periodStart, row.periodEnd] : null;

export const outcomeFromRow = (row: Outcome): TOutcome => ({
  indicator: row.indicatorName,
  measure: measureColumn(row.measure),
  value: figureOrNull(row.value),
  min: figureOrNull(row.min),
  max: figureOrNull(row.max),
  unit: row.unit,
  polarity: polarityColumn(row.polarity),
  estimated: row.estimated,
  // A period figure (periodStart and periodEnd set) is of no single year (extraction.md §3).
  year: periodOf(row) ? null : row.year,
  ...(periodOf(row) ? { period: periodOf(row) } : {}),
  stated: row.stated === null ? null : statedColumn(row.stated, row.id),
  text: row.text,
  start: row.start ?? 0,
  end: row.end ?? 0,
});

/** The fields every view of a target shows (ZTargetCore). */
export const targetCoreOf = (row: Target): TTargetCore => ({
  id: row.id,
  indicator: row.indicatorName,
  measure: measureColumn(row.measure),
  qualifier: qualifierColumn(row.qualifier),
  value: figureOrNull(row.value),
  min: figureOrNull(row.min),
  max: figureOrNull(row.max),
  unit: row.unit,
  text: row.text,
});

/** What a view adds to a match: its target (for the gap), the figures other sources give, the reader's locale. */
export interface MatchContext {
  target?: Target;
  sources?: TSourceFigure[];
  /** The locale `reason` is written in (the codes, `reasons`, are the same in every locale). */
  locale?: Locale;
}

/** The gap of verdicts.md, for a match judged on a figure (met or missed); null otherwise. */
export function storedGap(match: Match & { outcome: Outcome | null }, target: Target | undefined) {
  if (!target || !match.outcome || (match.verdict !== "met" && match.verdict !== "missed")) return null;
  return gapOf(targetFromRow(target), outcomeFromRow(match.outcome));
}

/** A match row with its outcome, as the API returns it (ZStoredMatch). */
export function storedMatchOf(match: Match & { outcome: Outcome | null }, context: MatchContext = {}): TStoredMatch {
  const outcome = match.outcome;
  const sources = context.sources ?? [];
  const reasons = reasonsColumn(match.reason, match.id);
  return {
    outcome: outcome && {
      id: outcome.id,
      indicator: outcome.indicatorName,
      measure: measureColumn(outcome.measure),
      value: figureOrNull(outcome.value),
      unit: outcome.unit,
      text: outcome.text,
      estimated: outcome.estimated,
      reportId: outcome.reportId,
      manual: outcome.manual,
      source: outcome.source,
    },
    verdict: verdictColumn(match.verdict),
    confidence: confidenceOf(match.confidence),
    reason: renderReasons(reasons, context.locale ?? DEFAULT_LOCALE),
    reasons,
    ratio: finiteOrNull(match.ratio),
    manual: match.manual,
    notATarget: match.notATarget,
    flagged: match.flagged,
    version: match.version,
    gap: storedGap(match, context.target),
    sources,
    sourceConflict: sources.some((figure) => !figure.agrees),
  };
}
