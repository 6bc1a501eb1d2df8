/**
 * Import throughput of the national corpus on SQLite and PostgreSQL (documents/s, MB/s of decoded text), and the
 * scorecard API's latency (p50/p95 over 200 requests through the route handler) for the largest plan year stored.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as yearRoute from "@/app/api/jurisdictions/[code]/years/[year]/route";
import { createDb } from "@/lib/db/client";
import { importFile } from "@/lib/db/import";
import { applyPendingMigrations } from "@/lib/db/migrate";
import type { DatabaseTarget } from "@/lib/db/providers";
import { startThrowawayPostgres } from "@/lib/db/tools/throwaway-postgres";
import { NATIONAL, seedFiles } from "../support/corpus";

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;

async function benchDatabase(label: string, target: DatabaseTarget): Promise<void> {
  await applyPendingMigrations(target);
  const db = createDb(target);
  const bytes = new Uint8Array(readFileSync(NATIONAL));
  const started = performance.now();
  const result = await importFile(db, { filename: NATIONAL, bytes }, { tolerance: 0 });
  const seconds = (performance.now() - started) / 1000;
  const documents = result.documents.length;
  console.log(
    `${label}: imported ${documents} national documents (${(bytes.byteLength / 1048576).toFixed(2)} MB) in ${seconds.toFixed(2)} s — ` +
      `${(documents / seconds).toFixed(1)} documents/s, ${(bytes.byteLength / 1048576 / seconds).toFixed(2)} MB/s`,
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
  for (let i = 0; i < 220; i++) {
    const t0 = performance.now();
    const response = await yearRoute.GET(
      new Request(`http://bench/api/jurisdictions/${largest.jurisdictionCode}/years/${largest.planYear}`),
      { params: Promise.resolve({ code: largest.jurisdictionCode, year: String(largest.planYear) }) },
    );
    await response.json();
    if (i >= 20) times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${label}: GET /api/jurisdictions/${largest.jurisdictionCode}/years/${largest.planYear} (${largest._count._all} targets): ` +
      `p50 ${percentile(times, 0.5).toFixed(1)} ms, p95 ${percentile(times, 0.95).toFixed(1)} ms over ${times.length} requests`,
  );
  await db.$disconnect();
}

export async function benchStore(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "luoshi-bench-"));
  const cluster = await startThrowawayPostgres();
  try {
    await benchDatabase("SQLite", { provider: "sqlite", url: `file:${path.join(dir, "bench.db")}` });
    await benchDatabase("PostgreSQL", { provider: "postgresql", url: await cluster.createDatabase("bench") });
  } finally {
    cluster.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`peak memory: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}
