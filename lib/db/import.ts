/**
 * Import: bytes → reader → store → matcher, one transaction per document. The same text imported again changes
 * nothing (documents are keyed by the sha256 of their decoded text, so a GB18030 copy of a UTF-8 file is the same
 * document). A user may override the detected jurisdiction and year, and must give them where the reader could not
 * tell them (extraction.md §1 item 4): a document with a report of unknown code or year is not imported at all.
 */
import { createHash } from "node:crypto";
import {
  MAX_FILE_BYTES,
  READER_VERSION,
  type ReadDocument,
  ReadError,
  type ReadHints,
  type ReadReport,
  readFileBytes,
  tooLargeError,
} from "@/lib/engine/reader";
import { divisionByCode } from "@/lib/engine/reader/document/divisions";
import type { TImportResult } from "@/lib/schemas/store";
import { insertRows, timestamp } from "./bulk-write";
import { type Db, providerOf, type Tx } from "./client";
import {
  type DuplicateChoice,
  deleteReplacedReport,
  findNearDuplicates,
  type NearDuplicate,
  ReplaceRefusedError,
} from "./duplicates";
import { countIndicators } from "./indicator-tally";
import { type RematchOptions, rematchYear } from "./matching";
import type { Provider } from "./providers";
import { lockYears, writeTransaction } from "./transaction";

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
  /** The user's choice for near-duplicates of stored reports, where the request gives one. */
  onDuplicate?: DuplicateChoice;
}

/** How the caller lets its user give a jurisdiction and a year (`--code <GB/T 2260 code>`, a form field). */
export interface IdentityPrompt {
  code: string;
  year: string;
}

export type ImportOptions = RematchOptions & {
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

/** What a report must know to be stored: every row is keyed by jurisdiction code and year. */
type IdentifiedReport = ReadReport & { code: string; year: number };

const isIdentified = (report: ReadReport): report is IdentifiedReport => report.code !== null && report.year !== null;

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
    const documents = readFileBytes(input.bytes, {
      filename: input.filename,
      hints: hintsOf(input.override),
      onProblem: (problem) => failed.push({ file: problem.file, error: problem.message }),
    });
    return { documents, failed };
  } catch (error) {
    if (!(error instanceof ReadError)) throw error;
    return { documents: [], failed: [{ file: input.filename, error: error.message }] };
  }
}

/**
 * Import one file (several documents for a .jsonl file). Unreadable files and lines are reported, not thrown; so is
 * a document whose jurisdiction or year is unknown and not given by the user (nothing of it is written).
 */
export async function importFile(db: Db, input: ImportFileInput, options: ImportOptions): Promise<TImportResult> {
  const { documents, failed } = readImportFile(input);
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
  const existing = await findByHash(db, hash, document.file);
  if (existing) return { result: existing, duplicates: [] };
  const provider = providerOf(db);
  const overridden = document.reports.map((report) => withOverride(report, input.override));
  // "Set by the importer" only where the user's jurisdiction or year replaced what the reader found.
  const replaced = new Set(
    document.reports.flatMap((report, index) => (identityReplaced(report, input.override) ? [index] : [])),
  );
  const missing = missingIdentity(overridden);
  if (missing.length > 0) {
    const prompt = options.identityPrompt ?? DEFAULT_IDENTITY_PROMPT;
    return {
      result: { file: document.file, error: identityFailure(document.file, missing, prompt), missing },
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
        if (same) return { result: same, duplicates: [] };
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
            byteSize: Buffer.byteLength(document.originalText, "utf8"),
            originalText: document.originalText,
            importedBy: input.importedBy ?? null,
          },
        });
        const stored: ImportedDocument["reports"] = [];
        for (const [position, { report, replaced }] of identified.entries()) {
          const asStored = kept.has(position) ? asReviewSource(report) : report;
          const id = await createReport(tx, provider, created.id, position, asStored, replaced);
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
      return { result: { file: document.file, error: error.message }, duplicates: [] };
    if (error instanceof SkippedAsDuplicate)
      return { result: "skipped", duplicates: entriesOf(error.duplicates, "skipped") };
    // Someone imported the same text at the same moment: theirs stands, ours changes nothing.
    const raced = await findByHash(db, hash, document.file);
    if (raced) return { result: raced, duplicates: [] };
    throw error;
  }
}

/** The jurisdiction-years whose judgement a report changes: its plan, its review, and every year its figures cover. */
function touchedYears(reports: IdentifiedReport[]): { code: string; year: number }[] {
  const years: { code: string; year: number }[] = [];
  for (const report of reports) {
    const add = (year: number) => years.push({ code: report.code, year });
    if (report.planYear !== null && report.targets.length > 0) add(report.planYear);
    for (const outcome of report.outcomes) {
      if (outcome.year !== null) add(outcome.year);
      // A period figure changes the reason of the targets of every year it covers (periodOnlyReason).
      else if (outcome.period) for (let year = outcome.period[0]; year <= outcome.period[1]; year += 1) add(year);
    }
    if (report.reviewYear !== null) add(report.reviewYear);
  }
  return uniqueYears(years);
}

function uniqueYears(years: { code: string; year: number }[]) {
  return [...new Map(years.map((y) => [`${y.code}:${y.year}`, y])).values()];
}

/** Every report of the new document is, but for blanks, a report of one stored document with as many reports. */
function sameStoredDocument(found: NearDuplicate[], reports: number): string | null {
  if (found.length !== reports || !found.every((d) => d.same)) return null;
  const ids = new Set(found.map((d) => d.stored.documentId));
  return ids.size === 1 ? ([...ids][0] as string) : null;
}

/** A work report kept beside its near-duplicate: its figures count as another source, its plan is not doubled. */
function asReviewSource(report: IdentifiedReport): IdentifiedReport {
  return { ...report, kind: "review_source", planYear: null, year: report.reviewYear ?? report.year, targets: [] };
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

/** A number that can be stored: Infinity and NaN (a figure the reader overflowed on) are stored as null. */
const finite = (value: number | null | undefined) =>
  value !== null && value !== undefined && Number.isFinite(value) ? value : null;

/**
 * The report as the user says it is: another jurisdiction or year moves its plan, review and outcome years along.
 * Where the reader could not tell the year, the user's year is the plan year of a work report (which then reviews
 * the year before) or the reviewed year of a review source, and the outcomes the reader could not date are of the
 * reviewed year. Period figures (`period` set) keep `year: null`; their period moves with the report's year.
 */
function withOverride(report: ReadReport, override: ImportOverride | undefined): ReadReport {
  if (!override || (override.code === undefined && override.year === undefined)) return report;
  const code = override.code ?? report.code;
  const named = (given: string) =>
    given === report.code && report.jurisdiction !== null
      ? report.jurisdiction
      : (divisionByCode(given)?.canonicalName ?? (given === NATIONAL.code ? NATIONAL.name : given));
  return {
    ...report,
    ...yearsAsGiven(report, override.year),
    code,
    jurisdiction: code === null ? report.jurisdiction : (override.name ?? named(code)),
    confidence: 1,
  };
}

function yearsAsGiven(
  report: ReadReport,
  year: number | undefined,
): Pick<ReadReport, "year" | "planYear" | "reviewYear" | "outcomes"> {
  if (year === undefined) return report;
  if (report.year !== null) {
    const shift = year - report.year;
    const moved = (value: number | null) => (value === null ? null : value + shift);
    return {
      year,
      planYear: moved(report.planYear),
      reviewYear: moved(report.reviewYear),
      outcomes: report.outcomes.map((outcome) => ({
        ...outcome,
        year: moved(outcome.year),
        ...(outcome.period
          ? { period: [outcome.period[0] + shift, outcome.period[1] + shift] as [number, number] }
          : {}),
      })),
    };
  }
  const review = report.kind === "review_source";
  const reviewed = review ? year : year - 1;
  const reviews = review || report.outcomes.length > 0 || report.sections.some((s) => s.kind === "review");
  return {
    year,
    planYear: review ? null : year,
    reviewYear: reviews ? reviewed : null,
    outcomes: report.outcomes.map((outcome) =>
      outcome.year === null && !outcome.period ? { ...outcome, year: reviewed } : outcome,
    ),
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
  report: IdentifiedReport,
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
      readerVersion: READER_VERSION,
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
        value: finite(target.value),
        min: finite(target.min),
        max: finite(target.max),
        unit: target.unit,
        polarity: target.polarity,
        headline: target.headline,
        text: target.text,
        start: target.start,
        end: target.end,
        readerVersion: READER_VERSION,
      })),
    );
  }
  // An outcome is stored as a figure of its year. A multi-year review's period figure (`period` set, `year` null) is
  // stored with its period, under the period's last year: it is never matched to a year's target, and the scorecard
  // of every year inside the period shows it as context (verdicts.md "Periods are not years"). An outcome with
  // neither a year nor a period is not stored. `position` keeps the reader's index.
  const dated = report.outcomes.flatMap((outcome, index) => {
    const period = outcome.year === null ? (outcome.period ?? null) : null;
    const year = outcome.year ?? period?.[1] ?? null;
    return year === null ? [] : [{ outcome, year, period, index }];
  });
  if (dated.length > 0) {
    const createdAt = timestamp();
    await insertRows(
      tx,
      provider,
      "Outcome",
      dated.map(({ outcome, year, period, index }) => ({
        reportId: created.id,
        jurisdictionCode: report.code,
        year,
        periodStart: period?.[0] ?? null,
        periodEnd: period?.[1] ?? null,
        position: index,
        indicatorName: outcome.indicator,
        measure: outcome.measure,
        value: finite(outcome.value),
        min: finite(outcome.min),
        max: finite(outcome.max),
        unit: outcome.unit,
        polarity: outcome.polarity,
        estimated: outcome.estimated,
        stated: outcome.stated ?? null,
        text: outcome.text,
        start: outcome.start,
        end: outcome.end,
        manual: false,
        createdAt,
        readerVersion: READER_VERSION,
      })),
    );
  }
  return created.id;
}
