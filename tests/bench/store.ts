/**
 * Import throughput of the national corpus (72 State Council reports) on SQLite and PostgreSQL, in this process
 * through `importFile` (documents/s, MB/s of decoded text), and the scorecard API's latency through its route handler
 * (no HTTP) for the largest plan year stored.
 *
 * Durability, printed as each database reports it: SQLite as the app runs it (journal_mode=wal, set by the
 * migrations; synchronous=NORMAL, better-sqlite3's default in WAL mode: commits are not fsynced, checkpoints are);
 * PostgreSQL a throwaway cluster with fsync, synchronous_commit and full_page_writes on, as in production
 * (LUOSHI_BENCH_PG_DURABLE=0 turns them off, and every figure is then labelled "non-durable").
 *
 * Warm-up, the same on both: one untimed import of the same corpus into a scratch database of the same kind before
 * the timed import into a fresh one (so neither is timed with a cold reader or a cold connection), and 20 untimed
 * requests before the 200 timed ones. One timed import each; SQLite is run first, then PostgreSQL.
 *   npm run bench -- store
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as yearRoute from "@/app/api/jurisdictions/[code]/years/[year]/route";
import { createDb } from "@/lib/db/client";
import { importFile } from "@/lib/db/import";
import { applyPendingMigrations } from "@/lib/db/migrate";
import type { DatabaseTarget } from "@/lib/db/providers";
import { NATIONAL, seedFiles } from "../support/corpus";
import { armDeadline, atExit, databaseLabel, durabilityOf, percentile, startBenchPostgres, within } from "./support";

const WARM_UP_IMPORTS = 1;
const WARM_UP_REQUESTS = 20;
const TIMED_REQUESTS = 200;

async function importNational(target: DatabaseTarget): Promise<{ seconds: number; documents: number }> {
  await applyPendingMigrations(target);
  const db = createDb(target);
  try {
    const bytes = new Uint8Array(readFileSync(NATIONAL));
    const started = performance.now();
    const result = await importFile(db, { filename: NATIONAL, bytes }, { tolerance: 0 });
    return { seconds: (performance.now() - started) / 1000, documents: result.documents.length };
  } finally {
    await db.$disconnect();
  }
}

/** `fresh()` gives a new, empty database of the kind: a scratch one for each warm-up import, then the timed one. */
async function benchDatabase(target: DatabaseTarget, fresh: () => Promise<DatabaseTarget>): Promise<void> {
  const label = databaseLabel(target.provider);
  for (let i = 0; i < WARM_UP_IMPORTS; i++) await importNational(await fresh());
  const megabytes = readFileSync(NATIONAL).byteLength / 1048576;
  const { seconds, documents } = await importNational(target);
  const db = createDb(target);
  try {
    console.log(`${label}: ${await durabilityOf(db, target.provider)}`);
    console.log(
      `${label}: imported ${documents} national documents (${megabytes.toFixed(2)} MB) in ${seconds.toFixed(2)} s — ` +
        `${(documents / seconds).toFixed(1)} documents/s, ${(megabytes / seconds).toFixed(2)} MB/s ` +
        `(after ${WARM_UP_IMPORTS} untimed import of the same corpus)`,
    );
    for (const file of seedFiles())
      await importFile(db, { filename: file, bytes: new Uint8Array(readFileSync(file)) }, { tolerance: 0 });

    const [largest] = await db.target.groupBy({
      by: ["jurisdictionCode", "planYear"],
      _count: { _all: true },
      orderBy: { _count: { id: "desc" } },
      take: 1,
    });
    if (!largest) return;
    process.env.DATABASE_URL = target.url;
    const times: number[] = [];
    let failed = 0;
    for (let i = 0; i < WARM_UP_REQUESTS + TIMED_REQUESTS; i++) {
      const t0 = performance.now();
      const response = await within(
        yearRoute.GET(
          new Request(`http://bench/api/jurisdictions/${largest.jurisdictionCode}/years/${largest.planYear}`),
          { params: Promise.resolve({ code: largest.jurisdictionCode, year: String(largest.planYear) }) },
        ),
        30_000,
        "the scorecard route",
      );
      await response.json();
      const elapsed = performance.now() - t0;
      if (response.status !== 200) failed++;
      else if (i >= WARM_UP_REQUESTS) times.push(elapsed);
    }
    times.sort((a, b) => a - b);
    console.log(
      `${label}: GET /api/jurisdictions/${largest.jurisdictionCode}/years/${largest.planYear} (${largest._count._all} targets, ` +
        `route handler in process, one at a time): p50 ${percentile(times, 0.5).toFixed(1)} ms, ` +
        `p95 ${percentile(times, 0.95).toFixed(1)} ms over ${times.length} requests after ${WARM_UP_REQUESTS} untimed; ` +
        `${failed} failed`,
    );
  } finally {
    await db.$disconnect();
  }
}

export async function benchStore(): Promise<void> {
  armDeadline("store", 30);
  const dir = mkdtempSync(path.join(tmpdir(), "luoshi-bench-"));
  const removeDir = atExit(() => rmSync(dir, { recursive: true, force: true }));
  const cluster = await startBenchPostgres();
  let scratch = 0;
  try {
    const sqlite = (name: string): DatabaseTarget => ({ provider: "sqlite", url: `file:${path.join(dir, name)}` });
    await benchDatabase(sqlite("bench.db"), async () => sqlite(`warm-up-${scratch++}.db`));
    const postgres = async (name: string): Promise<DatabaseTarget> => ({
      provider: "postgresql",
      url: await cluster.createDatabase(name),
    });
    await benchDatabase(await postgres("bench"), () => postgres(`warm_up_${scratch++}`));
  } finally {
    cluster.destroy();
    await removeDir();
  }
  console.log(`peak memory: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}
