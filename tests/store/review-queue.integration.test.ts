/**
 * The review queue counts and pages from YearTally, kept by every re-judgement. These tests hold it to the
 * definition: the same counts and the same items, in the same order, as querying the matches and outcomes directly,
 * after imports and after hand edits, on SQLite and PostgreSQL. The compare screen's indicator list (IndicatorTally)
 * is held to a count of the targets, and the migration's backfill must give the same tallies as the imports.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { editMatch } from "@/lib/db/edits";
import { importFile } from "@/lib/db/import";
import { PROVIDERS } from "@/lib/db/providers";
import { listIndicatorOptions } from "@/lib/db/queries/compare";
import { getOverview } from "@/lib/db/queries/overview";
import { getReviewFilters, getReviewPage, type ReviewFilter } from "@/lib/db/queries/review";
import { getScorecardYear } from "@/lib/db/queries/scorecard";
import { NO_REVIEW_REASON } from "@/lib/engine/match";
import { Prisma } from "@/lib/generated/prisma-sqlite/client";
import { LOW_CONFIDENCE, REVIEW_REASONS, type TReviewReason } from "@/lib/schemas/dashboard";
import { bytesOf, NATIONAL, seedFiles } from "../support/corpus";
import { openTestStore, type TestStore } from "../support/store";

const ENGINE = { tolerance: 0 };

/** The queue's matches as the product defines them, in Prisma's filters (the code under test writes them in SQL). */
function matchWhere(filter: ReviewFilter, reason?: TReviewReason): Prisma.MatchWhereInput | null {
  const conditions: Record<Exclude<TReviewReason, "unmatched_outcome">, Prisma.MatchWhereInput> = {
    needs_review: { verdict: "needs_review", manual: false },
    low_confidence: { manual: false, outcomeId: { not: null }, confidence: { lt: LOW_CONFIDENCE } },
    flagged: { flagged: true },
    unmatched_target: { manual: false, outcomeId: null, verdict: "no_outcome", reason: { not: NO_REVIEW_REASON } },
  };
  const or = reason ? (reason === "unmatched_outcome" ? [] : [conditions[reason]]) : Object.values(conditions);
  if (or.length === 0) return null;
  return { notATarget: false, target: { jurisdictionCode: filter.code, planYear: filter.year }, OR: or };
}

describe.each(PROVIDERS)("review queue on %s", (provider) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(provider);
    for (const file of [...seedFiles(), NATIONAL]) {
      await importFile(store.db, { filename: file, bytes: bytesOf(file) }, ENGINE);
    }
  }, 120_000);
  afterAll(async () => store.close());

  /** The queue's keys in order, straight from its definition: matches with a reason, then unclaimed outcomes. */
  async function expectedKeys(filter: ReviewFilter, reason?: TReviewReason): Promise<string[]> {
    const where = matchWhere(filter, reason);
    const matches = where
      ? await store.db.match.findMany({
          where,
          select: { targetId: true },
          orderBy: [
            { target: { planYear: "desc" } },
            { target: { jurisdictionCode: "asc" } },
            { target: { reportId: "asc" } },
            { target: { position: "asc" } },
          ],
        })
      : [];
    const outcomes =
      reason === undefined || reason === "unmatched_outcome"
        ? await store.db.$queryRaw<{ id: string }[]>`
            SELECT o."id" FROM "Outcome" o
            WHERE o."manual" = ${false}
              AND NOT EXISTS (SELECT 1 FROM "Match" m WHERE m."outcomeId" = o."id")
              AND EXISTS (SELECT 1 FROM "Target" t
                WHERE t."jurisdictionCode" = o."jurisdictionCode" AND t."planYear" = o."year")
              ${filter.code === undefined ? Prisma.empty : Prisma.sql`AND o."jurisdictionCode" = ${filter.code}`}
              ${filter.year === undefined ? Prisma.empty : Prisma.sql`AND o."year" = ${filter.year}`}
            ORDER BY o."year" DESC, o."jurisdictionCode" ASC, o."reportId" ASC, o."position" ASC`
        : [];
    return [...matches.map((m) => `t-${m.targetId}`), ...outcomes.map((o) => `o-${o.id}`)];
  }

  /** Every page of the queue, with a page size that makes pages straddle jurisdictions and years. */
  async function pagedKeys(filter: ReviewFilter): Promise<string[]> {
    const keys: string[] = [];
    for (let page = 1; ; page++) {
      const result = await getReviewPage(store.db, { ...filter, page, pageSize: 7 });
      keys.push(...result.items.map((item) => item.key));
      if (page * 7 >= result.total) {
        expect(keys).toHaveLength(result.total);
        return keys;
      }
    }
  }

  async function expectQueueAsDefined(filter: ReviewFilter) {
    const first = await getReviewPage(store.db, filter);
    for (const reason of REVIEW_REASONS) {
      expect(first.counts[reason], `${reason} count for ${JSON.stringify(filter)}`).toBe(
        (await expectedKeys(filter, reason)).length,
      );
    }
    const expected = await expectedKeys(filter);
    expect(expected.length).toBeGreaterThan(0);
    expect(await pagedKeys(filter)).toEqual(expected);
    const reason: TReviewReason = "unmatched_target";
    expect(await pagedKeys({ ...filter, reason })).toEqual(await expectedKeys(filter, reason));
  }

  it("counts and pages every item as the queue's definition does, for all and per jurisdiction and year", async () => {
    await expectQueueAsDefined({});
    await expectQueueAsDefined({ code: "000000" });
    await expectQueueAsDefined({ year: 2019 });
    await expectQueueAsDefined({ code: "370202", year: 2019 });
  });

  it("follows hand edits: not a target, a link, an unlink and an undo", async () => {
    const shinan2019 = { code: "370202", year: 2019 };
    const before = await getReviewPage(store.db, shinan2019);
    const [unmatched] = (await getReviewPage(store.db, { ...shinan2019, reason: "unmatched_target" })).items;
    const [outcome] = (await getReviewPage(store.db, { ...shinan2019, reason: "unmatched_outcome" })).items;
    if (unmatched?.kind !== "target" || outcome?.kind !== "outcome") throw new Error("the seed's queue has changed");

    await editMatch(
      store.db,
      unmatched.target.id,
      { version: unmatched.match.version, note: "不是指标", notATarget: true },
      "甲",
      ENGINE,
    );
    const linked = await store.db.match.findFirstOrThrow({
      where: { target: { jurisdictionCode: "370202", planYear: 2019 }, outcomeId: null, notATarget: false },
    });
    await editMatch(
      store.db,
      linked.targetId,
      { version: linked.version, note: "手动关联", outcomeId: outcome.outcome.id },
      "甲",
      ENGINE,
    );
    const met = await store.db.match.findFirstOrThrow({
      where: { target: { jurisdictionCode: "370202", planYear: 2019 }, verdict: "met", manual: false },
    });
    await editMatch(store.db, met.targetId, { version: met.version, note: "取消关联", outcomeId: null }, "甲", ENGINE);
    await editMatch(store.db, met.targetId, { version: met.version + 1, note: "撤销", undo: true }, "甲", ENGINE);

    const after = await getReviewPage(store.db, shinan2019);
    expect(after.counts.unmatched_outcome).toBe(before.counts.unmatched_outcome - 1);
    await expectQueueAsDefined(shinan2019);
    await expectQueueAsDefined({});
    // The overview's verdict counts come from the same tallies: they follow the edits as the scorecard does.
    const overview = await getOverview(store.db, { q: "370202" });
    const scorecard = await getScorecardYear(store.db, "370202", 2019);
    expect(overview.items[0]?.years.find((y) => y.year === 2019)).toEqual({
      year: 2019,
      ...scorecard?.summary,
      judged: true,
    });
  });

  it("gives the overview the scorecard's verdict counts for every jurisdiction and year", async () => {
    const overview = await getOverview(store.db, { pageSize: 100 });
    const years = overview.items.flatMap((item) => item.years.map((y) => ({ code: item.code, ...y })));
    expect(years.length).toBeGreaterThan(20);
    for (const { code, year, judged, ...counts } of years) {
      const scorecard = await getScorecardYear(store.db, code, year);
      expect(counts, `${code} ${year}`).toEqual(scorecard?.summary);
      expect(judged, `${code} ${year}`).toBe(scorecard?.review !== null);
    }
  });

  it("offers the jurisdictions and years that have plans", async () => {
    const filters = await getReviewFilters(store.db);
    const plans = await store.db.target.groupBy({ by: ["jurisdictionCode", "planYear"] });
    expect(filters.jurisdictions.map((j) => j.code)).toEqual([...new Set(plans.map((p) => p.jurisdictionCode))].sort());
    expect(filters.years).toEqual([...new Set(plans.map((p) => p.planYear))].sort((a, b) => b - a));
  });

  it("lists the compare screen's indicators as counted from the targets", async () => {
    const grouped = await store.db.target.groupBy({
      by: ["indicatorName", "measure"],
      where: { measure: { not: "qualitative" } },
      _count: { _all: true },
    });
    const expected = grouped
      .map((g) => ({ indicator: g.indicatorName, measure: g.measure, count: g._count._all }))
      .sort((a, b) => b.count - a.count || (a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : 0));
    const options = await listIndicatorOptions(store.db, 10_000);
    expect(options.length).toBeGreaterThan(20);
    expect(options.map((o) => [o.indicator, o.measure, o.count]).sort()).toEqual(
      expected.map((o) => [o.indicator, o.measure, o.count]).sort(),
    );
    expect(options.map((o) => o.count)).toEqual(expected.map((o) => o.count));
  });

  it("backfills the same tallies from existing data in the migration", async () => {
    const tallies = async () => [
      await store.db.yearTally.findMany({ orderBy: [{ jurisdictionCode: "asc" }, { year: "asc" }] }),
      await store.db.indicatorTally.findMany({ orderBy: [{ indicatorName: "asc" }, { measure: "asc" }] }),
    ];
    const kept = await tallies();
    expect(kept[0]?.some((tally) => "unmatchedOutcome" in tally && tally.unmatchedOutcome > 0)).toBe(true);
    const dir = path.resolve(import.meta.dirname, "../../prisma/migrations", provider);
    const migration = readFileSync(path.join(dir, "20261122041026_scale_tallies/migration.sql"), "utf8");
    const backfills = migration
      .split(/;\s*\n/)
      .filter((statement) => statement.includes("INSERT INTO"))
      .map((statement) => statement.slice(statement.indexOf("INSERT INTO")));
    expect(backfills).toHaveLength(2);
    await store.db.$transaction([
      store.db.yearTally.deleteMany(),
      store.db.indicatorTally.deleteMany(),
      ...backfills.map((statement) => store.db.$executeRawUnsafe(statement)),
    ]);
    expect(await tallies()).toEqual(kept);
  });
});
