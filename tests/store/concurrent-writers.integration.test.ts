/**
 * Writers that collide: two editors changing matches of one year at once, and the CLI importing into SQLite while
 * the app takes edits. Whatever the interleaving, an analyst's edit is never overwritten by a re-judgement (the row
 * still says what the audit trail's last "after" says), and nobody gets an error that is not a 409.
 */
import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { editMatch } from "@/lib/db/edits";
import { ConflictError } from "@/lib/db/errors";
import { importFile } from "@/lib/db/import";
import { rematchYear } from "@/lib/db/matching";
import { PROVIDERS } from "@/lib/db/providers";
import { writeTransaction } from "@/lib/db/transaction";
import { bytesOf, CORPUS, NATIONAL, seedPath } from "../support/corpus";
import { openTestStore, type TestStore } from "../support/store";

const ENGINE = { tolerance: 0 };
const root = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);

/** Every manual match holds the state its latest standing edit left it in. */
async function manualMatchesAgreeWithTheirEdits(db: Db): Promise<string[]> {
  const manual = await db.match.findMany({
    where: { manual: true },
    include: { edits: { where: { revertedAt: null, action: { not: "undo" } }, orderBy: { createdAt: "desc" } } },
  });
  const disagreements: string[] = [];
  for (const match of manual) {
    const last = match.edits[0];
    if (!last) continue;
    const after = last.after as { verdict: string; outcomeId: string | null };
    if (after.verdict !== match.verdict || after.outcomeId !== match.outcomeId) {
      disagreements.push(
        `${match.id}: edit says ${after.verdict}/${after.outcomeId}, row ${match.verdict}/${match.outcomeId}`,
      );
    }
  }
  return disagreements;
}

/** Back to the engine's matches for the year: every manual edit of it dropped. */
async function resetYear(db: Db, code: string, year: number) {
  await writeTransaction(db, async (tx, provider) => {
    await tx.match.updateMany({
      where: { target: { jurisdictionCode: code, planYear: year } },
      data: { manual: false, flagged: false },
    });
    await rematchYear(tx, provider, code, year, ENGINE);
  });
}

const unexpected = (results: PromiseSettledResult<unknown>[]) =>
  results.flatMap((r) => (r.status === "rejected" && !(r.reason instanceof ConflictError) ? [String(r.reason)] : []));

describe.each(PROVIDERS)("concurrent editors on %s", (provider) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(provider);
    const file = seedPath("001");
    await importFile(store.db, { filename: file, bytes: bytesOf(file) }, ENGINE);
  });
  afterAll(async () => store.close());

  it("one editor sets a verdict on a target while another links that target's outcome elsewhere: both edits stand", async () => {
    const tries = 24;
    const lost: string[] = [];
    const failures: string[] = [];
    for (let attempt = 0; attempt < tries; attempt += 1) {
      await resetYear(store.db, "370202", 2019);
      const matched = await store.db.match.findMany({
        where: { target: { jurisdictionCode: "370202", planYear: 2019 }, outcomeId: { not: null }, manual: false },
        include: { target: true },
        orderBy: { target: { position: "asc" } },
      });
      const tj = matched[attempt % matched.length];
      const ti = matched[(attempt + 1) % matched.length];
      if (!tj || !ti || !tj.outcomeId) throw new Error("the seed's 2019 plan has too few matched targets");
      const verdict = tj.verdict === "missed" ? "met" : "missed";
      const results = await Promise.allSettled([
        editMatch(
          store.db,
          tj.targetId,
          { action: "set_verdict", version: tj.version, note: "核对原文", verdict },
          "甲",
          ENGINE,
        ),
        editMatch(
          store.db,
          ti.targetId,
          { action: "link", version: ti.version, note: "改关联", outcomeId: tj.outcomeId },
          "乙",
          ENGINE,
        ),
      ]);
      failures.push(...unexpected(results));
      const after = await store.db.match.findUniqueOrThrow({ where: { id: tj.id } });
      if (results[0].status === "fulfilled" && (after.verdict !== verdict || !after.manual)) {
        lost.push(`try ${attempt}: set ${verdict}, row says ${after.verdict} (manual ${after.manual})`);
      }
      lost.push(...(await manualMatchesAgreeWithTheirEdits(store.db)));
    }
    expect(failures).toEqual([]);
    expect(lost).toEqual([]);
  });

  it("twenty editors on twenty targets of one year at once: every edit applied, none lost", async () => {
    await resetYear(store.db, "370202", 2019);
    const matches = await store.db.match.findMany({
      where: { target: { jurisdictionCode: "370202", planYear: 2019 } },
      orderBy: { target: { position: "asc" } },
      take: 20,
    });
    const results = await Promise.allSettled(
      matches.map((m, i) =>
        editMatch(
          store.db,
          m.targetId,
          { action: "set_verdict", version: m.version, note: `编辑${i}`, verdict: i % 2 ? "met" : "needs_review" },
          `编辑员${i}`,
          ENGINE,
        ),
      ),
    );
    expect(unexpected(results)).toEqual([]);
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);
    const rows = await store.db.match.findMany({ where: { id: { in: matches.map((m) => m.id) } } });
    expect(rows.every((row) => row.manual)).toBe(true);
    expect(await manualMatchesAgreeWithTheirEdits(store.db)).toEqual([]);
  });
});

describe("the CLI importing into SQLite while the app takes edits", () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore("sqlite");
    const file = seedPath("001");
    await importFile(store.db, { filename: file, bytes: bytesOf(file) }, ENGINE);
  });
  afterAll(async () => store.close());

  const luoshi = (...args: string[]) =>
    run(process.execPath, [path.join(root, "lib/cli/bin.mjs"), ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: store.url },
      maxBuffer: 64 * 1024 * 1024,
    }).then(
      (result) => ({ code: 0, ...result }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  it("waits for the other writer: the CLI imports every report and every edit lands or is told it is stale", async () => {
    const provinces = path.join(CORPUS, "provinces-2026");
    const pages = readdirSync(provinces)
      .filter((name) => name.endsWith(".csv"))
      .sort()
      .map((name) => path.join(provinces, name));
    const thirds = [0, 1, 2].map((k) => pages.filter((_, i) => i % 3 === k));
    const cli = Promise.all([luoshi("import", NATIONAL), ...thirds.map((files) => luoshi("import", ...files))]);

    // 100 edits while the imports run: each reads the match afresh, as a user reloading the page would.
    const outcomes: PromiseSettledResult<unknown>[] = [];
    const targets = await store.db.target.findMany({
      where: { jurisdictionCode: "370202", planYear: 2019 },
      orderBy: { position: "asc" },
    });
    for (let round = 0; round < 10; round += 1) {
      const batch = await Promise.allSettled(
        targets.slice(0, 10).map(async (target, i) => {
          const match = await store.db.match.findUniqueOrThrow({ where: { targetId: target.id } });
          return editMatch(
            store.db,
            target.id,
            {
              action: "set_verdict",
              version: match.version,
              note: `第${round}轮`,
              verdict: (round + i) % 2 ? "met" : "missed",
            },
            "甲",
            ENGINE,
          );
        }),
      );
      outcomes.push(...batch);
    }
    const imports = await cli;
    expect(unexpected(outcomes)).toEqual([]);
    expect(outcomes.filter((r) => r.status === "fulfilled").length).toBe(100);
    for (const result of imports) {
      // Reports the reader refuses (the corpus holds resolutions, too) fail by themselves; nothing fails on the lock.
      expect(result.stderr).not.toMatch(/P1008|P2028|locked|timed out|busy|PrismaClient|at .*\.ts:\d+/i);
      expect(result.stdout).toMatch(/documents: \d+ new/);
    }
    const reported = imports.reduce((sum, r) => sum + Number(/documents: (\d+) new/.exec(r.stdout)?.[1] ?? 0), 0);
    expect(await store.db.document.count()).toBe(reported + 1);
    expect(await manualMatchesAgreeWithTheirEdits(store.db)).toEqual([]);
    // The 31 provinces' 2026 reports all stored despite the edits.
    const stored = await store.db.report.findMany({
      where: { year: 2026, kind: "work_report", jurisdiction: { level: "province" } },
      distinct: ["jurisdictionCode"],
      select: { jurisdictionCode: true },
    });
    expect(stored).toHaveLength(31);
  });
});
