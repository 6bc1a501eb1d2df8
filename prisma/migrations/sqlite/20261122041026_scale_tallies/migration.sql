-- CreateTable
CREATE TABLE "YearTally" (
    "jurisdictionCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "targets" INTEGER NOT NULL,
    "reviewed" BOOLEAN NOT NULL,
    "met" INTEGER NOT NULL,
    "missed" INTEGER NOT NULL,
    "verdictNeedsReview" INTEGER NOT NULL,
    "noOutcome" INTEGER NOT NULL,
    "targetItems" INTEGER NOT NULL,
    "needsReview" INTEGER NOT NULL,
    "lowConfidence" INTEGER NOT NULL,
    "flagged" INTEGER NOT NULL,
    "unmatchedTarget" INTEGER NOT NULL,
    "unmatchedOutcome" INTEGER NOT NULL,

    PRIMARY KEY ("jurisdictionCode", "year")
);

-- CreateTable
CREATE TABLE "IndicatorTally" (
    "indicatorName" TEXT NOT NULL,
    "measure" TEXT NOT NULL,
    "targets" INTEGER NOT NULL,

    PRIMARY KEY ("indicatorName", "measure")
);

-- CreateIndex
CREATE INDEX "YearTally_year_jurisdictionCode_idx" ON "YearTally"("year", "jurisdictionCode");

-- CreateIndex
CREATE INDEX "Report_jurisdictionCode_year_idx" ON "Report"("jurisdictionCode", "year");

-- Backfill: the counts of every jurisdiction's plan year already stored, by the conditions of lib/db/year-tally.ts
-- (LOW_CONFIDENCE 0.6; the engine's reason for a year no imported report reviews).
INSERT INTO "YearTally" ("jurisdictionCode", "year", "targets", "reviewed", "met", "missed", "verdictNeedsReview",
  "noOutcome", "targetItems", "needsReview", "lowConfidence", "flagged", "unmatchedTarget", "unmatchedOutcome")
SELECT q."jurisdictionCode", q."planYear", COUNT(*),
  EXISTS (SELECT 1 FROM "Report" r WHERE r."jurisdictionCode" = q."jurisdictionCode" AND r."reviewYear" = q."planYear"),
  SUM(CASE WHEN q."notATarget" = false AND q."verdict" = 'met' THEN 1 ELSE 0 END),
  SUM(CASE WHEN q."notATarget" = false AND q."verdict" = 'missed' THEN 1 ELSE 0 END),
  SUM(CASE WHEN q."notATarget" = false AND q."verdict" = 'needs_review' THEN 1 ELSE 0 END),
  SUM(CASE WHEN q."matchId" IS NULL OR (q."notATarget" = false AND q."verdict" = 'no_outcome') THEN 1 ELSE 0 END),
  SUM(CASE WHEN q."notATarget" = false AND (q.nr = 1 OR q.lc = 1 OR q.fl = 1 OR q.ut = 1) THEN 1 ELSE 0 END),
  SUM(CASE WHEN q."notATarget" = false AND q.nr = 1 THEN 1 ELSE 0 END),
  SUM(CASE WHEN q."notATarget" = false AND q.lc = 1 THEN 1 ELSE 0 END),
  SUM(CASE WHEN q."notATarget" = false AND q.fl = 1 THEN 1 ELSE 0 END),
  SUM(CASE WHEN q."notATarget" = false AND q.ut = 1 THEN 1 ELSE 0 END),
  (SELECT COUNT(*) FROM "Outcome" o
    WHERE o."jurisdictionCode" = q."jurisdictionCode" AND o."year" = q."planYear" AND o."manual" = false
      AND NOT EXISTS (SELECT 1 FROM "Match" c WHERE c."outcomeId" = o."id"))
FROM (
  SELECT t."jurisdictionCode", t."planYear", m."id" AS "matchId", m."notATarget", m."verdict",
    CASE WHEN m."verdict" = 'needs_review' AND m."manual" = false THEN 1 ELSE 0 END AS nr,
    CASE WHEN m."manual" = false AND m."outcomeId" IS NOT NULL AND m."confidence" < 0.6 THEN 1 ELSE 0 END AS lc,
    CASE WHEN m."flagged" = true THEN 1 ELSE 0 END AS fl,
    CASE WHEN m."manual" = false AND m."outcomeId" IS NULL AND m."verdict" = 'no_outcome'
      AND m."reason" <> '未导入回顾该年度的报告' THEN 1 ELSE 0 END AS ut
  FROM "Target" t LEFT JOIN "Match" m ON m."targetId" = t."id"
) q
GROUP BY q."jurisdictionCode", q."planYear";

-- Backfill: targets per indicator and measure.
INSERT INTO "IndicatorTally" ("indicatorName", "measure", "targets")
SELECT "indicatorName", "measure", COUNT(*) FROM "Target" GROUP BY "indicatorName", "measure";
