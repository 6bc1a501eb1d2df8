/**
 * Killing the importer (SIGKILL, no chance to clean up) in the middle of a run, then running it again, finishes the
 * job: every document once, none half-written (each document is one transaction; the content hash skips what is in).
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { applyPendingMigrations } from "@/lib/db/migrate";
import { PROVIDERS } from "@/lib/db/providers";
import { synthReports } from "@/lib/synth/report";
import { createTestDatabase, type TestDatabase } from "../support/databases";

const root = path.resolve(import.meta.dirname, "../..");
const REPORTS = { jurisdictions: 12, years: 2, targets: 30, firstYear: 2020, seed: 3 };

function importer(folder: string, databaseUrl: string) {
  return spawn(process.execPath, [path.join(root, "lib/cli/bin.mjs"), "import", folder], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

describe.each(PROVIDERS)("an importer killed half-way on %s", (provider) => {
  let database: TestDatabase;
  let folder: string;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    await applyPendingMigrations(database.target);
    folder = mkdtempSync(path.join(tmpdir(), "luoshi-synth-"));
    for (const report of synthReports(REPORTS)) {
      mkdirSync(path.join(folder, report.code), { recursive: true });
      writeFileSync(path.join(folder, report.code, `${report.year}.txt`), report.text);
    }
  });
  afterAll(async () => {
    rmSync(folder, { recursive: true, force: true });
    await database.drop();
  });

  it("leaves whole documents only, and a second run completes the import without duplicates", async () => {
    const db = createDb(database.target);
    try {
      const first = importer(folder, database.target.url);
      // Kill once some documents are in, well before all 24 are.
      const deadline = Date.now() + 60_000;
      while ((await db.document.count()) < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      first.kill("SIGKILL");
      await new Promise((resolve) => first.once("exit", resolve));
      const partial = await db.document.count();
      expect(partial).toBeGreaterThanOrEqual(3);
      expect(partial).toBeLessThan(24);
      // Every stored document is whole: its report, all 30 targets, a match for each.
      for (const report of await db.report.findMany({ include: { _count: { select: { targets: true } } } })) {
        expect(report._count.targets).toBe(30);
      }
      expect(await db.match.count()).toBe(await db.target.count());

      const second = importer(folder, database.target.url);
      let output = "";
      second.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
      expect(await new Promise((resolve) => second.once("exit", resolve))).toBe(0);
      expect(output).toMatch(new RegExp(`documents: ${24 - partial} new, ${partial} unchanged, 0 failed`));
      expect(await db.document.count()).toBe(24);
      expect(await db.report.count()).toBe(24);
      expect(await db.target.count()).toBe(24 * 30);
      expect(await db.match.count()).toBe(24 * 30);
    } finally {
      await db.$disconnect();
    }
  });
});
