/**
 * A re-read killed (SIGKILL, no chance to clean up) half-way, then run again, finishes the job: every document is
 * either wholly re-read or wholly as before (one transaction each), and the second run re-reads only the rest. With
 * the same reader on both sides, the re-read changes no target, outcome or verdict.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { importFile } from "@/lib/db/import";
import { applyPendingMigrations } from "@/lib/db/migrate";
import { PROVIDERS } from "@/lib/db/providers";
import { READER_VERSION } from "@/lib/engine/reader";
import { bytesOf, NATIONAL } from "../support/corpus";
import { createTestDatabase, type TestDatabase } from "../support/databases";

const root = path.resolve(import.meta.dirname, "../..");
const OLDER = "luoshi-reader/older";

function rereader(databaseUrl: string) {
  return spawn(process.execPath, [path.join(root, "lib/cli/bin.mjs"), "reread", "--all"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** What the database says of every target: its text, figures and verdict, in a fixed order. */
async function reading(db: Db) {
  const targets = await db.target.findMany({
    select: {
      jurisdictionCode: true,
      planYear: true,
      position: true,
      text: true,
      value: true,
      min: true,
      max: true,
      match: { select: { verdict: true, outcome: { select: { text: true } } } },
    },
    orderBy: [{ jurisdictionCode: "asc" }, { planYear: "asc" }, { text: "asc" }, { position: "asc" }],
  });
  const tallies = await db.yearTally.findMany({ orderBy: [{ jurisdictionCode: "asc" }, { year: "asc" }] });
  return { targets, tallies, outcomes: await db.outcome.count() };
}

describe.each(PROVIDERS)("a re-read killed half-way on %s", (provider) => {
  let database: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    await applyPendingMigrations(database.target);
    db = createDb(database.target);
    await importFile(db, { filename: NATIONAL, bytes: bytesOf(NATIONAL) }, { tolerance: 0 });
  }, 240_000);
  afterAll(async () => {
    await db.$disconnect();
    await database.drop();
  });

  it("leaves whole documents only, and a second run re-reads the rest to the same result", async () => {
    const before = await reading(db);
    const documents = await db.document.count();
    await db.report.updateMany({ data: { readerVersion: OLDER } });
    await db.target.updateMany({ data: { readerVersion: OLDER } });

    const first = rereader(database.target.url);
    const deadline = Date.now() + 120_000;
    const current = () => db.report.count({ where: { readerVersion: READER_VERSION } });
    while ((await current()) < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    first.kill("SIGKILL");
    await new Promise((resolve) => first.once("exit", resolve));
    const partial = await current();
    expect(partial).toBeGreaterThanOrEqual(3);
    expect(partial).toBeLessThan(documents);
    // A document is re-read with all its rows, or not at all.
    const reports = await db.report.findMany({
      select: { readerVersion: true, targets: { select: { readerVersion: true } } },
    });
    for (const report of reports) {
      for (const target of report.targets) expect(target.readerVersion).toBe(report.readerVersion);
    }
    expect(await db.match.count()).toBe(await db.target.count());

    const second = rereader(database.target.url);
    let output = "";
    second.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    expect(await new Promise((resolve) => second.once("exit", resolve))).toBe(0);
    expect(output).toMatch(
      new RegExp(`re-read ${documents - partial} of ${documents - partial} documents \\(0 reports`),
    );
    expect(await db.report.count({ where: { readerVersion: { not: READER_VERSION } } })).toBe(0);
    expect(await reading(db)).toEqual(before);
  }, 300_000);
});
