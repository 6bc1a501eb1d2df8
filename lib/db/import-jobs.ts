/**
 * Import jobs (`Job` of kind `import` with its `JobFile`s): `POST /api/import` stores the uploaded files (or the web
 * addresses to fetch) with the job and answers at once; the worker (lib/server/import-job.ts) imports them one after
 * another, each document in its own transaction as a direct import does, and marks each file done or failed with
 * its result. A job resumed after its worker died skips the files already marked, so each file is imported once;
 * a file whose import committed just before the worker died is imported again, which changes nothing (the same text
 * again is `created: false`).
 */
import type { Prisma } from "@/lib/generated/prisma-sqlite/client";
import {
  type TImportParams,
  type TJob,
  type TJobFile,
  type TJobFileState,
  type TJobResult,
  ZJobResult,
} from "@/lib/schemas/jobs";
import type { TImportResult } from "@/lib/schemas/store";
import type { Db } from "./client";
import { jobFileResultColumn, jobFileStateColumn } from "./columns";
import { jobOf } from "./jobs";
import { writeTransaction } from "./transaction";

/** A file to import: its bytes (or, past the reader's limit, only its size), or a web address to fetch. */
export type ImportJobFile = { name: string; bytes: Uint8Array; size: number } | { url: string };

/** Queue an import of `files` (in this order) with the form's choices. Imports queue behind each other. */
export async function createImportJob(
  db: Db,
  params: TImportParams,
  files: ImportJobFile[],
  createdBy: string,
): Promise<TJob> {
  return writeTransaction(db, async (tx) => {
    const row = await tx.job.create({
      data: {
        kind: "import",
        state: "queued",
        params,
        total: files.length,
        result: ZJobResult.parse({ attempts: 0 } satisfies TJobResult) as Prisma.InputJsonObject,
        createdBy,
      },
    });
    for (const [position, file] of files.entries()) {
      await tx.jobFile.create({
        data:
          "url" in file
            ? { jobId: row.id, position, name: file.url, url: file.url, state: "queued" }
            : {
                jobId: row.id,
                position,
                name: file.name,
                bytes: Uint8Array.from(file.bytes),
                size: file.size,
                state: "queued",
              },
      });
    }
    return { ...jobOf(row), files: await jobFilesOf(tx, row.id) };
  });
}

const fileColumns = { position: true, name: true, url: true, size: true, state: true, result: true, jobId: true };
type FileRow = Prisma.JobFileGetPayload<{ select: typeof fileColumns }>;

const fileOf = (row: FileRow): TJobFile => ({
  position: row.position,
  name: row.name,
  url: row.url,
  size: row.size,
  state: jobFileStateColumn(row.state),
  result: jobFileResultColumn(row.result ?? null),
});

/** An import job's files in their order, without their bytes. */
export async function jobFilesOf(db: Pick<Db, "jobFile">, jobId: string): Promise<TJobFile[]> {
  const rows = await db.jobFile.findMany({ where: { jobId }, orderBy: { position: "asc" }, select: fileColumns });
  return rows.map(fileOf);
}

/** The files of several jobs at once, by job (for the list of jobs). */
export async function jobFilesByJob(db: Db, jobIds: string[]): Promise<Map<string, TJobFile[]>> {
  const byJob = new Map<string, TJobFile[]>();
  if (jobIds.length === 0) return byJob;
  const rows = await db.jobFile.findMany({
    where: { jobId: { in: jobIds } },
    orderBy: [{ jobId: "asc" }, { position: "asc" }],
    select: fileColumns,
  });
  for (const row of rows) byJob.set(row.jobId, [...(byJob.get(row.jobId) ?? []), fileOf(row)]);
  return byJob;
}

/** The positions of an import job's files still to import, in order. */
export async function queuedFilePositions(db: Db, jobId: string): Promise<number[]> {
  const rows = await db.jobFile.findMany({
    where: { jobId, state: "queued" },
    orderBy: { position: "asc" },
    select: { position: true },
  });
  return rows.map((row) => row.position);
}

export interface StoredJobFile {
  id: string;
  position: number;
  name: string;
  url: string | null;
  bytes: Uint8Array;
  size: number;
}

/** One queued file with its bytes (loaded one at a time: a job's files together may be large). */
export async function loadJobFile(db: Db, jobId: string, position: number): Promise<StoredJobFile | null> {
  const row = await db.jobFile.findUnique({ where: { jobId_position: { jobId, position } } });
  if (row?.state !== "queued") return null;
  const bytes = row.bytes ? new Uint8Array(row.bytes) : new Uint8Array();
  return { id: row.id, position: row.position, name: row.name, url: row.url, bytes, size: row.size };
}

/** Mark a file done or failed with its result; its bytes are dropped, the result says what became of it. */
export async function finishJobFile(
  db: Db,
  id: string,
  state: Exclude<TJobFileState, "queued">,
  result: TImportResult,
): Promise<void> {
  await writeTransaction(db, (tx) =>
    tx.jobFile.updateMany({
      where: { id, state: "queued" },
      data: { state, result: result as Prisma.InputJsonObject, bytes: null },
    }),
  );
}

/** Files of a job done and failed so far: the job's progress. */
export async function jobFileCounts(db: Db, jobId: string): Promise<{ done: number; failed: number; total: number }> {
  const groups = await db.jobFile.groupBy({ by: ["state"], where: { jobId }, _count: { _all: true } });
  const count = (state: TJobFileState) => groups.find((g) => g.state === state)?._count._all ?? 0;
  const failed = count("failed");
  return { done: count("done") + failed, failed, total: groups.reduce((n, g) => n + g._count._all, 0) };
}

/** The files' results as one answer, in the shape of a direct import's (`POST /api/import` before jobs). */
export function combinedImportResult(files: readonly TJobFile[]): TImportResult {
  const result: TImportResult = { documents: [], failed: [], duplicates: [] };
  for (const file of files) {
    if (!file.result) continue;
    result.documents.push(...file.result.documents);
    result.failed.push(...file.result.failed);
    result.duplicates.push(...file.result.duplicates);
  }
  return result;
}

/**
 * The status a direct import answered with for this result: 201 when a document was created, 200 when every one was
 * stored already, 409 when nothing was stored because each report repeats a stored one, 400 when nothing could be.
 */
export function importResultStatus(result: TImportResult): 200 | 201 | 400 | 409 {
  const skipped = result.duplicates.some((d) => d.resolution === "skipped");
  if (result.documents.length === 0) return skipped && result.failed.length === 0 ? 409 : 400;
  return result.documents.some((d) => d.created) ? 201 : 200;
}
