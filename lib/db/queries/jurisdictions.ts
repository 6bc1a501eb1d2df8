import type { Db } from "../client";

export interface JurisdictionSummary {
  code: string;
  name: string;
  /** Years of the reports held for the jurisdiction, ascending. */
  years: number[];
}

/** Every jurisdiction that has at least one report, with its report years. */
export async function listJurisdictions(db: Db): Promise<JurisdictionSummary[]> {
  const rows = await db.jurisdiction.findMany({
    where: { reports: { some: {} } },
    select: {
      code: true,
      name: true,
      reports: { select: { year: true }, distinct: ["year"], orderBy: { year: "asc" } },
    },
    orderBy: { code: "asc" },
  });
  return rows.map((row) => ({ code: row.code, name: row.name, years: row.reports.map((report) => report.year) }));
}
