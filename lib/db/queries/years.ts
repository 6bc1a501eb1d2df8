/** The years a jurisdiction has: plan years with their target counts, whether each was judged, and the latest. */
import type { TJurisdictionYears } from "@/lib/schemas/dashboard";
import type { Db } from "../client";

export async function getJurisdictionYears(db: Db, code: string): Promise<TJurisdictionYears | null> {
  const jurisdiction = await db.jurisdiction.findUnique({
    where: { code },
    select: { code: true, name: true, level: true },
  });
  if (!jurisdiction) return null;
  const [planned, reviewed] = await Promise.all([
    db.target.groupBy({ by: ["planYear"], where: { jurisdictionCode: code }, _count: { _all: true } }),
    db.report.findMany({
      where: { jurisdictionCode: code, reviewYear: { not: null } },
      select: { reviewYear: true },
      distinct: ["reviewYear"],
    }),
  ]);
  const reviewYears = new Set(reviewed.map((r) => r.reviewYear as number));
  const byYear = new Map<number, { year: number; targets: number; judged: boolean }>();
  for (const row of planned) {
    byYear.set(row.planYear, { year: row.planYear, targets: row._count._all, judged: reviewYears.has(row.planYear) });
  }
  // Years that only a review covers have a page too (the report view links to them): no targets, the review's
  // figures and any disagreement between its sources.
  for (const year of reviewYears) if (!byYear.has(year)) byYear.set(year, { year, targets: 0, judged: false });
  const years = [...byYear.values()].sort((a, b) => a.year - b.year);
  const withTargets = years.filter((y) => y.targets > 0);
  const latest = withTargets.filter((y) => y.judged).at(-1) ?? withTargets.at(-1) ?? years.at(-1) ?? null;
  return { ...jurisdiction, years, latest: latest?.year ?? null };
}
