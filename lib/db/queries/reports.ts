import { figureOrNull, ZId } from "@/lib/schemas/primitives";
import type { TReportDetail } from "@/lib/schemas/store";
import type { Db } from "../client";
import { measureColumn, sectionsColumn, verdictColumn } from "../columns";
import { confidenceOf, periodOf, targetCoreOf } from "../rows";

/** A report with its text, sections, targets and outcomes (offsets into the text): `GET /api/reports/{id}`. */
export async function getReport(db: Db, id: string): Promise<TReportDetail | null> {
  // No stored id is anything else; PostgreSQL would refuse such a parameter (U+0000) with an error.
  if (!ZId.safeParse(id).success) return null;
  const report = await db.report.findUnique({
    where: { id },
    include: {
      jurisdiction: { select: { name: true } },
      document: { select: { id: true, sourceName: true, sourceUrl: true, encoding: true, importedAt: true } },
      targets: { orderBy: { position: "asc" }, include: { match: { select: { verdict: true, outcomeId: true } } } },
      outcomes: { orderBy: { position: "asc" } },
    },
  });
  if (!report) return null;
  return {
    id: report.id,
    kind: report.kind,
    code: report.jurisdictionCode,
    jurisdiction: report.jurisdiction.name,
    year: report.year,
    planYear: report.planYear,
    reviewYear: report.reviewYear,
    confidence: confidenceOf(report.confidence),
    identityOverridden: report.identityOverridden,
    document: {
      id: report.document.id,
      source: report.document.sourceName,
      url: report.document.sourceUrl,
      encoding: report.document.encoding,
      importedAt: report.document.importedAt.toISOString(),
    },
    sections: sectionsColumn(report.sections, report.id),
    text: report.text,
    targets: report.targets.map((t) => ({
      ...targetCoreOf(t),
      headline: t.headline,
      start: t.start,
      end: t.end,
      verdict: t.match?.verdict == null ? null : verdictColumn(t.match?.verdict),
      outcomeId: t.match?.outcomeId ?? null,
    })),
    outcomes: report.outcomes.map((o) => ({
      id: o.id,
      indicator: o.indicatorName,
      measure: measureColumn(o.measure),
      value: figureOrNull(o.value),
      unit: o.unit,
      estimated: o.estimated,
      year: o.year,
      ...(periodOf(o) ? { period: periodOf(o) ?? undefined } : {}),
      text: o.text,
      start: o.start,
      end: o.end,
    })),
  };
}

/** The reader that read the report (`Report.readerVersion`), or null for no such report: its page's stale notice. */
export async function getReportReaderVersion(db: Db, id: string): Promise<string | null> {
  if (!ZId.safeParse(id).success) return null;
  const report = await db.report.findUnique({ where: { id }, select: { readerVersion: true } });
  return report?.readerVersion ?? null;
}
