/**
 * Reasons are stored as codes (`Match.reason`, a JSON array of TReason) and written in the reader's locale by the
 * queries behind the screens and the API: the scorecard, the review queue, the audit trail and the export.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StoredRowError } from "@/lib/db/columns";
import { editMatch } from "@/lib/db/edits";
import { importFile } from "@/lib/db/import";
import { PROVIDERS } from "@/lib/db/providers";
import { exportRows } from "@/lib/db/queries/export";
import { getEditHistory, getReviewPage } from "@/lib/db/queries/review";
import { getScorecardYear } from "@/lib/db/queries/scorecard";
import { renderReasons } from "@/lib/i18n/reasons";
import { ZReviewPage } from "@/lib/schemas/dashboard";
import { ZScorecardYear } from "@/lib/schemas/store";
import { bytesOf, seedPath } from "../support/corpus";
import { openTestStore, type TestStore } from "../support/store";

const ENGINE = { tolerance: 0 };
const SHINAN_2019 = { code: "370202", year: 2019 };

describe.each(PROVIDERS)("reasons on %s", (provider) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(provider);
    const file = seedPath("001");
    await importFile(store.db, { filename: file, bytes: bytesOf(file) }, ENGINE);
  }, 120_000);
  afterAll(async () => store.close());

  const scorecard = async (locale: "zh-CN" | "en") =>
    ZScorecardYear.parse(await getScorecardYear(store.db, SHINAN_2019.code, SHINAN_2019.year, locale));
  const gdpOf = (card: Awaited<ReturnType<typeof scorecard>>) => {
    const gdp = card.targets.find((t) => t.indicator === "地区生产总值" && t.measure === "growth");
    if (!gdp?.match) throw new Error("the seed's GDP target has changed");
    return { target: gdp, match: gdp.match };
  };

  it("stores codes with their figures and writes the scorecard's reasons in each locale", async () => {
    const [zh, en] = await Promise.all([scorecard("zh-CN"), scorecard("en")]);
    const reasons = [
      { code: "below_target", actual: { low: 6, high: 6, unit: "%" }, target: { bound: "value", value: 7, unit: "%" } },
    ];
    expect(gdpOf(zh).match).toMatchObject({ verdict: "missed", reason: "实际6% < 目标7%", reasons });
    expect(gdpOf(en).match).toMatchObject({ verdict: "missed", reason: "Actual 6% < target 7%", reasons });
    const row = await store.db.match.findUniqueOrThrow({ where: { targetId: gdpOf(zh).target.id } });
    expect(JSON.parse(row.reason)).toEqual(reasons);
    for (const [index, target] of zh.targets.entries()) {
      const other = en.targets[index]?.match;
      if (!target.match || !other) continue;
      expect(other.reasons).toEqual(target.match.reasons);
      expect(target.match.reason).toBe(renderReasons(target.match.reasons, "zh-CN"));
      expect(other.reason).toBe(renderReasons(other.reasons, "en"));
      expect(other.reason).not.toMatch(/[回目实]/);
    }
  });

  it("writes the review queue's reasons in each locale, and labels each item by the queue's own conditions", async () => {
    for (const locale of ["zh-CN", "en"] as const) {
      const page = ZReviewPage.parse(await getReviewPage(store.db, { ...SHINAN_2019, pageSize: 100 }, locale));
      const targets = page.items.flatMap((item) => (item.kind === "target" ? [item] : []));
      expect(targets.length).toBeGreaterThan(0);
      for (const item of targets) {
        expect(item.match.reason).toBe(renderReasons(item.match.reasons, locale));
        expect(item.reasons.length).toBeGreaterThan(0);
        const { verdict, manual, outcome, flagged } = item.match;
        expect(item.reasons.includes("needs_review")).toBe(verdict === "needs_review" && !manual);
        expect(item.reasons.includes("unmatched_target")).toBe(verdict === "no_outcome" && !manual && !outcome);
        expect(item.reasons.includes("flagged")).toBe(flagged);
      }
      const figures = await getReviewPage(store.db, { ...SHINAN_2019, tab: "outcomes", context: true }, locale);
      for (const item of figures.items) expect(item.reasons).toContain("unmatched_outcome");
    }
  });

  it("records an analyst's note as a code, shown in each locale on the scorecard, the history and the export", async () => {
    const { target, match } = gdpOf(await scorecard("zh-CN"));
    await editMatch(
      store.db,
      target.id,
      { action: "set_verdict", version: match.version, note: "按统计公报", verdict: "met" },
      "甲",
      ENGINE,
    );
    expect(gdpOf(await scorecard("zh-CN")).match).toMatchObject({ verdict: "met", reason: "人工：按统计公报" });
    expect(gdpOf(await scorecard("en")).match).toMatchObject({
      reason: "By hand: 按统计公报",
      reasons: [{ code: "manual_note", note: "按统计公报" }],
    });
    const history = await getEditHistory(store.db, target.id, "en");
    expect(history?.items[0]?.before).toMatchObject({ reason: "Actual 6% < target 7%" });
    expect(history?.items[0]?.after).toMatchObject({ reason: "By hand: 按统计公报" });
    const rows = await exportRows(store.db, SHINAN_2019, "en");
    expect(rows.find((row) => row.target_text === target.text)?.reason).toBe("By hand: 按统计公报");
    const zhRows = await exportRows(store.db, SHINAN_2019);
    expect(zhRows.find((row) => row.target_text === target.text)?.reason).toBe("人工：按统计公报");
  });

  it("reads reasons stored as sentences before they were codes, and fails on a corrupted one naming the row", async () => {
    const { target } = gdpOf(await scorecard("zh-CN"));
    const stored = await store.db.match.findUniqueOrThrow({ where: { targetId: target.id } });
    // As the migration that made reasons codes leaves an old row, and an edit recorded before it.
    await store.db.match.update({
      where: { id: stored.id },
      data: { reason: JSON.stringify([{ code: "legacy_text", text: "实际6% < 目标7%" }]) },
    });
    const state = { outcomeId: stored.outcomeId, confidence: 1, ratio: null, manual: true, notATarget: false };
    await store.db.edit.create({
      data: {
        matchId: stored.id,
        editor: "乙",
        action: "set_verdict",
        before: { ...state, verdict: "missed", reason: "实际6% < 目标7%", flagged: false },
        after: { ...state, verdict: "met", reason: "人工：旧的编辑", flagged: false },
        note: "旧的编辑",
      },
    });
    expect(gdpOf(await scorecard("en")).match).toMatchObject({
      reason: "实际6% < 目标7%",
      reasons: [{ code: "legacy_text", text: "实际6% < 目标7%" }],
    });
    const history = await getEditHistory(store.db, target.id, "en");
    const old = history?.items.find((item) => item.note === "旧的编辑");
    expect(old?.after).toMatchObject({
      reason: "人工：旧的编辑",
      reasons: [{ code: "legacy_text", text: "人工：旧的编辑" }],
    });

    await store.db.match.update({ where: { id: stored.id }, data: { reason: "实际6% < 目标7%" } });
    const read = getScorecardYear(store.db, SHINAN_2019.code, SHINAN_2019.year, "en");
    await expect(read).rejects.toBeInstanceOf(StoredRowError);
    await expect(getScorecardYear(store.db, SHINAN_2019.code, SHINAN_2019.year)).rejects.toThrow(
      `the stored reason of row ${stored.id}`,
    );
    await store.db.match.update({ where: { id: stored.id }, data: { reason: stored.reason } });
  });
});
