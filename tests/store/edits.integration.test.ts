import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { editMatch } from "@/lib/db/edits";
import { ConflictError } from "@/lib/db/errors";
import { importFile } from "@/lib/db/import";
import { rematchYear } from "@/lib/db/matching";
import { PROVIDERS } from "@/lib/db/providers";
import { bytesOf, seedPath } from "../support/corpus";
import { openTestStore, type TestStore } from "../support/store";

const ENGINE = { tolerance: 0 };

describe.each(PROVIDERS)("hand edits on %s", (provider) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(provider);
    const file = seedPath("001");
    await importFile(store.db, { filename: file, bytes: bytesOf(file) }, ENGINE);
  });
  afterAll(async () => store.close());

  const target2019 = (where: { indicatorName: string; measure: string }) =>
    store.db.target.findFirstOrThrow({
      where: { jurisdictionCode: "370202", planYear: 2019, ...where },
      include: { match: true },
    });

  it("links another outcome, records who and why, and bumps the version", async () => {
    const target = await target2019({ indicatorName: "地区生产总值", measure: "growth" });
    const match = target.match;
    if (!match) throw new Error("the GDP target has no match");
    const other = await store.db.outcome.findFirstOrThrow({
      where: { jurisdictionCode: "370202", year: 2019, id: { not: match.outcomeId ?? "" }, measure: "growth" },
    });
    const result = await editMatch(
      store.db,
      target.id,
      { action: "link", version: match.version, note: "换一个结果试试", outcomeId: other.id },
      "分析员甲",
      ENGINE,
    );
    expect(result).toEqual({ matchId: match.id, version: match.version + 1, action: "link" });

    const after = await store.db.match.findUniqueOrThrow({ where: { id: match.id }, include: { edits: true } });
    expect(after).toMatchObject({ outcomeId: other.id, manual: true, version: match.version + 1 });
    expect(after.edits).toHaveLength(1);
    expect(after.edits[0]).toMatchObject({ editor: "分析员甲", action: "link", note: "换一个结果试试" });
    expect(after.edits[0]?.before).toMatchObject({ outcomeId: match.outcomeId, manual: false });
    // One outcome serves one target: no engine match keeps the outcome the analyst took.
    expect(await store.db.match.count({ where: { outcomeId: other.id } })).toBe(1);
  });

  it("undoes the last edit, back to the engine's match", async () => {
    const target = await target2019({ indicatorName: "地区生产总值", measure: "growth" });
    const before = (await store.db.edit.findFirstOrThrow({ where: { match: { targetId: target.id } } })).before as {
      outcomeId: string;
    };
    await editMatch(
      store.db,
      target.id,
      { action: "undo", version: target.match?.version ?? 0, note: "撤销" },
      "分析员甲",
      ENGINE,
    );
    const after = await store.db.match.findUniqueOrThrow({ where: { targetId: target.id } });
    expect(after).toMatchObject({ outcomeId: before.outcomeId, manual: false, verdict: "missed" });
    await expect(
      editMatch(store.db, target.id, { action: "undo", version: after.version, note: "再撤销" }, "分析员甲", ENGINE),
    ).rejects.toThrow("there is no edit to undo");
  });

  it("refuses an edit that names a stale version, and changes nothing", async () => {
    const target = await target2019({ indicatorName: "新增就业", measure: "level" });
    const version = target.match?.version ?? 0;
    await editMatch(
      store.db,
      target.id,
      { action: "set_verdict", version, note: "第一次", verdict: "needs_review" },
      "甲",
      ENGINE,
    );
    const edits = await store.db.edit.count();
    await expect(
      editMatch(store.db, target.id, { action: "set_verdict", version, note: "第二次", verdict: "met" }, "乙", ENGINE),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await store.db.edit.count()).toBe(edits);
    expect((await store.db.match.findUniqueOrThrow({ where: { targetId: target.id } })).verdict).toBe("needs_review");
  });

  it("keeps a manual edit when the engine runs again, and flags it where the engine now decides otherwise", async () => {
    const target = await target2019({ indicatorName: "一般公共预算收入", measure: "growth" });
    expect(target.match?.verdict).toBe("missed");
    await editMatch(
      store.db,
      target.id,
      { action: "set_verdict", version: target.match?.version ?? 0, note: "按决算数复核", verdict: "missed" },
      "甲",
      ENGINE,
    );

    // Re-importing the same report changes nothing; re-analysing with the same setting flags nothing.
    const file = seedPath("001");
    const again = await importFile(store.db, { filename: file, bytes: bytesOf(file) }, { tolerance: 6 });
    expect(again.documents.map((d) => d.created)).toEqual([false]);
    await store.db.$transaction((tx) => rematchYear(tx, provider, "370202", 2019, ENGINE));
    expect((await store.db.match.findUniqueOrThrow({ where: { targetId: target.id } })).flagged).toBe(false);

    // A tolerance of 6 points makes 1% against "6%左右" met for the engine: the analyst's verdict stands, flagged.
    const summary = await store.db.$transaction((tx) => rematchYear(tx, provider, "370202", 2019, { tolerance: 6 }));
    expect(summary.flagged).toBeGreaterThanOrEqual(1);
    const after = await store.db.match.findUniqueOrThrow({ where: { targetId: target.id } });
    expect(after).toMatchObject({ manual: true, verdict: "missed", flagged: true, engineVerdict: "met" });
  });
});
