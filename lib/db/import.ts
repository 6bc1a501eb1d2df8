/**
 * Import: bytes → reader → store → matcher, one transaction per document. The same text imported again changes
 * nothing (documents are keyed by the sha256 of their decoded text, so a GB18030 copy of a UTF-8 file is the same
 * document). A user may override the detected jurisdiction and year.
 */
import { createHash } from "node:crypto";
import {
  MAX_FILE_BYTES,
  type ReadDocument,
  ReadError,
  type ReadHints,
  type ReadReport,
  readDocument,
  readFileBytes,
  tooLargeError,
} from "@/lib/engine/reader";
import { divisionByCode } from "@/lib/engine/reader/document/divisions";
import type { TImportResult } from "@/lib/schemas/store";
import { insertRows, timestamp } from "./bulk-write";
import { type Db, providerOf, type Tx } from "./client";
import { countIndicators } from "./indicator-tally";
import { type RematchOptions, rematchYear } from "./matching";
import type { Provider } from "./providers";

export interface ImportOverride {
  code?: string;
  /** Display name for a code outside the division list (demo data, a body the list lacks). */
  name?: string;
  /** The report's year: the plan year of a work report, the reviewed year of a review source. */
  year?: number;
}

export interface ImportFileInput {
  filename: string;
  bytes: Uint8Array;
  /** Size of an upload whose bytes were not read because it is too large. */
  byteSize?: number;
  override?: ImportOverride;
  /** Who imports (an editor's name), for the record. */
  importedBy?: string;
}

export type ImportOptions = RematchOptions & {
  /** Test seam: runs inside each document's transaction after the rows are written. */
  afterWrite?: (tx: Tx) => Promise<void>;
};

type ImportedDocument = TImportResult["documents"][number];

const NATIONAL = { code: "000000", name: "全国", level: "national" };
const TRANSACTION_TIMEOUT_MS = 120_000;

/**
 * Read one file as the import will (a user's jurisdiction helps identification), without writing: the documents in
 * it, and what could not be read (the whole file, or single .jsonl lines).
 */
export function readImportFile(input: ImportFileInput): { documents: ReadDocument[]; failed: TImportResult["failed"] } {
  const failed: TImportResult["failed"] = [];
  try {
    const size = input.byteSize ?? input.bytes.byteLength;
    if (size > MAX_FILE_BYTES) throw tooLargeError(input.filename, size);
    const documents = /\.jsonl$/i.test(input.filename)
      ? readFileBytes(input.bytes, {
          filename: input.filename,
          onProblem: (problem) => failed.push({ file: problem.file, error: problem.message }),
        })
      : [readDocument(input.bytes, { filename: input.filename, hints: hintsOf(input.override) })];
    return { documents, failed };
  } catch (error) {
    if (!(error instanceof ReadError)) throw error;
    return { documents: [], failed: [{ file: input.filename, error: error.message }] };
  }
}

/** Import one file (several documents for a .jsonl file). Unreadable files and lines are reported, not thrown. */
export async function importFile(db: Db, input: ImportFileInput, options: ImportOptions): Promise<TImportResult> {
  const { documents, failed } = readImportFile(input);
  const imported: ImportedDocument[] = [];
  for (const document of documents) {
    imported.push(await importDocument(db, document, input, options));
  }
  return { documents: imported, failed };
}

/**
 * What the user says of a jurisdiction helps the reader identify it (a code or name it would not find itself). The
 * year is not passed: `withOverride` moves the detected plan and review years by the difference.
 */
function hintsOf(override: ImportOverride | undefined): ReadHints {
  return { code: override?.code, jurisdiction: override?.name };
}

export function contentHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

async function importDocument(
  db: Db,
  document: ReadDocument,
  input: ImportFileInput,
  options: ImportOptions,
): Promise<ImportedDocument> {
  const hash = contentHash(document.originalText);
  const existing = await findByHash(db, hash, document.file);
  if (existing) return existing;
  const provider = providerOf(db);
  const reports = document.reports.map((report) => withOverride(report, input.override));
  try {
    return await db.$transaction(
      async (tx) => {
        for (const code of new Set(reports.map((report) => report.code))) {
          await ensureJurisdiction(tx, code, reports.find((r) => r.code === code)?.jurisdiction ?? code);
        }
        const created = await tx.document.create({
          data: {
            contentHash: hash,
            encoding: document.encoding,
            sourceName: document.file,
            byteSize: Buffer.byteLength(document.originalText, "utf8"),
            originalText: document.originalText,
            importedBy: input.importedBy ?? null,
          },
        });
        const stored: ImportedDocument["reports"] = [];
        const touched = new Set<string>();
        for (const [position, report] of reports.entries()) {
          const id = await createReport(tx, provider, created.id, position, report, input.override !== undefined);
          stored.push({ id, code: report.code, year: report.year, kind: report.kind });
          if (report.planYear !== null && report.targets.length > 0) touched.add(`${report.code}:${report.planYear}`);
          for (const outcome of report.outcomes) touched.add(`${report.code}:${outcome.year}`);
          if (report.reviewYear !== null) touched.add(`${report.code}:${report.reviewYear}`);
        }
        for (const key of touched) {
          const [code, year] = key.split(":") as [string, string];
          await rematchYear(tx, provider, code, Number(year), options);
        }
        await options.afterWrite?.(tx);
        return { id: created.id, file: document.file, created: true, reports: stored };
      },
      { timeout: TRANSACTION_TIMEOUT_MS, maxWait: TRANSACTION_TIMEOUT_MS },
    );
  } catch (error) {
    // Someone imported the same text at the same moment: theirs stands, ours changes nothing.
    const raced = await findByHash(db, hash, document.file);
    if (raced) return raced;
    throw error;
  }
}

async function findByHash(db: Db, hash: string, file: string): Promise<ImportedDocument | null> {
  const existing = await db.document.findUnique({
    where: { contentHash: hash },
    select: {
      id: true,
      reports: { select: { id: true, jurisdictionCode: true, year: true, kind: true }, orderBy: { position: "asc" } },
    },
  });
  if (!existing) return null;
  return {
    id: existing.id,
    file,
    created: false,
    reports: existing.reports.map((r) => ({ id: r.id, code: r.jurisdictionCode, year: r.year, kind: r.kind })),
  };
}

/** The report as the user says it is: another jurisdiction or year moves its plan, review and outcome years along. */
function withOverride(report: ReadReport, override: ImportOverride | undefined): ReadReport {
  if (!override || (override.code === undefined && override.year === undefined)) return report;
  const code = override.code ?? report.code;
  const shift = override.year === undefined ? 0 : override.year - report.year;
  const division = divisionByCode(code);
  return {
    ...report,
    code,
    jurisdiction:
      override.name ??
      (code === report.code
        ? report.jurisdiction
        : (division?.canonicalName ?? (code === NATIONAL.code ? NATIONAL.name : code))),
    year: report.year + shift,
    planYear: report.planYear === null ? null : report.planYear + shift,
    reviewYear: report.reviewYear === null ? null : report.reviewYear + shift,
    outcomes: report.outcomes.map((outcome) => ({ ...outcome, year: outcome.year + shift })),
    confidence: 1,
  };
}

/** Create the jurisdiction and, from the division list, its parents. */
async function ensureJurisdiction(tx: Tx, code: string, fallbackName: string): Promise<void> {
  if (await tx.jurisdiction.findUnique({ where: { code }, select: { code: true } })) return;
  if (code === NATIONAL.code) {
    await tx.jurisdiction.create({ data: NATIONAL });
    return;
  }
  const division = divisionByCode(code);
  if (!division) {
    await tx.jurisdiction.create({ data: { code, name: fallbackName, level: "county" } });
    return;
  }
  if (division.parent) await ensureJurisdiction(tx, division.parent.code, division.parent.canonicalName);
  await tx.jurisdiction.create({
    data: { code, name: division.canonicalName, level: division.level, parentCode: division.parent?.code ?? null },
  });
}

async function createReport(
  tx: Tx,
  provider: Provider,
  documentId: string,
  position: number,
  report: ReadReport,
  overridden: boolean,
) {
  const created = await tx.report.create({
    data: {
      documentId,
      position,
      kind: report.kind,
      jurisdictionCode: report.code,
      year: report.year,
      planYear: report.planYear,
      reviewYear: report.reviewYear,
      confidence: report.confidence,
      identityOverridden: overridden,
      text: report.text,
      originalStart: report.toOriginalOffset(0),
      originalEnd: report.toOriginalOffset(report.text.length),
      sections: report.sections,
    },
    select: { id: true },
  });
  if (report.targets.length > 0 && report.planYear !== null) {
    const planYear = report.planYear;
    await countIndicators(tx, report.targets);
    await insertRows(
      tx,
      provider,
      "Target",
      report.targets.map((target, index) => ({
        reportId: created.id,
        jurisdictionCode: report.code,
        planYear,
        position: index,
        indicatorName: target.indicator,
        measure: target.measure,
        qualifier: target.qualifier,
        value: target.value,
        min: target.min,
        max: target.max,
        unit: target.unit,
        polarity: target.polarity,
        headline: target.headline,
        text: target.text,
        start: target.start,
        end: target.end,
      })),
    );
  }
  if (report.outcomes.length > 0) {
    const createdAt = timestamp();
    await insertRows(
      tx,
      provider,
      "Outcome",
      report.outcomes.map((outcome, index) => ({
        reportId: created.id,
        jurisdictionCode: report.code,
        year: outcome.year,
        position: index,
        indicatorName: outcome.indicator,
        measure: outcome.measure,
        value: outcome.value,
        min: outcome.min ?? null,
        max: outcome.max ?? null,
        unit: outcome.unit,
        polarity: outcome.polarity,
        estimated: outcome.estimated,
        stated: outcome.stated ?? null,
        text: outcome.text,
        start: outcome.start,
        end: outcome.end,
        manual: false,
        createdAt,
      })),
    );
  }
  return created.id;
}
