/** The report view's extras beside `getReport`: the original text of the report, and which target claimed each outcome. */

import type { TOutcomeClaim } from "@/lib/schemas/dashboard";
import type { Db } from "../client";
import { reasonsColumn, verdictColumn } from "../columns";
import { confidenceOf, finiteOrNull, readableFigures } from "../rows";

/** The report's part of its document's original text (as decoded, before normalisation). */
export async function getReportOriginalText(db: Db, reportId: string): Promise<string | null> {
  const report = await db.report.findUnique({
    where: { id: reportId },
    select: { originalStart: true, originalEnd: true, document: { select: { originalText: true } } },
  });
  if (!report) return null;
  return report.document.originalText.slice(report.originalStart, report.originalEnd);
}

/** For each outcome of a report that a target took: the target, its plan year and verdict. */
export async function getOutcomeClaims(db: Db, reportId: string): Promise<TOutcomeClaim[]> {
  const matches = await db.match.findMany({
    where: { outcome: { reportId } },
    select: {
      outcomeId: true,
      verdict: true,
      target: { select: { id: true, indicatorName: true, planYear: true, reportId: true } },
    },
  });
  return matches.flatMap((m) =>
    m.outcomeId
      ? [
          {
            outcomeId: m.outcomeId,
            targetId: m.target.id,
            indicator: m.target.indicatorName,
            verdict: verdictColumn(m.verdict),
            planYear: m.target.planYear,
            reportId: m.target.reportId,
          },
        ]
      : [],
  );
}

/** Stored documents by the hash of their decoded text: what an import of the same text would find. */
export async function findDocumentsByHash(db: Db, hashes: string[]) {
  const documents = await db.document.findMany({
    where: { contentHash: { in: hashes } },
    select: {
      id: true,
      contentHash: true,
      reports: { select: { id: true, jurisdictionCode: true, year: true }, orderBy: { position: "asc" } },
    },
  });
  return new Map(
    documents.map((d) => [
      d.contentHash,
      { id: d.id, reports: d.reports.map((r) => ({ id: r.id, code: r.jurisdictionCode, year: r.year })) },
    ]),
  );
}

/** Normalised texts of a few reports, for evidence snippets around targets and outcomes. */
export async function getReportTexts(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const reports = await db.report.findMany({ where: { id: { in: ids } }, select: { id: true, text: true } });
  return new Map(reports.map((r) => [r.id, r.text]));
}

/** Where outcomes sit in their reports' texts (hand-entered outcomes have no place). */
export async function getOutcomeSpans(
  db: Db,
  ids: string[],
): Promise<Map<string, { reportId: string; start: number; end: number }>> {
  if (ids.length === 0) return new Map();
  const outcomes = await db.outcome.findMany({
    where: { id: { in: ids } },
    select: { id: true, reportId: true, start: true, end: true },
  });
  const spans = new Map<string, { reportId: string; start: number; end: number }>();
  for (const o of outcomes) {
    if (o.reportId && o.start !== null && o.end !== null)
      spans.set(o.id, { reportId: o.reportId, start: o.start, end: o.end });
  }
  return spans;
}

/** The matched outcome of each target of a report, wherever that outcome was stated. */
export async function getTargetOutcomes(db: Db, reportId: string) {
  const matches = await db.match.findMany({
    where: { target: { reportId }, outcomeId: { not: null } },
    select: {
      id: true,
      targetId: true,
      confidence: true,
      reason: true,
      ratio: true,
      manual: true,
      outcome: {
        select: { id: true, reportId: true, value: true, unit: true, text: true, estimated: true, source: true },
      },
    },
  });
  return matches.flatMap((m) =>
    m.outcome
      ? [
          {
            targetId: m.targetId,
            confidence: confidenceOf(m.confidence),
            reasons: reasonsColumn(m.reason, m.id),
            ratio: finiteOrNull(m.ratio),
            manual: m.manual,
            outcome: readableFigures(m.outcome),
          },
        ]
      : [],
  );
}
