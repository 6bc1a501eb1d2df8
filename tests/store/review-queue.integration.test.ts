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
import { listIndicatorTallies } from "@/lib/db/queries/compare";
import { getOverview } from "@/lib/db/queries/overview";
import { getReviewFilters, getReviewPage, type ReviewFilter } from "@/lib/db/queries/review";
import { getScorecardYear } from "@/lib/db/queries/scorecard";
import type { Prisma } from "@/lib/generated/prisma-sqlite/client";
import { LOW_CONFIDENCE, REVIEW_REASONS, type TReviewReason } from "@/lib/schemas/dashboard";
import { bytesOf, NATIONAL, seedFiles } from "../support/corpus";
import { openTestStore, type TestStore } from "../support/store";

const ENGINE = { tolerance: 0 };

/** The queue's matches as the product defines them, in Prisma's filters (the code under test writes them in SQL). */
function matchWhere(filter: ReviewFilter, conflicted: string[], reason?: TReviewReason): Prisma.MatchWhereInput | null {
  // Orphaned edits come from re-reads (tests/store/reread-carry-over.integration.test.ts): none here.
  const conditions: Record<Exclude<TReviewReason, "unmatched_outcome" | "edit_orphaned">, Prisma.MatchWhereInput> = {
    needs_review: { verdict: "needs_review", manual: false },
    low_confidence: { manual: false, outcomeId: { not: null }, confidence: { lt: LOW_CONFIDENCE } },
    flagged: { flagged: true },
    // A pending target (no review of its year imported) is not a review item.
    unmatched_target: { manual: false, outcomeId: null, verdict: "no_outcome" },
    source_conflict: { manual: false, outcomeId: { in: conflicted } },
  };
  const or = reason
    ? reason === "unmatched_outcome" || reason === "edit_orphaned"
      ? []
      : [conditions[reason]]
    : Object.values(conditions);
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

  /** Outcomes in a source conflict: the later source's figures and the main figures they point at. */
  async function conflictedOutcomes(): Promise<string[]> {
    const marked = await store.db.outcome.findMany({
      where: { conflictWithId: { not: null } },
      select: { id: true, conflictWithId: true },
    });
    return marked.flatMap((o) => [o.id, o.conflictWithId as string]);
  }

  /** The target tab's keys in order, straight from its definition. */
  async function expectedTargetKeys(filter: ReviewFilter, reason?: TReviewReason): Promise<string[]> {
    const where = matchWhere(filter, await conflictedOutcomes(), reason);
    if (!where) return [];
    const matches = await store.db.match.findMany({
      where,
      select: {
        targetId: true,
        confidence: true,
        target: { select: { planYear: true, jurisdictionCode: true, reportId: true, position: true, headline: true } },
      },
    });
    const compare = (a: (typeof matches)[number], b: (typeof matches)[number]) => {
      const [x, y] = [a.target, b.target];
      // Without a reason every headline target comes first; with one, headline first within each year.
      if (reason === undefined && x.headline !== y.headline) return x.headline ? -1 : 1;
      if (x.planYear !== y.planYear) return y.planYear - x.planYear;
      if (x.jurisdictionCode !== y.jurisdictionCode) return x.jurisdictionCode < y.jurisdictionCode ? -1 : 1;
      if (x.headline !== y.headline) return x.headline ? -1 : 1;
      if (a.confidence !== b.confidence) return a.confidence - b.confidence;
      if (x.reportId !== y.reportId) return x.reportId < y.reportId ? -1 : 1;
      return x.position - y.position;
    };
    return matches.sort(compare).map((m) => `t-${m.targetId}`);
  }

  /**
   * The figures tab's keys in order: unclaimed figures of plan years (by default only those a target of the year
   * names by indicator and measure, never a multi-year review's period figure), and later sources' unclaimed figures
   * disagreeing with an unclaimed main one.
   */
  async function expectedOutcomeKeys(filter: ReviewFilter, reason?: TReviewReason, context = false) {
    const [outcomes, targets] = await Promise.all([
      store.db.outcome.findMany({
        where: {
          manual: false,
          jurisdictionCode: filter.code,
          year: filter.year,
          matches: { none: {} },
        },
        orderBy: [{ year: "desc" }, { jurisdictionCode: "asc" }, { reportId: "asc" }, { position: "asc" }],
      }),
      store.db.target.findMany({
        select: { jurisdictionCode: true, planYear: true, indicatorName: true, measure: true },
      }),
    ]);
    const claimed = new Set(
      (await store.db.match.findMany({ where: { outcomeId: { not: null } }, select: { outcomeId: true } })).map(
        (m) => m.outcomeId,
      ),
    );
    const planned = new Set(targets.map((t) => `${t.jurisdictionCode}|${t.planYear}`));
    const related = new Set(targets.map((t) => `${t.jurisdictionCode}|${t.planYear}|${t.indicatorName}|${t.measure}`));
    const keep = outcomes.filter((o) => {
      const isPlanned = planned.has(`${o.jurisdictionCode}|${o.year}`);
      // A period figure (stored under its period's last year) is context: shown on request only.
      const isRelated =
        o.periodStart === null && related.has(`${o.jurisdictionCode}|${o.year}|${o.indicatorName}|${o.measure}`);
      const conflict = o.conflictWithId !== null && !claimed.has(o.conflictWithId);
      if (reason === "source_conflict") return conflict;
      if (reason === "unmatched_outcome") return isPlanned && (context || isRelated || conflict);
      if (reason !== undefined) return false;
      return context ? isPlanned || conflict : (isPlanned && isRelated) || conflict;
    });
    return keep.map((o) => `o-${o.id}`);
  }

  /** Every page of a tab, with a page size that makes pages straddle jurisdictions and years. */
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
      const expected =
        reason === "unmatched_outcome"
          ? await expectedOutcomeKeys(filter, reason)
          : [...(await expectedTargetKeys(filter, reason)), ...(await expectedOutcomeKeys(filter, reason))];
      expect(first.counts[reason], `${reason} count for ${JSON.stringify(filter)}`).toBe(expected.length);
    }
    const expected = await expectedTargetKeys(filter);
    expect(expected.length).toBeGreaterThan(0);
    expect(first.tab).toBe("targets");
    expect(await pagedKeys(filter)).toEqual(expected);
    for (const reason of ["unmatched_target", "needs_review"] as const)
      expect(await pagedKeys({ ...filter, reason })).toEqual(await expectedTargetKeys(filter, reason));
    expect(await pagedKeys({ ...filter, tab: "outcomes" })).toEqual(await expectedOutcomeKeys(filter));
    expect(await pagedKeys({ ...filter, tab: "outcomes", context: true })).toEqual(
      await expectedOutcomeKeys(filter, undefined, true),
    );
    expect(await pagedKeys({ ...filter, reason: "unmatched_outcome" })).toEqual(
      await expectedOutcomeKeys(filter, "unmatched_outcome"),
    );
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
    const [outcome] = (await getReviewPage(store.db, { ...shinan2019, reason: "unmatched_outcome", context: true }))
      .items;
    if (unmatched?.kind !== "target" || outcome?.kind !== "outcome") throw new Error("the seed's queue has changed");

    await editMatch(
      store.db,
      unmatched.target.id,
      { action: "not_a_target", version: unmatched.match.version, note: "不是指标", notATarget: true },
      "甲",
      ENGINE,
    );
    const linked = await store.db.match.findFirstOrThrow({
      where: { target: { jurisdictionCode: "370202", planYear: 2019 }, outcomeId: null, notATarget: false },
    });
    await editMatch(
      store.db,
      linked.targetId,
      { action: "link", version: linked.version, note: "手动关联", outcomeId: outcome.outcome.id },
      "甲",
      ENGINE,
    );
    const met = await store.db.match.findFirstOrThrow({
      where: { target: { jurisdictionCode: "370202", planYear: 2019 }, verdict: "met", manual: false },
    });
    await editMatch(store.db, met.targetId, { action: "unlink", version: met.version, note: "取消关联" }, "甲", ENGINE);
    await editMatch(store.db, met.targetId, { action: "undo", version: met.version + 1, note: "撤销" }, "甲", ENGINE);

    const after = await getReviewPage(store.db, shinan2019);
    const hidden = (page: typeof before) => (page.hidden ?? 0) + page.counts.unmatched_outcome;
    expect(hidden(after)).toBe(hidden(before) - 1);
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

  it("offers the jurisdictions and years that have plans, and years whose sources disagree", async () => {
    const filters = await getReviewFilters(store.db);
    const plans = await store.db.target.groupBy({ by: ["jurisdictionCode", "planYear"] });
    const conflicts = await store.db.outcome.groupBy({
      by: ["jurisdictionCode", "year"],
      where: { conflictWithId: { not: null } },
    });
    const pairs = [
      ...plans.map((p) => ({ code: p.jurisdictionCode, year: p.planYear })),
      ...conflicts.map((c) => ({ code: c.jurisdictionCode, year: c.year })),
    ];
    expect(filters.jurisdictions.map((j) => j.code)).toEqual([...new Set(pairs.map((p) => p.code))].sort());
    expect(filters.years).toEqual([...new Set(pairs.map((p) => p.year))].sort((a, b) => b - a));
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
    const options = await listIndicatorTallies(store.db, 10_000);
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
    const statementsOf = (name: string) =>
      readFileSync(path.join(dir, name, "migration.sql"), "utf8")
        .split(/;\s*\n/)
        .map((statement) => statement.replace(/^(\s*--[^\n]*\n)*/, "").trim())
        .filter((statement) => /^(INSERT INTO|UPDATE)/.test(statement));
    const indicatorBackfill = statementsOf("20261122041026_scale_tallies").filter((s) => s.includes("IndicatorTally"));
    // The verdicts' backfill, then the latest recount of every year's tallies (each recount writes every column).
    const yearBackfill = [
      ...statementsOf("20261129094414_pending_and_sources").filter((s) => s.startsWith('UPDATE "Match"')),
      ...statementsOf("20261129100434_period_outcomes").filter((s) => s.startsWith('INSERT INTO "YearTally"')),
    ];
    expect(indicatorBackfill).toHaveLength(1);
    expect(yearBackfill).toHaveLength(3);
    await store.db.$transaction([
      store.db.yearTally.deleteMany(),
      store.db.indicatorTally.deleteMany(),
      ...[...indicatorBackfill, ...yearBackfill].map((statement) => store.db.$executeRawUnsafe(statement)),
    ]);
    expect(await tallies()).toEqual(kept);
  });
});
