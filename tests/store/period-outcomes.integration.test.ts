/**
 * Periods are not years (verdicts.md), on the store's side, on SQLite and PostgreSQL: the State Council's 2018 report
 * opens with a five-year review (2013—2017). Its period figures (`年均增长`, `累计`) are stored with their period, never
 * matched nor offered as candidates, listed beside the 2017 targets by the year API (`periodFigures`), and kept out
 * of the queue's default unclaimed tab (shown only with the period and descriptive figures).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as yearRoute from "@/app/api/jurisdictions/[code]/years/[year]/route";
import { importFile } from "@/lib/db/import";
import { PROVIDERS } from "@/lib/db/providers";
import { getReviewPage, listCandidateOutcomes, listTargetChoices } from "@/lib/db/queries/review";
import { ZScorecardYear } from "@/lib/schemas/store";
import { NATIONAL } from "../support/corpus";
import { openTestStore, type TestStore } from "../support/store";

const ENGINE = { tolerance: 0 };
const params = <T>(value: T) => ({ params: Promise.resolve(value) });

/** The corpus lines of the 2017 and 2018 work reports, written to a temporary .jsonl file. */
function nationalLines(years: string[]): { dir: string; file: string } {
  const lines = readFileSync(NATIONAL, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .filter((line) => {
      const row = JSON.parse(line) as { year?: string | null; title?: string };
      return (
        row.year !== null && row.year !== undefined && years.includes(row.year) && /政府工作报告$/.test(row.title ?? "")
      );
    });
  expect(lines).toHaveLength(years.length);
  const dir = mkdtempSync(path.join(tmpdir(), "luoshi-period-"));
  const file = path.join(dir, "national-2017-2018.jsonl");
  writeFileSync(file, `${lines.join("\n")}\n`);
  return { dir, file };
}

describe.each(PROVIDERS)("period figures on %s", (provider) => {
  let store: TestStore;
  let dir: string;
  const saved = { ...process.env };
  beforeAll(async () => {
    store = await openTestStore(provider);
    process.env.DATABASE_URL = store.url;
    const written = nationalLines(["2017", "2018"]);
    dir = written.dir;
    const result = await importFile(
      store.db,
      { filename: written.file, bytes: new Uint8Array(readFileSync(written.file)) },
      ENGINE,
    );
    expect(result.failed).toEqual([]);
    expect(result.documents).toHaveLength(2);
  }, 120_000);
  afterAll(async () => {
    process.env = saved;
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("stores the five-year review's period figures with their period, under the review report", async () => {
    const review = await store.db.report.findFirstOrThrow({ where: { jurisdictionCode: "000000", reviewYear: 2017 } });
    expect(review.planYear).toBe(2018);
    const periods = await store.db.outcome.findMany({ where: { periodStart: { not: null } } });
    expect(periods.length).toBeGreaterThan(10);
    for (const outcome of periods) {
      expect(outcome.reportId).toBe(review.id);
      expect([outcome.periodStart, outcome.periodEnd, outcome.year]).toEqual([2013, 2017, 2017]);
    }
    // 年均增长7.1%: a period figure, not 2017's growth (6.9%, a figure of the year).
    const sentences = periods.map((outcome) => outcome.text);
    expect(sentences.some((text) => text.includes("年均增长7.1%"))).toBe(true);
    const year = await store.db.outcome.findMany({ where: { year: 2017, periodStart: null } });
    expect(year.length).toBeGreaterThan(0);
  });

  it("never matches a period figure, nor offers it as a candidate or a target choice", async () => {
    const periodIds = new Set(
      (await store.db.outcome.findMany({ where: { periodStart: { not: null } }, select: { id: true } })).map(
        (row) => row.id,
      ),
    );
    const matched = await store.db.match.findMany({ where: { outcomeId: { in: [...periodIds] } } });
    expect(matched).toEqual([]);
    const gdp = await store.db.target.findFirstOrThrow({
      where: { jurisdictionCode: "000000", planYear: 2017, indicatorName: "地区生产总值" },
      include: { match: true },
    });
    expect(gdp.match?.verdict).toBe("met");
    const candidates = (await listCandidateOutcomes(store.db, gdp.id)) ?? [];
    expect(candidates.length).toBeGreaterThan(0);
    expect(candidates.filter((candidate) => periodIds.has(candidate.id))).toEqual([]);
    expect(await listTargetChoices(store.db, [...periodIds][0] as string)).toEqual([]);
  });

  it("lists the period figures beside the 2017 targets through the year API", async () => {
    const response = await yearRoute.GET(
      new Request("http://luoshi.test/api/jurisdictions/000000/years/2017"),
      params({ code: "000000", year: "2017" }),
    );
    expect(response.status).toBe(200);
    const body = ZScorecardYear.parse(await response.json());
    const figures = body.periodFigures ?? [];
    const stored = await store.db.outcome.count({ where: { periodStart: { not: null } } });
    expect(figures).toHaveLength(stored);
    for (const figure of figures) {
      expect(figure.period).toEqual([2013, 2017]);
      expect(figure.reportId).toBe(body.review?.reportId);
      expect(figure.start).not.toBeNull();
    }
    const growth = figures.find((figure) => figure.text.includes("年均增长7.1%"));
    expect(growth).toMatchObject({ measure: "growth", value: 7.1, unit: "%" });
    // Every year inside the period finds them (a year with a page: 2018's plan lies outside the period).
    const plan2018 = ZScorecardYear.parse(
      await (
        await yearRoute.GET(
          new Request("http://luoshi.test/api/jurisdictions/000000/years/2018"),
          params({ code: "000000", year: "2018" }),
        )
      ).json(),
    );
    expect(plan2018.periodFigures).toEqual([]);
    // No target's match points at a period figure.
    const periodIds = new Set(figures.map((figure) => figure.id));
    expect(body.targets.filter((target) => target.match?.outcome && periodIds.has(target.match.outcome.id))).toEqual(
      [],
    );
  });

  it("keeps period figures out of the queue's default unclaimed tab, and tags them when asked for", async () => {
    const periodIds = new Set(
      (await store.db.outcome.findMany({ where: { periodStart: { not: null } }, select: { id: true } })).map(
        (row) => row.id,
      ),
    );
    const shown = await getReviewPage(store.db, {
      code: "000000",
      year: 2017,
      tab: "outcomes",
      pageSize: 1000,
    });
    const shownIds = shown.items.flatMap((item) => (item.kind === "outcome" ? [item.outcome.id] : []));
    expect(shownIds.filter((id) => periodIds.has(id))).toEqual([]);
    const reason = await getReviewPage(store.db, {
      code: "000000",
      year: 2017,
      reason: "unmatched_outcome",
      pageSize: 1000,
    });
    expect(reason.items.filter((item) => item.kind === "outcome" && periodIds.has(item.outcome.id))).toEqual([]);

    const context = await getReviewPage(store.db, {
      code: "000000",
      year: 2017,
      tab: "outcomes",
      context: true,
      pageSize: 1000,
    });
    const periodItems = context.items.filter((item) => item.kind === "outcome" && periodIds.has(item.outcome.id));
    expect(periodItems).toHaveLength(periodIds.size);
    for (const item of periodItems) if (item.kind === "outcome") expect(item.outcome.period).toEqual([2013, 2017]);
    expect(context.total).toBe(shown.total + (shown.hidden ?? 0));
  });
});
