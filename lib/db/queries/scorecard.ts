import { resolveIndicator } from "@/lib/engine/indicators";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n";
import { figureOrNull } from "@/lib/schemas/primitives";
import type {
  TPeriodFigure,
  TScorecardYear,
  TSourceConflict,
  TStoredMatch,
  TStoredTarget,
  TVerdictSummary,
} from "@/lib/schemas/store";
import type { Db } from "../client";
import { measureColumn, polarityColumn } from "../columns";
import { periodFiguresWhere } from "../matching";
import { readableFigures, storedMatchOf, targetCoreOf } from "../rows";
import {
  agreeWithinRounding,
  FIGURE_REPORT,
  type FigureRow,
  otherSources,
  sameFigureGroups,
  sourceFigureOf,
} from "../sources";

/**
 * One jurisdiction's plan for one year, every target with its match: the scorecard and `GET …/years/{year}`. A year
 * only a review covers (no plan imported) answers too, with no targets; a year without a review has `pending` targets.
 * Reasons are written in `locale`.
 */
export async function getScorecardYear(
  db: Db,
  code: string,
  year: number,
  locale: Locale = DEFAULT_LOCALE,
): Promise<TScorecardYear | null> {
  const jurisdiction = await db.jurisdiction.findUnique({ where: { code }, select: { code: true, name: true } });
  if (!jurisdiction) return null;
  const [plan, reviews, targets, figures, periodFigures] = await Promise.all([
    db.report.findFirst({
      where: { jurisdictionCode: code, planYear: year, kind: "work_report" },
      select: { id: true },
      orderBy: { createdAt: "asc" },
    }),
    db.report.findMany({
      where: { jurisdictionCode: code, reviewYear: year },
      select: { id: true, kind: true, document: { select: { sourceName: true } } },
      orderBy: [{ kind: "desc" }, { createdAt: "asc" }, { id: "asc" }],
    }),
    db.target.findMany({
      where: { jurisdictionCode: code, planYear: year },
      include: { match: { include: { outcome: true } } },
      orderBy: [{ reportId: "asc" }, { position: "asc" }],
    }),
    yearFigures(db, code, year),
    yearPeriodFigures(db, code, year),
  ]);
  const review = reviews[0] ?? null;
  if (!plan && !review && targets.length === 0) return null;
  const groups = sameFigureGroups(figures);
  const byId = new Map(figures.map((figure) => [figure.id, figure]));
  const items: TStoredTarget[] = targets.map((target) => {
    const match = target.match;
    const outcome = match?.outcomeId ? byId.get(match.outcomeId) : undefined;
    return {
      ...targetCoreOf(target),
      category: resolveIndicator(target.indicatorName).category,
      polarity: polarityColumn(target.polarity),
      headline: target.headline,
      reportId: target.reportId,
      start: target.start,
      end: target.end,
      match: match && storedMatchOf(match, { target, sources: outcome ? otherSources(outcome, groups) : [], locale }),
    };
  });
  const claimedBy = new Map(targets.flatMap((t) => (t.match?.outcomeId ? [[t.match.outcomeId, t.id] as const] : [])));
  return {
    code: jurisdiction.code,
    name: jurisdiction.name,
    year,
    plan: plan && { reportId: plan.id },
    review: review && { reportId: review.id },
    summary: summarize(items, review !== null),
    targets: items,
    reviews: reviews.map((r) => ({ reportId: r.id, kind: r.kind, source: r.document.sourceName })),
    sourceConflicts: sourceConflictsOf(figures, claimedBy),
    periodFigures,
  };
}

/**
 * The period figures of multi-year reviews whose period includes the year (stored under the period's last year):
 * context beside the year's targets, never matched (verdicts.md "Periods are not years").
 */
async function yearPeriodFigures(db: Db, code: string, year: number): Promise<TPeriodFigure[]> {
  const rows = await db.outcome.findMany({
    where: periodFiguresWhere(code, year),
    orderBy: [{ periodEnd: "asc" }, { reportId: "asc" }, { position: "asc" }],
  });
  return rows.flatMap((row) =>
    row.periodStart === null || row.periodEnd === null
      ? []
      : [
          {
            id: row.id,
            indicator: row.indicatorName,
            measure: measureColumn(row.measure),
            value: figureOrNull(row.value),
            unit: row.unit,
            estimated: row.estimated,
            period: [row.periodStart, row.periodEnd] as [number, number],
            text: row.text,
            reportId: row.reportId,
            start: row.start,
            end: row.end,
          },
        ],
  );
}

/** The year's review figures in source order (the work report reviewing the year first), with their sources. */
async function yearFigures(db: Db, code: string, year: number): Promise<FigureRow[]> {
  const rows = await db.outcome.findMany({
    where: { jurisdictionCode: code, year, manual: false, periodStart: null },
    include: { report: FIGURE_REPORT },
    orderBy: [{ reportId: "asc" }, { position: "asc" }],
  });
  const main = (row: FigureRow) => (row.report?.kind === "work_report" ? 0 : 1);
  return rows.map(readableFigures).sort((a, b) => main(a) - main(b));
}

/** The year's disagreements between sources: each later source's figure marked against the main one. */
export function sourceConflictsOf(figures: FigureRow[], claimedBy: Map<string, string>): TSourceConflict[] {
  const byId = new Map(figures.map((figure) => [figure.id, figure]));
  return figures.flatMap((other) => {
    const main = other.conflictWithId ? byId.get(other.conflictWithId) : undefined;
    if (!main) return [];
    const agrees = main.value !== null && other.value !== null && agreeWithinRounding(main.value, other.value);
    return [
      {
        indicator: main.indicatorName,
        measure: measureColumn(main.measure),
        main: sourceFigureOf(main, true),
        other: sourceFigureOf(other, agrees),
        targetId: claimedBy.get(main.id) ?? claimedBy.get(other.id) ?? null,
      },
    ];
  });
}

/**
 * Counts by verdict; targets an analyst marked as not a target are left out. A target without a match counts as
 * `pending` while no report reviews the year, else as `no_outcome`.
 */
export function summarize(targets: TStoredTarget[], reviewed = true): TVerdictSummary {
  const summary: TVerdictSummary = { total: 0, met: 0, missed: 0, no_outcome: 0, needs_review: 0, pending: 0 };
  for (const target of targets) {
    if (target.match?.notATarget) continue;
    summary.total += 1;
    summary[target.match?.verdict ?? (reviewed ? "no_outcome" : "pending")] += 1;
  }
  return summary;
}

/** A target's current match, as `PATCH /api/targets/{id}/match` answers. */
export async function getTargetMatch(
  db: Db,
  targetId: string,
  locale: Locale = DEFAULT_LOCALE,
): Promise<TStoredMatch | null> {
  const match = await db.match.findUnique({ where: { targetId }, include: { outcome: true, target: true } });
  return match && storedMatchOf(match, { target: match.target, locale });
}
