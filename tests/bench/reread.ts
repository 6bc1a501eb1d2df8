/**
 * Re-reading stored reports (`luoshi reread`): the seeds and the national corpus are imported, every report is marked
 * as read by an older reader, and `rereadReports` reads them all again (one transaction per document, the years they
 * touch judged again). Prints documents and reports per second on SQLite (the app's settings, printed: WAL,
 * synchronous NORMAL) and PostgreSQL (a throwaway cluster with production durability: fsync and synchronous commit
 * on, unless LUOSHI_BENCH_PG_DURABLE=0). The reader is warmed up by the import that stores the corpus; one run each,
 * no concurrency.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDb } from "@/lib/db/client";
import { importFile } from "@/lib/db/import";
import { applyPendingMigrations } from "@/lib/db/migrate";
import type { DatabaseTarget } from "@/lib/db/providers";
import { rereadReports } from "@/lib/db/reread";
import { NATIONAL, seedFiles } from "../support/corpus";
import { databaseLabel, durabilityOf, startBenchPostgres } from "./support";

async function benchDatabase(target: DatabaseTarget): Promise<void> {
  await applyPendingMigrations(target);
  const db = createDb(target);
  const label = databaseLabel(target.provider);
  try {
    console.log(`${label}: ${await durabilityOf(db, target.provider)}`);
    for (const file of [...seedFiles(), NATIONAL])
      await importFile(db, { filename: file, bytes: new Uint8Array(readFileSync(file)) }, { tolerance: 0 });
    const reports = await db.report.updateMany({ data: { readerVersion: "luoshi-reader/older" } });
    const started = performance.now();
    const summary = await rereadReports(db, {}, { tolerance: 0 });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${label}: re-read ${summary.reread} documents (${reports.count} reports, ${summary.years} jurisdiction-years ` +
        `judged again) in ${seconds.toFixed(2)} s — ${(summary.reread / seconds).toFixed(1)} documents/s, ` +
        `${(reports.count / seconds).toFixed(1)} reports/s; ${summary.changedReports} read differently`,
    );
  } finally {
    await db.$disconnect();
  }
}

export async function benchReread(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "luoshi-bench-"));
  const cluster = await startBenchPostgres();
  try {
    await benchDatabase({ provider: "sqlite", url: `file:${path.join(dir, "bench.db")}` });
    await benchDatabase({ provider: "postgresql", url: await cluster.createDatabase("bench") });
  } finally {
    cluster.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`peak memory: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}
