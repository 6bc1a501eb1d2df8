/**
 * Replacing a stored report's reading with a new one without losing analysts' work. Targets and outcomes of the
 * earlier reading are paired with the new reading's (lib/engine/reread/successors.ts); a paired row is updated in
 * place, so its id, its match, the match's manual state and its whole edit history stay as they are (the next
 * re-judgement flags a manual match where the engine now decides differently). An edited target with no successor
 * becomes an orphan (OrphanedEdit `target_gone`): its match and outcome are kept in the orphan's snapshot, its edits
 * re-attached to the orphan, and it enters the review queue with its likely successors. A manual link to a figure
 * with no successor is lifted from the match (the analyst's verdict stays) and kept as an `outcome_gone` orphan.
 * Rows nobody edited are simply replaced.
 */
import { READER_VERSION } from "@/lib/engine/reader";
import { likelySuccessors, pairSuccessors, type ReadingRow } from "@/lib/engine/reread/successors";
import type { TOrphanSnapshot, TOrphanSuccessors } from "@/lib/schemas/reread";
import { insertRows, sortableId, timestamp, updateRows } from "./bulk-write";
import type { Tx } from "./client";
import { measureColumn, qualifierColumn, verdictColumn } from "./columns";
import { adjustIndicators } from "./indicator-tally";
import type { Provider } from "./providers";
import {
  type IdentifiedReport,
  type OutcomeRowData,
  outcomeRows,
  reportColumns,
  type TargetRowData,
  targetRows,
} from "./report-rows";

export interface CarryOverStats {
  kept: number;
  added: number;
  removed: number;
  /** Edited targets, and manually linked figures, that found their successor. */
  carried: number;
  /** Orphans left for the review queue (open ones). */
  orphaned: number;
  /** The reading differs from the earlier one in any target or outcome. */
  changed: boolean;
}

const TARGET_TYPES = {
  reportId: "text",
  jurisdictionCode: "text",
  planYear: "integer",
  position: "integer",
  indicatorName: "text",
  measure: "text",
  qualifier: "text",
  value: "double precision",
  min: "double precision",
  max: "double precision",
  unit: "text",
  polarity: "text",
  headline: "boolean",
  text: "text",
  wording: "text",
  stretch: "double precision",
  start: "integer",
  end: "integer",
  readerVersion: "text",
};

const OUTCOME_TYPES = {
  reportId: "text",
  jurisdictionCode: "text",
  year: "integer",
  periodStart: "integer",
  periodEnd: "integer",
  position: "integer",
  indicatorName: "text",
  measure: "text",
  value: "double precision",
  min: "double precision",
  max: "double precision",
  unit: "text",
  polarity: "text",
  estimated: "boolean",
  stated: "text",
  text: "text",
  start: "integer",
  end: "integer",
  manual: "boolean",
  readerVersion: "text",
};

type Row = { id: string } & Record<string, string | number | boolean | null>;

/** Update the paired rows (`paired`: their indexes) in place, keeping when they were first stored; insert the others. */
async function writeReading(
  tx: Tx,
  provider: Provider,
  table: "Target" | "Outcome",
  rows: Row[],
  paired: Set<number>,
  pgTypes: Record<string, string>,
): Promise<void> {
  const updated = rows.flatMap((row, n) => {
    if (!paired.has(n)) return [];
    const { createdAt: _first, ...columns } = row;
    return [columns as Row];
  });
  await updateRows(tx, provider, table, updated, { pgTypes });
  await insertRows(
    tx,
    provider,
    table,
    rows.filter((_, n) => !paired.has(n)),
  );
}

/** The fields whose change makes a target or outcome read differently (not its position or reader). */
const TARGET_CONTENT = [
  "indicatorName",
  "measure",
  "qualifier",
  "value",
  "min",
  "max",
  "unit",
  "polarity",
  "headline",
  "wording",
  "stretch",
  "text",
  "start",
  "end",
  "planYear",
  "jurisdictionCode",
] as const;
const OUTCOME_CONTENT = [
  "indicatorName",
  "measure",
  "value",
  "min",
  "max",
  "unit",
  "polarity",
  "estimated",
  "stated",
  "text",
  "start",
  "end",
  "year",
  "periodStart",
  "periodEnd",
  "jurisdictionCode",
] as const;

function loadEarlierTargets(tx: Tx, reportId: string) {
  return tx.target.findMany({
    where: { reportId },
    orderBy: { position: "asc" },
    include: {
      match: {
        select: {
          id: true,
          verdict: true,
          outcomeId: true,
          manual: true,
          notATarget: true,
          version: true,
          _count: { select: { edits: true } },
          outcome: true,
        },
      },
    },
  });
}

type EarlierTarget = Awaited<ReturnType<typeof loadEarlierTargets>>[number];

function loadEarlierOutcomes(tx: Tx, reportId: string) {
  return tx.outcome.findMany({ where: { reportId }, orderBy: { position: "asc" } });
}

type EarlierOutcome = Awaited<ReturnType<typeof loadEarlierOutcomes>>[number];

const targetReading = (row: { text: string; indicatorName: string; measure: string; start: number }): ReadingRow => ({
  text: row.text,
  indicator: row.indicatorName,
  measure: row.measure,
  start: row.start,
});

const outcomeReading = (row: {
  text: string;
  indicatorName: string;
  measure: string;
  start: number | null;
  year: number;
}): ReadingRow => ({
  text: row.text,
  indicator: row.indicatorName,
  measure: row.measure,
  start: row.start,
  year: row.year,
});

const edited = (target: EarlierTarget) =>
  target.match !== null && (target.match.manual || target.match._count.edits > 0);

function sameContent<K extends string>(
  earlier: Record<K, unknown>,
  next: Record<K, unknown>,
  fields: readonly K[],
): boolean {
  return fields.every((field) => earlier[field] === next[field]);
}

function targetSnapshot(target: EarlierTarget): TOrphanSnapshot["target"] {
  return {
    id: target.id,
    reportId: target.reportId,
    planYear: target.planYear,
    indicatorName: target.indicatorName,
    measure: measureColumn(target.measure, target.id),
    qualifier: qualifierColumn(target.qualifier, target.id),
    value: target.value,
    min: target.min,
    max: target.max,
    unit: target.unit,
    headline: target.headline,
    text: target.text,
    start: target.start,
    end: target.end,
    readerVersion: target.readerVersion,
  };
}

function outcomeSnapshot(outcome: EarlierOutcome): TOrphanSnapshot["outcome"] {
  return {
    id: outcome.id,
    reportId: outcome.reportId,
    year: outcome.year,
    indicatorName: outcome.indicatorName,
    measure: measureColumn(outcome.measure, outcome.id),
    value: outcome.value,
    min: outcome.min,
    max: outcome.max,
    unit: outcome.unit,
    text: outcome.text,
    readerVersion: outcome.readerVersion,
  };
}

function matchSnapshot(match: NonNullable<EarlierTarget["match"]>): TOrphanSnapshot["match"] {
  return {
    id: match.id,
    verdict: verdictColumn(match.verdict, match.id),
    outcomeId: match.outcomeId,
    manual: match.manual,
    notATarget: match.notATarget,
    version: match.version,
  };
}

/**
 * Replace the reading of stored report `reportId` by `next` (or, with `next` null, retire every row of a report the
 * new reading no longer finds), in the caller's transaction, under the locks of every year either reading touches.
 * The caller re-judges those years afterwards.
 */
/**
 * The earlier reading of report `reportId` beside the new one (`next`; null: the new reading no longer finds the
 * report), paired row by row; paired new rows carry the earlier row's id.
 */
async function planReading(tx: Tx, reportId: string, next: IdentifiedReport | null) {
  const earlierTargets = await loadEarlierTargets(tx, reportId);
  const earlierOutcomes = await loadEarlierOutcomes(tx, reportId);
  const stored = await tx.report.findUniqueOrThrow({
    where: { id: reportId },
    select: { jurisdictionCode: true, readerVersion: true, text: true },
  });
  const newTargets: (TargetRowData & { id: string })[] = next
    ? targetRows(reportId, next).map((row) => ({ ...row, id: sortableId() }))
    : [];
  const newOutcomes: (OutcomeRowData & { id: string })[] = next
    ? outcomeRows(reportId, next, timestamp()).map((row) => ({ ...row, id: sortableId() }))
    : [];
  const span = Math.max(stored.text.length, next?.text.length ?? 0);

  const targets = pairSuccessors(earlierTargets.map(targetReading), newTargets.map(targetReading), span);
  const outcomes = pairSuccessors(earlierOutcomes.map(outcomeReading), newOutcomes.map(outcomeReading), span);
  // A paired row keeps the earlier id: its match, links and edit history stay attached.
  for (const [e, n] of targets.pairs) (newTargets[n] as { id: string }).id = (earlierTargets[e] as EarlierTarget).id;
  for (const [e, n] of outcomes.pairs)
    (newOutcomes[n] as { id: string }).id = (earlierOutcomes[e] as EarlierOutcome).id;

  const changedTargets =
    targets.unpairedEarlier.length > 0 ||
    targets.unpairedNew.length > 0 ||
    targets.pairs.some(
      ([e, n]) => !sameContent(earlierTargets[e] as EarlierTarget, newTargets[n] as TargetRowData, TARGET_CONTENT),
    );
  const changedOutcomes =
    outcomes.unpairedEarlier.length > 0 ||
    outcomes.unpairedNew.length > 0 ||
    outcomes.pairs.some(
      ([e, n]) => !sameContent(earlierOutcomes[e] as EarlierOutcome, newOutcomes[n] as OutcomeRowData, OUTCOME_CONTENT),
    );
  const changed = next === null || changedTargets || changedOutcomes;
  return { earlierTargets, earlierOutcomes, stored, newTargets, newOutcomes, span, targets, outcomes, changed };
}

/** Would reading `next` change stored report `reportId`'s targets or outcomes? (An import of bytes already stored.) */
export async function readingChanges(tx: Tx, reportId: string, next: IdentifiedReport): Promise<boolean> {
  return (await planReading(tx, reportId, next)).changed;
}

export async function replaceReading(
  tx: Tx,
  provider: Provider,
  reportId: string,
  next: IdentifiedReport | null,
): Promise<CarryOverStats> {
  const { earlierTargets, earlierOutcomes, stored, newTargets, newOutcomes, span, targets, outcomes, changed } =
    await planReading(tx, reportId, next);

  // Positions are unique per report: park the earlier rows out of the way before the new positions are written.
  await tx.$executeRaw`UPDATE "Target" SET "position" = -1 - "position" WHERE "reportId" = ${reportId}`;
  await tx.$executeRaw`UPDATE "Outcome" SET "position" = -1 - "position" WHERE "reportId" = ${reportId}`;
  if (next) await tx.report.update({ where: { id: reportId }, data: reportColumns(next) });

  // Paired rows of the new reading carry their predecessor's id and are updated in place; the others are new.
  await writeReading(tx, provider, "Target", newTargets, new Set(targets.pairs.map(([, n]) => n)), TARGET_TYPES);
  await writeReading(tx, provider, "Outcome", newOutcomes, new Set(outcomes.pairs.map(([, n]) => n)), OUTCOME_TYPES);

  const readerAfter = READER_VERSION;
  const orphan = async (entry: {
    year: number;
    cause: "target_gone" | "outcome_gone";
    open: boolean;
    snapshot: TOrphanSnapshot;
    successors: TOrphanSuccessors;
    matchId: string | null;
  }) => {
    const created = await tx.orphanedEdit.create({
      data: {
        jurisdictionCode: stored.jurisdictionCode,
        year: entry.year,
        reportId,
        cause: entry.cause,
        state: entry.open ? "open" : "archived",
        snapshot: entry.snapshot,
        successors: entry.successors,
        matchId: entry.matchId,
        readerBefore: stored.readerVersion,
        readerAfter,
      },
      select: { id: true },
    });
    return created.id;
  };

  let carried = 0;
  let orphaned = 0;
  // Targets without a successor: the edited ones become orphans, the others go.
  const gone: string[] = [];
  for (const e of targets.unpairedEarlier) {
    const target = earlierTargets[e] as EarlierTarget;
    gone.push(target.id);
    const match = target.match;
    if (!match || !edited(target)) continue;
    const successors = likelySuccessors(targetReading(target), newTargets.map(targetReading), span).map((c) => ({
      id: (newTargets[c.index] as { id: string }).id,
      similarity: c.similarity,
    }));
    const orphanId = await orphan({
      year: target.planYear,
      cause: "target_gone",
      open: match.manual,
      snapshot: {
        target: targetSnapshot(target),
        match: matchSnapshot(match),
        outcome: match.outcome ? outcomeSnapshot(match.outcome) : null,
      },
      successors,
      matchId: null,
    });
    if (match.manual) orphaned += 1;
    // The edits leave the match (deleted with its target) for the orphan: the audit trail keeps every one.
    await tx.edit.updateMany({ where: { matchId: match.id }, data: { matchId: null, orphanId } });
  }
  for (const [e] of targets.pairs) if (edited(earlierTargets[e] as EarlierTarget)) carried += 1;
  if (gone.length > 0) await tx.target.deleteMany({ where: { id: { in: gone } } });

  // Figures without a successor: a manual link to one is lifted and kept as an orphan, the analyst's verdict stays.
  const goneOutcomes = outcomes.unpairedEarlier.map((e) => earlierOutcomes[e] as EarlierOutcome);
  const pairedEarlierOutcomes = new Set(outcomes.pairs.map(([e]) => (earlierOutcomes[e] as EarlierOutcome).id));
  carried += await tx.match.count({ where: { manual: true, outcomeId: { in: [...pairedEarlierOutcomes] } } });
  if (goneOutcomes.length > 0) {
    const byId = new Map(goneOutcomes.map((o) => [o.id, o]));
    const links = await tx.match.findMany({
      where: { manual: true, outcomeId: { in: [...byId.keys()] } },
      include: { target: true },
    });
    for (const link of links) {
      const outcome = byId.get(link.outcomeId as string) as EarlierOutcome;
      const successors = likelySuccessors(outcomeReading(outcome), newOutcomes.map(outcomeReading), span).map((c) => ({
        id: (newOutcomes[c.index] as { id: string }).id,
        similarity: c.similarity,
      }));
      await orphan({
        year: link.target.planYear,
        cause: "outcome_gone",
        open: true,
        snapshot: {
          target: targetSnapshot({ ...link.target, match: null }),
          match: matchSnapshot({ ...link, _count: { edits: 0 }, outcome: null }),
          outcome: outcomeSnapshot(outcome),
        },
        successors,
        matchId: link.id,
      });
      orphaned += 1;
      // The version moves: an editor who saw the link must reload before changing the match.
      await tx.match.update({
        where: { id: link.id },
        data: { outcomeId: null, version: { increment: 1 } },
      });
    }
    await tx.outcome.deleteMany({ where: { id: { in: [...byId.keys()] } } });
  }

  await adjustIndicators(
    tx,
    earlierTargets.map((t) => ({ indicator: t.indicatorName, measure: t.measure })),
    newTargets.map((t) => ({ indicator: t.indicatorName, measure: t.measure })),
  );

  return {
    kept: targets.pairs.length,
    added: targets.unpairedNew.length,
    removed: targets.unpairedEarlier.length,
    carried,
    orphaned,
    changed,
  };
}
