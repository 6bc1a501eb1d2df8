/**
 * A re-read by a newer reader keeps every analyst's edit. The stored reading of seed 001 (市南区 2019 and 2020) is made
 * into an older reader's: one target worded and named differently, one the older reader invented, one it missed, and
 * one review figure it invented. Edits of every kind are made on it; then `rereadReports` reads the document with the
 * current reader. Every edit is carried to its target's successor or kept as an orphan; none is deleted; the year's
 * tallies equal a recount.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { editMatch } from "@/lib/db/edits";
import { ConflictError } from "@/lib/db/errors";
import { importFile } from "@/lib/db/import";
import { rematchYear } from "@/lib/db/matching";
import { resolveOrphan } from "@/lib/db/orphans";
import { PROVIDERS } from "@/lib/db/providers";
import { getReviewPage } from "@/lib/db/queries/review";
import { rereadReports, staleReports } from "@/lib/db/reread";
import { writeTransaction } from "@/lib/db/transaction";
import { refreshYearTally } from "@/lib/db/year-tally";
import { READER_VERSION } from "@/lib/engine/reader";
import { ZOrphanSnapshot } from "@/lib/schemas/reread";
import type { TMatchEdit } from "@/lib/schemas/store";
import { bytesOf, seedPath } from "../support/corpus";
import { openTestStore, type TestStore } from "../support/store";

const ENGINE = { tolerance: 0 };
const OLDER = "luoshi-reader/older";
const CODE = "370202";
const INVENTED_TARGET = "全年建成虚构示范园区12个";
const INVENTED_FIGURE = "虚构示范园区建成9个";

describe.each(PROVIDERS)("a re-read carries analysts' edits over on %s", (provider) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(provider);
    const file = seedPath("001");
    await importFile(store.db, { filename: file, bytes: bytesOf(file) }, ENGINE);
  });
  afterAll(async () => store.close());

  const plan2019 = (position: number) =>
    store.db.target.findFirstOrThrow({
      where: { jurisdictionCode: CODE, planYear: 2019, position },
      include: { match: true },
    });

  const edit = async (targetId: string, change: Record<string, unknown> & { action: TMatchEdit["action"] }) => {
    const { match } = await store.db.target.findUniqueOrThrow({ where: { id: targetId }, include: { match: true } });
    if (!match) throw new Error(`target ${targetId} has no match`);
    await editMatch(
      store.db,
      targetId,
      { version: match.version, note: `测试：${change.action}`, ...change } as TMatchEdit,
      "分析员甲",
      ENGINE,
    );
  };

  it("carries each edit to its target's successor or keeps it as an orphan, and loses none", async () => {
    const db = store.db;
    // The older reader's reading.
    const gdp = await plan2019(0);
    const plan = await db.report.findFirstOrThrow({ where: { jurisdictionCode: CODE, planYear: 2019 } });
    const review = await db.report.findFirstOrThrow({ where: { jurisdictionCode: CODE, reviewYear: 2019 } });
    const realGdpText = gdp.text;
    await db.target.update({
      where: { id: gdp.id },
      data: { text: `${gdp.text}，力争更好`, indicatorName: "生产总值" },
    });
    const missed = await plan2019(7);
    await db.target.delete({ where: { id: missed.id } });
    const invented = await db.target.create({
      data: {
        reportId: plan.id,
        jurisdictionCode: CODE,
        planYear: 2019,
        position: 900,
        indicatorName: "虚构示范园区",
        measure: "level",
        qualifier: "exact",
        value: 12,
        unit: "个",
        polarity: "higher_better",
        headline: false,
        text: INVENTED_TARGET,
        start: 0,
        end: INVENTED_TARGET.length,
      },
    });
    const inventedFigure = await db.outcome.create({
      data: {
        reportId: review.id,
        jurisdictionCode: CODE,
        year: 2019,
        position: 900,
        indicatorName: "虚构示范园区",
        measure: "level",
        value: 9,
        unit: "个",
        polarity: "higher_better",
        estimated: false,
        text: INVENTED_FIGURE,
        start: 0,
        end: INVENTED_FIGURE.length,
      },
    });
    // The older reader counted its own targets per indicator, as an import does.
    await db.indicatorTally.deleteMany();
    await db.indicatorTally.createMany({
      data: (await db.target.groupBy({ by: ["indicatorName", "measure"], _count: { _all: true } })).map((c) => ({
        indicatorName: c.indicatorName,
        measure: c.measure,
        targets: c._count._all,
      })),
    });
    await db.report.updateMany({ data: { readerVersion: OLDER } });
    await db.target.updateMany({ data: { readerVersion: OLDER } });
    await db.outcome.updateMany({ where: { manual: false }, data: { readerVersion: OLDER } });
    await writeTransaction(db, (tx, p) => rematchYear(tx, p, CODE, 2019, ENGINE));

    // Edits of every kind.
    const realOutcome = await db.outcome.findFirstOrThrow({
      where: { jurisdictionCode: CODE, year: 2019, reportId: review.id, text: { not: INVENTED_FIGURE } },
      orderBy: { position: "desc" },
    });
    await edit(gdp.id, { action: "set_verdict", verdict: "met" });
    await edit((await plan2019(1)).id, { action: "link", outcomeId: realOutcome.id });
    await edit((await plan2019(10)).id, { action: "unlink" });
    await edit((await plan2019(11)).id, {
      action: "manual_outcome",
      manualOutcome: { value: 12, unit: "家", estimated: false, text: "新增上市挂牌企业12家", source: "区统计公报" },
      verdict: "met",
    });
    await edit((await plan2019(12)).id, { action: "not_a_target", notATarget: true });
    await edit((await plan2019(14)).id, { action: "accept" });
    await edit((await plan2019(15)).id, { action: "set_verdict", verdict: "missed" });
    await edit((await plan2019(15)).id, { action: "undo" });
    await edit(invented.id, { action: "set_verdict", verdict: "missed" });
    await edit((await plan2019(13)).id, { action: "link", outcomeId: inventedFigure.id, verdict: "missed" });

    const editsBefore = await db.edit.findMany({ select: { id: true, action: true, editor: true, note: true } });
    const manualBefore = await db.match.findMany({
      where: { manual: true },
      select: { targetId: true, verdict: true, outcomeId: true, notATarget: true },
    });
    expect(editsBefore).toHaveLength(10);
    expect(await staleReports(db, { code: CODE })).toMatchObject({ stale: 2, total: 2 });

    // Importing the same bytes writes nothing, and says that a re-read would change them.
    const file = seedPath("001");
    const again = await importFile(db, { filename: file, bytes: bytesOf(file) }, ENGINE);
    expect(again.documents[0]).toMatchObject({ created: false, stale: { readerVersion: OLDER, rereadChanges: true } });

    const summary = await rereadReports(db, { code: CODE }, ENGINE);
    expect(summary).toMatchObject({ documents: 1, reread: 1, failed: [], orphaned: 2 });
    expect(summary.targets.added).toBeGreaterThanOrEqual(1);
    expect(await staleReports(db, { code: CODE })).toMatchObject({ stale: 0 });
    expect(
      (await importFile(db, { filename: file, bytes: bytesOf(file) }, ENGINE)).documents[0]?.stale,
    ).toBeUndefined();

    // No edit is deleted; the invented target's moved to its orphan.
    const editsAfter = await db.edit.findMany({
      select: { id: true, action: true, editor: true, note: true, matchId: true, orphanId: true },
    });
    expect(editsAfter.map(({ matchId: _, orphanId: __, ...e }) => e)).toEqual(expect.arrayContaining(editsBefore));
    expect(editsAfter).toHaveLength(editsBefore.length);
    const orphans = await db.orphanedEdit.findMany({ include: { edits: true }, orderBy: { cause: "asc" } });
    expect(orphans.map((o) => [o.cause, o.state])).toEqual([
      ["outcome_gone", "open"],
      ["target_gone", "open"],
    ]);
    const [figureGone, targetGone] = orphans;
    expect(ZOrphanSnapshot.parse(targetGone?.snapshot)).toMatchObject({
      target: { id: invented.id, text: INVENTED_TARGET },
      match: { verdict: "missed", manual: true },
    });
    expect(targetGone?.edits).toHaveLength(1);
    expect(targetGone).toMatchObject({ readerBefore: OLDER, readerAfter: READER_VERSION, year: 2019 });
    expect(ZOrphanSnapshot.parse(figureGone?.snapshot)).toMatchObject({ outcome: { text: INVENTED_FIGURE } });
    expect(await db.target.findUnique({ where: { id: invented.id } })).toBeNull();
    expect(await db.outcome.findUnique({ where: { id: inventedFigure.id } })).toBeNull();

    // Every other manual match stands on the same target, as the analyst left it; the lifted link keeps its verdict.
    for (const before of manualBefore) {
      if (before.targetId === invented.id) continue;
      const after = await db.match.findUniqueOrThrow({ where: { targetId: before.targetId } });
      expect(after.manual).toBe(true);
      expect(after.verdict).toBe(before.verdict);
      expect(after.notATarget).toBe(before.notATarget);
      expect(after.outcomeId).toBe(before.outcomeId === inventedFigure.id ? null : before.outcomeId);
    }
    expect(figureGone?.matchId).toBe(
      (await db.match.findFirstOrThrow({ where: { outcomeId: null, verdict: "missed", manual: true } })).id,
    );
    // The re-worded target is the same row, read as the current reader reads it; the missed one is back.
    const successor = await db.target.findUniqueOrThrow({ where: { id: gdp.id } });
    expect(successor).toMatchObject({
      text: realGdpText,
      indicatorName: "地区生产总值",
      readerVersion: READER_VERSION,
    });
    expect(await db.target.count({ where: { reportId: plan.id, text: missed.text } })).toBe(1);
    // Targets without an edit kept their ids too.
    expect(await db.target.findUnique({ where: { id: (await plan2019(20)).id } })).not.toBeNull();

    // The year's tallies are what a recount gives.
    const tallies = await db.yearTally.findMany({ where: { jurisdictionCode: CODE }, orderBy: { year: "asc" } });
    for (const { year } of tallies) await refreshYearTally(db, CODE, year);
    expect(await db.yearTally.findMany({ where: { jurisdictionCode: CODE }, orderBy: { year: "asc" } })).toEqual(
      tallies,
    );
    expect(await db.match.count()).toBe(await db.target.count());
    // The compare screen's counts of targets per indicator moved with the reading.
    const counted = await db.target.groupBy({ by: ["indicatorName", "measure"], _count: { _all: true } });
    const tallied = await db.indicatorTally.findMany({ where: { targets: { gt: 0 } } });
    expect(new Map(tallied.map((t) => [`${t.indicatorName}|${t.measure}`, t.targets]))).toEqual(
      new Map(counted.map((c) => [`${c.indicatorName}|${c.measure}`, c._count._all])),
    );
  });

  it("queues the orphans first, and lets an analyst carry one to a successor or dismiss it, once", async () => {
    const db = store.db;
    const queue = await getReviewPage(db, { code: CODE, reason: "edit_orphaned" });
    expect(queue.counts.edit_orphaned).toBe(2);
    expect(queue.items.map((item) => item.kind)).toEqual(["orphan", "orphan"]);
    const everything = await getReviewPage(db, { code: CODE });
    expect(everything.items.slice(0, 2).map((item) => item.kind)).toEqual(["orphan", "orphan"]);
    const orphanOf = (cause: string) => {
      const item = queue.items.find((i) => i.kind === "orphan" && i.orphan.cause === cause);
      if (item?.kind !== "orphan") throw new Error(`no ${cause} orphan queued`);
      return item.orphan;
    };
    const targetGone = orphanOf("target_gone");
    expect(targetGone.snapshot.target.text).toBe(INVENTED_TARGET);
    expect(targetGone.edits.map((e) => [e.editor, e.action])).toEqual([["分析员甲", "set_verdict"]]);

    // Carried to a target of the plan: its match takes the analyst's verdict, with an edit of its own.
    const successor = await plan2019(20);
    await resolveOrphan(
      db,
      targetGone.id,
      { action: "carry", to: successor.id, note: "就是这一条" },
      "分析员乙",
      ENGINE,
    );
    const carried = await db.match.findUniqueOrThrow({ where: { targetId: successor.id }, include: { edits: true } });
    expect(carried).toMatchObject({ manual: true, verdict: "missed" });
    expect(carried.edits.map((e) => [e.editor, e.action, e.note])).toEqual([["分析员乙", "set_verdict", "就是这一条"]]);
    await expect(
      resolveOrphan(db, targetGone.id, { action: "dismiss", note: "再来一次" }, "分析员乙", ENGINE),
    ).rejects.toBeInstanceOf(ConflictError);

    await resolveOrphan(db, orphanOf("outcome_gone").id, { action: "dismiss", note: "已无此数" }, "分析员乙", ENGINE);
    expect(
      (await db.orphanedEdit.findMany({ orderBy: { cause: "asc" } })).map((o) => [
        o.state,
        o.resolvedBy,
        o.resolvedNote,
      ]),
    ).toEqual([
      ["dismissed", "分析员乙", "已无此数"],
      ["carried", "分析员乙", "就是这一条"],
    ]);
    expect((await getReviewPage(db, { code: CODE, reason: "edit_orphaned" })).total).toBe(0);
    // Resolved, the orphans keep their edits.
    expect(await db.edit.count({ where: { orphanId: targetGone.id } })).toBe(1);
    const tallies = await db.yearTally.findMany({ where: { jurisdictionCode: CODE }, orderBy: { year: "asc" } });
    for (const { year } of tallies) await refreshYearTally(db, CODE, year);
    expect(await db.yearTally.findMany({ where: { jurisdictionCode: CODE }, orderBy: { year: "asc" } })).toEqual(
      tallies,
    );
  });
});
