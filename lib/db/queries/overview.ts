/**
 * The overview: every jurisdiction with its verdict counts per plan year, read from the year tallies kept by every
 * re-judgement, never by loading or grouping targets.
 */
import type { TOverview, TOverviewItem, TYearCounts } from "@/lib/schemas/dashboard";
import type { Db } from "../client";
import { reportingJurisdictions } from "./jurisdictions";

export const OVERVIEW_PAGE_SIZE = 50;

/**
 * Verdict counts per jurisdiction and plan year, read from the year tallies (lib/db/year-tally.ts). Targets an analyst
 * marked as not a target are left out; a target without a match counts as no_outcome. `judged`: a report reviewing the
 * year is imported.
 */
export async function verdictCountsByYear(db: Db, codes: string[]): Promise<Map<string, TYearCounts[]>> {
  const result = new Map<string, TYearCounts[]>();
  if (codes.length === 0) return result;
  const tallies = await db.yearTally.findMany({
    where: { jurisdictionCode: { in: codes } },
    orderBy: [{ jurisdictionCode: "asc" }, { year: "asc" }],
  });
  for (const tally of tallies) {
    const counts = {
      year: tally.year,
      total: tally.met + tally.missed + tally.verdictNeedsReview + tally.noOutcome + tally.pending,
      met: tally.met,
      missed: tally.missed,
      needs_review: tally.verdictNeedsReview,
      no_outcome: tally.noOutcome,
      pending: tally.pending,
      judged: tally.reviewed,
    };
    if (counts.total === 0) continue;
    const list = result.get(tally.jurisdictionCode) ?? [];
    list.push(counts);
    result.set(tally.jurisdictionCode, list);
  }
  return result;
}

/** The year a jurisdiction is shown by: its latest judged plan year, else its latest plan year. */
export function latestYear(years: TYearCounts[]): TYearCounts | null {
  const judged = years.filter((y) => y.judged);
  return judged.at(-1) ?? years.at(-1) ?? null;
}

export interface OverviewOptions {
  q?: string;
  level?: string;
  province?: string;
  page?: number;
  pageSize?: number;
}

/** One page of jurisdictions that hold reports, matching `q` by name or code, with counts per plan year. */
export async function getOverview(db: Db, options: OverviewOptions = {}): Promise<TOverview> {
  const pageSize = options.pageSize ?? OVERVIEW_PAGE_SIZE;
  const page = Math.max(1, options.page ?? 1);
  const where = reportingJurisdictions(options.q, { level: options.level, province: options.province });
  const [total, jurisdictions] = await Promise.all([
    db.jurisdiction.count({ where }),
    db.jurisdiction.findMany({
      where,
      select: {
        code: true,
        name: true,
        level: true,
        reports: { select: { year: true }, distinct: ["year"], orderBy: { year: "asc" } },
      },
      orderBy: { code: "asc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
  ]);
  const counts = await verdictCountsByYear(
    db,
    jurisdictions.map((j) => j.code),
  );
  const items: TOverviewItem[] = jurisdictions.map((j) => {
    const years = counts.get(j.code) ?? [];
    return {
      code: j.code,
      name: j.name,
      level: j.level,
      years,
      reportYears: j.reports.map((r) => r.year),
      latest: latestYear(years),
    };
  });
  return { items, total, page, pageSize };
}
