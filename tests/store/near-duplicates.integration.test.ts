/**
 * The same report in slightly different bytes must not double a year: blanks at the end, an HTML wrapper, one more
 * line. Equal text is the stored document; a near-duplicate is skipped and reported unless the user chooses to
 * replace the stored report or keep both (the new one as a review source). Replacing never deletes an analyst's edit.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { sentenceOverlap } from "@/lib/db/duplicates";
import { editMatch } from "@/lib/db/edits";
import { importFile } from "@/lib/db/import";
import { PROVIDERS } from "@/lib/db/providers";
import { bytesOf, seedPath } from "../support/corpus";
import { openTestStore, rowCounts, type TestStore } from "../support/store";

const ENGINE = { tolerance: 0 };
const encode = (text: string) => new TextEncoder().encode(text);
const seedText = (prefix: string) => new TextDecoder().decode(bytesOf(seedPath(prefix)));
const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** What the year's screens count: its plan's targets and the recount of the compare screen's tally. */
async function yearState(db: Db, code: string, year: number) {
  const targets = await db.target.count({
    where: { jurisdictionCode: code, planYear: year, report: { kind: "work_report" } },
  });
  const tallies = await db.indicatorTally.findMany();
  const recount = await db.target.groupBy({ by: ["indicatorName", "measure"], _count: { _all: true } });
  const counted = new Map(recount.map((r) => [`${r.indicatorName}|${r.measure}`, r._count._all]));
  const wrong = tallies.filter((t) => (counted.get(`${t.indicatorName}|${t.measure}`) ?? 0) !== t.targets);
  return { targets, wrongTallies: wrong.length };
}

describe("near-duplicate reports", () => {
  it("measures overlap by sentences: a copy with a line more overlaps, a news item quoting two sentences does not", () => {
    const text = seedText("001");
    expect(sentenceOverlap(text, `${text}\n来源：区政府网站 编辑：张三`)).toBeGreaterThan(0.95);
    const quoted = text.split("。").slice(10, 12).join("。");
    expect(sentenceOverlap(text, `新闻：${quoted}。记者从会上获悉。`)).toBeLessThan(0.1);
    expect(sentenceOverlap(seedText("001"), seedText("002"))).toBeLessThan(0.2);
  });
});

describe.each(PROVIDERS)("near-duplicate reports on %s", (provider) => {
  let store: TestStore;
  const text = seedText("001");
  beforeAll(async () => {
    store = await openTestStore(provider);
    await importFile(store.db, { filename: "001.txt", bytes: encode(text) }, ENGINE);
  });
  afterAll(async () => store.close());

  it("takes the same text with blanks added, or wrapped in HTML, for the stored document", async () => {
    const before = await rowCounts(store.db);
    const stored = await store.db.document.findFirstOrThrow();
    for (const [filename, copy] of [
      ["trailing.txt", `${text}\n\n`],
      ["indented.txt", text.replace(/\n/g, "\n  ")],
      [
        "page.html",
        `<!doctype html><html><head><title>工作报告</title></head><body><pre>${escapeHtml(text)}</pre></body></html>`,
      ],
    ] as const) {
      const result = await importFile(store.db, { filename, bytes: encode(copy) }, ENGINE);
      expect(result.failed).toEqual([]);
      expect(result.documents.map((d) => [d.id, d.created])).toEqual([[stored.id, false]]);
    }
    expect(await rowCounts(store.db)).toEqual(before);
  });

  it("skips a copy with one more line, says which report it repeats, and writes nothing", async () => {
    const before = await rowCounts(store.db);
    const state = await yearState(store.db, "370202", 2019);
    const result = await importFile(
      store.db,
      { filename: "reposted.txt", bytes: encode(`${text}\n（本文转载自区政府网站，编辑：李四）`) },
      ENGINE,
    );
    expect(result.documents).toEqual([]);
    expect(result.failed).toEqual([]);
    // The seed holds the district's 2019 and 2020 reports: both are repeated.
    expect(result.duplicates).toEqual([
      expect.objectContaining({ file: "reposted.txt", code: "370202", year: 2019, resolution: "skipped" }),
      expect.objectContaining({ file: "reposted.txt", code: "370202", year: 2020, resolution: "skipped" }),
    ]);
    expect(result.duplicates.every((d) => d.overlap > 0.95)).toBe(true);
    expect(await rowCounts(store.db)).toEqual(before);
    expect(await yearState(store.db, "370202", 2019)).toEqual(state);
  });

  it("keeps both when asked, the copy as a review source: the plan is not doubled", async () => {
    const state = await yearState(store.db, "370202", 2019);
    const result = await importFile(
      store.db,
      { filename: "kept.txt", bytes: encode(`${text}\n（来源：青岛新闻网）`), onDuplicate: "keep" },
      ENGINE,
    );
    expect(result.duplicates.map((d) => d.resolution)).toEqual(["kept", "kept"]);
    expect(result.documents[0]?.reports.map((r) => r.kind)).toEqual(["review_source", "review_source"]);
    expect(await yearState(store.db, "370202", 2019)).toEqual(state);
  });

  it("replaces the stored report when asked, and refuses once an analyst has edited it", async () => {
    const state = await yearState(store.db, "370202", 2019);
    const replaced = await importFile(
      store.db,
      { filename: "replacement.txt", bytes: encode(`${text}\n（修订稿）`), onDuplicate: "replace" },
      ENGINE,
    );
    expect(replaced.duplicates.map((d) => d.resolution)).toEqual(["replaced", "replaced"]);
    expect(await yearState(store.db, "370202", 2019)).toEqual(state);
    const workReports = await store.db.report.findMany({
      where: { jurisdictionCode: "370202", kind: "work_report" },
      orderBy: { year: "asc" },
    });
    expect(workReports.map((r) => r.id)).toEqual(replaced.documents[0]?.reports.map((r) => r.id));
    // Every target of the year judged again, on the new report's rows.
    const unjudged = await store.db.target.count({
      where: { jurisdictionCode: "370202", planYear: 2019, match: null },
    });
    expect(unjudged).toBe(0);

    const target = await store.db.target.findFirstOrThrow({
      where: { jurisdictionCode: "370202", planYear: 2019 },
      include: { match: true },
    });
    await editMatch(
      store.db,
      target.id,
      { action: "set_verdict", version: target.match?.version ?? 1, note: "核对", verdict: "met" },
      "甲",
      ENGINE,
    );
    const before = await rowCounts(store.db);
    const refused = await importFile(
      store.db,
      { filename: "again.txt", bytes: encode(`${text}\n（再次修订）`), onDuplicate: "replace" },
      ENGINE,
    );
    expect(refused.documents).toEqual([]);
    expect(refused.failed[0]?.error).toMatch(/analyst edit/);
    expect(await rowCounts(store.db)).toEqual(before);
  });
});
