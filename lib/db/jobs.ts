/**
 * Background jobs (`Job`): created by editors, claimed and run by the app's worker (lib/server/job-worker.ts), which
 * renews the job's `heartbeatAt` while it runs. Every write is a short transaction of its own.
 *
 * Claiming is one conditional UPDATE (`… WHERE state = 'queued' OR (state = 'running' AND heartbeatAt < lease)`):
 * of two claimers of one job only the first changes the row, the second finds the condition false and claims
 * nothing. On SQLite the write transaction holds the database's write lock, so claimers run one after another; on
 * PostgreSQL a claimer first locks a candidate with `FOR UPDATE SKIP LOCKED`, so claimers on several instances pass
 * each other by instead of waiting on one row, and the UPDATE re-checks the condition on the row as committed.
 *
 * The heartbeat doubles as the holder's token: the worker renews, reports and finishes only `WHERE heartbeatAt = `
 * the value it last wrote, so a worker whose job was taken up again after a stall finds its writes refused and stops.
 */
import type { Prisma } from "@/lib/generated/prisma-sqlite/client";
import {
  ACTIVE_JOB_STATES,
  type TJob,
  type TJobErrorCode,
  type TJobKind,
  type TJobRequest,
  type TJobResult,
  type TRereadParams,
  type TRereadSummary,
  ZJobResult,
} from "@/lib/schemas/jobs";
import type { Db, Tx } from "./client";
import { jobKindColumn, jobParamsColumn, jobResultColumn, jobStateColumn } from "./columns";
import { ConflictError, NotFoundError } from "./errors";
import { jobFilesByJob, jobFilesOf } from "./import-jobs";
import type { Provider } from "./providers";
import { writeTransaction } from "./transaction";

/** A running job whose heartbeat is older than this is taken to have lost its worker, and is claimed again. */
export const JOB_LEASE_MS = 60_000;
/** Claims of one job before it is failed: a job that kills its worker every time is not retried forever. */
export const MAX_JOB_ATTEMPTS = 3;
/** Jobs `listJobs` returns by default. */
export const RECENT_JOBS = 20;

type JobRow = Prisma.JobGetPayload<object>;

export function jobOf(row: JobRow): TJob {
  const result = jobResultColumn(row.result, row.id);
  const state = jobStateColumn(row.state, row.id);
  return {
    id: row.id,
    kind: jobKindColumn(row.kind, row.id),
    state,
    params: jobParamsColumn(row.params, row.id),
    total: row.total,
    done: row.done,
    failed: row.failed,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    heartbeatAt: row.heartbeatAt?.toISOString() ?? null,
    cancelRequested: state === "running" && result.cancel !== undefined,
    summary: result.summary ?? null,
    error: result.error ?? null,
  };
}

const resultJson = (result: TJobResult) => ZJobResult.parse(result) as Prisma.InputJsonObject;

/** Serialise writers of one job row on PostgreSQL (SQLite's write transaction does already). */
async function lockJob(tx: Tx, provider: Provider, id: string): Promise<void> {
  if (provider === "postgresql") await tx.$queryRawUnsafe(`SELECT id FROM "Job" WHERE id = $1 FOR UPDATE`, id);
}

/** One creation of a job of this kind at a time on PostgreSQL, so that two editors' clicks cannot both queue one. */
async function lockJobKind(tx: Tx, provider: Provider, kind: TJobKind): Promise<void> {
  if (provider === "postgresql") {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtext($1))`, `luoshi:job:${kind}`);
  }
}

/** The queued or running job of this kind, if any. */
export async function findActiveJob(db: Db | Tx, kind: TJobKind): Promise<TJob | null> {
  const row = await db.job.findFirst({
    where: { kind, state: { in: [...ACTIVE_JOB_STATES] } },
    orderBy: { createdAt: "asc" },
  });
  return row ? jobOf(row) : null;
}

export class JobActiveError extends ConflictError {
  constructor(readonly job: TJob) {
    super("a re-read is already queued or running; wait for it to end, or cancel it", job);
  }
}

/** Queue a re-read; refused (409) while another re-read is queued or running. Imports: lib/db/import-jobs.ts. */
export async function createJob(db: Db, request: TJobRequest, createdBy: string): Promise<TJob> {
  const { kind, ...params } = request;
  return writeTransaction(db, async (tx, provider) => {
    await lockJobKind(tx, provider, kind);
    const active = await findActiveJob(tx, kind);
    if (active) throw new JobActiveError(active);
    const row = await tx.job.create({
      data: {
        kind,
        state: "queued",
        params: params satisfies TRereadParams,
        result: resultJson({ attempts: 0 }),
        createdBy,
      },
    });
    return jobOf(row);
  });
}

/** One job; an import with its files' states and results. */
export async function getJob(db: Db, id: string): Promise<TJob | null> {
  const row = await db.job.findUnique({ where: { id } });
  if (!row) return null;
  const job = jobOf(row);
  return job.kind === "import" ? { ...job, files: await jobFilesOf(db, id) } : job;
}

/** The latest jobs, newest first; imports with their files' states and results. */
export async function listJobs(db: Db, limit = RECENT_JOBS): Promise<TJob[]> {
  const rows = await db.job.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit });
  const jobs = rows.map(jobOf);
  const files = await jobFilesByJob(
    db,
    jobs.filter((job) => job.kind === "import").map((job) => job.id),
  );
  return jobs.map((job) => (job.kind === "import" ? { ...job, files: files.get(job.id) ?? [] } : job));
}

/** A job that may be claimed at `now`: queued, or running with a heartbeat older than the lease. */
const claimable = (now: Date, leaseMs: number): Prisma.JobWhereInput => ({
  OR: [
    { state: "queued" },
    {
      state: "running",
      OR: [{ heartbeatAt: null }, { heartbeatAt: { lt: new Date(now.getTime() - leaseMs) } }],
    },
  ],
});

export interface ClaimedJob {
  job: TJob;
  /** The heartbeat written by the claim: the token the holder's later writes name. */
  lease: Date;
}

/** How many candidates a claimer looks at before giving up until its next poll. */
const CLAIM_CANDIDATES = 5;

/**
 * Claim the oldest claimable job, or null. A job claimed once too often, or whose stored parameters no longer
 * parse, is failed instead; a job asked to stop before its worker died is cancelled.
 */
export async function claimNextJob(db: Db, options: { now?: Date; leaseMs?: number } = {}): Promise<ClaimedJob | null> {
  const now = options.now ?? new Date();
  const leaseMs = options.leaseMs ?? JOB_LEASE_MS;
  return writeTransaction(db, async (tx, provider) => {
    const candidates = await tx.job.findMany({
      where: claimable(now, leaseMs),
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true },
      take: CLAIM_CANDIDATES,
    });
    for (const { id } of candidates) {
      if (provider === "postgresql") {
        // Another instance holds this row for its own claim: take the next one rather than wait.
        const locked = await tx.$queryRawUnsafe<{ id: string }[]>(
          `SELECT id FROM "Job" WHERE id = $1 FOR UPDATE SKIP LOCKED`,
          id,
        );
        if (locked.length === 0) continue;
      }
      const { count } = await tx.job.updateMany({
        where: { id, ...claimable(now, leaseMs) },
        data: { state: "running", heartbeatAt: now },
      });
      if (count === 0) continue;
      const row = await tx.job.findUniqueOrThrow({ where: { id } });
      const result = jobResultColumn(row.result, row.id);
      const attempts = result.attempts + 1;
      const ending = (state: "failed" | "cancelled", error?: TJobErrorCode) =>
        tx.job.update({
          where: { id },
          data: {
            state,
            finishedAt: now,
            result: resultJson({ ...result, attempts, ...(error ? { error: { code: error } } : {}) }),
          },
        });
      if (result.cancel) {
        await ending("cancelled");
        continue;
      }
      if (attempts > MAX_JOB_ATTEMPTS) {
        await ending("failed", "too_many_attempts");
        continue;
      }
      try {
        jobOf(row);
      } catch {
        await ending("failed", "invalid_params");
        continue;
      }
      const claimed = await tx.job.update({
        where: { id },
        data: { startedAt: row.startedAt ?? now, result: resultJson({ ...result, attempts }) },
      });
      return { job: jobOf(claimed), lease: now };
    }
    return null;
  });
}

export interface JobProgress {
  done: number;
  total: number;
  failed: number;
}

export type Renewal = { held: false } | { held: true; lease: Date; cancelRequested: boolean };

/** A new token strictly after the last one, so that every renewal changes it even within one millisecond. */
const nextLease = (lease: Date, now: Date) => new Date(Math.max(now.getTime(), lease.getTime() + 1));

/**
 * Renew the heartbeat of a job this worker holds, with its progress; says whether it still holds the job (not
 * taken up by another worker after a stall) and whether an editor asked it to stop.
 */
export async function renewJob(
  db: Db,
  id: string,
  lease: Date,
  progress?: JobProgress,
  now = new Date(),
): Promise<Renewal> {
  const next = nextLease(lease, now);
  return writeTransaction(db, async (tx) => {
    const { count } = await tx.job.updateMany({
      where: { id, state: "running", heartbeatAt: lease },
      data: { heartbeatAt: next, ...(progress ?? {}) },
    });
    if (count === 0) return { held: false };
    const row = await tx.job.findUniqueOrThrow({ where: { id }, select: { id: true, result: true } });
    return { held: true, lease: next, cancelRequested: jobResultColumn(row.result, row.id).cancel !== undefined };
  });
}

export type JobEnd =
  | { state: "done"; summary?: TRereadSummary }
  | { state: "cancelled"; summary?: TRereadSummary }
  | { state: "failed"; code: TJobErrorCode; summary?: TRereadSummary };

/** End a job this worker holds; false when it no longer holds it (its writes are then another worker's to make). */
export async function finishJob(
  db: Db,
  id: string,
  lease: Date,
  end: JobEnd,
  progress?: JobProgress,
  now = new Date(),
): Promise<boolean> {
  return writeTransaction(db, async (tx, provider) => {
    await lockJob(tx, provider, id);
    const row = await tx.job.findUnique({ where: { id } });
    if (row?.state !== "running" || row.heartbeatAt?.getTime() !== lease.getTime()) return false;
    const result = jobResultColumn(row.result, row.id);
    const { count } = await tx.job.updateMany({
      where: { id, state: "running", heartbeatAt: lease },
      data: {
        state: end.state,
        finishedAt: now,
        heartbeatAt: nextLease(lease, now),
        ...(progress ?? {}),
        result: resultJson({
          ...result,
          ...(end.summary ? { summary: end.summary } : {}),
          ...(end.state === "failed" ? { error: { code: end.code } } : {}),
        }),
      },
    });
    return count === 1;
  });
}

/**
 * Give a running job back to the queue (its worker is stopping): the next claim resumes it, and this claim does not
 * count against its attempts.
 */
export async function releaseJob(db: Db, id: string, lease: Date, progress?: JobProgress): Promise<boolean> {
  return writeTransaction(db, async (tx, provider) => {
    await lockJob(tx, provider, id);
    const row = await tx.job.findUnique({ where: { id } });
    if (row?.state !== "running" || row.heartbeatAt?.getTime() !== lease.getTime()) return false;
    const result = jobResultColumn(row.result, row.id);
    await tx.job.update({
      where: { id },
      data: {
        state: "queued",
        heartbeatAt: null,
        ...(progress ?? {}),
        result: resultJson({ ...result, attempts: Math.max(0, result.attempts - 1) }),
      },
    });
    return true;
  });
}

export class JobEndedError extends ConflictError {
  constructor(readonly job: TJob) {
    super("the job has already ended", job);
  }
}

/**
 * Cancel a job: a queued one at once; a running one is asked to stop, and stops after the document it is writing
 * (its worker reads the request with its next heartbeat). A job that has ended is a conflict.
 */
export async function cancelJob(db: Db, id: string, by: string, now = new Date()): Promise<TJob> {
  return writeTransaction(db, async (tx, provider) => {
    await lockJob(tx, provider, id);
    const row = await tx.job.findUnique({ where: { id } });
    if (!row) throw new NotFoundError(`no job ${id}`);
    const job = jobOf(row);
    const result = jobResultColumn(row.result, row.id);
    const cancel = result.cancel ?? { by, at: now.toISOString() };
    if (job.state === "queued") {
      const updated = await tx.job.update({
        where: { id },
        data: { state: "cancelled", finishedAt: now, result: resultJson({ ...result, cancel }) },
      });
      return jobOf(updated);
    }
    if (job.state === "running") {
      const updated = await tx.job.update({ where: { id }, data: { result: resultJson({ ...result, cancel }) } });
      return jobOf(updated);
    }
    throw new JobEndedError(job);
  });
}
