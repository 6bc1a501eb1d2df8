import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_JURISDICTION, loadDemoData } from "@/lib/db/demo";
import { PROVIDERS } from "@/lib/db/providers";
import { openTestStore, rowCounts, type TestStore } from "../support/store";

describe.each(PROVIDERS)("demo data on %s", (provider) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(provider);
  });
  afterAll(async () => store.close());

  it("loads three years of the fictional district once; loading again changes nothing", async () => {
    expect(await loadDemoData(store.db, { tolerance: 0 })).toEqual({ created: 3 });
    const counts = await rowCounts(store.db);
    expect(await loadDemoData(store.db, { tolerance: 0 })).toEqual({ created: 0 });
    expect(await rowCounts(store.db)).toEqual(counts);
    const jurisdiction = await store.db.jurisdiction.findUniqueOrThrow({ where: { code: DEMO_JURISDICTION.code } });
    expect(jurisdiction).toMatchObject({ demo: true, name: "望川市澄湖区（示例）" });
    const years = await store.db.report.findMany({
      where: { jurisdictionCode: DEMO_JURISDICTION.code },
      orderBy: { year: "asc" },
    });
    expect(years.map((r) => [r.planYear, r.reviewYear])).toEqual([
      [2023, 2022],
      [2024, 2023],
      [2025, 2024],
    ]);
  });

  it("shows every kind of verdict, with the hard cases judged as verdicts.md says", async () => {
    const verdictOf = async (planYear: number, indicatorName: string, measure?: string) => {
      const target = await store.db.target.findFirstOrThrow({
        where: {
          jurisdictionCode: DEMO_JURISDICTION.code,
          planYear,
          indicatorName: { contains: indicatorName },
          measure,
        },
        include: { match: { include: { outcome: true } } },
      });
      return {
        verdict: target.match?.verdict,
        actual: target.match?.outcome?.value ?? null,
        unit: target.match?.outcome?.unit ?? null,
      };
    };
    // 1万人以上 against 11200人: units scale.
    expect(await verdictOf(2023, "新增就业")).toEqual({ verdict: "met", actual: 11200, unit: "人" });
    // A range target is met from its lower bound.
    expect(await verdictOf(2023, "社会消费品零售总额")).toMatchObject({ verdict: "met", actual: 6.2 });
    // 台(套) against 处: kept, for a person to judge.
    expect(await verdictOf(2023, "健身")).toMatchObject({ verdict: "needs_review", unit: "处" });
    // The review says nothing of unemployment.
    expect(await verdictOf(2023, "失业率")).toEqual({ verdict: "no_outcome", actual: null, unit: null });
    // 5.5%左右 against an estimated 4.9%.
    expect(await verdictOf(2024, "地区生产总值", "growth")).toMatchObject({ verdict: "missed", actual: 4.9 });
    // No figure, but the review says the price target was reached: that sentence decides.
    expect(await verdictOf(2024, "居民消费价格")).toMatchObject({ verdict: "met", actual: null });
    // No 2026 report yet: the 2025 plan waits for its review.
    expect(await verdictOf(2025, "地区生产总值", "growth")).toMatchObject({ verdict: "pending" });
  });
});
