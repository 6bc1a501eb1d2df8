import { resolveIndicator } from "@/lib/engine/indicators";
import type { TPolarity } from "@/lib/schemas/extraction";
import type { TScorecardYear, TStoredMatch, TStoredTarget, TVerdictSummary } from "@/lib/schemas/store";
import type { Db } from "../client";
import { storedMatchOf, targetCoreOf } from "../rows";

/** One jurisdiction's plan for one year, every target with its match: the scorecard and `GET …/years/{year}`. */
export async function getScorecardYear(db: Db, code: string, year: number): Promise<TScorecardYear | null> {
  const jurisdiction = await db.jurisdiction.findUnique({ where: { code }, select: { code: true, name: true } });
  if (!jurisdiction) return null;
  const [plan, review, targets] = await Promise.all([
    db.report.findFirst({
      where: { jurisdictionCode: code, planYear: year, kind: "work_report" },
      select: { id: true },
      orderBy: { createdAt: "asc" },
    }),
    db.report.findFirst({
      where: { jurisdictionCode: code, reviewYear: year },
      select: { id: true },
      orderBy: [{ kind: "desc" }, { createdAt: "asc" }],
    }),
    db.target.findMany({
      where: { jurisdictionCode: code, planYear: year },
      include: { match: { include: { outcome: true } } },
      orderBy: [{ reportId: "asc" }, { position: "asc" }],
    }),
  ]);
  if (!plan && !review && targets.length === 0) return null;
  const items: TStoredTarget[] = targets.map((target) => {
    const match = target.match;
    return {
      ...targetCoreOf(target),
      category: resolveIndicator(target.indicatorName).category,
      polarity: target.polarity as TPolarity,
      headline: target.headline,
      reportId: target.reportId,
      start: target.start,
      end: target.end,
      match: match && storedMatchOf(match),
    };
  });
  return {
    code: jurisdiction.code,
    name: jurisdiction.name,
    year,
    plan: plan && { reportId: plan.id },
    review: review && { reportId: review.id },
    summary: summarize(items),
    targets: items,
  };
}

/** Counts by verdict; targets an analyst marked as not a target are left out. */
export function summarize(targets: TStoredTarget[]): TVerdictSummary {
  const summary: TVerdictSummary = { total: 0, met: 0, missed: 0, no_outcome: 0, needs_review: 0 };
  for (const target of targets) {
    if (target.match?.notATarget) continue;
    summary.total += 1;
    summary[target.match?.verdict ?? "no_outcome"] += 1;
  }
  return summary;
}

/** A target's current match, as `PATCH /api/targets/{id}/match` answers. */
export async function getTargetMatch(db: Db, targetId: string): Promise<TStoredMatch | null> {
  const match = await db.match.findUnique({ where: { targetId }, include: { outcome: true } });
  return match && storedMatchOf(match);
}
