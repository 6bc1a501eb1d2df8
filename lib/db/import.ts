/**
 * Import: bytes → reader → store → matcher, one transaction per document. The same text imported again changes
 * nothing (documents are keyed by the sha256 of their decoded text, so a GB18030 copy of a UTF-8 file is the same
 * document). A user may override the detected jurisdiction and year, and must give them where the reader could not
 * tell them (extraction.md §1 item 4): a document with a report of unknown code or year is not imported at all.
 */
import { createHash } from "node:crypto";
import {
  MAX_FILE_BYTES,
  type ReadDocument,
  ReadError,
  type ReadFileAsyncOptions,
  type ReadHints,
  type ReadReport,
  readFailure,
  readFileBytesAsync,
  tooLargeError,
} from "@/lib/engine/reader";
import type { TImportResult } from "@/lib/schemas/store";
import { readingChanges } from "./carry-over";
import { type Db, providerOf, type Tx } from "./client";
import {
  type DuplicateChoice,
  deleteReplacedReport,
  findNearDuplicates,
  type NearDuplicate,
  ReplaceRefusedError,
} from "./duplicates";
import { type RematchOptions, rematchYear } from "./matching";
import {
  asReviewSource,
  ensureJurisdiction,
  type ImportOverride,
  insertReport,
  isIdentified,
  touchedYears,
  uniqueYears,
  withOverride,
} from "./report-rows";
import { isCurrentReader } from "./reread";
import { lockYears, writeTransaction } from "./transaction";

export type { ImportOverride } from "./report-rows";

export interface ImportFileInput {
  filename: string;
  bytes: Uint8Array;
  /** Size of an upload whose bytes were not read because it is too large. */
  byteSize?: number;
  override?: ImportOverride;
  /** Who imports (an editor's name), for the record. */
  importedBy?: string;
  /** The user's choice for near-duplicates of stored reports, where the request gives one. */
  onDuplicate?: DuplicateChoice;
}

/** How the caller lets its user give a jurisdiction and a year (`--code <GB/T 2260 code>`, a form field). */
export interface IdentityPrompt {
  code: string;
  year: string;
}

/** How a file's bytes become documents: `readFileBytesAsync`, or the same on another thread (lib/server). */
export type FileReader = (bytes: Uint8Array, options: ReadFileAsyncOptions) => Promise<ReadDocument[]>;

export type ImportOptions = RematchOptions & {
  /** Reads the file; `readFileBytesAsync` by default. */
  read?: FileReader;
  /** Named in the failure of a document whose jurisdiction or year is unknown; default `DEFAULT_IDENTITY_PROMPT`. */
  identityPrompt?: IdentityPrompt;
  /** What to do with a report mostly the same as a stored one (lib/db/duplicates.ts); `skip` by default. */
  onDuplicate?: DuplicateChoice;
  /** Test seam: runs inside each document's transaction after the rows are written. */
  afterWrite?: (tx: Tx) => Promise<void>;
};

export const DEFAULT_IDENTITY_PROMPT: IdentityPrompt = {
  code: "a jurisdiction code (GB/T 2260, 6 digits)",
  year: "the report's year",
};

export type MissingIdentity = "jurisdiction" | "year";

/** What the reports of a document (after the user's override) still lack, in a fixed order. */
export function missingIdentity(reports: ReadReport[]): MissingIdentity[] {
  const missing: MissingIdentity[] = [];
  if (reports.some((report) => report.code === null)) missing.push("jurisdiction");
  if (reports.some((report) => report.year === null)) missing.push("year");
  return missing;
}

/** The failure of a document whose jurisdiction or year is unknown: what is missing, and how to give it. */
export function identityFailure(file: string, missing: MissingIdentity[], prompt: IdentityPrompt): string {
  const jurisdiction = missing.includes("jurisdiction");
  const year = missing.includes("year");
  const what =
    jurisdiction && year
      ? `no jurisdiction could be identified, nor the report's year: give them with ${prompt.code} and ${prompt.year}`
      : jurisdiction
        ? `no jurisdiction could be identified: give it with ${prompt.code}`
        : `the report's year could not be identified: give it with ${prompt.year}`;
  return `${file}: ${what}; nothing was imported`;
}

type ImportedDocument = TImportResult["documents"][number];
type DuplicateEntry = TImportResult["duplicates"][number];
type Failure = TImportResult["failed"][number];

/** A near-duplicate seen inside the transaction (another import stored it meanwhile): the transaction is undone. */
class SkippedAsDuplicate extends Error {
  constructor(readonly duplicates: NearDuplicate[]) {
    super("near-duplicate");
  }
}

const TRANSACTION_TIMEOUT_MS = 120_000;

/**
 * Read one file as the import will (a user's jurisdiction helps identification), without writing: the documents in
 * it, and what could not be read (the whole file, or single .jsonl lines and table rows). PDFs included; a ReadError
 * is reported in `failed`, never thrown.
 */
export async function readImportFile(
  input: ImportFileInput,
  read: FileReader = readFileBytesAsync,
): Promise<{ documents: ReadDocument[]; failed: TImportResult["failed"] }> {
  const failed: TImportResult["failed"] = [];
  try {
    const size = input.byteSize ?? input.bytes.byteLength;
    if (size > MAX_FILE_BYTES) throw tooLargeError(input.filename, size);
    const documents = await read(input.bytes, {
      filename: input.filename,
      hints: hintsOf(input.override),
      onProblem: (problem) => failed.push(readFailure(problem)),
    });
    return { documents, failed };
  } catch (error) {
    if (!(error instanceof ReadError)) throw error;
    return { documents: [], failed: [readFailure(error)] };
  }
}

/**
 * Import one file (several documents for a .jsonl file). Unreadable files and lines are reported, not thrown; so is
 * a document whose jurisdiction or year is unknown and not given by the user (nothing of it is written).
 */
export async function importFile(db: Db, input: ImportFileInput, options: ImportOptions): Promise<TImportResult> {
  return importReadFile(db, input, await readImportFile(input, options.read), options);
}

/**
 * Store what `readImportFile` read of `input`, document by document: the import's database half, so that a caller
 * importing many files can read the next while this one is written (`luoshi import`).
 */
export async function importReadFile(
  db: Db,
  input: ImportFileInput,
  read: Awaited<ReturnType<typeof readImportFile>>,
  options: ImportOptions,
): Promise<TImportResult> {
  const documents = read.documents;
  const failed = [...read.failed];
  const imported: ImportedDocument[] = [];
  const duplicates: DuplicateEntry[] = [];
  for (const document of documents) {
    const one = await importDocument(db, document, input, options);
    duplicates.push(...one.duplicates);
    if (one.result === "skipped") continue;
    if ("error" in one.result) failed.push(one.result);
    else imported.push(one.result);
  }
  return { documents: imported, failed, duplicates };
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

interface DocumentOutcome {
  result: ImportedDocument | Failure | "skipped";
  duplicates: DuplicateEntry[];
}

async function importDocument(
  db: Db,
  document: ReadDocument,
  input: ImportFileInput,
  options: ImportOptions,
): Promise<DocumentOutcome> {
  const hash = contentHash(document.originalText);
  const overridden = document.reports.map((report) => withOverride(report, input.override));
  const existing = await findByHash(db, hash, document.file);
  if (existing) return { result: await withStaleness(db, existing, overridden), duplicates: [] };
  const provider = providerOf(db);
  // "Set by the importer" only where the user's jurisdiction or year replaced what the reader found.
  const replaced = new Set(
    document.reports.flatMap((report, index) => (identityReplaced(report, input.override) ? [index] : [])),
  );
  const missing = missingIdentity(overridden);
  if (missing.length > 0) {
    const prompt = options.identityPrompt ?? DEFAULT_IDENTITY_PROMPT;
    return {
      result: {
        file: document.file,
        error: identityFailure(document.file, missing, prompt),
        code: "missing_identity",
        missing,
      },
      duplicates: [],
    };
  }
  const identified = overridden.flatMap((report, index) =>
    isIdentified(report) ? [{ report, replaced: replaced.has(index) }] : [],
  );
  const choice = input.onDuplicate ?? options.onDuplicate ?? "skip";
  const entriesOf = (found: NearDuplicate[], resolution: DuplicateEntry["resolution"]) =>
    found.map((d) => duplicateEntry(document.file, d, resolution));

  try {
    return await writeTransaction(
      db,
      async (tx) => {
        for (const code of new Set(identified.map(({ report }) => report.code))) {
          await ensureJurisdiction(
            tx,
            code,
            identified.find(({ report }) => report.code === code)?.report.jurisdiction ?? code,
          );
        }
        // Every year's lock before anything of them is read, in one order: imports never wait on each other in a cycle.
        const years = touchedYears(identified.map(({ report }) => report));
        await lockYears(tx, provider, years);
        // Under the locks, so that two imports of the same report cannot both miss the other.
        const duplicates = await findNearDuplicates(
          tx,
          identified.map(({ report }) => report),
        );
        // The same report in other bytes is the stored document; a near-duplicate waits for the user's choice.
        const sameDocument = sameStoredDocument(duplicates, identified.length);
        const same = sameDocument ? await findDocument(tx, sameDocument, document.file) : null;
        if (same) return { result: await withStaleness(tx, same, overridden), duplicates: [] };
        if (duplicates.length > 0 && choice === "skip") throw new SkippedAsDuplicate(duplicates);
        if (choice === "replace") {
          for (const reportId of new Set(duplicates.map((d) => d.stored.id))) {
            const freed = await deleteReplacedReport(tx, reportId);
            await lockYears(tx, provider, freed);
            years.push(...freed);
          }
        }
        const kept = new Set(choice === "keep" ? duplicates.map((d) => d.position) : []);
        const created = await tx.document.create({
          data: {
            contentHash: hash,
            encoding: document.encoding,
            sourceName: document.file,
            // Kept so that a later reader reads the document as this one did; the url is the source to cite.
            sourceUrl: document.hints?.url ?? null,
            hints: document.hints ? { ...document.hints } : undefined,
            byteSize: Buffer.byteLength(document.originalText, "utf8"),
            originalText: document.originalText,
            importedBy: input.importedBy ?? null,
          },
        });
        const stored: ImportedDocument["reports"] = [];
        for (const [position, { report, replaced }] of identified.entries()) {
          const asStored = kept.has(position) ? asReviewSource(report) : report;
          const id = await insertReport(
            tx,
            provider,
            { documentId: created.id, position, identityOverridden: replaced },
            asStored,
          );
          stored.push({ id, code: asStored.code, year: asStored.year, kind: asStored.kind });
        }
        for (const { code, year } of uniqueYears(years)) await rematchYear(tx, provider, code, year, options);
        await options.afterWrite?.(tx);
        const resolution = choice === "replace" ? "replaced" : "kept";
        return {
          result: { id: created.id, file: document.file, created: true, reports: stored },
          duplicates: entriesOf(duplicates, resolution),
        };
      },
      { timeoutMs: TRANSACTION_TIMEOUT_MS },
    );
  } catch (error) {
    if (error instanceof ReplaceRefusedError)
      return { result: { file: document.file, error: error.message, code: "replace_refused" }, duplicates: [] };
    if (error instanceof SkippedAsDuplicate)
      return { result: "skipped", duplicates: entriesOf(error.duplicates, "skipped") };
    // Someone imported the same text at the same moment: theirs stands, ours changes nothing.
    const raced = await findByHash(db, hash, document.file);
    if (raced) return { result: await withStaleness(db, raced, overridden), duplicates: [] };
    throw error;
  }
}

/**
 * A stored document the import found again: when an older reader read it, say so, and whether the current reader's
 * reading (`reports`, as this import reads the bytes) differs from what is stored.
 */
async function withStaleness(db: Tx, found: ImportedDocument, reports: ReadReport[]): Promise<ImportedDocument> {
  const stored = await db.report.findMany({
    where: { documentId: found.id },
    select: { id: true, readerVersion: true },
    orderBy: { position: "asc" },
  });
  const older = stored.find((report) => !isCurrentReader(report.readerVersion));
  if (!older) return found;
  let rereadChanges = stored.length !== reports.length;
  for (const [position, report] of reports.entries()) {
    if (rereadChanges) break;
    const row = stored[position];
    rereadChanges = !row || !isIdentified(report) || (await readingChanges(db, row.id, report));
  }
  return { ...found, stale: { readerVersion: older.readerVersion, rereadChanges } };
}

/** Every report of the new document is, but for blanks, a report of one stored document with as many reports. */
function sameStoredDocument(found: NearDuplicate[], reports: number): string | null {
  if (found.length !== reports || !found.every((d) => d.same)) return null;
  const ids = new Set(found.map((d) => d.stored.documentId));
  return ids.size === 1 ? ([...ids][0] as string) : null;
}

function duplicateEntry(file: string, d: NearDuplicate, resolution: DuplicateEntry["resolution"]): DuplicateEntry {
  return {
    file,
    code: d.stored.code,
    year: d.stored.year,
    overlap: Math.round(d.overlap * 1000) / 1000,
    existing: { reportId: d.stored.id, file: d.stored.file },
    resolution,
  };
}

function findByHash(db: Db, hash: string, file: string): Promise<ImportedDocument | null> {
  return findDocument(db, { contentHash: hash }, file);
}

async function findDocument(
  db: Tx,
  where: { contentHash: string } | string,
  file: string,
): Promise<ImportedDocument | null> {
  const existing = await db.document.findUnique({
    where: typeof where === "string" ? { id: where } : where,
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

/** The user's jurisdiction or year differs from what the reader found (or the reader found none). */
function identityReplaced(report: ReadReport, override: ImportOverride | undefined): boolean {
  if (!override) return false;
  const code = override.code !== undefined && override.code !== report.code;
  const year = override.year !== undefined && override.year !== report.year;
  return code || year;
}
