/**
 * Uploads and web addresses as import jobs (app/api/import/route.ts, lib/db/import-jobs.ts, lib/server/import-job.ts),
 * on both databases: the upload is stored with a queued job and answered at once; the worker, driven from the test,
 * imports the files one by one with the documents a direct import writes; a job stopped half-way and left with a
 * stale heartbeat is taken up again and skips the files already done; web addresses are fetched (from a server on
 * 127.0.0.1, allowed by the setting here) and stored with their address; validation and sign-in are checked first.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as importRoute from "@/app/api/import/route";
import * as jobRoute from "@/app/api/jobs/[id]/route";
import type { Db } from "@/lib/db/client";
import { importFile } from "@/lib/db/import";
import { claimNextJob, JOB_LEASE_MS } from "@/lib/db/jobs";
import { PROVIDERS } from "@/lib/db/providers";
import { type TJob, ZJob } from "@/lib/schemas/jobs";
import { runImportJob } from "@/lib/server/import-job";
import { runClaimedJob } from "@/lib/server/job-worker";
import { startServer, type TestServer } from "../net/server";
import { bytesOf, seedPath } from "../support/corpus";
import { openTestStore, type TestStore } from "../support/store";

const ORIGIN = "http://luoshi.test";
const TOKEN = "import-jobs-test-token";
const bearer = { authorization: `Bearer ${TOKEN}` };
const SEEDS = ["001", "002", "003", "004"];

const request = (init: RequestInit) => new Request(`${ORIGIN}/api/import`, { method: "POST", ...init });
const upload = (seeds: string[]) => {
  const body = new FormData();
  for (const seed of seeds) body.append("files", new Blob([Buffer.from(bytesOf(seedPath(seed)))]), `${seed}.txt`);
  return request({ headers: bearer, body });
};
const json = (body: unknown, headers: Record<string, string> = bearer) =>
  request({ headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

async function queued(response: Response): Promise<TJob> {
  expect(response.status).toBe(202);
  const job = ZJob.parse(await response.json());
  expect(job).toMatchObject({ kind: "import", state: "queued" });
  return job;
}

async function runAll(db: Db): Promise<void> {
  for (let claimed = await claimNextJob(db); claimed; claimed = await claimNextJob(db)) {
    await runClaimedJob(claimed, { db: () => db, log: () => undefined });
  }
}

async function jobAnswer(id: string): Promise<TJob> {
  const response = await jobRoute.GET(new Request(`${ORIGIN}/api/jobs/${id}`, { headers: bearer }), {
    params: Promise.resolve({ id }),
  });
  expect(response.status).toBe(200);
  return ZJob.parse(await response.json());
}

/** Documents as stored: name and the reports read from them, for comparing two databases. */
async function documentsOf(db: Db) {
  const rows = await db.document.findMany({
    select: {
      sourceName: true,
      contentHash: true,
      reports: {
        select: { jurisdictionCode: true, planYear: true, reviewYear: true, _count: { select: { targets: true } } },
      },
    },
    orderBy: { sourceName: "asc" },
  });
  return rows.map((row) => ({
    name: row.sourceName,
    hash: row.contentHash,
    reports: row.reports.map((r) => `${r.jurisdictionCode}/${r.planYear}/${r.reviewYear}/${r._count.targets}`).sort(),
  }));
}

describe.each(PROVIDERS)("import jobs on %s", (provider) => {
  let store: TestStore;
  let direct: TestStore;
  let server: TestServer;
  const saved = { ...process.env };
  beforeAll(async () => {
    [store, direct] = await Promise.all([openTestStore(provider), openTestStore(provider)]);
    Object.assign(process.env, { DATABASE_URL: store.url, LUOSHI_API_TOKEN: TOKEN });
    delete process.env.LUOSHI_FETCH_ALLOW_PRIVATE;
    const page = Buffer.from(bytesOf(seedPath("000")));
    server = await startServer({
      "/report.txt": (_req, res) => {
        res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
        res.end(page);
      },
      "/moved": (_req, res) => {
        res.writeHead(302, { location: "/report.txt" });
        res.end();
      },
    });
  });
  afterAll(async () => {
    process.env = saved;
    await server.close();
    await Promise.all([store.close(), direct.close()]);
  });

  it("queues an upload as a job, and the worker imports its files with the documents a direct import writes", async () => {
    const job = await queued(await importRoute.POST(upload(SEEDS.slice(0, 2)), undefined));
    expect(job.total).toBe(2);
    expect(job.files?.map((f) => [f.name, f.state])).toEqual([
      ["001.txt", "queued"],
      ["002.txt", "queued"],
    ]);
    // Nothing is imported before the worker runs.
    expect(await store.db.document.count()).toBe(0);
    await runAll(store.db);

    const done = await jobAnswer(job.id);
    expect(done).toMatchObject({ state: "done", done: 2, total: 2, failed: 0 });
    expect(done.files?.map((f) => f.state)).toEqual(["done", "done"]);
    expect(done.files?.every((f) => f.result?.documents.every((d) => d.created))).toBe(true);
    // The bytes are dropped once a file is done.
    expect(await store.db.jobFile.count({ where: { jobId: job.id, bytes: { not: null } } })).toBe(0);

    for (const seed of SEEDS.slice(0, 2)) {
      await importFile(direct.db, { filename: `${seed}.txt`, bytes: bytesOf(seedPath(seed)) }, { tolerance: 0 });
    }
    expect(await documentsOf(store.db)).toEqual(await documentsOf(direct.db));
  });

  it("resumes a job whose worker stopped after two files, skipping the files already done", async () => {
    const before = await store.db.document.count();
    const job = await queued(await importRoute.POST(upload(["002", "003", "004"]), undefined));
    const claimed = await claimNextJob(store.db);
    expect(claimed?.job.id).toBe(job.id);
    // The worker dies after two files: stop it there, and leave its heartbeat to go stale.
    const stop = new AbortController();
    await runImportJob(store.db, claimed?.job as TJob, {
      signal: stop.signal,
      onProgress: (p) => {
        if (p.done === 2) stop.abort();
      },
    });
    const halfway = await jobAnswer(job.id);
    expect(halfway.state).toBe("running");
    expect(halfway.files?.map((f) => f.state)).toEqual(["done", "done", "queued"]);
    await store.db.job.update({
      where: { id: job.id },
      data: { heartbeatAt: new Date(Date.now() - JOB_LEASE_MS - 1_000) },
    });

    await runAll(store.db);
    const done = await jobAnswer(job.id);
    expect(done).toMatchObject({ state: "done", done: 3, total: 3 });
    // 002 was stored by the first test; 003 by the first run; 004 by the second. Had the second run imported the done
    // files again, 003's result would say `created: false`.
    expect(done.files?.map((f) => f.result?.documents.map((d) => d.created))).toEqual([[false], [true], [true]]);
    expect(await store.db.document.count()).toBe(before + 2);
  });

  it("imports web addresses, storing each document's address as its source", async () => {
    process.env.LUOSHI_FETCH_ALLOW_PRIVATE = "1";
    try {
      const job = await queued(await importRoute.POST(json({ urls: [server.url("/moved")] }), undefined));
      expect(job.files?.map((f) => f.url)).toEqual([server.url("/moved")]);
      await runAll(store.db);
      const done = await jobAnswer(job.id);
      expect(done.state).toBe("done");
      expect(done.files?.[0]?.state).toBe("done");
      const id = done.files?.[0]?.result?.documents[0]?.id;
      expect(id).toBeDefined();
      const document = await store.db.document.findUniqueOrThrow({ where: { id } });
      // The address after redirects is the document's source.
      expect(document.sourceUrl).toBe(server.url("/report.txt"));
    } finally {
      delete process.env.LUOSHI_FETCH_ALLOW_PRIVATE;
    }
  });

  it("refuses a private address without the setting, as the file's failure", async () => {
    const before = await store.db.document.count();
    const body = new FormData();
    body.append("urls", `${server.url("/report.txt")}\n`);
    const job = await queued(await importRoute.POST(request({ headers: bearer, body }), undefined));
    await runAll(store.db);
    const done = await jobAnswer(job.id);
    expect(done).toMatchObject({ state: "done", done: 1, failed: 1 });
    expect(done.files?.[0]?.state).toBe("failed");
    expect(done.files?.[0]?.result?.failed).toEqual([
      expect.objectContaining({ code: "fetch_failed", params: expect.objectContaining({ reason: "private_address" }) }),
    ]);
    expect(await store.db.document.count()).toBe(before);
  });

  it("answers invalid requests with 400 and strangers with 401, queuing nothing", async () => {
    const jobs = await store.db.job.count();
    for (const body of [
      { urls: [] },
      { urls: ["ftp://example.gov.cn/report.txt"] },
      { urls: ["javascript:alert(1)"] },
      { urls: [`https://example.gov.cn/${"a".repeat(2_100)}`] },
      { urls: Array.from({ length: 21 }, (_, i) => `https://example.gov.cn/${i}.html`) },
      { urls: ["https://example.gov.cn/a.html"], year: 1800 },
      { urls: ["https://example.gov.cn/a.html"], extra: true },
    ]) {
      const response = await importRoute.POST(json(body), undefined);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(await response.json()).toHaveProperty("error");
    }
    const form = new FormData();
    form.append("urls", "file:///etc/passwd");
    expect((await importRoute.POST(request({ headers: bearer, body: form }), undefined)).status).toBe(400);
    expect((await importRoute.POST(request({ headers: bearer, body: new FormData() }), undefined)).status).toBe(400);
    expect((await importRoute.POST(json({ urls: ["https://example.gov.cn/a.html"] }, {}), undefined)).status).toBe(401);
    expect((await importRoute.POST(upload(["001"]), undefined)).status).toBe(202);
    const unsigned = new FormData();
    unsigned.append("files", new Blob(["x"]), "a.txt");
    expect((await importRoute.POST(request({ body: unsigned }), undefined)).status).toBe(401);
    expect(await store.db.job.count()).toBe(jobs + 1);
    await runAll(store.db);
  });
});
