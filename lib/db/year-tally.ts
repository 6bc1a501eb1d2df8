/**
 * Verdict and review-queue counts per jurisdiction and year (the YearTally table). `rematchYear` refreshes a year's
 * row at the end of every re-judgement, inside the caller's transaction, so imports and edits keep it exact; the
 * overview and the queue then count and page through thousands of jurisdictions by reading these rows instead of
 * scanning every target. QUEUE_CONDITIONS and OUTCOME_CONDITIONS define the queue for the tallies and the queue's pages
 * alike; the tests hold both to the same definition written independently with Prisma's filters
 * (tests/store/review-queue.integration.test.ts), and the overview's counts to the scorecard's. The migration that
 * added the pending and source-conflict columns backfills with this very statement (`tallyStatement("all")`).
 *
 * A row exists for every year with a plan, and for every year only a review covers, with a source conflict or with an
 * open orphaned edit (those are queue items too); `targets` is 0 on the latter, and they hold no verdicts and no
 * unclaimed outcomes.
 */
import { Prisma } from "@/lib/generated/prisma-sqlite/client";
import { LOW_CONFIDENCE, type TReviewReason } from "@/lib/schemas/dashboard";
import type { Tx } from "./client";

/**
 * When a match (`m`) is in the queue, by reason (an item lists its reasons in this order). Each also requires
 * `m."notATarget" = false`. A `pending` target (no review of its year imported yet) is not a review item: its verdict
 * is neither `no_outcome` nor judged. The queue's pages label their items with these very conditions (`queueFlags`).
 */
export const QUEUE_CONDITIONS = {
  needs_review: Prisma.sql`(m."verdict" = 'needs_review' AND m."manual" = false)`,
  low_confidence: Prisma.sql`(m."manual" = false AND m."outcomeId" IS NOT NULL AND m."confidence" < ${Prisma.raw(String(LOW_CONFIDENCE))})`,
  flagged: Prisma.sql`(m."flagged" = true)`,
  unmatched_target: Prisma.sql`(m."manual" = false AND m."outcomeId" IS NULL AND m."verdict" = 'no_outcome')`,
  // Another review source states the matched figure differently (lib/db/sources.ts marks the later figure).
  source_conflict: Prisma.sql`(m."manual" = false AND m."outcomeId" IS NOT NULL AND (
    EXISTS (SELECT 1 FROM "Outcome" sc WHERE sc."conflictWithId" = m."outcomeId")
    OR EXISTS (SELECT 1 FROM "Outcome" so WHERE so."id" = m."outcomeId" AND so."conflictWithId" IS NOT NULL)))`,
} satisfies Record<Exclude<TReviewReason, "unmatched_outcome" | "edit_orphaned">, Prisma.Sql>;

/**
 * An orphaned edit (`oe`) in the queue: an analyst's edit a re-read left without a successor, until an analyst carries
 * it over or dismisses it. Counted per jurisdiction and year, as the targets' items are.
 */
export const ORPHAN_IN_QUEUE = Prisma.sql`(oe."state" = 'open')`;

/** In the queue for any reason. */
export const IN_QUEUE = Prisma.sql`(${Prisma.join(Object.values(QUEUE_CONDITIONS), " OR ")})`;

/** The column `queueFlags` names a reason's flag. */
export const flagColumn = (reason: TReviewReason) => `is_${reason}`;

/**
 * Each condition as a 0/1 column (`is_<reason>`) of a SELECT, so that a page labels its items by the conditions that
 * put them in the queue instead of restating them.
 */
export function queueFlags(conditions: Partial<Record<TReviewReason, Prisma.Sql>>): Prisma.Sql {
  return Prisma.join(
    Object.entries(conditions).map(
      ([reason, condition]) =>
        Prisma.sql`CASE WHEN ${condition} THEN 1 ELSE 0 END AS ${Prisma.raw(`"${flagColumn(reason as TReviewReason)}"`)}`,
    ),
  );
}

/** The reasons whose flag a row of a `queueFlags` SELECT has set, in the conditions' order. */
export function flaggedReasons<R extends TReviewReason>(
  conditions: Partial<Record<R, Prisma.Sql>>,
  row: Record<string, unknown>,
): R[] {
  return (Object.keys(conditions) as R[]).filter((reason) => Number(row[flagColumn(reason)]) === 1);
}

/** A review figure (`o`) no target claims. */
const UNCLAIMED = Prisma.sql`(o."manual" = false AND NOT EXISTS (SELECT 1 FROM "Match" c WHERE c."outcomeId" = o."id"))`;
/**
 * A target of the figure's year names the same indicator and measure: a match the engine may have missed. Never a
 * period figure (`periodStart` set, stored under the period's last year): it is no figure of one year, so it is
 * context, shown on request only (verdicts.md "Periods are not years").
 */
const RELATED = Prisma.sql`o."periodStart" IS NULL AND EXISTS (SELECT 1 FROM "Target" rt WHERE rt."jurisdictionCode" = o."jurisdictionCode"
  AND rt."planYear" = o."year" AND rt."indicatorName" = o."indicatorName" AND rt."measure" = o."measure")`;
/** A later source's figure that disagrees with the main one, where no target claims the main one either. */
const CONFLICT_ITEM = Prisma.sql`(o."conflictWithId" IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM "Match" c2 WHERE c2."outcomeId" = o."conflictWithId"))`;

/**
 * The queue's outcome items (`o`), given whether the figure's year has a plan (`planned`, an SQL condition):
 * - `unmatched_outcome`: a figure of a plan year that no target claims;
 * - `source_conflict`: a later source's unclaimed figure that disagrees with the main review's unclaimed figure.
 * `visible` are the items shown by default: unclaimed figures that a target of the year could be about, and source
 * conflicts; `all` adds the descriptive figures (nothing in the plan names them) and the period figures of a
 * multi-year review, shown on request.
 */
export function outcomeConditions(planned: Prisma.Sql) {
  return {
    unmatched_outcome: Prisma.sql`(${UNCLAIMED} AND ${planned})`,
    visible_unmatched_outcome: Prisma.sql`(${UNCLAIMED} AND ${planned} AND (${RELATED} OR ${CONFLICT_ITEM}))`,
    source_conflict: Prisma.sql`(${UNCLAIMED} AND ${CONFLICT_ITEM})`,
    visible: Prisma.sql`(${UNCLAIMED} AND ((${planned} AND ${RELATED}) OR ${CONFLICT_ITEM}))`,
    all: Prisma.sql`(${UNCLAIMED} AND (${planned} OR ${CONFLICT_ITEM}))`,
  };
}

/** The year of `o` has a plan. */
export const PLANNED = Prisma.sql`EXISTS (SELECT 1 FROM "Target" pt
  WHERE pt."jurisdictionCode" = o."jurisdictionCode" AND pt."planYear" = o."year")`;

const countWhere = (condition: Prisma.Sql) =>
  Prisma.sql`COALESCE(SUM(CASE WHEN m."notATarget" = false AND ${condition} THEN 1 ELSE 0 END), 0)`;

/** A verdict count over the year's targets, leaving out those marked "not a target". */
const verdictCount = (verdict: string) => countWhere(Prisma.sql`m."verdict" = ${Prisma.raw(`'${verdict}'`)}`);

const COLUMNS = [
  "targets",
  "reviewed",
  "met",
  "missed",
  "verdictNeedsReview",
  "noOutcome",
  "pending",
  "targetItems",
  "needsReview",
  "lowConfidence",
  "flagged",
  "unmatchedTarget",
  "sourceConflict",
  "headlineItems",
  "unmatchedOutcome",
  "visibleUnmatchedOutcome",
  "conflictOutcomes",
  "outcomeItems",
  "outcomeItemsAll",
  "editOrphaned",
] as const;
/** A column of YearTally, for readers that take some of them. */
export type TallyColumnName = (typeof COLUMNS)[number];

/**
 * The statement that recounts the tallies of one jurisdiction's year, or of every year (`"all"`: the migration's
 * backfill). Every value is written into the SQL as a literal, so the same text runs on SQLite and PostgreSQL. The
 * counts over a year's targets and matches are correlated subqueries (SQLite has no LATERAL join), each reading the
 * year's targets by their (jurisdiction, year) index.
 */
export function tallyStatement(scope: { code: string; year: number } | "all"): Prisma.Sql {
  const keys =
    scope === "all"
      ? Prisma.sql`SELECT "jurisdictionCode" AS "code", "planYear" AS "year" FROM "Target"
          UNION SELECT "jurisdictionCode" AS "code", "reviewYear" AS "year" FROM "Report" WHERE "reviewYear" IS NOT NULL
          UNION SELECT "jurisdictionCode" AS "code", "year" FROM "Outcome" WHERE "conflictWithId" IS NOT NULL
          UNION SELECT "jurisdictionCode" AS "code", "year" FROM "OrphanedEdit" oe WHERE ${ORPHAN_IN_QUEUE}`
      : Prisma.sql`SELECT CAST(${Prisma.raw(`'${scope.code.replace(/'/g, "''")}'`)} AS TEXT) AS "code",
          CAST(${Prisma.raw(String(Math.trunc(scope.year)))} AS INTEGER) AS "year"`;
  const over = (value: Prisma.Sql) => Prisma.sql`(SELECT ${value} FROM "Target" t LEFT JOIN "Match" m
    ON m."targetId" = t."id" WHERE t."jurisdictionCode" = k."code" AND t."planYear" = k."year")`;
  const targets = over(Prisma.sql`COUNT(t."id")`);
  const outcomes = outcomeConditions(Prisma.sql`(${targets} > 0)`);
  const outcomeCount = (condition: Prisma.Sql) => Prisma.sql`(SELECT COUNT(*) FROM "Outcome" o
    WHERE o."jurisdictionCode" = k."code" AND o."year" = k."year" AND ${condition})`;
  const queued = QUEUE_CONDITIONS;
  const values = [
    targets,
    Prisma.sql`EXISTS (SELECT 1 FROM "Report" r WHERE r."jurisdictionCode" = k."code" AND r."reviewYear" = k."year")`,
    over(verdictCount("met")),
    over(verdictCount("missed")),
    over(verdictCount("needs_review")),
    over(
      Prisma.sql`COALESCE(SUM(CASE WHEN m."id" IS NULL OR (m."notATarget" = false AND m."verdict" = 'no_outcome') THEN 1 ELSE 0 END), 0)`,
    ),
    over(verdictCount("pending")),
    over(countWhere(IN_QUEUE)),
    over(countWhere(queued.needs_review)),
    over(countWhere(queued.low_confidence)),
    over(countWhere(queued.flagged)),
    over(countWhere(queued.unmatched_target)),
    over(countWhere(queued.source_conflict)),
    over(countWhere(Prisma.sql`t."headline" = true AND ${IN_QUEUE}`)),
    outcomeCount(outcomes.unmatched_outcome),
    outcomeCount(outcomes.visible_unmatched_outcome),
    outcomeCount(outcomes.source_conflict),
    outcomeCount(outcomes.visible),
    outcomeCount(outcomes.all),
    Prisma.sql`(SELECT COUNT(*) FROM "OrphanedEdit" oe
      WHERE oe."jurisdictionCode" = k."code" AND oe."year" = k."year" AND ${ORPHAN_IN_QUEUE})`,
  ];
  return Prisma.sql`INSERT INTO "YearTally" ("jurisdictionCode", "year", ${Prisma.raw(COLUMNS.map((c) => `"${c}"`).join(", "))})
SELECT k."code", k."year", ${Prisma.join(values, ",\n  ")}
FROM (${keys}) k
WHERE EXISTS (SELECT 1 FROM "Target" t0 WHERE t0."jurisdictionCode" = k."code" AND t0."planYear" = k."year")
  OR EXISTS (SELECT 1 FROM "Report" r0 WHERE r0."jurisdictionCode" = k."code" AND r0."reviewYear" = k."year")
  OR EXISTS (SELECT 1 FROM "Outcome" o0
    WHERE o0."jurisdictionCode" = k."code" AND o0."year" = k."year" AND o0."conflictWithId" IS NOT NULL)
  OR EXISTS (SELECT 1 FROM "OrphanedEdit" oe
    WHERE oe."jurisdictionCode" = k."code" AND oe."year" = k."year" AND ${ORPHAN_IN_QUEUE})
ON CONFLICT ("jurisdictionCode", "year") DO UPDATE SET
  ${Prisma.raw(COLUMNS.map((c) => `"${c}" = excluded."${c}"`).join(", "))}`;
}

/** Recount `code`'s year and store it (a year with none of the above has no row: one that had is removed). */
export async function refreshYearTally(tx: Tx, code: string, year: number): Promise<void> {
  await tx.$executeRaw`DELETE FROM "YearTally" WHERE "jurisdictionCode" = ${code} AND "year" = ${year}`;
  await tx.$executeRaw(tallyStatement({ code, year }));
}
