/**
 * Background jobs (lib/db/jobs.ts, lib/server/job-worker.ts): their kinds, states, parameters and stored results, as
 * the `Job` table holds them and `/api/jobs` answers them. Add keys, never rename them.
 */
import { z } from "zod";
import { ZCode, ZDuplicateChoice, ZImportResult, ZYear } from "./store";

/** `reread`: stored reports read again; `import`: uploaded files and web addresses imported one after another. */
export const ZJobKind = z.enum(["reread", "import"]);
export type TJobKind = z.infer<typeof ZJobKind>;

/** queued → running → done | failed | cancelled; a queued job may be cancelled before it runs. */
export const ZJobState = z.enum(["queued", "running", "done", "failed", "cancelled"]);
export type TJobState = z.infer<typeof ZJobState>;

/** States in which a job still holds its place: at most one re-read is in one of them at a time (imports queue). */
export const ACTIVE_JOB_STATES = ["queued", "running"] as const satisfies readonly TJobState[];

/** A re-read's scope: a jurisdiction, a year (a report's `year`), both, or every stored report. */
export const ZRereadParams = z.object({ code: ZCode.optional(), year: ZYear.optional() }).strict();
export type TRereadParams = z.infer<typeof ZRereadParams>;

/** An import's choices for every file: the form's jurisdiction and year override and its near-duplicate choice. */
export const ZImportParams = z
  .object({ code: ZCode.optional(), year: ZYear.optional(), onDuplicate: ZDuplicateChoice.optional() })
  .strict();
export type TImportParams = z.infer<typeof ZImportParams>;

/** `Job.params` of either kind: a re-read's scope, or an import's choices (the kind tells which). */
export const ZJobParams = ZImportParams;
export type TJobParams = z.infer<typeof ZJobParams>;

/** A file of an import job: queued until the worker imports it, then done (imported, or refused in part) or failed. */
export const ZJobFileState = z.enum(["queued", "done", "failed"]);
export type TJobFileState = z.infer<typeof ZJobFileState>;

/** A file or web address of an import job, with its import result once done (`/api/jobs/{id}`). */
export const ZJobFile = z.object({
  position: z.number().int(),
  name: z.string(),
  /** The web address fetched for this file, else null. */
  url: z.string().nullable(),
  size: z.number().int(),
  state: ZJobFileState,
  result: ZImportResult.nullable(),
});
export type TJobFile = z.infer<typeof ZJobFile>;

/** `POST /api/jobs`: the kind and its parameters in one flat body. */
export const ZJobRequest = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("reread"), code: ZCode.optional(), year: ZYear.optional() }).strict(),
]);
export type TJobRequest = z.infer<typeof ZJobRequest>;

/** lib/db/reread.ts `RereadSummary`, as stored and answered. */
export const ZRereadSummary = z.object({
  documents: z.number().int(),
  reread: z.number().int(),
  failed: z.array(
    z.object({
      documentId: z.string(),
      file: z.string(),
      /** A ReadError code (`not_a_report`, `empty`…) or `identity`. */
      code: z.string(),
      message: z.string(),
    }),
  ),
  changedReports: z.number().int(),
  targets: z.object({ kept: z.number().int(), added: z.number().int(), removed: z.number().int() }),
  carried: z.number().int(),
  orphaned: z.number().int(),
  years: z.number().int(),
});
export type TRereadSummary = z.infer<typeof ZRereadSummary>;

/**
 * Why a job failed: the work threw (`error`), its parameters no longer parse (`invalid_params`), or its worker died
 * with it too many times in a row (`too_many_attempts`, so that a job that kills its process is not retried forever).
 */
export const ZJobErrorCode = z.enum(["error", "invalid_params", "too_many_attempts"]);
export type TJobErrorCode = z.infer<typeof ZJobErrorCode>;

/**
 * `Job.result`: filled in as the job goes. `attempts` counts claims (a reclaim after a dead worker adds one),
 * `cancel` is an editor's request to stop a running job, `summary` what the work did (also for a cancelled job: the
 * documents done before it stopped), `error` why it failed.
 */
export const ZJobResult = z.object({
  attempts: z.number().int().min(0).default(0),
  cancel: z.object({ by: z.string(), at: z.iso.datetime() }).optional(),
  summary: ZRereadSummary.optional(),
  error: z.object({ code: ZJobErrorCode }).optional(),
});
export type TJobResult = z.infer<typeof ZJobResult>;

/** A job as `/api/jobs` answers it. */
export const ZJob = z.object({
  id: z.string(),
  kind: ZJobKind,
  state: ZJobState,
  params: ZJobParams,
  total: z.number().int(),
  done: z.number().int(),
  failed: z.number().int(),
  createdBy: z.string(),
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
  heartbeatAt: z.iso.datetime().nullable(),
  /** A running job asked to stop: it stops after the document it is writing. */
  cancelRequested: z.boolean(),
  summary: ZRereadSummary.nullable(),
  error: z.object({ code: ZJobErrorCode }).nullable(),
  /** An import's files in their order, each with its state and result (import jobs only). */
  files: z.array(ZJobFile).optional(),
});
export type TJob = z.infer<typeof ZJob>;

export const ZJobList = z.object({ items: z.array(ZJob) });
export type TJobList = z.infer<typeof ZJobList>;

/** What the overview's banner and a report's notice show: reports older than the reader. */
export const ZStaleReports = z.object({
  stale: z.number().int(),
  total: z.number().int(),
  byVersion: z.array(z.object({ readerVersion: z.string(), reports: z.number().int() })),
});
export type TStaleReports = z.infer<typeof ZStaleReports>;
