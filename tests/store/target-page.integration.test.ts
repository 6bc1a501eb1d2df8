import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { editMatch } from "@/lib/db/edits";
import { importFile } from "@/lib/db/import";
import { PROVIDERS } from "@/lib/db/providers";
import { getTargetPage } from "@/lib/db/queries/target-page";
import { ZTargetPage } from "@/lib/schemas/target-page";
import { bytesOf, PROVINCES_2026, seedPath } from "../support/corpus";
import { openTestStore, type TestStore } from "../support/store";

const ENGINE = { tolerance: 0 };
const GUANGDONG = `${PROVINCES_2026}/2026_广东省_政府工作报告.csv`;

/** A short State Council plan of our own for 2026 (the corpus's end in 2025): the superior of every province. */
const STATE_COUNCIL_2026 = `${JSON.stringify({
  title: "2026年国务院政府工作报告（测试）",
  url: "https://example.gov.cn/zfgzbg/2026.html",
  year: "2026",
  content: [
    "政府工作报告（测试用）",
    "——2026年春在全国人民代表大会会议上",
    "各位代表：",
    "我代表国务院向本次大会作报告。",
    "一、2025年回顾",
    "上一年全国经济平稳，国内生产总值增长5%左右。",
    "二、2026年安排",
    "2026年主要预期目标为：国内生产总值增长4.5%—5%，城镇新增就业1200万人以上，居民消费价格涨幅2%左右。",
  ].join("\n"),
})}\n`;

describe.each(PROVIDERS)("the target page's view model on %s", (provider) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(provider);
    for (const file of [seedPath("001"), GUANGDONG]) {
      await importFile(store.db, { filename: file, bytes: bytesOf(file) }, ENGINE);
    }
    await importFile(
      store.db,
      { filename: "state-council-2026.jsonl", bytes: new TextEncoder().encode(STATE_COUNCIL_2026) },
      ENGINE,
    );
  });
  afterAll(async () => store.close());

  const gdpTarget = (code: string, year: number) =>
    store.db.target.findFirstOrThrow({
      where: { jurisdictionCode: code, planYear: year, indicatorName: "地区生产总值", measure: "growth" },
      include: { match: true, report: { select: { text: true } } },
      orderBy: [{ headline: "desc" }, { position: "asc" }],
    });

  it("quotes the target's sentence by offsets into the stored text, and the outcome's, with the verdict in words", async () => {
    const target = await gdpTarget("370202", 2019);
    const page = await getTargetPage(store.db, target.id);
    if (!page) throw new Error("no page for a stored target");
    expect(ZTargetPage.safeParse(page).success).toBe(true);
    expect(page.jurisdiction).toMatchObject({ code: "370202", name: "青岛市市南区" });
    expect(page.year).toBe(2019);
    expect(page.target).toMatchObject({ indicator: "地区生产总值", qualifier: "about", value: 7, unit: "%" });

    const text = target.report.text;
    const { sentence, clause, figure } = page.quote;
    expect(text.slice(sentence.start, sentence.end)).toBe(page.quote.text);
    expect(text.slice(clause.start, clause.end)).toBe(target.text);
    expect(page.quote.text).toContain(target.text);
    // The quote is one sentence: it holds no full stop but its last character.
    expect(page.quote.text.slice(0, -1)).not.toMatch(/[。！？]/);
    expect(figure && text.slice(figure.start, figure.end)).toBe("7%");

    expect(page.verdict).toBe("missed");
    expect(page.reasons.map((r) => r.code)).toContain("below_target");
    expect(page.reason).toContain("6%");
    expect(page.gap).toEqual({ value: -1, unit: "个百分点" });
    const outcome = page.outcome;
    if (!outcome?.quote) throw new Error("the missed GDP target has no quoted outcome");
    const review = await store.db.report.findUniqueOrThrow({ where: { id: outcome.quote.reportId } });
    expect(review.text.slice(outcome.quote.sentence.start, outcome.quote.sentence.end)).toBe(outcome.quote.text);
    expect(review.text.slice(outcome.quote.clause.start, outcome.quote.clause.end)).toBe(outcome.text);

    expect(page.sources.map((s) => s.role)).toEqual(["plan", "review"]);
    expect(page.sources[0]).toMatchObject({ reportId: target.reportId, publishDate: null });
    expect(page.sources[0]?.importedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(page.edits).toEqual([]);
    // A district's superior (青岛市) is not imported: no context line.
    expect(page.superior).toBeNull();
  });

  it("names the public URL, title and publish date of a corpus row, and the State Council's target as context", async () => {
    const target = await gdpTarget("440000", 2026);
    const page = await getTargetPage(store.db, target.id, "en");
    if (!page) throw new Error("no page for 广东省 2026");
    expect(page.jurisdiction).toMatchObject({ code: "440000", name: "广东省", level: "province" });
    expect(page.sources).toHaveLength(1);
    expect(page.sources[0]).toMatchObject({
      role: "plan",
      title: "2026年广东省政府工作报告",
      url: "https://www.gd.gov.cn/gkmlpt/content/4/4851/post_4851130.html",
      publishDate: "2026-01-31",
    });
    // No report reviews 2026 yet: pending, and the reason says so in the locale asked for.
    expect(page.verdict).toBe("pending");
    expect(page.outcome).toBeNull();
    expect(page.reason).toMatch(/[a-z]/i);
    expect(page.reason).not.toMatch(/[\u4e00-\u9fff]{3}/);
    const text = target.report.text;
    expect(text.slice(page.quote.clause.start, page.quote.clause.end)).toBe(target.text);
    expect(text.slice(page.quote.sentence.start, page.quote.sentence.end)).toBe(page.quote.text);

    expect(page.superior).toMatchObject({
      code: "000000",
      name: "全国",
      indicator: "地区生产总值",
      measure: "growth",
      qualifier: "range",
      min: 4.5,
      max: 5,
    });
    const national = await store.db.target.findUniqueOrThrow({ where: { id: page.superior?.id ?? "" } });
    expect(national).toMatchObject({ jurisdictionCode: "000000", planYear: 2026 });
  });

  it("carries the audit trail of edits made through editMatch, the undone one marked as reverted", async () => {
    const target = await gdpTarget("370202", 2019);
    const version = target.match?.version ?? 0;
    await editMatch(
      store.db,
      target.id,
      { action: "set_verdict", version, note: "统计公报为6.1%，仍未完成", verdict: "needs_review" },
      "分析员甲",
      ENGINE,
    );
    let page = await getTargetPage(store.db, target.id);
    expect(page?.verdict).toBe("needs_review");
    expect(page?.manual).toBe(true);
    expect(page?.reason).toContain("统计公报为6.1%，仍未完成");
    expect(page?.edits).toHaveLength(1);
    expect(page?.edits[0]).toMatchObject({
      editor: "分析员甲",
      action: "set_verdict",
      note: "统计公报为6.1%，仍未完成",
      revertedAt: null,
    });
    expect(page?.edits[0]?.before.verdict).toBe("missed");
    expect(page?.edits[0]?.after.verdict).toBe("needs_review");

    await editMatch(store.db, target.id, { action: "undo", version: version + 1, note: "撤销" }, "分析员乙", ENGINE);
    page = await getTargetPage(store.db, target.id);
    expect(page?.verdict).toBe("missed");
    expect(page?.edits.map((e) => [e.action, e.editor, e.revertedAt !== null])).toEqual([
      ["undo", "分析员乙", false],
      ["set_verdict", "分析员甲", true],
    ]);
  });

  it("answers null for an unknown or malformed id without asking the database", async () => {
    expect(await getTargetPage(store.db, "c0000000000000000000000000")).toBeNull();
    expect(await getTargetPage(store.db, "../../etc/passwd")).toBeNull();
    expect(await getTargetPage(store.db, "a\u0000b")).toBeNull();
    expect(await getTargetPage(store.db, "x".repeat(65))).toBeNull();
  });
});
