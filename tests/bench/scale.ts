/**
 * `npm run bench:scale`: Luoshi at 3 000 jurisdictions × 10 years × 60 targets (30 000 reports of 17–97 KB, 1.8 M
 * targets), on SQLite and on PostgreSQL side by side. Generates the reports with `luoshi synth`, imports them with
 * `luoshi import` (a child process per database, its peak memory read from /proc), then serves the production build
 * against each database and
 *   1. times, one request at a time, the overview, the jurisdictions API, a scorecard year, the compare query and the
 *      review queue, API and page (5 untimed + 60 timed requests each, random jurisdictions, years and pages);
 *   2. runs the load of load.ts: 20 concurrent readers, a signed-in editor PATCHing matches and `luoshi import` of the
 *      next year of every jurisdiction (3 000 reports) in a child process, all at once, for at least
 *      LUOSHI_LOAD_SECONDS (default 60) and until the import has ended; p50/p95 and failures per route;
 *   3. re-reads at scale: LUOSHI_SCALE_REREAD reports (default 600, the first by id) are marked as read by an older
 *      reader and `luoshi reread --all` reads them again against the full database (reports/s, peak memory).
 * Prints figures, asserts nothing; not part of `npm test`.
 *
 * Durability, printed as each database reports it: SQLite as the app runs it (WAL, synchronous NORMAL); PostgreSQL a
 * throwaway cluster with production durability (fsync, synchronous_commit, full_page_writes on) and
 * shared_buffers=1GB; LUOSHI_BENCH_PG_DURABLE=0 runs it without, and its figures are labelled "non-durable".
 * Every request times out after 30 s and counts as failed (printed per route); the run stops itself, cleaning up,
 * after LUOSHI_BENCH_DEADLINE_MIN minutes (default 360).
 *
 * Smaller runs for trying it: LUOSHI_SCALE="300x10x60" (jurisdictions × years × targets). LUOSHI_SCALE_DATABASES
 * picks the databases (default "sqlite,postgresql"). LUOSHI_TEST_REUSE_BUILD=1 reuses an existing `next build`;
 * LUOSHI_SCALE_HTTP=0 skips everything that needs the app (1 and 2), LUOSHI_SCALE_LOAD=0 skips the load (2).
 */
import { mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { createDb, type Db } from "@/lib/db/client";
import { applyPendingMigrations, ROOT } from "@/lib/db/migrate";
import { databaseFromEnv, type Provider } from "@/lib/db/providers";
import { buildApp, type RunningApp, startApp } from "../browser/support/app-server";
import { createBenchEditor, editTargets, type LoadFigures, printLoad, runLoad, sampleRoutes, synthArgs } from "./load";
import {
  armDeadline,
  atExit,
  databaseLabel,
  durabilityOf,
  REQUEST_TIMEOUT_MS,
  RouteStats,
  runCli,
  startBenchPostgres,
  timedFetch,
} from "./support";

const [JURISDICTIONS, YEARS, TARGETS] = (process.env.LUOSHI_SCALE ?? "3000x10x60").split("x").map(Number) as [
  number,
  number,
  number,
];
const DATABASES = (process.env.LUOSHI_SCALE_DATABASES ?? "sqlite,postgresql").split(",") as Provider[];
const REQUESTS = 60;
const REREAD = Number(process.env.LUOSHI_SCALE_REREAD ?? 600);
const WARMUP = 5;
const HTTP = process.env.LUOSHI_SCALE_HTTP !== "0";
const LOAD = HTTP && process.env.LUOSHI_SCALE_LOAD !== "0";

interface Figures {
  importSeconds: number;
  importPeakMb: number;
  importSummary: string;
  databaseMb: number;
  durability: string;
  timings: RouteStats | null;
  load: LoadFigures | null;
  reread: { reports: number; seconds: number; peakMb: number };
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

/** Each route one request at a time: WARMUP untimed, then REQUESTS timed; failures counted, never thrown. */
async function timeRequests(baseUrl: string, requests: Record<string, () => string>): Promise<RouteStats> {
  const stats = new RouteStats();
  for (const [name, next] of Object.entries(requests)) {
    for (let i = 0; i < WARMUP + REQUESTS; i++) {
      const result = await timedFetch(baseUrl + next());
      if (i >= WARMUP) stats.record(name, result);
    }
  }
  return stats;
}

async function benchDatabase(provider: Provider, url: string, reports: string, next: string): Promise<Figures> {
  const label = databaseLabel(provider);
  console.log(`\n${label}: importing ${reports}`);
  const env = { ...process.env, DATABASE_URL: url, NODE_OPTIONS: "" };
  const imported = await runCli(["import", reports], env, label);
  console.log(imported.stdout.trim().replace(/^/gm, "  "));
  const target = databaseFromEnv({ DATABASE_URL: url });
  await applyPendingMigrations(target);
  const db = createDb(target);
  try {
    const durability = await durabilityOf(db, provider);
    console.log(`  ${durability}`);
    const size = await databaseMb(provider, url, db);
    let timings: RouteStats | null = null;
    let load: LoadFigures | null = null;
    if (HTTP) {
      const requests = await sampleRoutes(db);
      await createBenchEditor(db);
      const app: RunningApp = await startApp({ databaseUrl: url });
      const stopApp = atExit(() => app.stop());
      try {
        timings = await timeRequests(app.baseUrl, requests);
        if (LOAD) {
          console.log(`  ${label}: load run, importing ${next} meanwhile`);
          load = await runLoad({
            provider,
            databaseUrl: url,
            baseUrl: app.baseUrl,
            routes: requests,
            importPath: next,
            targets: await editTargets(db),
            durability,
          });
        }
      } finally {
        await stopApp();
      }
    }
    const sample = await db.report.findMany({ select: { id: true }, orderBy: { id: "asc" }, take: REREAD });
    await db.report.updateMany({
      where: { id: { in: sample.map((r) => r.id) } },
      data: { readerVersion: "luoshi-reader/older" },
    });
    const reread = await runCli(["reread", "--all"], env, `${label} reread`);
    console.log(reread.stdout.trim().replace(/^/gm, "  "));
    return {
      importSeconds: imported.seconds,
      importPeakMb: imported.peakMb,
      importSummary: imported.stdout.trim().split("\n")[0] ?? "",
      databaseMb: size,
      durability,
      timings,
      load,
      reread: { reports: sample.length, seconds: reread.seconds, peakMb: reread.peakMb },
    };
  } finally {
    await db.$disconnect();
  }
}

function printTable(results: Map<Provider, Figures>) {
  const providers = [...results.keys()];
  const row = (label: string, values: string[]) => console.log(`| ${[label, ...values].join(" | ")} |`);
  row(
    "measure",
    providers.map((p) => databaseLabel(p)),
  );
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
  const names = [...(results.get(providers[0] as Provider)?.timings?.routes.keys() ?? [])];
  for (const name of names)
    row(
      `${name}, p50 / p95`,
      figures((f) => f.timings?.cell(name) ?? ""),
    );
}

async function main() {
  const deadline = armDeadline("bench:scale", 360);
  mkdirSync(path.join(ROOT, "data"), { recursive: true });
  const dir = mkdtempSync(path.join(ROOT, "data", "bench-scale-"));
  const removeDir = atExit(() => rmSync(dir, { recursive: true, force: true }));
  const reports = path.join(dir, "reports");
  const next = path.join(dir, "next-year");
  const results = new Map<Provider, Figures>();
  const cluster = DATABASES.includes("postgresql") ? await startBenchPostgres(["shared_buffers=1GB"]) : null;
  try {
    console.log(
      `machine: ${(await import("node:os")).cpus().length} cores, Node ${process.version}; ` +
        `deadline in ${deadline.minutes.toFixed(0)} min`,
    );
    const synth = await runCli(synthArgs(reports, JURISDICTIONS, YEARS, TARGETS), process.env, "synth");
    if (LOAD) await runCli(synthArgs(next, JURISDICTIONS, YEARS, TARGETS, true), process.env, "synth");
    const bytes = Number(
      (await import("node:child_process")).execFileSync("du", ["-sb", reports], { encoding: "utf8" }).split("\t")[0],
    );
    console.log(
      `generated ${JURISDICTIONS * YEARS} reports (${JURISDICTIONS * YEARS * TARGETS} targets, ` +
        `${(bytes / 1048576).toFixed(0)} MB, ${(bytes / JURISDICTIONS / YEARS / 1000).toFixed(1)} KB a report on average) ` +
        `in ${synth.seconds.toFixed(1)} s`,
    );
    if (HTTP) buildApp();
    for (const provider of DATABASES) {
      const url =
        provider === "sqlite"
          ? `file:${path.join(dir, "scale.db")}`
          : await (cluster as NonNullable<typeof cluster>).createDatabase("scale");
      results.set(provider, await benchDatabase(provider, url, reports, next));
    }
    console.log(
      `\n${JURISDICTIONS} jurisdictions × ${YEARS} years × ${TARGETS} targets; requests one at a time, ${WARMUP} ` +
        `untimed then ${REQUESTS} timed per route, timeout ${REQUEST_TIMEOUT_MS / 1000} s, failures counted apart:\n`,
    );
    for (const [provider, figures] of results) console.log(`  ${databaseLabel(provider)}: ${figures.durability}`);
    console.log("");
    printTable(results);
    printLoad(
      [...results.values()].flatMap((f) => (f.load ? [f.load] : [])),
      `${JURISDICTIONS} reports (the year ${2016 + YEARS} of every jurisdiction)`,
    );
  } finally {
    cluster?.destroy();
    await removeDir();
  }
}

await main();
process.exit(0);
