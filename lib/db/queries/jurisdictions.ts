import type { Prisma } from "@/lib/generated/prisma-sqlite/client";
import type { TJurisdictionList, TJurisdictionListQuery } from "@/lib/schemas/store";
import type { Db } from "../client";

/**
 * Jurisdictions that have at least one report, and whose name contains `q` or whose code starts with it; of a level,
 * and in a province (GB/T 2260 codes: the province's two first digits begin every code below it).
 */
export function reportingJurisdictions(
  q: string | undefined,
  browse: { level?: string; province?: string } = {},
): Prisma.JurisdictionWhereInput {
  const search = q?.trim();
  return {
    reports: { some: {} },
    ...(search ? { OR: [{ name: { contains: search } }, { code: { startsWith: search } }] } : {}),
    ...(browse.level ? { level: browse.level } : {}),
    ...(browse.province
      ? { AND: [{ code: { startsWith: browse.province.slice(0, 2) } }, { code: { not: "000000" } }] }
      : {}),
  };
}

/**
 * One page of the jurisdictions that have at least one report (by code; `q` matches a name or a code prefix), each
 * with the years of its reports, read from the reports' (jurisdiction, year) index.
 */
export async function listJurisdictions(db: Db, query: TJurisdictionListQuery): Promise<TJurisdictionList> {
  const where = reportingJurisdictions(query.q);
  const [total, jurisdictions] = await Promise.all([
    db.jurisdiction.count({ where }),
    db.jurisdiction.findMany({
      where,
      select: { code: true, name: true },
      orderBy: { code: "asc" },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
  ]);
  const years = await db.report.findMany({
    where: { jurisdictionCode: { in: jurisdictions.map((j) => j.code) } },
    select: { jurisdictionCode: true, year: true },
    distinct: ["jurisdictionCode", "year"],
    orderBy: [{ jurisdictionCode: "asc" }, { year: "asc" }],
  });
  const items = jurisdictions.map((j) => ({ ...j, years: [] as number[] }));
  const byCode = new Map(items.map((item) => [item.code, item]));
  for (const row of years) byCode.get(row.jurisdictionCode)?.years.push(row.year);
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** Code and name of every jurisdiction that has at least one report (for pickers), by code. */
export async function listJurisdictionNames(db: Db): Promise<{ code: string; name: string }[]> {
  return db.jurisdiction.findMany({
    where: { reports: { some: {} } },
    select: { code: true, name: true },
    orderBy: { code: "asc" },
  });
}
