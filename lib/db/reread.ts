/**
 * Re-reading stored reports with the current reader (`luoshi reread`, the editors' background job). Each document is
 * read again from its stored text with the hints it was first read with, and written in its own transaction: its
 * reports, targets and outcomes replaced by the new reading, the analysts' edits carried to the successors of their
 * targets (lib/db/carry-over.ts), and the years it touches judged again. A document's reports record the reader that
 * read them, so a re-read that is killed resumes where it stopped: the reports already re-read are current.
 */
import { READER_VERSION, type ReadDocument, ReadError, readStoredDocument } from "@/lib/engine/reader";
import { ZStoredHints } from "@/lib/schemas/reread";
import { replaceReading } from "./carry-over";
import type { Db, Tx } from "./client";
import { type RematchOptions, rematchYear } from "./matching";
import {
  asReviewSource,
  ensureJurisdiction,
  type IdentifiedReport,
  insertReport,
  isIdentified,
  type JurisdictionYear,
  touchedYears,
  uniqueYears,
  withOverride,
} from "./report-rows";
import { lockYears, writeTransaction } from "./transaction";

/** Which stored reports to re-read: a jurisdiction, a year (a report's `year`), both, or every report (`{}`). */
export interface RereadScope {
  code?: string;
  year?: number;
}

export interface RereadProgress {
  /** Documents handled so far (re-read, unchanged or failed), of `total`. */
  done: number;
  total: number;
  document: { id: string; file: string };
  result: "reread" | "failed";
}

export interface RereadFailure {
  documentId: string;
  file: string;
  /** A ReadError code (`not_a_report`, `empty`…) or `identity` (the new reading names no jurisdiction or year). */
  code: string;
  message: string;
}

export interface RereadSummary {
  /** Documents with a report older than the reader in the scope, when the re-read started. */
  documents: number;
  reread: number;
  failed: RereadFailure[];
  /** Reports whose targets or outcomes differ from the earlier reading. */
  changedReports: number;
  targets: { kept: number; added: number; removed: number };
  /** Edited targets (and manual links) carried to a successor, and those left as orphans for the review queue. */
  carried: number;
  orphaned: number;
  /** Jurisdiction-years judged again. */
  years: number;
}

export interface StaleReports {
  /** Reports in the scope older than the running reader, and all reports in the scope. */
  stale: number;
  total: number;
  /** The stale reports by the reader version that read them, most first. */
  byVersion: { readerVersion: string; reports: number }[];
}

export type RereadOptions = RematchOptions & {
  onProgress?: (progress: RereadProgress) => void;
  /** Stops after the document being written: what is written stays, the rest waits for the next re-read. */
  signal?: AbortSignal;
};

export const isCurrentReader = (readerVersion: string) => readerVersion === READER_VERSION;

const TRANSACTION_TIMEOUT_MS = 120_000;

/** Reports older than the running reader, within the scope. */
const staleWhere = (scope: RereadScope) => ({
  jurisdictionCode: scope.code,
  year: scope.year,
  readerVersion: { not: READER_VERSION },
});

export async function staleReports(db: Db, scope: RereadScope): Promise<StaleReports> {
  const [total, groups] = await Promise.all([
    db.report.count({ where: { jurisdictionCode: scope.code, year: scope.year } }),
    db.report.groupBy({ by: ["readerVersion"], where: staleWhere(scope), _count: { _all: true } }),
  ]);
  const byVersion = groups
    .map((g) => ({ readerVersion: g.readerVersion, reports: g._count._all }))
    .sort((a, b) => b.reports - a.reports || a.readerVersion.localeCompare(b.readerVersion));
  return { stale: byVersion.reduce((sum, v) => sum + v.reports, 0), total, byVersion };
}

/** The documents holding a stale report in the scope, in a fixed order (a resumed re-read takes them in turn). */
async function staleDocuments(db: Db, scope: RereadScope): Promise<string[]> {
  const rows = await db.report.findMany({
    where: staleWhere(scope),
    select: { documentId: true },
    distinct: ["documentId"],
    orderBy: { documentId: "asc" },
  });
  return rows.map((row) => row.documentId);
}

const STORED_REPORT = {
  id: true,
  position: true,
  kind: true,
  jurisdictionCode: true,
  year: true,
  planYear: true,
  reviewYear: true,
  identityOverridden: true,
  readerVersion: true,
} as const;

function loadDocument(db: Db, id: string) {
  return db.document.findUnique({
    where: { id },
    select: {
      id: true,
      sourceName: true,
      encoding: true,
      originalText: true,
      hints: true,
      reports: { orderBy: { position: "asc" }, select: STORED_REPORT },
    },
  });
}

/** A document's reports as stored now, without its text: what the transaction checks again under its locks. */
function loadStoredReports(tx: Tx, documentId: string) {
  return tx.report.findMany({ where: { documentId }, orderBy: { position: "asc" }, select: STORED_REPORT });
}

type StoredDocument = NonNullable<Awaited<ReturnType<typeof loadDocument>>>;
type StoredReport = StoredDocument["reports"][number];

/**
 * The hints to read a document with: those it was first read with. A document imported before hints were kept is read
 * with its stored jurisdiction and year (a single report's), so the re-read files it where analysts know it.
 */
function hintsOf(document: StoredDocument) {
  if (document.hints !== null) {
    const parsed = ZStoredHints.safeParse(document.hints);
    if (parsed.success) return parsed.data;
  }
  const only = document.reports.length === 1 ? document.reports[0] : undefined;
  return only ? { code: only.jurisdictionCode, year: only.year } : {};
}

/**
 * The new reading of stored report `stored` as the database will keep it: the jurisdiction and year a user gave at
 * import stay, and a report stored as another source (a near-duplicate kept beside its original) stays one.
 */
function asStoredBefore(report: ReadDocument["reports"][number], stored: StoredReport | undefined) {
  let next = report;
  if (stored?.identityOverridden) next = withOverride(next, { code: stored.jurisdictionCode, year: stored.year });
  if (!isIdentified(next)) return null;
  return stored?.kind === "review_source" && next.kind === "work_report" ? asReviewSource(next) : next;
}

/** Every year a stored report's judgement depends on: its plan and review years and its figures' years. */
async function storedYears(tx: Tx, reportIds: string[]): Promise<JurisdictionYear[]> {
  const reports = await tx.report.findMany({
    where: { id: { in: reportIds } },
    select: {
      jurisdictionCode: true,
      planYear: true,
      reviewYear: true,
      outcomes: { select: { year: true, periodStart: true, periodEnd: true }, distinct: ["year", "periodStart"] },
    },
  });
  const years: JurisdictionYear[] = [];
  for (const report of reports) {
    const add = (year: number) => years.push({ code: report.jurisdictionCode, year });
    if (report.planYear !== null) add(report.planYear);
    if (report.reviewYear !== null) add(report.reviewYear);
    for (const outcome of report.outcomes) {
      add(outcome.year);
      if (outcome.periodStart !== null && outcome.periodEnd !== null)
        for (let year = outcome.periodStart; year <= outcome.periodEnd; year += 1) add(year);
    }
  }
  return years;
}

type DocumentResult = { file: string } & (
  | {
      kind: "reread";
      changedReports: number;
      targets: RereadSummary["targets"];
      carried: number;
      orphaned: number;
      years: number;
    }
  | { kind: "current" }
  | { kind: "failed"; failure: RereadFailure }
);

/** Re-read one document and write it in one transaction. */
async function rereadDocument(db: Db, documentId: string, options: RematchOptions): Promise<DocumentResult> {
  const document = await loadDocument(db, documentId);
  if (!document) return { kind: "current", file: documentId };
  const file = document.sourceName;
  if (document.reports.every((r) => isCurrentReader(r.readerVersion))) return { kind: "current", file };
  const failed = (code: string, message: string): DocumentResult => ({
    file,
    kind: "failed",
    failure: { documentId, file: document.sourceName, code, message },
  });
  let read: ReadDocument;
  try {
    read = readStoredDocument({
      file: document.sourceName,
      encoding: document.encoding,
      originalText: document.originalText,
      hints: hintsOf(document),
    });
  } catch (error) {
    if (error instanceof ReadError) return failed(error.code, error.reason);
    throw error;
  }
  const next = read.reports.map((report, index) => asStoredBefore(report, document.reports[index]));
  const identified = next.filter((report): report is IdentifiedReport => report !== null);
  if (identified.length !== next.length) {
    return failed(
      "identity",
      `${document.sourceName}: the current reader names no jurisdiction or year; kept as read before`,
    );
  }

  return writeTransaction(
    db,
    async (tx, provider) => {
      for (const report of identified) await ensureJurisdiction(tx, report.code, report.jurisdiction ?? report.code);
      const current = await loadStoredReports(tx, documentId);
      if (current.length === 0) return { kind: "current", file };
      const years = uniqueYears([
        ...(await storedYears(
          tx,
          current.map((r) => r.id),
        )),
        ...touchedYears(identified),
      ]);
      await lockYears(tx, provider, years);
      // Under the locks: another re-read of the same document may have written it meanwhile.
      const again = await loadStoredReports(tx, documentId);
      if (again.length === 0 || again.every((r) => isCurrentReader(r.readerVersion))) return { kind: "current", file };
      const result = { changedReports: 0, targets: { kept: 0, added: 0, removed: 0 }, carried: 0, orphaned: 0 };
      const count = Math.max(again.length, identified.length);
      for (let position = 0; position < count; position += 1) {
        const stored = again[position];
        const report = identified[position] ?? null;
        if (!stored) {
          const added = report as IdentifiedReport;
          await insertReport(tx, provider, { documentId, position, identityOverridden: false }, added);
          result.changedReports += 1;
          result.targets.added += added.targets.length;
          continue;
        }
        const stats = await replaceReading(tx, provider, stored.id, report);
        if (!report) await tx.report.delete({ where: { id: stored.id } });
        if (stats.changed || !report) result.changedReports += 1;
        result.targets.kept += stats.kept;
        result.targets.added += stats.added;
        result.targets.removed += stats.removed;
        result.carried += stats.carried;
        result.orphaned += stats.orphaned;
      }
      for (const { code, year } of years) await rematchYear(tx, provider, code, year, options);
      return { kind: "reread", file, ...result, years: years.length };
    },
    { timeoutMs: TRANSACTION_TIMEOUT_MS },
  );
}

export async function rereadReports(db: Db, scope: RereadScope, options: RereadOptions): Promise<RereadSummary> {
  const documents = await staleDocuments(db, scope);
  const summary: RereadSummary = {
    documents: documents.length,
    reread: 0,
    failed: [],
    changedReports: 0,
    targets: { kept: 0, added: 0, removed: 0 },
    carried: 0,
    orphaned: 0,
    years: 0,
  };
  for (const [index, documentId] of documents.entries()) {
    if (options.signal?.aborted) break;
    const result = await rereadDocument(db, documentId, options);
    if (result.kind === "failed") summary.failed.push(result.failure);
    if (result.kind === "reread") {
      summary.reread += 1;
      summary.changedReports += result.changedReports;
      summary.targets.kept += result.targets.kept;
      summary.targets.added += result.targets.added;
      summary.targets.removed += result.targets.removed;
      summary.carried += result.carried;
      summary.orphaned += result.orphaned;
      summary.years += result.years;
    }
    options.onProgress?.({
      done: index + 1,
      total: documents.length,
      document: { id: documentId, file: result.file },
      result: result.kind === "failed" ? "failed" : "reread",
    });
  }
  return summary;
}
