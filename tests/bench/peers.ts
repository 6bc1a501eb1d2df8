/**
 * The peers screen at 3 000 jurisdictions: a synthetic hierarchy (`luoshi synth --provinces 27 --cities 15
 * --counties 15`: 27 provinces, 314 cities, 2 690 counties, two years each, 12 targets a plan, no filler) is imported
 * into SQLite and PostgreSQL, the production build is started on each, and the peers page and API are timed one
 * request at a time (until the last byte) for the widest scopes: every county of the country (2 690 rows: the
 * distribution chart and a windowed table), every city, and the counties of one province.
 *
 * Durability as each database reports it (SQLite as the app runs it: WAL, synchronous NORMAL; PostgreSQL durable,
 * fsync and synchronous_commit on, unless LUOSHI_BENCH_PG_DURABLE=0); nothing is written while pages are timed.
 * Warm-up: 3 untimed requests of each address before its 20. Failures are counted and printed, never timed. Builds
 * the app first unless LUOSHI_TEST_REUSE_BUILD=1. Prints figures, asserts nothing:
 *   npm run bench -- peers
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDb } from "@/lib/db/client";
import { databaseFromEnv, type Provider } from "@/lib/db/providers";
import { type SynthOptions, synthReports, treeDivisions } from "@/lib/synth/report";
import { buildApp, seedDatabase, startApp } from "../browser/support/app-server";
import {
  armDeadline,
  atExit,
  databaseLabel,
  durabilityOf,
  ms,
  REQUEST_TIMEOUT_MS,
  RouteStats,
  startBenchPostgres,
  timedFetch,
} from "./support";

const TREE: SynthOptions = {
  jurisdictions: 0,
  years: 2,
  targets: 12,
  firstYear: 2025,
  seed: 1,
  filler: false,
  tree: { provinces: 27, cities: 15, counties: 15 },
};
const WARM_UP = 3;
const REQUESTS = 20;

function writeTree(dir: string): string[] {
  const files: string[] = [];
  for (const report of synthReports(TREE)) {
    const folder = path.join(dir, report.code);
    mkdirSync(folder, { recursive: true });
    const file = path.join(folder, `${report.year}.txt`);
    writeFileSync(file, report.text);
    files.push(file);
  }
  return files;
}

async function timePeers(provider: Provider, databaseUrl: string, files: string[], province: string): Promise<void> {
  const started = performance.now();
  await seedDatabase(databaseUrl, files);
  const seeded = (performance.now() - started) / 1000;
  const db = createDb(databaseFromEnv({ DATABASE_URL: databaseUrl }));
  const [durability, jurisdictions] = await Promise.all([durabilityOf(db, provider), db.jurisdiction.count()]).finally(
    () => db.$disconnect(),
  );
  const app = await startApp({ databaseUrl, env: { LUOSHI_JOB_WORKER: "off" } });
  const stop = atExit(() => app.stop());
  const year = TREE.firstYear + TREE.years - 1;
  const addresses = [
    ["page: every county", `/peers?level=county&year=${year}`],
    ["page: every city", `/peers?level=city&year=${year}`],
    ["page: the counties of one province", `/peers?level=county&parent=${province}&year=${year}`],
    ["api json: every county", `/api/peers?level=county&year=${year}`],
    ["api csv: every county", `/api/peers?level=county&year=${year}&format=csv`],
  ] as const;
  try {
    const stats = new RouteStats();
    for (const [name, url] of addresses) {
      for (let i = 0; i < WARM_UP + REQUESTS; i++) {
        const result = await timedFetch(`${app.baseUrl}${url}`);
        if (i >= WARM_UP) stats.record(name, result);
      }
    }
    console.log(
      `\n${databaseLabel(provider)}: ${durability}; ${jurisdictions} jurisdictions, seeded in ${seeded.toFixed(0)} s`,
    );
    console.log(
      `response time, ${REQUESTS} requests each one at a time (after ${WARM_UP} untimed), until the last byte ` +
        `(timeout ${REQUEST_TIMEOUT_MS / 1000} s):`,
    );
    for (const [name] of addresses) {
      const s = stats.summary(name);
      const failed = s.failed > 0 ? `  ${s.failed} FAILED (${s.errors})` : "  0 failed";
      console.log(
        `  ${name.padEnd(36)} p50 ${ms(s.p50).padStart(9)}  p95 ${ms(s.p95).padStart(9)}  ${(s.bytes / 1024).toFixed(0)} KB${failed}`,
      );
    }
  } finally {
    await stop();
  }
}

export async function benchPeers(): Promise<void> {
  armDeadline("peers", 60);
  buildApp();
  const dir = mkdtempSync(path.join(tmpdir(), "luoshi-bench-peers-"));
  const removeDir = atExit(() => rmSync(dir, { recursive: true, force: true }));
  const files = writeTree(path.join(dir, "reports"));
  const province = treeDivisions(TREE.tree as NonNullable<SynthOptions["tree"]>)[0]?.code ?? "";
  console.log(`${files.length} synthetic reports written`);
  try {
    await timePeers("sqlite", `file:${path.join(dir, "bench.db")}`, files, province);
    const cluster = await startBenchPostgres();
    try {
      await timePeers("postgresql", await cluster.createDatabase("bench"), files, province);
    } finally {
      cluster.destroy();
    }
  } finally {
    await removeDir();
  }
  console.log(
    `peak memory of the suite (seeding in process): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  );
}
