-- AlterTable
ALTER TABLE "Outcome" ADD COLUMN     "periodEnd" INTEGER,
ADD COLUMN     "periodStart" INTEGER;

-- CreateIndex
CREATE INDEX "Outcome_jurisdictionCode_periodEnd_idx" ON "Outcome"("jurisdictionCode", "periodEnd");

-- Backfill: every year's tallies recounted by lib/db/year-tally.ts `tallyStatement("all")`, which now leaves period
-- figures (a multi-year review's, `periodStart` set) out of the items shown by default (verdicts.md "Periods are not
-- years"). Databases imported before hold no period figures, so nothing changes there; the next import stores them.
INSERT INTO "YearTally" ("jurisdictionCode", "year", "targets", "reviewed", "met", "missed", "verdictNeedsReview", "noOutcome", "pending", "targetItems", "needsReview", "lowConfidence", "flagged", "unmatchedTarget", "sourceConflict", "headlineItems", "unmatchedOutcome", "visibleUnmatchedOutcome", "conflictOutcomes", "outcomeItems", "outcomeItemsAll")
SELECT k."code", k."year", (SELECT COUNT(t."id") FROM "Target" t LEFT JOIN "Match" m
    ON m."targetId" = t."id" WHERE t."jurisdictionCode" = k."code" AND t."planYear" = k."year"),
  EXISTS (SELECT 1 FROM "Report" r WHERE r."jurisdictionCode" = k."code" AND r."reviewYear" = k."year"),
  (SELECT COALESCE(SUM(CASE WHEN m."notATarget" = false AND m."verdict" = 'met' THEN 1 ELSE 0 END), 0) FROM "Target" t LEFT JOIN "Match" m
    ON m."targetId" = t."id" WHERE t."jurisdictionCode" = k."code" AND t."planYear" = k."year"),
  (SELECT COALESCE(SUM(CASE WHEN m."notATarget" = false AND m."verdict" = 'missed' THEN 1 ELSE 0 END), 0) FROM "Target" t LEFT JOIN "Match" m
    ON m."targetId" = t."id" WHERE t."jurisdictionCode" = k."code" AND t."planYear" = k."year"),
  (SELECT COALESCE(SUM(CASE WHEN m."notATarget" = false AND m."verdict" = 'needs_review' THEN 1 ELSE 0 END), 0) FROM "Target" t LEFT JOIN "Match" m
    ON m."targetId" = t."id" WHERE t."jurisdictionCode" = k."code" AND t."planYear" = k."year"),
  (SELECT COALESCE(SUM(CASE WHEN m."id" IS NULL OR (m."notATarget" = false AND m."verdict" = 'no_outcome') THEN 1 ELSE 0 END), 0) FROM "Target" t LEFT JOIN "Match" m
    ON m."targetId" = t."id" WHERE t."jurisdictionCode" = k."code" AND t."planYear" = k."year"),
  (SELECT COALESCE(SUM(CASE WHEN m."notATarget" = false AND m."verdict" = 'pending' THEN 1 ELSE 0 END), 0) FROM "Target" t LEFT JOIN "Match" m
    ON m."targetId" = t."id" WHERE t."jurisdictionCode" = k."code" AND t."planYear" = k."year"),
  (SELECT COALESCE(SUM(CASE WHEN m."notATarget" = false AND ((m."verdict" = 'needs_review' AND m."manual" = false) OR (m."manual" = false AND m."outcomeId" IS NOT NULL AND m."confidence" < 0.6) OR (m."flagged" = true) OR (m."manual" = false AND m."outcomeId" IS NULL AND m."verdict" = 'no_outcome') OR (m."manual" = false AND m."outcomeId" IS NOT NULL AND (
    EXISTS (SELECT 1 FROM "Outcome" sc WHERE sc."conflictWithId" = m."outcomeId")
    OR EXISTS (SELECT 1 FROM "Outcome" so WHERE so."id" = m."outcomeId" AND so."conflictWithId" IS NOT NULL)))) THEN 1 ELSE 0 END), 0) FROM "Target" t LEFT JOIN "Match" m
    ON m."targetId" = t."id" WHERE t."jurisdictionCode" = k."code" AND t."planYear" = k."year"),
  (SELECT COALESCE(SUM(CASE WHEN m."notATarget" = false AND (m."verdict" = 'needs_review' AND m."manual" = false) THEN 1 ELSE 0 END), 0) FROM "Target" t LEFT JOIN "Match" m
    ON m."targetId" = t."id" WHERE t."jurisdictionCode" = k."code" AND t."planYear" = k."year"),
  (SELECT COALESCE(SUM(CASE WHEN m."notATarget" = false AND (m."manual" = false AND m."outcomeId" IS NOT NULL AND m."confidence" < 0.6) THEN 1 ELSE 0 END), 0) FROM "Target" t LEFT JOIN "Match" m
    ON m."targetId" = t."id" WHERE t."jurisdictionCode" = k."code" AND t."planYear" = k."year"),
  (SELECT COALESCE(SUM(CASE WHEN m."notATarget" = false AND (m."flagged" = true) THEN 1 ELSE 0 END), 0) FROM "Target" t LEFT JOIN "Match" m
    ON m."targetId" = t."id" WHERE t."jurisdictionCode" = k."code" AND t."planYear" = k."year"),
  (SELECT COALESCE(SUM(CASE WHEN m."notATarget" = false AND (m."manual" = false AND m."outcomeId" IS NULL AND m."verdict" = 'no_outcome') THEN 1 ELSE 0 END), 0) FROM "Target" t LEFT JOIN "Match" m
    ON m."targetId" = t."id" WHERE t."jurisdictionCode" = k."code" AND t."planYear" = k."year"),
  (SELECT COALESCE(SUM(CASE WHEN m."notATarget" = false AND (m."manual" = false AND m."outcomeId" IS NOT NULL AND (
    EXISTS (SELECT 1 FROM "Outcome" sc WHERE sc."conflictWithId" = m."outcomeId")
    OR EXISTS (SELECT 1 FROM "Outcome" so WHERE so."id" = m."outcomeId" AND so."conflictWithId" IS NOT NULL))) THEN 1 ELSE 0 END), 0) FROM "Target" t LEFT JOIN "Match" m
    ON m."targetId" = t."id" WHERE t."jurisdictionCode" = k."code" AND t."planYear" = k."year"),
  (SELECT COALESCE(SUM(CASE WHEN m."notATarget" = false AND t."headline" = true AND ((m."verdict" = 'needs_review' AND m."manual" = false) OR (m."manual" = false AND m."outcomeId" IS NOT NULL AND m."confidence" < 0.6) OR (m."flagged" = true) OR (m."manual" = false AND m."outcomeId" IS NULL AND m."verdict" = 'no_outcome') OR (m."manual" = false AND m."outcomeId" IS NOT NULL AND (
    EXISTS (SELECT 1 FROM "Outcome" sc WHERE sc."conflictWithId" = m."outcomeId")
    OR EXISTS (SELECT 1 FROM "Outcome" so WHERE so."id" = m."outcomeId" AND so."conflictWithId" IS NOT NULL)))) THEN 1 ELSE 0 END), 0) FROM "Target" t LEFT JOIN "Match" m
    ON m."targetId" = t."id" WHERE t."jurisdictionCode" = k."code" AND t."planYear" = k."year"),
  (SELECT COUNT(*) FROM "Outcome" o
    WHERE o."jurisdictionCode" = k."code" AND o."year" = k."year" AND ((o."manual" = false AND NOT EXISTS (SELECT 1 FROM "Match" c WHERE c."outcomeId" = o."id")) AND ((SELECT COUNT(t."id") FROM "Target" t LEFT JOIN "Match" m
    ON m."targetId" = t."id" WHERE t."jurisdictionCode" = k."code" AND t."planYear" = k."year") > 0))),
  (SELECT COUNT(*) FROM "Outcome" o
    WHERE o."jurisdictionCode" = k."code" AND o."year" = k."year" AND ((o."manual" = false AND NOT EXISTS (SELECT 1 FROM "Match" c WHERE c."outcomeId" = o."id")) AND ((SELECT COUNT(t."id") FROM "Target" t LEFT JOIN "Match" m
    ON m."targetId" = t."id" WHERE t."jurisdictionCode" = k."code" AND t."planYear" = k."year") > 0) AND (o."periodStart" IS NULL AND EXISTS (SELECT 1 FROM "Target" rt WHERE rt."jurisdictionCode" = o."jurisdictionCode"
  AND rt."planYear" = o."year" AND rt."indicatorName" = o."indicatorName" AND rt."measure" = o."measure") OR (o."conflictWithId" IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM "Match" c2 WHERE c2."outcomeId" = o."conflictWithId"))))),
  (SELECT COUNT(*) FROM "Outcome" o
    WHERE o."jurisdictionCode" = k."code" AND o."year" = k."year" AND ((o."manual" = false AND NOT EXISTS (SELECT 1 FROM "Match" c WHERE c."outcomeId" = o."id")) AND (o."conflictWithId" IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM "Match" c2 WHERE c2."outcomeId" = o."conflictWithId")))),
  (SELECT COUNT(*) FROM "Outcome" o
    WHERE o."jurisdictionCode" = k."code" AND o."year" = k."year" AND ((o."manual" = false AND NOT EXISTS (SELECT 1 FROM "Match" c WHERE c."outcomeId" = o."id")) AND ((((SELECT COUNT(t."id") FROM "Target" t LEFT JOIN "Match" m
    ON m."targetId" = t."id" WHERE t."jurisdictionCode" = k."code" AND t."planYear" = k."year") > 0) AND o."periodStart" IS NULL AND EXISTS (SELECT 1 FROM "Target" rt WHERE rt."jurisdictionCode" = o."jurisdictionCode"
  AND rt."planYear" = o."year" AND rt."indicatorName" = o."indicatorName" AND rt."measure" = o."measure")) OR (o."conflictWithId" IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM "Match" c2 WHERE c2."outcomeId" = o."conflictWithId"))))),
  (SELECT COUNT(*) FROM "Outcome" o
    WHERE o."jurisdictionCode" = k."code" AND o."year" = k."year" AND ((o."manual" = false AND NOT EXISTS (SELECT 1 FROM "Match" c WHERE c."outcomeId" = o."id")) AND (((SELECT COUNT(t."id") FROM "Target" t LEFT JOIN "Match" m
    ON m."targetId" = t."id" WHERE t."jurisdictionCode" = k."code" AND t."planYear" = k."year") > 0) OR (o."conflictWithId" IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM "Match" c2 WHERE c2."outcomeId" = o."conflictWithId")))))
FROM (SELECT "jurisdictionCode" AS "code", "planYear" AS "year" FROM "Target"
          UNION SELECT "jurisdictionCode" AS "code", "reviewYear" AS "year" FROM "Report" WHERE "reviewYear" IS NOT NULL
          UNION SELECT "jurisdictionCode" AS "code", "year" FROM "Outcome" WHERE "conflictWithId" IS NOT NULL) k
WHERE EXISTS (SELECT 1 FROM "Target" t0 WHERE t0."jurisdictionCode" = k."code" AND t0."planYear" = k."year")
  OR EXISTS (SELECT 1 FROM "Report" r0 WHERE r0."jurisdictionCode" = k."code" AND r0."reviewYear" = k."year")
  OR EXISTS (SELECT 1 FROM "Outcome" o0
    WHERE o0."jurisdictionCode" = k."code" AND o0."year" = k."year" AND o0."conflictWithId" IS NOT NULL)
ON CONFLICT ("jurisdictionCode", "year") DO UPDATE SET
  "targets" = excluded."targets", "reviewed" = excluded."reviewed", "met" = excluded."met", "missed" = excluded."missed", "verdictNeedsReview" = excluded."verdictNeedsReview", "noOutcome" = excluded."noOutcome", "pending" = excluded."pending", "targetItems" = excluded."targetItems", "needsReview" = excluded."needsReview", "lowConfidence" = excluded."lowConfidence", "flagged" = excluded."flagged", "unmatchedTarget" = excluded."unmatchedTarget", "sourceConflict" = excluded."sourceConflict", "headlineItems" = excluded."headlineItems", "unmatchedOutcome" = excluded."unmatchedOutcome", "visibleUnmatchedOutcome" = excluded."visibleUnmatchedOutcome", "conflictOutcomes" = excluded."conflictOutcomes", "outcomeItems" = excluded."outcomeItems", "outcomeItemsAll" = excluded."outcomeItemsAll";
