/**
 * Verdicts a journalist can cite, on the store's side, on SQLite and PostgreSQL: `pending` years kept apart
 * from `no_outcome` and re-judged when their review arrives; several review sources for one year, their disagreements
 * queued as `source_conflict` (seed 004, a news article, against seed 001's review of 2018); the queue's order, tabs
 * and paging; review-only years answering; manual links checked like engine matches; the importer's override flag.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as yearRoute from "@/app/api/jurisdictions/[code]/years/[year]/route";
import * as reviewRoute from "@/app/api/review/route";
import { editMatch } from "@/lib/db/edits";
import { importFile } from "@/lib/db/import";
import { PROVIDERS } from "@/lib/db/providers";
import { exportRows } from "@/lib/db/queries/export";
import { getReviewPage } from "@/lib/db/queries/review";
import { getScorecardYear } from "@/lib/db/queries/scorecard";
import { getJurisdictionYears } from "@/lib/db/queries/years";
import { agreeWithinRounding } from "@/lib/db/sources";
import { renderReasons } from "@/lib/i18n/reasons";
import { ZReviewPage } from "@/lib/schemas/dashboard";
import { ZScorecardYear } from "@/lib/schemas/store";
import { bytesOf, seedPath } from "../support/corpus";
import { openTestStore, type TestStore } from "../support/store";

const ENGINE = { tolerance: 0 };
const DEMO = path.resolve(import.meta.dirname, "../../prisma/demo");
const demo = (year: number) => ({
  filename: `demo/${year}.txt`,
  bytes: new Uint8Array(readFileSync(path.join(DEMO, `${year}.txt`))),
  override: { code: "990102", name: "望川市澄湖区", year },
});
const seed = (prefix: string) => ({ filename: seedPath(prefix), bytes: bytesOf(seedPath(prefix)) });
const params = <T>(value: T) => ({ params: Promise.resolve(value) });

describe("figures within rounding", () => {
  it("agree within half a unit of the less precise figure", () => {
    expect(agreeWithinRounding(6, 6.2)).toBe(true);
    expect(agreeWithinRounding(35.5, 35.6)).toBe(false);
    expect(agreeWithinRounding(87.2, 87.2)).toBe(true);
    expect(agreeWithinRounding(10, 10.8)).toBe(false);
  });
});

describe.each(PROVIDERS)("verdicts, sources and the queue on %s", (provider) => {
  let store: TestStore;
  const saved = { ...process.env };
  beforeAll(async () => {
    store = await openTestStore(provider);
    process.env.DATABASE_URL = store.url;
  });
  afterAll(async () => {
    process.env = saved;
    await store.close();
  });

  it("keeps a year without a review pending, out of the queue, and judges it when the review is imported", async () => {
    await importFile(store.db, demo(2023), ENGINE);
    const before = await getScorecardYear(store.db, "990102", 2023);
    expect(before?.review).toBeNull();
    expect(before?.summary.pending).toBe(before?.summary.total);
    expect(before?.summary.no_outcome).toBe(0);
    expect(before?.targets.every((t) => t.match?.verdict === "pending")).toBe(true);
    const tally = await store.db.yearTally.findUniqueOrThrow({
      where: { jurisdictionCode_year: { jurisdictionCode: "990102", year: 2023 } },
    });
    expect({ pending: tally.pending, noOutcome: tally.noOutcome }).toEqual({
      pending: before?.summary.total,
      noOutcome: 0,
    });
    expect((await getReviewPage(store.db, { code: "990102", year: 2023 })).total).toBe(0);
    expect((await exportRows(store.db, { code: "990102", year: 2023 })).map((r) => r.verdict)).toEqual(
      before?.targets.map(() => "pending"),
    );

    await importFile(store.db, demo(2024), ENGINE);
    const after = await getScorecardYear(store.db, "990102", 2023);
    expect(after?.review).not.toBeNull();
    expect(after?.summary.pending).toBe(0);
    expect((after?.summary.met ?? 0) + (after?.summary.missed ?? 0)).toBeGreaterThan(0);
    const judged = await store.db.yearTally.findUniqueOrThrow({
      where: { jurisdictionCode_year: { jurisdictionCode: "990102", year: 2023 } },
    });
    expect(judged.pending).toBe(0);
    expect(judged.met).toBe(after?.summary.met);
    // The 2024 plan is now the pending one.
    expect((await getScorecardYear(store.db, "990102", 2024))?.summary.pending).toBeGreaterThan(0);
  });

  it("finds the news article's 2018 figures that disagree with the 2019 report's review, and queues them", async () => {
    await importFile(store.db, seed("001"), ENGINE);
    await importFile(store.db, seed("004"), ENGINE);
    const year = await getScorecardYear(store.db, "370202", 2018);
    expect(year?.plan).toBeNull();
    expect(year?.reviews?.map((r) => r.kind)).toEqual(["work_report", "review_source"]);
    expect(
      year?.sourceConflicts?.map((c) => [c.indicator, c.measure, c.main.value, c.other.value, c.other.kind]),
    ).toEqual([["实际利用外资", "growth", 35.6, 35.5, "review_source"]]);

    const queue = await getReviewPage(store.db, { code: "370202", year: 2018, reason: "source_conflict" });
    expect(queue.tab).toBe("targets");
    expect(queue.tabs).toEqual({ targets: 0, outcomes: 1 });
    expect(queue.counts.source_conflict).toBe(1);
    const figures = await getReviewPage(store.db, { code: "370202", year: 2018, tab: "outcomes" });
    expect(figures.items).toHaveLength(1);
    const [item] = figures.items;
    expect(item?.kind === "outcome" && [item.outcome.value, item.reasons, item.sources?.map((s) => s.value)]).toEqual([
      35.5,
      ["source_conflict"],
      [35.6],
    ]);
    // The same answer through the API, and a review-only year answers (not 404).
    const response = await yearRoute.GET(
      new Request("http://luoshi.test/api/jurisdictions/370202/years/2018"),
      params({ code: "370202", year: "2018" }),
    );
    expect(response.status).toBe(200);
    const body = ZScorecardYear.parse(await response.json());
    expect(body).toMatchObject({ plan: null, targets: [], summary: { total: 0, pending: 0 } });
    expect(body.sourceConflicts).toHaveLength(1);
    expect((await getJurisdictionYears(store.db, "370202"))?.years.map((y) => y.year)).toContain(2018);
  });

  it("sorts headline targets first, pages past the end to an empty page, and refuses bad parameters", async () => {
    await importFile(store.db, seed("002"), ENGINE);
    const all = await getReviewPage(store.db, { pageSize: 1000 });
    const items = all.items.flatMap((i) => (i.kind === "target" ? [i] : []));
    expect(items.length).toBe(all.total);
    const firstBody = items.findIndex((i) => !i.target.headline);
    expect(items.slice(firstBody).every((i) => !i.target.headline)).toBe(true);
    expect(items.slice(0, firstBody).every((i) => i.target.headline)).toBe(true);

    const past = await getReviewPage(store.db, { page: 999 });
    expect(past).toMatchObject({ items: [], total: all.total, page: 999, pageCount: Math.ceil(all.total / 20) });

    const get = (query: string) => reviewRoute.GET(new Request(`http://luoshi.test/api/review${query}`), undefined);
    for (const query of ["?page=0", "?page=x", "?reason=nope", "?code=12", "?tab=all", "?context=maybe", "?bogus=1"])
      expect((await get(query)).status, query).toBe(400);
    const ok = await get("?page=999&tab=outcomes&context=1");
    expect(ok.status).toBe(200);
    expect(ZReviewPage.parse(await ok.json())).toMatchObject({ items: [], page: 999, tab: "outcomes", context: true });
  });

  it("checks a manual link like an engine match: incompatible units need review unless the editor sets the verdict", async () => {
    const target = await store.db.target.findFirstOrThrow({
      where: { jurisdictionCode: "370202", planYear: 2019, unit: "台(套)" },
      include: { match: true },
    });
    const outcome = await store.db.outcome.findFirstOrThrow({
      where: { jurisdictionCode: "370202", year: 2019, unit: "万人" },
    });
    const match = target.match;
    if (!match) throw new Error("the target has no match");
    await editMatch(
      store.db,
      target.id,
      { action: "link", version: match.version, note: "试关联", outcomeId: outcome.id },
      "甲",
      ENGINE,
    );
    const linked = await store.db.match.findUniqueOrThrow({ where: { targetId: target.id } });
    expect(linked).toMatchObject({ outcomeId: outcome.id, verdict: "needs_review", manual: true });
    // The engine's check is kept with the analyst's note, as codes.
    expect(JSON.parse(linked.reason)).toEqual([
      { code: "manual_link", note: "试关联", checked: { code: "unit_mismatch", target: "台(套)", actual: "万人" } },
    ]);

    await editMatch(
      store.db,
      target.id,
      { action: "link", version: linked.version, note: "编辑判定", outcomeId: outcome.id, verdict: "met" },
      "甲",
      ENGINE,
    );
    const set = await store.db.match.findUniqueOrThrow({ where: { targetId: target.id } });
    expect(set).toMatchObject({ verdict: "met", manual: true });
    expect(renderReasons(JSON.parse(set.reason), "zh-CN")).toBe(
      "人工：编辑判定（引擎核对：单位不可比:目标台(套),实际万人）",
    );
  });

  it("marks a report as set by the importer only when the jurisdiction or year was overridden", async () => {
    const seeds = await store.db.report.findMany({
      where: { document: { sourceName: { contains: "seeds" } } },
      select: { identityOverridden: true },
    });
    expect(seeds.length).toBeGreaterThan(0);
    expect(seeds.every((report) => !report.identityOverridden)).toBe(true);
    const same = await importFile(store.db, { ...seed("003"), override: { code: "370705" } }, ENGINE);
    const sameId = same.documents[0]?.reports[0]?.id ?? "";
    expect((await store.db.report.findUniqueOrThrow({ where: { id: sameId } })).identityOverridden).toBe(false);
  });
});
