/**
 * Compare: one indicator and measure over the years, for several jurisdictions. Each plan year says whether the
 * plan set such a target (and which), and what the review reported (the matched outcome; else, for a year whose plan
 * set none, a review figure of the same indicator that no target claimed).
 */

import { gapOf } from "@/lib/engine/match";
import type { TComparePoint, TComparison, TIndicatorOption } from "@/lib/schemas/dashboard";
import type { TGap, TMeasure } from "@/lib/schemas/extraction";
import type { Db } from "../client";
import { measureColumn, polarityColumn, qualifierColumn, verdictColumn } from "../columns";
import { readableFigures } from "../rows";

export interface CompareInput {
  indicator: string;
  measure: TMeasure;
  codes: string[];
}

/** The gap of verdicts.md for a judged point, computed by the engine as for every stored match. */
function pointGap(
  target: {
    qualifier: string;
    value: number | null;
    min: number | null;
    max: number | null;
    unit: string | null;
    text: string;
    polarity: string;
  },
  measure: TMeasure,
  indicator: string,
  verdict: string | null,
  outcome: { value: number | null; unit: string | null; estimated: boolean; text: string } | null,
): TGap | null {
  if (!outcome || (verdict !== "met" && verdict !== "missed")) return null;
  const where = { start: 0, end: 0 };
  return gapOf(
    {
      indicator,
      measure,
      qualifier: qualifierColumn(target.qualifier),
      value: target.value,
      min: target.min,
      max: target.max,
      unit: target.unit,
      polarity: polarityColumn(target.polarity),
      headline: false,
      text: target.text,
      ...where,
    },
    {
      indicator,
      measure,
      value: outcome.value,
      unit: outcome.unit,
      polarity: "higher_better",
      estimated: outcome.estimated,
      year: null,
      text: outcome.text,
      ...where,
    },
  );
}

export async function getComparison(db: Db, input: CompareInput): Promise<TComparison> {
  const { indicator, measure, codes } = input;
  const [jurisdictions, targetRows, plans, outcomeRows] = await Promise.all([
    db.jurisdiction.findMany({ where: { code: { in: codes } }, select: { code: true, name: true } }),
    db.target.findMany({
      where: { jurisdictionCode: { in: codes }, indicatorName: indicator, measure },
      select: {
        id: true,
        reportId: true,
        jurisdictionCode: true,
        planYear: true,
        qualifier: true,
        value: true,
        min: true,
        max: true,
        unit: true,
        text: true,
        polarity: true,
        match: {
          select: {
            verdict: true,
            notATarget: true,
            outcome: {
              select: { id: true, reportId: true, value: true, unit: true, estimated: true, text: true },
            },
          },
        },
      },
      // The headline statement of a year comes first, then the plan's order.
      orderBy: [{ jurisdictionCode: "asc" }, { planYear: "asc" }, { headline: "desc" }, { position: "asc" }],
    }),
    db.report.findMany({
      where: { jurisdictionCode: { in: codes }, kind: "work_report", planYear: { not: null } },
      select: { jurisdictionCode: true, planYear: true },
      distinct: ["jurisdictionCode", "planYear"],
    }),
    db.outcome.findMany({
      where: {
        jurisdictionCode: { in: codes },
        indicatorName: indicator,
        measure,
        manual: false,
        // A period figure is no year's value (verdicts.md "Periods are not years").
        periodStart: null,
        matches: { none: {} },
      },
      select: {
        id: true,
        reportId: true,
        jurisdictionCode: true,
        year: true,
        value: true,
        unit: true,
        estimated: true,
        text: true,
      },
      orderBy: [{ year: "asc" }, { position: "asc" }],
    }),
  ]);

  const targets = targetRows.map((row) => ({
    ...readableFigures(row),
    match: row.match && { ...row.match, outcome: row.match.outcome && readableFigures(row.match.outcome) },
  }));
  const outcomes = outcomeRows.map(readableFigures);
  const names = new Map(jurisdictions.map((j) => [j.code, j.name]));
  const units = new Map<string, number>();
  const series = codes
    .filter((code) => names.has(code))
    .map((code) => {
      const points = new Map<number, TComparePoint>();
      for (const plan of plans) {
        if (plan.jurisdictionCode !== code || plan.planYear === null) continue;
        points.set(plan.planYear, { year: plan.planYear, status: "absent", target: null, actual: null, verdict: null });
      }
      for (const target of targets) {
        if (target.jurisdictionCode !== code || target.match?.notATarget) continue;
        const existing = points.get(target.planYear);
        if (existing?.target) continue; // the year's first statement stands
        if (target.unit) units.set(target.unit, (units.get(target.unit) ?? 0) + 1);
        const outcome = target.match?.outcome ?? null;
        points.set(target.planYear, {
          year: target.planYear,
          status: "target",
          target: {
            id: target.id,
            reportId: target.reportId,
            qualifier: qualifierColumn(target.qualifier),
            value: target.value,
            min: target.min,
            max: target.max,
            unit: target.unit,
            text: target.text,
          },
          actual: outcome && { ...outcome, matched: true },
          verdict: target.match?.verdict == null ? "no_outcome" : verdictColumn(target.match?.verdict),
          gap: pointGap(target, measure, indicator, target.match?.verdict ?? null, outcome),
        });
      }
      for (const outcome of outcomes) {
        if (outcome.jurisdictionCode !== code) continue;
        const existing = points.get(outcome.year);
        if (existing?.actual || existing?.target) continue;
        const { jurisdictionCode: _code, year, ...rest } = outcome;
        points.set(year, {
          year,
          status: existing?.status ?? "no_report",
          target: null,
          actual: { ...rest, matched: false },
          verdict: null,
        });
      }
      return { code, name: names.get(code) ?? code, points: [...points.values()].sort((a, b) => a.year - b.year) };
    });
  const unit = [...units.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  return { indicator, measure, unit, series };
}

/** Indicators with targets, most frequent first: the compare screen's choices. */
export async function listIndicatorOptions(db: Db, limit = 300): Promise<TIndicatorOption[]> {
  const rows = await db.indicatorTally.findMany({
    where: { measure: { not: "qualitative" }, targets: { gt: 0 } },
    orderBy: [{ targets: "desc" }, { indicatorName: "asc" }, { measure: "asc" }],
    take: limit,
  });
  return rows.map((row) => ({ indicator: row.indicatorName, measure: measureColumn(row.measure), count: row.targets }));
}
