/**
 * Page speed of the dashboard on the production build (`next start`, one request at a time): server response time
 * (until the last streamed byte) of the scorecard, compare and overview pages over 50 requests each, on SQLite and on
 * PostgreSQL seeded alike (the seeds, the national corpus and a scorecard year of 2 000 targets written straight into
 * the database); then, on SQLite only, the browser's time to interactive and scroll frame times for that scorecard.
 *
 * Durability is printed as each database reports it (SQLite as the app runs it: WAL, synchronous NORMAL; PostgreSQL
 * durable, fsync and synchronous_commit on, unless LUOSHI_BENCH_PG_DURABLE=0, then labelled "non-durable"); nothing
 * is written while pages are timed. Warm-up, the same on both: 3 untimed requests of each page before its 50; the
 * browser's 5 page loads are all timed (cold: a new page each). Every request times out after 30 s and a failure is
 * counted and printed, never timed; each browser step has its own timeout; the suite stops at its deadline.
 * Prints figures, asserts nothing. Builds the app first unless LUOSHI_TEST_REUSE_BUILD=1 (then an existing build
 * is used). Run from the repository root:
 *   npm run bench -- pages
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { createDb, type Db } from "@/lib/db/client";
import { databaseFromEnv, type Provider } from "@/lib/db/providers";
import { LEXICON } from "@/lib/engine/indicators";
import { legacyReasons } from "@/lib/schemas/reasons";
import { buildApp, type RunningApp, seedDatabase, startApp } from "../browser/support/app-server";
import { NATIONAL, seedFiles } from "../support/corpus";
import {
  armDeadline,
  atExit,
  databaseLabel,
  durabilityOf,
  ms,
  percentile,
  REQUEST_TIMEOUT_MS,
  RouteStats,
  startBenchPostgres,
  timedFetch,
  within,
} from "./support";

const REQUESTS = 50;
const BROWSER_RUNS = 5;
const LARGE = { code: "990100", name: "基准测试区", year: 2030, targets: 2000 };
const VERDICTS = ["met", "missed", "needs_review", "no_outcome"] as const;

/** A jurisdiction whose 2030 plan holds 2 000 targets, each judged against an outcome of the 2031 review. */
async function insertLargeYear(db: Db): Promise<void> {
  const clauses = Array.from({ length: LARGE.targets }, (_, i) => {
    const entry = LEXICON[i % LEXICON.length];
    return {
      indicator: entry?.name ?? `指标${i}`,
      target: `${entry?.name ?? "指标"}增长${(i % 9) + 1}%左右`,
      outcome: `${entry?.name ?? "指标"}增长${(i % 11) + 0.5}%`,
    };
  });
  const planText = clauses.map((c) => c.target).join("，");
  const reviewText = clauses.map((c) => c.outcome).join("，");
  await db.jurisdiction.create({ data: { code: LARGE.code, name: LARGE.name, level: "county", demo: true } });
  const document = await db.document.create({
    data: {
      contentHash: "bench-large-year",
      encoding: "utf-8",
      sourceName: "bench.txt",
      byteSize: planText.length,
      originalText: `${planText}\n${reviewText}`,
    },
  });
  const plan = await db.report.create({
    data: {
      documentId: document.id,
      position: 0,
      kind: "work_report",
      jurisdictionCode: LARGE.code,
      year: LARGE.year,
      planYear: LARGE.year,
      reviewYear: null,
      confidence: 1,
      text: planText,
      originalStart: 0,
      originalEnd: planText.length,
      sections: [],
    },
  });
  const review = await db.report.create({
    data: {
      documentId: document.id,
      position: 1,
      kind: "work_report",
      jurisdictionCode: LARGE.code,
      year: LARGE.year + 1,
      planYear: null,
      reviewYear: LARGE.year,
      confidence: 1,
      text: reviewText,
      originalStart: planText.length + 1,
      originalEnd: planText.length + 1 + reviewText.length,
      sections: [],
    },
  });
  let targetAt = 0;
  let outcomeAt = 0;
  await db.target.createMany({
    data: clauses.map((c, i) => {
      const start = targetAt;
      targetAt += c.target.length + 1;
      return {
        reportId: plan.id,
        jurisdictionCode: LARGE.code,
        planYear: LARGE.year,
        position: i,
        indicatorName: c.indicator,
        measure: "growth",
        qualifier: "about",
        value: (i % 9) + 1,
        unit: "%",
        polarity: "higher_better",
        headline: i < 8,
        text: c.target,
        start,
        end: start + c.target.length,
      };
    }),
  });
  await db.outcome.createMany({
    data: clauses.map((c, i) => {
      const start = outcomeAt;
      outcomeAt += c.outcome.length + 1;
      return {
        reportId: review.id,
        jurisdictionCode: LARGE.code,
        year: LARGE.year,
        position: i,
        indicatorName: c.indicator,
        measure: "growth",
        value: (i % 11) + 0.5,
        unit: "%",
        polarity: "higher_better",
        estimated: i % 3 === 0,
        text: c.outcome,
        start,
        end: start + c.outcome.length,
      };
    }),
  });
  const [targets, outcomes] = await Promise.all([
    db.target.findMany({ where: { reportId: plan.id }, select: { id: true, position: true } }),
    db.outcome.findMany({ where: { reportId: review.id }, select: { id: true, position: true } }),
  ]);
  const outcomeAtPosition = new Map(outcomes.map((o) => [o.position, o.id]));
  await db.match.createMany({
    data: targets.map((t) => {
      const verdict = VERDICTS[t.position % VERDICTS.length] ?? "met";
      return {
        targetId: t.id,
        outcomeId: verdict === "no_outcome" ? null : (outcomeAtPosition.get(t.position) ?? null),
        confidence: 0.5 + (t.position % 50) / 100,
        verdict,
        reason: JSON.stringify(legacyReasons("基准数据")),
        ratio: verdict === "no_outcome" ? null : 1 + (t.position % 7) / 10,
        engineVersion: "bench",
      };
    }),
  });
}

const WARM_UP = 3;
const STEP_TIMEOUT_MS = 60_000;

const PAGES = [
  ["scorecard 370202/2019 (55 targets)", "/j/370202/2019"],
  ["compare 全国 GDP growth (default)", "/compare"],
  [
    "compare 全国 + 市南区",
    "/compare?indicator=%E5%9C%B0%E5%8C%BA%E7%94%9F%E4%BA%A7%E6%80%BB%E5%80%BC&measure=growth&j=000000&j=370202",
  ],
  [`scorecard ${LARGE.code}/${LARGE.year} (${LARGE.targets} targets)`, `/j/${LARGE.code}/${LARGE.year}`],
  ["overview", "/"],
] as const;

/** Seed a database like every other, start the app on it, and time each page one request at a time. */
async function serverTimes(
  provider: Provider,
  databaseUrl: string,
): Promise<{ app: RunningApp; stop: () => Promise<void> }> {
  await seedDatabase(databaseUrl, [...seedFiles(), NATIONAL], insertLargeYear);
  const db = createDb(databaseFromEnv({ DATABASE_URL: databaseUrl }));
  const durability = await durabilityOf(db, provider).finally(() => db.$disconnect());
  const app = await startApp({ databaseUrl });
  const stop = atExit(() => app.stop());
  const stats = new RouteStats();
  for (const [name, url] of PAGES) {
    for (let i = 0; i < WARM_UP + REQUESTS; i++) {
      const result = await timedFetch(`${app.baseUrl}${url}`);
      if (i >= WARM_UP) stats.record(name, result);
    }
  }
  console.log(`\n${databaseLabel(provider)}: ${durability}`);
  console.log(
    `server response time, ${REQUESTS} requests each one at a time (after ${WARM_UP} untimed), until the last byte ` +
      `(timeout ${REQUEST_TIMEOUT_MS / 1000} s):`,
  );
  for (const [name] of PAGES) {
    const s = stats.summary(name);
    const failed = s.failed > 0 ? `  ${s.failed} FAILED (${s.errors})` : "  0 failed";
    console.log(
      `  ${name.padEnd(44)} p50 ${ms(s.p50).padStart(9)}  p95 ${ms(s.p95).padStart(9)}  ${(s.bytes / 1024).toFixed(0)} KB${failed}`,
    );
  }
  return { app, stop };
}

export async function benchPages(): Promise<void> {
  armDeadline("pages", 30);
  buildApp();
  const dir = mkdtempSync(path.join(tmpdir(), "luoshi-bench-pages-"));
  const removeDir = atExit(() => rmSync(dir, { recursive: true, force: true }));
  const cluster = await startBenchPostgres();
  try {
    const postgres = await serverTimes("postgresql", await cluster.createDatabase("bench"));
    await postgres.stop();
    const sqlite = await serverTimes("sqlite", `file:${path.join(dir, "bench.db")}`);
    try {
      await browserTimes(sqlite.app);
    } finally {
      await sqlite.stop();
    }
  } finally {
    cluster.destroy();
    await removeDir();
  }
}

async function browserTimes(app: RunningApp): Promise<void> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    timeout: STEP_TIMEOUT_MS,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--no-first-run",
    ],
  });
  const closeBrowser = atExit(() => browser.close());
  try {
    console.log(`\nbrowser, scorecard with ${LARGE.targets} targets, ${BROWSER_RUNS} cold page loads (1280×900):`);
    const interactive: number[] = [];
    const frames: number[] = [];
    const wheelFrames: number[] = [];
    const idleFrames: number[] = [];
    let domRows = 0;
    const failures: string[] = [];
    for (let run = 0; run < BROWSER_RUNS; run++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      page.setDefaultTimeout(STEP_TIMEOUT_MS);
      try {
        // When the table hydrates it marks itself data-ready: record that moment on the page's own clock.
        await page.addInitScript(() => {
          const observer = new MutationObserver(() => {
            if (document.querySelector(".target-table[data-ready]")) {
              (window as unknown as { __ready?: number }).__ready = performance.now();
              observer.disconnect();
            }
          });
          observer.observe(document, {
            subtree: true,
            childList: true,
            attributes: true,
            attributeFilter: ["data-ready"],
          });
        });
        await page.goto(`${app.baseUrl}/j/${LARGE.code}/${LARGE.year}`, { timeout: STEP_TIMEOUT_MS });
        await page.locator(".target-table[data-ready]").waitFor({ timeout: STEP_TIMEOUT_MS });
        interactive.push(
          await within(
            page.evaluate(() => (window as unknown as { __ready: number }).__ready),
            STEP_TIMEOUT_MS,
            "reading the time to interactive",
          ),
        );
        // Frame times: idle (the headless browser's own frame rate), wheel-like steps of 60 px, and jumps through the
        // whole table in 120 steps; one step per animation frame.
        // (A string, not a function: tsx would wrap named inner functions in a helper the page does not have.)
        const result = (await within(
          page.evaluate(`(async () => {
        const viewport = document.querySelector(".table-viewport");
        const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
        const run = async (steps, position) => {
          const deltas = [];
          await frame();
          let last = performance.now();
          for (let i = 1; i <= steps; i++) {
            const top = position(i);
            if (top !== null) viewport.scrollTop = top;
            await frame();
            const now = performance.now();
            deltas.push(now - last);
            last = now;
          }
          return deltas;
        };
        const idle = await run(60, () => null);
        const wheel = await run(150, (i) => 20000 + i * 60);
        const jumps = await run(120, (i) => (viewport.scrollHeight * i) / 120);
        return { idle, wheel, jumps, rows: viewport.querySelectorAll("tbody tr").length };
      })()`),
          STEP_TIMEOUT_MS,
          "the frame-time script",
        )) as { idle: number[]; wheel: number[]; jumps: number[]; rows: number };
        idleFrames.push(...result.idle);
        wheelFrames.push(...result.wheel);
        frames.push(...result.jumps);
        domRows = Math.max(domRows, result.rows);
      } catch (error) {
        failures.push(`run ${run + 1}: ${(error as Error).message.split("\n")[0]}`);
      } finally {
        await within(page.close(), STEP_TIMEOUT_MS, "closing the page").catch(() => undefined);
      }
    }
    interactive.sort((a, b) => a - b);
    for (const list of [frames, wheelFrames, idleFrames]) list.sort((a, b) => a - b);
    console.log(
      `  time to interactive (table hydrated)    median ${ms(percentile(interactive, 0.5))}  worst ${ms(interactive.at(-1) ?? Number.NaN)}`,
    );
    const line = (name: string, list: number[]) =>
      console.log(
        `  ${name.padEnd(39)} p50 ${ms(percentile(list, 0.5))}  p95 ${ms(percentile(list, 0.95))}  max ${ms(list.at(-1) ?? Number.NaN)}`,
      );
    line("frame time, idle (headless baseline)", idleFrames);
    line("frame time, wheel scrolling (60 px)", wheelFrames);
    line("frame time, jumping through all rows", frames);
    console.log(`  rows in the DOM at most                 ${domRows} of ${LARGE.targets}`);
    console.log(
      `  page loads that failed                  ${failures.length} of ${BROWSER_RUNS}${failures.map((f) => `\n    ${f}`).join("")}`,
    );
  } finally {
    await closeBrowser();
  }
}
