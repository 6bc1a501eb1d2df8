/**
 * The overview: every jurisdiction with its verdict counts per plan year, computed in the database (one GROUP BY
 * over targets and matches for the jurisdictions of the page), never by loading targets.
 */
import { Prisma } from "@/lib/generated/prisma-sqlite/client";
import type { TOverview, TOverviewItem, TYearCounts } from "@/lib/schemas/dashboard";
import { type Db, providerOf } from "../client";
import type { Provider } from "../providers";
import { reportingJurisdictions } from "./jurisdictions";

export const OVERVIEW_PAGE_SIZE = 50;

interface CountRow {
  code: string;
  year: number | bigint;
  verdict: string;
  n: number | bigint;
}

/**
 * Verdict counts per jurisdiction, plan year and verdict. Targets an analyst marked as not a target are left out;
 * a target without a match counts as no_outcome. Prisma's groupBy cannot group targets by their match's verdict,
 * hence raw SQL, one text per database (PostgreSQL needs COUNT cast from bigint; the boolean test differs).
 */
const COUNTS_SQL: Record<Provider, (codes: string[]) => Prisma.Sql> = {
  sqlite: (codes) => Prisma.sql`
    SELECT t."jurisdictionCode" AS code, t."planYear" AS year, COALESCE(m."verdict", 'no_outcome') AS verdict,
           COUNT(*) AS n
    FROM "Target" t LEFT JOIN "Match" m ON m."targetId" = t."id"
    WHERE t."jurisdictionCode" IN (${Prisma.join(codes)}) AND COALESCE(m."notATarget", 0) = 0
    GROUP BY t."jurisdictionCode", t."planYear", COALESCE(m."verdict", 'no_outcome')`,
  postgresql: (codes) => Prisma.sql`
    SELECT t."jurisdictionCode" AS code, t."planYear" AS year, COALESCE(m."verdict", 'no_outcome') AS verdict,
           COUNT(*)::int AS n
    FROM "Target" t LEFT JOIN "Match" m ON m."targetId" = t."id"
    WHERE t."jurisdictionCode" IN (${Prisma.join(codes)}) AND COALESCE(m."notATarget", false) = false
    GROUP BY t."jurisdictionCode", t."planYear", COALESCE(m."verdict", 'no_outcome')`,
};

export async function verdictCountsByYear(db: Db, codes: string[]): Promise<Map<string, TYearCounts[]>> {
  const result = new Map<string, TYearCounts[]>();
  if (codes.length === 0) return result;
  const [rows, reviews] = await Promise.all([
    db.$queryRaw<CountRow[]>(COUNTS_SQL[providerOf(db)](codes)),
    reviewedYears(db, codes),
  ]);
  const byKey = new Map<string, TYearCounts>();
  for (const row of rows) {
    const year = Number(row.year);
    const key = `${row.code}:${year}`;
    let counts = byKey.get(key);
    if (!counts) {
      counts = { year, total: 0, met: 0, missed: 0, no_outcome: 0, needs_review: 0, judged: reviews.has(key) };
      byKey.set(key, counts);
      const list = result.get(row.code) ?? [];
      list.push(counts);
      result.set(row.code, list);
    }
    const n = Number(row.n);
    counts.total += n;
    if (
      row.verdict === "met" ||
      row.verdict === "missed" ||
      row.verdict === "needs_review" ||
      row.verdict === "no_outcome"
    ) {
      counts[row.verdict] += n;
    }
  }
  for (const list of result.values()) list.sort((a, b) => a.year - b.year);
  return result;
}

/** `code:year` of every year a report reviews (the next year's work report, or another review source). */
async function reviewedYears(db: Db, codes: string[]): Promise<Set<string>> {
  const rows = await db.report.findMany({
    where: { jurisdictionCode: { in: codes }, reviewYear: { not: null } },
    select: { jurisdictionCode: true, reviewYear: true },
    distinct: ["jurisdictionCode", "reviewYear"],
  });
  return new Set(rows.map((row) => `${row.jurisdictionCode}:${row.reviewYear}`));
}

/** The year a jurisdiction is shown by: its latest judged plan year, else its latest plan year. */
export function latestYear(years: TYearCounts[]): TYearCounts | null {
  const judged = years.filter((y) => y.judged);
  return judged.at(-1) ?? years.at(-1) ?? null;
}

export interface OverviewOptions {
  q?: string;
  page?: number;
  pageSize?: number;
}

/** One page of jurisdictions that hold reports, matching `q` by name or code, with counts per plan year. */
export async function getOverview(db: Db, options: OverviewOptions = {}): Promise<TOverview> {
  const pageSize = options.pageSize ?? OVERVIEW_PAGE_SIZE;
  const page = Math.max(1, options.page ?? 1);
  const where = reportingJurisdictions(options.q);
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
