/**
 * The background worker of the app's server process: polls the `Job` table, claims one job at a time
 * (lib/db/jobs.ts), runs it, and renews its heartbeat and progress while it runs. Only instrumentation.ts starts it,
 * so the CLI and tests that import lib code never run jobs behind their back.
 *
 * A job whose process died is claimed again once its heartbeat is older than the lease; a re-read resumes with what
 * is still stale, an import with its files not yet done (lib/server/import-job.ts), so running it again is safe.
 * Re-reads and imports share the queue: one job at a time per instance. Nothing here may take the server down: every failure ends as a failed
 * job or a line in the log, and the next poll goes on.
 */
import { type Db, getDb } from "@/lib/db/client";
import {
  type ClaimedJob,
  claimNextJob,
  finishJob,
  JOB_LEASE_MS,
  type JobProgress,
  releaseJob,
  renewJob,
} from "@/lib/db/jobs";
import { type RereadOptions, type RereadScope, rereadReports } from "@/lib/db/reread";
import type { TRereadSummary } from "@/lib/schemas/jobs";
import { runImportJob } from "./import-job";
import { engineOptions } from "./settings";

/** What a job of kind `reread` runs: lib/db/reread.ts, or a stand-in in tests. */
export type RereadWork = (db: Db, scope: RereadScope, options: RereadOptions) => Promise<TRereadSummary>;

export interface JobWorkerOptions {
  db?: () => Db;
  work?: RereadWork;
  /** Between polls when there is nothing to do. */
  pollMs?: number;
  /** Between heartbeats of a running job: well within the lease. */
  heartbeatMs?: number;
  /** Progress is written at most this often (the heartbeat carries it too). */
  progressMs?: number;
  leaseMs?: number;
  log?: (message: string, error?: unknown) => void;
}

const defaults = {
  pollMs: 3_000,
  heartbeatMs: 10_000,
  progressMs: 1_000,
  leaseMs: JOB_LEASE_MS,
  log: (message: string, error?: unknown) => console.error(`luoshi job worker: ${message}`, error ?? ""),
};

export interface JobWorker {
  /** Look for work now (a job was just created in this process). */
  wake(): void;
  /**
   * Stop polling; a job being run stops after its current document and goes back to the queue (not cancelled: the
   * next worker resumes it).
   */
  stop(): Promise<void>;
}

/**
 * Run one claimed job to its end. Returns once the job is ended, or once it turned out to be held by another
 * worker (taken up after this one stalled past the lease).
 */
export async function runClaimedJob(
  claimed: ClaimedJob,
  options: JobWorkerOptions = {},
  stopping?: AbortSignal,
): Promise<void> {
  const db = (options.db ?? getDb)();
  const work = options.work ?? rereadReports;
  const heartbeatMs = options.heartbeatMs ?? defaults.heartbeatMs;
  const progressMs = options.progressMs ?? defaults.progressMs;
  const log = options.log ?? defaults.log;
  const { job } = claimed;

  const controller = new AbortController();
  let lease = claimed.lease;
  let lost = false;
  let cancelled = false;
  const progress: JobProgress = { done: job.done, total: job.total, failed: job.failed };
  let lastWrite = 0;
  // Writes one after another: each names the token the previous one wrote.
  let writes = Promise.resolve();
  const renew = () => {
    lastWrite = Date.now();
    const snapshot = { ...progress };
    writes = writes.then(async () => {
      if (lost) return;
      try {
        const renewal = await renewJob(db, job.id, lease, snapshot);
        if (!renewal.held) {
          lost = true;
          controller.abort();
          return;
        }
        lease = renewal.lease;
        if (renewal.cancelRequested && !cancelled) {
          cancelled = true;
          controller.abort();
        }
      } catch (error) {
        // A missed heartbeat is retried by the next; past the lease another worker may take the job up.
        log(`could not renew job ${job.id}`, error);
      }
    });
  };
  const heartbeat = setInterval(renew, heartbeatMs);
  heartbeat.unref?.();
  // The worker stopping: the work ends after its current document and the job goes back to the queue.
  const onStop = () => controller.abort();
  stopping?.addEventListener("abort", onStop, { once: true });

  let failedDocuments = 0;
  let end: Parameters<typeof finishJob>[3];
  try {
    // A cancel asked for while the job was being claimed is read before any work.
    renew();
    await writes;
    if (lost) return;
    if (job.kind === "import") {
      // File by file; progress is written after each file, whose import may take a while.
      await runImportJob(db, job, {
        signal: controller.signal,
        onProgress: (p) => {
          Object.assign(progress, p);
          renew();
        },
      });
      end = cancelled ? { state: "cancelled" } : { state: "done" };
    } else {
      const summary = await work(db, job.params, {
        ...engineOptions(),
        signal: controller.signal,
        onProgress: (p) => {
          if (p.result === "failed") failedDocuments += 1;
          Object.assign(progress, { done: p.done, total: p.total, failed: failedDocuments });
          if (Date.now() - lastWrite >= progressMs) renew();
        },
      });
      Object.assign(progress, { done: progress.done, total: summary.documents, failed: summary.failed.length });
      end = cancelled ? { state: "cancelled", summary } : { state: "done", summary };
    }
  } catch (error) {
    if (cancelled) end = { state: "cancelled" };
    else {
      log(`job ${job.id} failed`, error);
      end = { state: "failed", code: "error" };
    }
  } finally {
    clearInterval(heartbeat);
    stopping?.removeEventListener("abort", onStop);
  }
  await writes;
  if (lost) {
    log(`job ${job.id} was taken up by another worker; this one leaves it`);
    return;
  }
  try {
    if (stopping?.aborted && !cancelled && end.state !== "failed") {
      await releaseJob(db, job.id, lease, progress);
      return;
    }
    if (!(await finishJob(db, job.id, lease, end, progress))) {
      log(`job ${job.id} was taken up by another worker before it could be ended here`);
    }
  } catch (error) {
    // Left running: once its heartbeat is stale it is claimed again, and a re-read resumes where it stopped.
    log(`could not record the end of job ${job.id}`, error);
  }
}

/** Claim and run jobs one after another until none is left or `stopping` fires. */
export async function runPendingJobs(options: JobWorkerOptions = {}, stopping?: AbortSignal): Promise<void> {
  const db = (options.db ?? getDb)();
  while (!stopping?.aborted) {
    const claimed = await claimNextJob(db, { leaseMs: options.leaseMs ?? defaults.leaseMs });
    if (!claimed) return;
    await runClaimedJob(claimed, options, stopping);
  }
}

/** The worker of this process, on globalThis: Next loads instrumentation and route handlers as separate bundles. */
const globalForWorker = globalThis as typeof globalThis & { luoshiJobWorker?: JobWorker };

export function startJobWorker(options: JobWorkerOptions = {}): JobWorker {
  if (globalForWorker.luoshiJobWorker) return globalForWorker.luoshiJobWorker;
  const pollMs = options.pollMs ?? defaults.pollMs;
  const log = options.log ?? defaults.log;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const stopping = new AbortController();
  /** The last poll's failure, logged once until polling works again (a database down, migrations not applied). */
  let lastFailure: string | null = null;

  const schedule = (ms: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(poll, ms);
    timer.unref?.();
  };
  const poll = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    again = false;
    running = runPendingJobs(options, stopping.signal)
      .then(() => {
        lastFailure = null;
      })
      .catch((error: unknown) => {
        const text = error instanceof Error ? error.message : String(error);
        if (text !== lastFailure) log("could not look for jobs", error);
        lastFailure = text;
      })
      .finally(() => {
        running = null;
        schedule(again ? 0 : pollMs);
      });
  };

  const worker: JobWorker = {
    wake: () => schedule(0),
    stop: async () => {
      stopped = true;
      stopping.abort();
      clearTimeout(timer);
      await running;
      if (globalForWorker.luoshiJobWorker === worker) globalForWorker.luoshiJobWorker = undefined;
    },
  };
  globalForWorker.luoshiJobWorker = worker;
  schedule(0);
  return worker;
}

/** Tell this process's worker, if it runs here, that a job was created: it looks now instead of at its next poll. */
export function wakeJobWorker(): void {
  globalForWorker.luoshiJobWorker?.wake();
}
