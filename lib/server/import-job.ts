/**
 * What the job worker runs for a job of kind `import` (lib/db/import-jobs.ts): the job's queued files one after
 * another, each read on the reading thread (read-in-worker.ts) and imported document by document as
 * `POST /api/import` did in the request; a web address is fetched first (lib/net, the CLI's limits; private addresses
 * only with LUOSHI_FETCH_ALLOW_PRIVATE) and stored with the address as the document's source. Each file is marked done
 * or failed with its result, so a job resumed after a restart skips the files already marked. A stop (`signal`:
 * cancel, or the worker stopping) is obeyed between files.
 */
import type { Db } from "@/lib/db/client";
import { type ImportFileInput, importFile } from "@/lib/db/import";
import {
  finishJobFile,
  jobFileCounts,
  loadJobFile,
  queuedFilePositions,
  type StoredJobFile,
} from "@/lib/db/import-jobs";
import { ReadError, readFailure, synchronouslyReadable } from "@/lib/engine/reader";
import { FetchError, fetchDocument } from "@/lib/net/fetch-document";
import type { TJob } from "@/lib/schemas/jobs";
import type { TImportResult } from "@/lib/schemas/store";
import { readSettings } from "@/lib/settings";
import { codedFailures, IMPORT_IDENTITY_FIELDS } from "./import-request";
import { requestReader } from "./read-in-worker";
import { engineOptions } from "./settings";

export interface ImportJobOptions {
  signal?: AbortSignal;
  /** After each file: files ended (done or failed), of which failed, and the job's total. */
  onProgress?: (progress: { done: number; failed: number; total: number }) => void;
  log?: (message: string, error?: unknown) => void;
}

const failedResult = (failure: TImportResult["failed"][number]): TImportResult => ({
  documents: [],
  failed: [failure],
  duplicates: [],
});

/** The name and bytes of a stored file, or of the document its web address serves. */
async function inputOf(file: StoredJobFile): Promise<{ filename: string; bytes: Uint8Array; byteSize?: number }> {
  if (file.url === null) return { filename: file.name, bytes: file.bytes, byteSize: file.size };
  const fetched = await fetchDocument(file.url, { allowPrivate: readSettings().LUOSHI_FETCH_ALLOW_PRIVATE });
  // The address becomes the document's name, and the reader takes a web address as the document's source.
  const filename = fetched.url;
  // A page whose declared charset detection alone would misread is re-encoded; PDFs and Word files are read as sent.
  const bytes =
    fetched.format === "pdf" || fetched.format === "docx"
      ? fetched.bytes
      : await synchronouslyReadable(fetched.bytes, { filename, charset: fetched.charset });
  return { filename, bytes };
}

/** Import one stored file; never throws for the file's own faults (they are its result), only for the database's. */
export async function importJobFile(db: Db, job: TJob, file: StoredJobFile): Promise<TImportResult> {
  const { code, year, onDuplicate } = job.params;
  let input: ImportFileInput;
  try {
    input = { ...(await inputOf(file)), override: { code, year }, importedBy: job.createdBy, onDuplicate };
  } catch (error) {
    if (error instanceof FetchError) {
      return failedResult({
        file: file.name,
        error: error.message,
        code: "fetch_failed",
        params: { reason: error.code, ...error.params },
      });
    }
    if (error instanceof ReadError) return failedResult(readFailure(error));
    throw error;
  }
  const result = await importFile(db, input, {
    ...engineOptions(),
    identityPrompt: IMPORT_IDENTITY_FIELDS,
    onDuplicate,
    read: requestReader(),
  });
  return { ...result, failed: codedFailures(result.failed) };
}

/** Import the job's queued files in order, marking each; stops between files once `signal` fires. */
export async function runImportJob(db: Db, job: TJob, options: ImportJobOptions = {}): Promise<void> {
  const positions = await queuedFilePositions(db, job.id);
  for (const position of positions) {
    if (options.signal?.aborted) return;
    const file = await loadJobFile(db, job.id, position);
    if (!file) continue;
    const result = await importJobFile(db, job, file);
    const failed = result.documents.length === 0 && result.duplicates.length === 0 && result.failed.length > 0;
    await finishJobFile(db, file.id, failed ? "failed" : "done", result);
    options.onProgress?.(await jobFileCounts(db, job.id));
  }
}
