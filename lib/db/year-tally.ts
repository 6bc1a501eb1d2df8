/**
 * Verdict and review-queue counts per jurisdiction and plan year (the YearTally table). `rematchYear` refreshes a
 * year's row at the end of every re-judgement, inside the caller's transaction, so imports and edits keep it exact;
 * the overview and the queue then count and page through thousands of jurisdictions by reading these rows instead of
 * scanning every target. QUEUE_CONDITIONS define the queue for the tallies and the queue's pages alike; the tests
 * hold both to the same definition written independently with Prisma's filters
 * (tests/store/review-queue.integration.test.ts), and the overview's counts to the scorecard's.
 */
import { NO_REVIEW_REASON } from "@/lib/engine/match";
import { Prisma } from "@/lib/generated/prisma-sqlite/client";
import { LOW_CONFIDENCE, type TReviewReason } from "@/lib/schemas/dashboard";
import type { Tx } from "./client";

/** When a match (`m`) is in the queue, by reason. Each also requires `m."notATarget" = false`. */
export const QUEUE_CONDITIONS = {
  needs_review: Prisma.sql`(m."verdict" = 'needs_review' AND m."manual" = ${false})`,
  low_confidence: Prisma.sql`(m."manual" = ${false} AND m."outcomeId" IS NOT NULL AND m."confidence" < ${LOW_CONFIDENCE})`,
  flagged: Prisma.sql`(m."flagged" = ${true})`,
  // The engine says so in the reason when no report reviewing the year is imported.
  unmatched_target: Prisma.sql`(m."manual" = ${false} AND m."outcomeId" IS NULL AND m."verdict" = 'no_outcome' AND m."reason" <> ${NO_REVIEW_REASON})`,
} satisfies Record<Exclude<TReviewReason, "unmatched_outcome">, Prisma.Sql>;

/** In the queue for any reason. */
export const IN_QUEUE = Prisma.sql`(${Prisma.join(Object.values(QUEUE_CONDITIONS), " OR ")})`;

const countWhere = (condition: Prisma.Sql) =>
  Prisma.sql`COALESCE(SUM(CASE WHEN m."notATarget" = ${false} AND ${condition} THEN 1 ELSE 0 END), 0)`;

/** A verdict count over the year's targets, leaving out those marked "not a target". */
const verdictCount = (verdict: string) =>
  Prisma.sql`COALESCE(SUM(CASE WHEN m."notATarget" = ${false} AND m."verdict" = ${verdict} THEN 1 ELSE 0 END), 0)`;

/** Recount `code`'s plan of `year` and store it (a year without a plan has no row). */
export async function refreshYearTally(tx: Tx, code: string, year: number): Promise<void> {
  const queued = QUEUE_CONDITIONS;
  await tx.$executeRaw`
    INSERT INTO "YearTally" ("jurisdictionCode", "year", "targets", "reviewed", "met", "missed",
      "verdictNeedsReview", "noOutcome", "targetItems", "needsReview", "lowConfidence", "flagged", "unmatchedTarget",
      "unmatchedOutcome")
    SELECT CAST(${code} AS TEXT), CAST(${year} AS INTEGER), COUNT(t."id"),
      EXISTS (SELECT 1 FROM "Report" r WHERE r."jurisdictionCode" = ${code} AND r."reviewYear" = ${year}),
      ${verdictCount("met")}, ${verdictCount("missed")}, ${verdictCount("needs_review")},
      COALESCE(SUM(CASE WHEN m."id" IS NULL OR (m."notATarget" = ${false} AND m."verdict" = 'no_outcome') THEN 1 ELSE 0 END), 0),
      ${countWhere(IN_QUEUE)}, ${countWhere(queued.needs_review)}, ${countWhere(queued.low_confidence)},
      ${countWhere(queued.flagged)}, ${countWhere(queued.unmatched_target)},
      (SELECT COUNT(*) FROM "Outcome" o
        WHERE o."jurisdictionCode" = ${code} AND o."year" = ${year} AND o."manual" = ${false}
          AND NOT EXISTS (SELECT 1 FROM "Match" c WHERE c."outcomeId" = o."id"))
    FROM "Target" t LEFT JOIN "Match" m ON m."targetId" = t."id"
    WHERE t."jurisdictionCode" = ${code} AND t."planYear" = ${year}
    HAVING COUNT(t."id") > 0
    ON CONFLICT ("jurisdictionCode", "year") DO UPDATE SET
      "targets" = excluded."targets", "reviewed" = excluded."reviewed", "met" = excluded."met",
      "missed" = excluded."missed", "verdictNeedsReview" = excluded."verdictNeedsReview",
      "noOutcome" = excluded."noOutcome", "targetItems" = excluded."targetItems",
      "needsReview" = excluded."needsReview", "lowConfidence" = excluded."lowConfidence",
      "flagged" = excluded."flagged", "unmatchedTarget" = excluded."unmatchedTarget",
      "unmatchedOutcome" = excluded."unmatchedOutcome"`;
}
