/**
 * Background jobs on a real database (lib/db/jobs.ts, lib/server/job-worker.ts, /api/jobs): one re-read queued at a
 * time, exactly one claimer of a job however many race for it (in one process and in several), a job whose worker
 * died taken up again, cancelling, the worker's progress, failures and stops, and the routes' auth and validation.
 * The worker runs a stand-in for the re-read here, so that these tests say what the worker does whatever the engine.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as cancelRoute from "@/app/api/jobs/[id]/cancel/route";
import * as jobRoute from "@/app/api/jobs/[id]/route";
import * as jobsRoute from "@/app/api/jobs/route";
import * as sessionRoute from "@/app/api/session/route";
import { createDb, type Db } from "@/lib/db/client";
import { importFile } from "@/lib/db/import";
import {
  cancelJob,
  claimNextJob,
  createJob,
  finishJob,
  getJob,
  JOB_LEASE_MS,
  JobActiveError,
  JobEndedError,
  MAX_JOB_ATTEMPTS,
  renewJob,
} from "@/lib/db/jobs";
import { PROVIDERS } from "@/lib/db/providers";
import { type RereadOptions, staleReports } from "@/lib/db/reread";
import { type TRereadSummary, ZJob, ZJobList } from "@/lib/schemas/jobs";
import { runClaimedJob, runPendingJobs, startJobWorker, wakeJobWorker } from "@/lib/server/job-worker";
import { bytesOf, seedPath } from "../support/corpus";
import { openTestStore, type TestStore } from "../support/store";

const ORIGIN = "http://luoshi.test";
const TOKEN = "jobs-test-token";
const PASSWORD = "jobs-test-password";
const bearer = { authorization: `Bearer ${TOKEN}` };
const root = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);

const params = <T>(value: T) => ({ params: Promise.resolve(value) });
const request = (route: string, init: RequestInit = {}) => new Request(`${ORIGIN}${route}`, init);
const post = (body: unknown, headers: Record<string, string> = bearer): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

const summaryOf = (documents: number, reread = documents): TRereadSummary => ({
  documents,
  reread,
  failed: [],
  changedReports: 0,
  targets: { kept: 0, added: 0, removed: 0 },
  carried: 0,
  orphaned: 0,
  years: 0,
});

/** A stand-in for rereadReports: `documents` documents of `ms` each, stopping after the current one on abort. */
function fakeReread(documents: number, ms = 0, seen: { scope?: unknown; tolerance?: number } = {}) {
  return async (_db: Db, scope: unknown, options: RereadOptions): Promise<TRereadSummary> => {
    seen.scope = scope;
    seen.tolerance = options.tolerance;
    let done = 0;
    while (done < documents && !options.signal?.aborted) {
      await new Promise((resolve) => setTimeout(resolve, ms));
      done += 1;
      options.onProgress?.({
        done,
        total: documents,
        document: { id: `d${done}`, file: `${done}.txt` },
        result: done === 2 ? "failed" : "reread",
      });
    }
    return {
      ...summaryOf(documents, done),
      failed: done >= 2 ? [{ documentId: "d2", file: "2.txt", code: "not_a_report", message: "not a report" }] : [],
    };
  };
}

/** Claim in `count` processes of their own, all at the same moment: the ids each one claimed (null for none). */
async function claimInProcesses(url: string, count: number): Promise<(string | null)[]> {
  const startAt = Date.now() + 4_000;
  const results = await Promise.all(
    Array.from({ length: count }, () =>
      run(process.execPath, ["--import", "tsx", path.join(root, "tests/support/claim-job.ts"), String(startAt)], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: url },
      }),
    ),
  );
  return results.map((result) => JSON.parse(result.stdout.trim()) as string | null);
}

describe.each(PROVIDERS)("background jobs on %s", (provider) => {
  let store: TestStore;
  const saved = { ...process.env };
  beforeAll(async () => {
    store = await openTestStore(provider);
    Object.assign(process.env, {
      DATABASE_URL: store.url,
      LUOSHI_API_TOKEN: TOKEN,
      LUOSHI_EDITOR_PASSWORD: PASSWORD,
      LUOSHI_TOLERANCE: "0.5",
    });
  });
  afterAll(async () => {
    process.env = saved;
    await store.close();
  });
  beforeEach(async () => {
    await store.db.job.deleteMany();
  });

  it("queues one re-read at a time: a second is refused with the active job, also when both are asked at once", async () => {
    const first = await createJob(store.db, { kind: "reread", code: "370202" }, "甲");
    expect(first).toMatchObject({ state: "queued", params: { code: "370202" }, createdBy: "甲", done: 0 });
    const refused = await createJob(store.db, { kind: "reread" }, "乙").catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(JobActiveError);
    expect((refused as JobActiveError).status).toBe(409);
    expect((refused as JobActiveError).job.id).toBe(first.id);

    await store.db.job.deleteMany();
    // Two app instances (two clients) asked at the same moment, ten times over (one client on SQLite, as above).
    const other = provider === "postgresql" ? createDb({ provider, url: store.url }) : store.db;
    try {
      for (let round = 0; round < 10; round += 1) {
        await store.db.job.deleteMany();
        const results = await Promise.allSettled([
          createJob(store.db, { kind: "reread" }, "甲"),
          createJob(other, { kind: "reread" }, "乙"),
        ]);
        expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
        const rejected = results.find((r) => r.status === "rejected");
        expect(rejected?.status === "rejected" && rejected.reason).toBeInstanceOf(JobActiveError);
        expect(await store.db.job.count()).toBe(1);
      }
    } finally {
      if (other !== store.db) await other.$disconnect();
    }
  });

  it("lets exactly one of several claimers have a job, in one process and in several", async () => {
    // Two clients on PostgreSQL, as two app instances; one on SQLite, whose second connection in this process would
    // wait for the first synchronously (several SQLite processes race below).
    const other = provider === "postgresql" ? createDb({ provider, url: store.url }) : store.db;
    try {
      for (let round = 0; round < 10; round += 1) {
        await store.db.job.deleteMany();
        const job = await createJob(store.db, { kind: "reread" }, "甲");
        const claims = await Promise.all([claimNextJob(store.db), claimNextJob(other), claimNextJob(other)]);
        expect(claims.filter((c) => c !== null).map((c) => c?.job.id)).toEqual([job.id]);
        expect(await getJob(store.db, job.id)).toMatchObject({ state: "running" });
      }
    } finally {
      if (other !== store.db) await other.$disconnect();
    }

    await store.db.job.deleteMany();
    const queued = await createJob(store.db, { kind: "reread" }, "甲");
    const claimed = await claimInProcesses(store.url, 3);
    expect(claimed.filter((id) => id !== null)).toEqual([queued.id]);

    // A job whose worker died: its heartbeat is past the lease, and again one of three takes it up.
    await store.db.job.update({
      where: { id: queued.id },
      data: { heartbeatAt: new Date(Date.now() - JOB_LEASE_MS - 5_000) },
    });
    const reclaimed = await claimInProcesses(store.url, 3);
    expect(reclaimed.filter((id) => id !== null)).toEqual([queued.id]);
    const row = await store.db.job.findUniqueOrThrow({ where: { id: queued.id } });
    expect(row.state).toBe("running");
    expect(row.heartbeatAt?.getTime()).toBeGreaterThan(Date.now() - 30_000);
  }, 180_000);

  it("takes up a job whose heartbeat is stale, never a live one; the stalled worker's writes are refused", async () => {
    const job = await createJob(store.db, { kind: "reread" }, "甲");
    const start = new Date(Date.now() - 10 * 60_000);
    const first = await claimNextJob(store.db, { now: start });
    expect(first?.job.id).toBe(job.id);
    const renewed = await renewJob(store.db, job.id, first?.lease ?? start, { done: 1, total: 4, failed: 0 }, start);
    expect(renewed).toMatchObject({ held: true, cancelRequested: false });
    const lease = renewed.held ? renewed.lease : start;

    // Within the lease nobody else may claim it.
    expect(await claimNextJob(store.db, { now: new Date(lease.getTime() + JOB_LEASE_MS - 1_000) })).toBeNull();
    // Past it, another worker does, and resumes with the progress recorded.
    const second = await claimNextJob(store.db);
    expect(second?.job).toMatchObject({ id: job.id, state: "running", done: 1, total: 4 });
    expect(second?.job.startedAt).toBe(start.toISOString());
    expect((await store.db.job.findUniqueOrThrow({ where: { id: job.id } })).result).toMatchObject({ attempts: 2 });
    // The first worker wakes up: it no longer holds the job, and cannot end it.
    expect(await renewJob(store.db, job.id, lease)).toEqual({ held: false });
    expect(await finishJob(store.db, job.id, lease, { state: "done", summary: summaryOf(4) })).toBe(false);
    expect(await getJob(store.db, job.id)).toMatchObject({ state: "running" });
  });

  it("fails a job claimed too often (its worker died each time) instead of retrying it forever", async () => {
    const job = await createJob(store.db, { kind: "reread" }, "甲");
    for (let attempt = 1; attempt <= MAX_JOB_ATTEMPTS; attempt += 1) {
      expect((await claimNextJob(store.db))?.job.id).toBe(job.id);
      await store.db.job.update({ where: { id: job.id }, data: { heartbeatAt: new Date(0) } });
    }
    expect(await claimNextJob(store.db)).toBeNull();
    expect(await getJob(store.db, job.id)).toMatchObject({ state: "failed", error: { code: "too_many_attempts" } });
  });

  it("cancels a queued job at once, a running one after its current document, an ended one never", async () => {
    const queued = await createJob(store.db, { kind: "reread" }, "甲");
    const cancelled = await cancelJob(store.db, queued.id, "乙");
    expect(cancelled).toMatchObject({ state: "cancelled", cancelRequested: false });
    expect(cancelled.finishedAt).not.toBeNull();
    expect(await claimNextJob(store.db)).toBeNull();
    await expect(cancelJob(store.db, queued.id, "乙")).rejects.toBeInstanceOf(JobEndedError);

    const job = await createJob(store.db, { kind: "reread", year: 2019 }, "甲");
    const claimed = await claimNextJob(store.db);
    if (!claimed) throw new Error("nothing claimed");
    const running = runClaimedJob(claimed, {
      db: () => store.db,
      work: fakeReread(200, 10),
      heartbeatMs: 30,
      progressMs: 10,
      log: () => {},
    });
    // Wait until it has done some work, then cancel it.
    for (let i = 0; i < 200 && ((await getJob(store.db, job.id))?.done ?? 0) < 3; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await cancelJob(store.db, job.id, "乙")).toMatchObject({ state: "running", cancelRequested: true });
    await running;
    const ended = await getJob(store.db, job.id);
    expect(ended).toMatchObject({ state: "cancelled", cancelRequested: false });
    expect(ended?.summary?.reread).toBeGreaterThanOrEqual(3);
    expect(ended?.summary?.reread).toBeLessThan(200);
    expect(ended?.done).toBe(ended?.summary?.reread);
  });

  it("runs a job to its end with its scope and the settings' tolerance, writing progress as it goes", async () => {
    const job = await createJob(store.db, { kind: "reread", code: "370202", year: 2019 }, "甲");
    const seen: { scope?: unknown; tolerance?: number } = {};
    const progress: number[] = [];
    const work = fakeReread(6, 30, seen);
    const watching = (async () => {
      for (let i = 0; i < 100; i += 1) {
        const now = await getJob(store.db, job.id);
        if (now?.state !== "running" && now?.state !== "queued") return;
        progress.push(now.done);
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
    })();
    await runPendingJobs({ db: () => store.db, work, progressMs: 0, heartbeatMs: 1_000, log: () => {} });
    await watching;
    expect(seen).toEqual({ scope: { code: "370202", year: 2019 }, tolerance: 0.5 });
    // Progress was visible before the end.
    expect(progress.some((done) => done > 0 && done < 6)).toBe(true);
    const ended = await getJob(store.db, job.id);
    expect(ended).toMatchObject({ state: "done", done: 6, total: 6, failed: 1, error: null });
    expect(ended?.summary).toMatchObject({
      documents: 6,
      reread: 6,
      failed: [{ file: "2.txt", code: "not_a_report" }],
    });
    expect(ended?.finishedAt).not.toBeNull();
    // Nothing left to do.
    expect(await claimNextJob(store.db)).toBeNull();
  });

  it("ends a job whose work throws as failed with a code, and goes on with the next", async () => {
    const job = await createJob(store.db, { kind: "reread" }, "甲");
    const logged: string[] = [];
    await runPendingJobs({
      db: () => store.db,
      work: async () => {
        throw new Error("the engine broke");
      },
      log: (message) => logged.push(message),
    });
    expect(await getJob(store.db, job.id)).toMatchObject({ state: "failed", error: { code: "error" }, summary: null });
    expect(logged.join("\n")).toMatch(/failed/);
    // The kind is free again.
    const next = await createJob(store.db, { kind: "reread" }, "甲");
    await runPendingJobs({ db: () => store.db, work: fakeReread(1), log: () => {} });
    expect(await getJob(store.db, next.id)).toMatchObject({ state: "done" });
  });

  it("gives a running job back to the queue when its worker stops, to be resumed by the next", async () => {
    const job = await createJob(store.db, { kind: "reread" }, "甲");
    const claimed = await claimNextJob(store.db);
    if (!claimed) throw new Error("nothing claimed");
    const stopping = new AbortController();
    const running = runClaimedJob(
      claimed,
      { db: () => store.db, work: fakeReread(200, 10), progressMs: 0, log: () => {} },
      stopping.signal,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    stopping.abort();
    await running;
    const row = await store.db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(row).toMatchObject({ state: "queued", heartbeatAt: null, finishedAt: null });
    expect(row.done).toBeGreaterThan(0);
    expect(row.result).toMatchObject({ attempts: 0 });
    expect((await claimNextJob(store.db))?.job.id).toBe(job.id);
  });

  it("runs a job created in its process at once when woken, and keeps polling after a failed look", async () => {
    const logged: string[] = [];
    let broken = true;
    const worker = startJobWorker({
      // The first look fails as with a database down; the worker logs it and carries on.
      db: () => {
        if (broken) {
          broken = false;
          throw new Error("database down");
        }
        return store.db;
      },
      work: fakeReread(2),
      pollMs: 60_000,
      log: (message) => logged.push(message),
    });
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(logged).toEqual(["could not look for jobs"]);
      const job = await createJob(store.db, { kind: "reread" }, "甲");
      wakeJobWorker();
      await expect
        .poll(async () => (await getJob(store.db, job.id))?.state, { timeout: 10_000, interval: 50 })
        .toBe("done");
    } finally {
      await worker.stop();
    }
  });

  it("re-reads stale reports with the engine: the job ends done with its summary, and nothing is stale", async () => {
    const file = seedPath("001");
    await importFile(store.db, { filename: file, bytes: bytesOf(file) }, { tolerance: 0 });
    await store.db.report.updateMany({ data: { readerVersion: "luoshi-reader/old" } });
    expect((await staleReports(store.db, {})).stale).toBeGreaterThan(0);
    const job = await createJob(store.db, { kind: "reread", code: "370202" }, "甲");
    await runPendingJobs({ db: () => store.db, log: () => {} });
    const ended = await getJob(store.db, job.id);
    expect(ended).toMatchObject({ state: "done", error: null, failed: 0 });
    expect(ended?.summary?.reread).toBe(ended?.summary?.documents);
    expect(ended?.done).toBe(ended?.total);
    expect((await staleReports(store.db, {})).stale).toBe(0);
  });

  describe("routes", () => {
    it("answers 401 without an editor, 201 and the job with one, 409 for a second, 400 for bad input", async () => {
      expect((await jobsRoute.POST(request("/api/jobs", post({ kind: "reread" }, {})), undefined)).status).toBe(401);
      expect((await jobsRoute.GET(request("/api/jobs"), undefined)).status).toBe(401);
      expect((await jobRoute.GET(request("/api/jobs/x"), params({ id: "x" }))).status).toBe(401);
      expect(
        (await cancelRoute.POST(request("/api/jobs/x/cancel", { method: "POST" }), params({ id: "x" }))).status,
      ).toBe(401);
      const wrongToken = await jobsRoute.POST(
        request("/api/jobs", post({ kind: "reread" }, { authorization: "Bearer nope" })),
        undefined,
      );
      expect(wrongToken.status).toBe(401);

      for (const body of [
        {},
        { kind: "rewrite" },
        { kind: "reread", code: "37020" },
        { kind: "reread", year: 1800 },
        { kind: "reread", year: "2019x" },
        { kind: "reread", extra: 1 },
        { kind: "reread", code: "370202\u0000" },
      ]) {
        const response = await jobsRoute.POST(request("/api/jobs", post(body)), undefined);
        expect({ body, status: response.status }).toEqual({ body, status: 400 });
      }
      const notJson = await jobsRoute.POST(
        request("/api/jobs", { method: "POST", headers: bearer, body: "{kind" }),
        undefined,
      );
      expect(notJson.status).toBe(400);
      const tooLarge = await jobsRoute.POST(
        request("/api/jobs", post({ kind: "reread", pad: "x".repeat(100_000) })),
        undefined,
      );
      expect(tooLarge.status).toBe(413);
      expect(await store.db.job.count()).toBe(0);

      const created = await jobsRoute.POST(
        request("/api/jobs", post({ kind: "reread", code: "370202", year: 2019 })),
        undefined,
      );
      expect(created.status).toBe(201);
      const job = ZJob.parse(await created.json());
      expect(job).toMatchObject({ state: "queued", params: { code: "370202", year: 2019 }, createdBy: "api-token" });

      const again = await jobsRoute.POST(request("/api/jobs", post({ kind: "reread" })), undefined);
      expect(again.status).toBe(409);
      expect(await again.json()).toMatchObject({ current: { id: job.id, state: "queued" } });

      const one = await jobRoute.GET(request(`/api/jobs/${job.id}`, { headers: bearer }), params({ id: job.id }));
      expect(one.status).toBe(200);
      expect(ZJob.parse(await one.json()).id).toBe(job.id);
      const list = await jobsRoute.GET(request("/api/jobs", { headers: bearer }), undefined);
      expect(ZJobList.parse(await list.json()).items.map((j) => j.id)).toEqual([job.id]);
      expect((await jobsRoute.GET(request("/api/jobs?limit=5", { headers: bearer }), undefined)).status).toBe(400);

      const unknown = await jobRoute.GET(request("/api/jobs/nope", { headers: bearer }), params({ id: "nope" }));
      expect(unknown.status).toBe(404);
      const cancelUnknown = await cancelRoute.POST(
        request("/api/jobs/nope/cancel", { method: "POST", headers: bearer }),
        params({ id: "nope" }),
      );
      expect(cancelUnknown.status).toBe(404);
      const tooLong = "x".repeat(65);
      expect(
        (await jobRoute.GET(request(`/api/jobs/${tooLong}`, { headers: bearer }), params({ id: tooLong }))).status,
      ).toBe(400);

      const cancel = await cancelRoute.POST(
        request(`/api/jobs/${job.id}/cancel`, { method: "POST", headers: bearer }),
        params({ id: job.id }),
      );
      expect(cancel.status).toBe(200);
      expect(ZJob.parse(await cancel.json()).state).toBe("cancelled");
      const cancelAgain = await cancelRoute.POST(
        request(`/api/jobs/${job.id}/cancel`, { method: "POST", headers: bearer }),
        params({ id: job.id }),
      );
      expect(cancelAgain.status).toBe(409);
    });

    it("lets a signed-in editor read jobs without an Origin, but start one only from the app's origin", async () => {
      const signIn = await sessionRoute.POST(
        request("/api/session", post({ name: "admin", password: PASSWORD }, {})),
        undefined,
      );
      expect(signIn.status).toBe(200);
      const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
      const headers = { cookie, host: "luoshi.test" };
      expect((await jobsRoute.GET(request("/api/jobs", { headers }), undefined)).status).toBe(200);
      const foreign = await jobsRoute.POST(
        request("/api/jobs", post({ kind: "reread" }, { ...headers, origin: "http://evil.example" })),
        undefined,
      );
      expect(foreign.status).toBe(403);
      expect(await store.db.job.count()).toBe(0);
      const own = await jobsRoute.POST(
        request("/api/jobs", post({ kind: "reread" }, { ...headers, origin: ORIGIN })),
        undefined,
      );
      expect(own.status).toBe(201);
      expect(ZJob.parse(await own.json()).createdBy).toBe("admin");
    });
  });
});
