import type { Db } from "../client";

export interface JurisdictionSummary {
  code: string;
  name: string;
  /** Years of the reports held for the jurisdiction, ascending. */
  years: number[];
}

/**
 * Every jurisdiction that has at least one report, with its report years: one pass over the reports' (jurisdiction,
 * year) index, however many jurisdictions there are.
 */
export async function listJurisdictions(db: Db): Promise<JurisdictionSummary[]> {
  const rows = await db.$queryRaw<{ code: string; name: string; year: number | bigint }[]>`
    SELECT j."code", j."name", r."year"
    FROM (SELECT DISTINCT "jurisdictionCode", "year" FROM "Report") r
    JOIN "Jurisdiction" j ON j."code" = r."jurisdictionCode"
    ORDER BY j."code" ASC, r."year" ASC`;
  const list: JurisdictionSummary[] = [];
  for (const row of rows) {
    const last = list.at(-1);
    if (last?.code === row.code) last.years.push(Number(row.year));
    else list.push({ code: row.code, name: row.name, years: [Number(row.year)] });
  }
  return list;
}

/** Code and name of every jurisdiction that has at least one report (for pickers), by code. */
export async function listJurisdictionNames(db: Db): Promise<{ code: string; name: string }[]> {
  return db.jurisdiction.findMany({
    where: { reports: { some: {} } },
    select: { code: true, name: true },
    orderBy: { code: "asc" },
  });
}
