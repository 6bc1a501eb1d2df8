/** The dashboard's queries (raw SQL where Prisma cannot aggregate) agree on SQLite and PostgreSQL. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFile } from "@/lib/db/import";
import { PROVIDERS } from "@/lib/db/providers";
import { getComparison } from "@/lib/db/queries/compare";
import { getOverview } from "@/lib/db/queries/overview";
import { getReviewPage } from "@/lib/db/queries/review";
import { getScorecardYear } from "@/lib/db/queries/scorecard";
import { ZComparison, ZOverview, ZReviewPage } from "@/lib/schemas/dashboard";
import { bytesOf, NATIONAL, seedPath } from "../support/corpus";
import { openTestStore, type TestStore } from "../support/store";

const results: Record<string, unknown> = {};

describe.each(PROVIDERS)("dashboard queries on %s", (provider) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(provider);
    for (const file of [seedPath("001"), NATIONAL]) {
      await importFile(store.db, { filename: file, bytes: bytesOf(file) }, { tolerance: 0 });
    }
  });
  afterAll(async () => store.close());

  it("counts verdicts per jurisdiction and year in the database, matching the scorecard's own summary", async () => {
    const overview = ZOverview.parse(await getOverview(store.db, {}));
    const shinan = overview.items.find((item) => item.code === "370202");
    const year2019 = shinan?.years.find((y) => y.year === 2019);
    const scorecard = await getScorecardYear(store.db, "370202", 2019);
    expect(year2019).toMatchObject({ ...scorecard?.summary, judged: true });
    expect(shinan?.latest?.year).toBe(2019);
    expect((await getOverview(store.db, { q: "市南" })).items.map((i) => i.code)).toEqual(["370202"]);
    expect((await getOverview(store.db, { q: "000000" })).items.map((i) => i.code)).toEqual(["000000"]);
    results[`${provider}:overview`] = overview;
  });

  it("compares national GDP growth targets over the years", async () => {
    const comparison = ZComparison.parse(
      await getComparison(store.db, { indicator: "地区生产总值", measure: "growth", codes: ["000000"] }),
    );
    const points = comparison.series[0]?.points ?? [];
    const byYear = new Map(points.map((p) => [p.year, p]));
    expect(byYear.get(2014)?.target).toMatchObject({ value: 7.5, qualifier: "about" });
    expect(byYear.get(2020)?.status).toBe("no_report");
    expect(points.filter((p) => p.status === "target").length).toBeGreaterThanOrEqual(18);
    results[`${provider}:compare`] = comparison;
  });

  it("pages the review queue with counts per reason", async () => {
    const page = ZReviewPage.parse(await getReviewPage(store.db, { code: "370202", year: 2019 }));
    expect(page.total).toBeGreaterThan(0);
    expect(page.items.length).toBeLessThanOrEqual(page.pageSize);
    expect(Object.values(page.counts).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    results[`${provider}:review`] = { total: page.total, counts: page.counts };
  });
});

describe("SQLite and PostgreSQL", () => {
  it("give the same overview, comparison and review counts", () => {
    const strip = (value: unknown) => JSON.parse(JSON.stringify(value, (key, v) => (/id$/i.test(key) ? undefined : v)));
    for (const view of ["overview", "compare", "review"]) {
      expect(strip(results[`postgresql:${view}`])).toEqual(strip(results[`sqlite:${view}`]));
    }
  });
});
