/**
 * `npm run bench export`: `GET /api/export` over a synthetic store of LUOSHI_BENCH_EXPORT targets (default 200 400:
 * 334 jurisdictions × 10 years × 60, SQLite, written with the bulk writer), each format in a child process of its
 * own. Prints the wall time, the bytes streamed and the child's memory: resident set size before the request (after
 * a first query has loaded the database client) and its peak while the body is read (process.memoryUsage().rss
 * sampled every 20 ms and after every chunk, and getrusage's maxRSS). The body is read and counted, not kept.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as exportRoute from "@/app/api/export/route";
import { createDb } from "@/lib/db/client";
import { applyPendingMigrations } from "@/lib/db/migrate";
import { writeSyntheticStore } from "../export/support/synthetic";

const MB = 1048576;

/** In the child: one export through the route handler, its figures on one line. */
async function measure(url: string, format: string): Promise<void> {
  process.env.DATABASE_URL = url;
  // Load the client and run one query first, so that the baseline is the app at rest, not an empty process.
  await createDb({ provider: "sqlite", url }).target.count();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sample = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const started = performance.now();
  const response = await exportRoute.GET(new Request(`http://bench/api/export?format=${format}`), undefined);
  let bytes = 0;
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    bytes += chunk.value.byteLength;
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  clearInterval(sample);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${format}: ${(bytes / MB).toFixed(1)} MB in ${seconds.toFixed(1)} s; RSS ${(before / MB).toFixed(0)} MB before, ` +
      `peak ${(peak / MB).toFixed(0)} MB (+${((peak - before) / MB).toFixed(0)} MB), maxRSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  );
}

export async function benchExport(): Promise<void> {
  const targets = Number(process.env.LUOSHI_BENCH_EXPORT ?? 200_400);
  const shape = { jurisdictions: Math.max(1, Math.round(targets / 600)), years: 10, targets: 60 };
  const dir = mkdtempSync(path.join(tmpdir(), "luoshi-bench-export-"));
  try {
    const target = { provider: "sqlite" as const, url: `file:${path.join(dir, "bench.db")}` };
    await applyPendingMigrations(target);
    const db = createDb(target);
    const started = performance.now();
    const total = await writeSyntheticStore(db, "sqlite", shape);
    await db.$disconnect();
    console.log(`synthetic store: ${total} targets in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    for (const each of ["csv", "json", "xlsx"]) {
      execFileSync(process.execPath, ["--import", "tsx", import.meta.filename, "--measure", target.url, each], {
        stdio: "inherit",
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const [, , flag, url, format] = process.argv;
if (flag === "--measure" && url && format) await measure(url, format);
