/**
 * `npm run bench:scale`: Luoshi at 3 000 jurisdictions × 10 years × 60 targets (1.8 M targets), on SQLite and on
 * PostgreSQL side by side. Generates the reports with `luoshi synth`, imports them with `luoshi import` (a child
 * process per database, its peak memory read from /proc), then serves the production build against each database
 * and times the overview, a scorecard year, the compare query and the review queue, API and page, over HTTP.
 * Prints figures, asserts nothing; not part of `npm test`.
 *
 * Last, a re-read at scale: LUOSHI_SCALE_REREAD reports (default 600, the first by id) are marked as read by an older
 * reader and `luoshi reread --all` reads them again against the full database (reports/s, the importer's peak memory).
 *
 * Smaller runs for trying it: LUOSHI_SCALE="300x10x60" (jurisdictions × years × targets). LUOSHI_SCALE_DATABASES
 * picks the databases (default "sqlite,postgresql"). LUOSHI_TEST_REUSE_BUILD=1 reuses an existing `next build`.
 * PostgreSQL is a throwaway cluster with production durability (fsync and synchronous commit on) and
 * shared_buffers=1GB.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { createDb, type Db } from "@/lib/db/client";
import { applyPendingMigrations, ROOT } from "@/lib/db/migrate";
import { databaseFromEnv, type Provider } from "@/lib/db/providers";
import { startThrowawayPostgres } from "@/lib/db/tools/throwaway-postgres";
import { buildApp, startApp } from "../browser/support/app-server";

const [JURISDICTIONS, YEARS, TARGETS] = (process.env.LUOSHI_SCALE ?? "3000x10x60").split("x").map(Number) as [
  number,
  number,
  number,
];
const DATABASES = (process.env.LUOSHI_SCALE_DATABASES ?? "sqlite,postgresql").split(",") as Provider[];
const REQUESTS = 60;
const REREAD = Number(process.env.LUOSHI_SCALE_REREAD ?? 600);
const WARMUP = 5;
const CLI = path.join(ROOT, "lib/cli/bin.mjs");

interface Figures {
  importSeconds: number;
  importPeakMb: number;
  importSummary: string;
  databaseMb: number;
  timings: Map<string, { p50: number; p95: number }>;
  reread: { reports: number; seconds: number; peakMb: number };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;

/** Run the CLI to completion; returns its stdout, wall time and peak resident memory (VmHWM, polled). */
async function runCli(args: string[], env: NodeJS.ProcessEnv, label: string) {
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  let peakKb = 0;
  const poll = setInterval(() => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
    } catch {
      // exited between polls
    }
  }, 200);
  const progress = setInterval(() => {
    const minutes = ((performance.now() - started) / 60_000).toFixed(1);
    console.log(`  ${label}: ${minutes} min, peak ${(peakKb / 1024).toFixed(0)} MB so far`);
  }, 60_000);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  clearInterval(poll);
  clearInterval(progress);
  if (code !== 0) throw new Error(`luoshi ${args[0]} exited with ${code}:\n${stderr}`);
  return { stdout, seconds: (performance.now() - started) / 1000, peakMb: peakKb / 1024 };
}

async function databaseMb(provider: Provider, url: string, db: Db): Promise<number> {
  if (provider === "sqlite") {
    const file = url.replace(/^file:/, "");
    const size = (suffix: string) => statSync(file + suffix, { throwIfNoEntry: false })?.size ?? 0;
    return (size("") + size("-wal")) / 1048576;
  }
  const [row] = await db.$queryRaw<{ size: bigint }[]>`SELECT pg_database_size(current_database()) AS size`;
  return Number(row?.size ?? 0) / 1048576;
}

/** What the timed requests ask for: random plan years, jurisdictions and review pages from the stored data. */
async function sampleRequests(db: Db): Promise<Record<string, () => string>> {
  const plans = await db.$queryRaw<{ code: string; year: number | bigint }[]>`
    SELECT "jurisdictionCode" AS code, "year" FROM "YearTally" WHERE "targets" > 0`;
  const [{ total } = { total: 0 }] = await db.$queryRaw<{ total: number | bigint }[]>`
    SELECT CAST(SUM("targetItems" + "unmatchedOutcome") AS INTEGER) AS total FROM "YearTally"`;
  const jurisdictions = await db.jurisdiction.count({ where: { reports: { some: {} } } });
  const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)] as T;
  const plan = () => pick(plans);
  const codes = () => [...new Set(Array.from({ length: 5 }, () => plan().code))].map((c) => `j=${c}`).join("&");
  const reviewPages = Math.max(1, Math.floor(Number(total) / 20));
  const overviewPages = Math.max(1, Math.ceil(jurisdictions / 50));
  const page = (pages: number) => 1 + Math.floor(Math.random() * pages);
  return {
    "overview page": () => `/?page=${page(overviewPages)}`,
    "overview page, search": () => `/?q=${encodeURIComponent("区")}&page=${page(10)}`,
    "jurisdictions API": () => "/api/jurisdictions",
    "scorecard API": () => {
      const { code, year } = plan();
      return `/api/jurisdictions/${code}/years/${year}`;
    },
    "scorecard page": () => {
      const { code, year } = plan();
      return `/j/${code}/${year}`;
    },
    "compare API, 5 jurisdictions": () =>
      `/api/compare?indicator=${encodeURIComponent("地区生产总值")}&measure=growth&${codes()}`,
    "compare page, 5 jurisdictions": () =>
      `/compare?indicator=${encodeURIComponent("地区生产总值")}&measure=growth&${codes()}`,
    "review API, all, first page": () => "/api/review",
    "review API, all, any page": () => `/api/review?page=${page(reviewPages)}`,
    "review API, one reason": () => `/api/review?reason=unmatched_target&page=${page(20)}`,
    "review API, one jurisdiction": () => `/api/review?code=${plan().code}`,
    "review page, all": () => `/review?page=${page(reviewPages)}`,
    "review page, one jurisdiction": () => `/review?code=${plan().code}`,
  };
}

async function timeRequests(baseUrl: string, requests: Record<string, () => string>) {
  const timings = new Map<string, { p50: number; p95: number }>();
  for (const [name, next] of Object.entries(requests)) {
    const times: number[] = [];
    for (let i = 0; i < WARMUP + REQUESTS; i++) {
      const url = baseUrl + next();
      const started = performance.now();
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
      if (i >= WARMUP) times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    timings.set(name, { p50: percentile(times, 0.5), p95: percentile(times, 0.95) });
  }
  return timings;
}

async function benchDatabase(provider: Provider, url: string, reports: string): Promise<Figures> {
  console.log(`\n${provider}: importing ${reports}`);
  const env = { ...process.env, DATABASE_URL: url, NODE_OPTIONS: "" };
  const imported = await runCli(["import", reports], env, provider);
  console.log(imported.stdout.trim().replace(/^/gm, "  "));
  const target = databaseFromEnv({ DATABASE_URL: url });
  await applyPendingMigrations(target);
  const db = createDb(target);
  try {
    const size = await databaseMb(provider, url, db);
    const requests = await sampleRequests(db);
    const app = await startApp({ databaseUrl: url });
    let timings: Figures["timings"];
    try {
      timings = await timeRequests(app.baseUrl, requests);
    } finally {
      await app.stop();
    }
    const sample = await db.report.findMany({ select: { id: true }, orderBy: { id: "asc" }, take: REREAD });
    await db.report.updateMany({
      where: { id: { in: sample.map((r) => r.id) } },
      data: { readerVersion: "luoshi-reader/older" },
    });
    const reread = await runCli(["reread", "--all"], env, `${provider} reread`);
    console.log(reread.stdout.trim().replace(/^/gm, "  "));
    return {
      importSeconds: imported.seconds,
      importPeakMb: imported.peakMb,
      importSummary: imported.stdout.trim().split("\n")[0] ?? "",
      databaseMb: size,
      timings,
      reread: { reports: sample.length, seconds: reread.seconds, peakMb: reread.peakMb },
    };
  } finally {
    await db.$disconnect();
  }
}

function printTable(results: Map<Provider, Figures>) {
  const providers = [...results.keys()];
  const row = (label: string, values: string[]) => console.log(`| ${[label, ...values].join(" | ")} |`);
  row("measure", providers);
  row(
    "---",
    providers.map(() => "---"),
  );
  const figures = (read: (f: Figures) => string) => providers.map((p) => read(results.get(p) as Figures));
  row(
    "import wall time",
    figures((f) => `${(f.importSeconds / 60).toFixed(1)} min`),
  );
  row(
    "import rate",
    figures((f) => `${((JURISDICTIONS * YEARS) / f.importSeconds).toFixed(1)} reports/s`),
  );
  row(
    "importer peak RSS",
    figures((f) => `${f.importPeakMb.toFixed(0)} MB`),
  );
  row(
    "re-read rate (whole process)",
    figures((f) => `${(f.reread.reports / f.reread.seconds).toFixed(1)} reports/s (${f.reread.reports} reports)`),
  );
  row(
    "re-read peak RSS",
    figures((f) => `${f.reread.peakMb.toFixed(0)} MB`),
  );
  row(
    "database size",
    figures((f) => `${f.databaseMb.toFixed(0)} MB`),
  );
  const names = [...(results.get(providers[0] as Provider)?.timings.keys() ?? [])];
  for (const name of names) {
    row(
      `${name}, p50 / p95`,
      figures((f) => {
        const t = f.timings.get(name);
        return t ? `${t.p50.toFixed(1)} / ${t.p95.toFixed(1)} ms` : "";
      }),
    );
  }
}

async function main() {
  mkdirSync(path.join(ROOT, "data"), { recursive: true });
  const dir = mkdtempSync(path.join(ROOT, "data", "bench-scale-"));
  const reports = path.join(dir, "reports");
  const results = new Map<Provider, Figures>();
  const cluster = DATABASES.includes("postgresql")
    ? await startThrowawayPostgres({ durable: true, settings: ["shared_buffers=1GB"] })
    : null;
  try {
    console.log(`machine: ${(await import("node:os")).cpus().length} cores, Node ${process.version}`);
    const synth = await runCli(
      [
        "synth",
        "--jurisdictions",
        String(JURISDICTIONS),
        "--years",
        String(YEARS),
        "--targets",
        String(TARGETS),
        "--out",
        reports,
      ],
      process.env,
      "synth",
    );
    console.log(
      `generated ${JURISDICTIONS * YEARS} reports (${JURISDICTIONS * YEARS * TARGETS} targets) in ${synth.seconds.toFixed(1)} s`,
    );
    buildApp();
    for (const provider of DATABASES) {
      const url =
        provider === "sqlite"
          ? `file:${path.join(dir, "scale.db")}`
          : await (cluster as NonNullable<typeof cluster>).createDatabase("scale");
      results.set(provider, await benchDatabase(provider, url, reports));
    }
    console.log(`\n${JURISDICTIONS} jurisdictions × ${YEARS} years × ${TARGETS} targets, ${REQUESTS} requests each:\n`);
    printTable(results);
  } finally {
    cluster?.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
