-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Jurisdiction" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "parentCode" TEXT,
    "demo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Jurisdiction_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Document" (
    "id" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "encoding" TEXT NOT NULL,
    "sourceName" TEXT NOT NULL,
    "sourceUrl" TEXT,
    "byteSize" INTEGER NOT NULL,
    "originalText" TEXT NOT NULL,
    "importedBy" TEXT,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Report" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "jurisdictionCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "planYear" INTEGER,
    "reviewYear" INTEGER,
    "confidence" DOUBLE PRECISION NOT NULL,
    "identityOverridden" BOOLEAN NOT NULL DEFAULT false,
    "text" TEXT NOT NULL,
    "originalStart" INTEGER NOT NULL,
    "originalEnd" INTEGER NOT NULL,
    "sections" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Target" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "jurisdictionCode" TEXT NOT NULL,
    "planYear" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "indicatorName" TEXT NOT NULL,
    "indicatorId" TEXT,
    "measure" TEXT NOT NULL,
    "qualifier" TEXT NOT NULL,
    "value" DOUBLE PRECISION,
    "min" DOUBLE PRECISION,
    "max" DOUBLE PRECISION,
    "unit" TEXT,
    "polarity" TEXT NOT NULL,
    "headline" BOOLEAN NOT NULL,
    "text" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,

    CONSTRAINT "Target_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Outcome" (
    "id" TEXT NOT NULL,
    "reportId" TEXT,
    "jurisdictionCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "position" INTEGER,
    "indicatorName" TEXT NOT NULL,
    "indicatorId" TEXT,
    "measure" TEXT NOT NULL,
    "value" DOUBLE PRECISION,
    "min" DOUBLE PRECISION,
    "max" DOUBLE PRECISION,
    "unit" TEXT,
    "polarity" TEXT NOT NULL,
    "estimated" BOOLEAN NOT NULL,
    "stated" TEXT,
    "text" TEXT NOT NULL,
    "start" INTEGER,
    "end" INTEGER,
    "source" TEXT,
    "manual" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Outcome_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Match" (
    "id" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "outcomeId" TEXT,
    "confidence" DOUBLE PRECISION NOT NULL,
    "verdict" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "ratio" DOUBLE PRECISION,
    "engineVersion" TEXT NOT NULL,
    "manual" BOOLEAN NOT NULL DEFAULT false,
    "notATarget" BOOLEAN NOT NULL DEFAULT false,
    "flagged" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Match_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Edit" (
    "id" TEXT NOT NULL,
    "matchId" TEXT NOT NULL,
    "editor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "before" JSONB NOT NULL,
    "after" JSONB NOT NULL,
    "note" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Edit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Indicator" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "synonyms" JSONB NOT NULL,
    "polarity" TEXT NOT NULL,
    "category" TEXT NOT NULL,

    CONSTRAINT "Indicator_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Jurisdiction_parentCode_idx" ON "Jurisdiction"("parentCode");

-- CreateIndex
CREATE INDEX "Jurisdiction_name_idx" ON "Jurisdiction"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Document_contentHash_key" ON "Document"("contentHash");

-- CreateIndex
CREATE INDEX "Report_jurisdictionCode_planYear_idx" ON "Report"("jurisdictionCode", "planYear");

-- CreateIndex
CREATE INDEX "Report_jurisdictionCode_reviewYear_idx" ON "Report"("jurisdictionCode", "reviewYear");

-- CreateIndex
CREATE UNIQUE INDEX "Report_documentId_position_key" ON "Report"("documentId", "position");

-- CreateIndex
CREATE INDEX "Target_jurisdictionCode_planYear_idx" ON "Target"("jurisdictionCode", "planYear");

-- CreateIndex
CREATE INDEX "Target_indicatorName_idx" ON "Target"("indicatorName");

-- CreateIndex
CREATE UNIQUE INDEX "Target_reportId_position_key" ON "Target"("reportId", "position");

-- CreateIndex
CREATE INDEX "Outcome_jurisdictionCode_year_idx" ON "Outcome"("jurisdictionCode", "year");

-- CreateIndex
CREATE UNIQUE INDEX "Outcome_reportId_position_key" ON "Outcome"("reportId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Match_targetId_key" ON "Match"("targetId");

-- CreateIndex
CREATE INDEX "Match_verdict_idx" ON "Match"("verdict");

-- CreateIndex
CREATE INDEX "Match_outcomeId_idx" ON "Match"("outcomeId");

-- CreateIndex
CREATE INDEX "Edit_matchId_createdAt_idx" ON "Edit"("matchId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Indicator_name_key" ON "Indicator"("name");

-- AddForeignKey
ALTER TABLE "Jurisdiction" ADD CONSTRAINT "Jurisdiction_parentCode_fkey" FOREIGN KEY ("parentCode") REFERENCES "Jurisdiction"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_jurisdictionCode_fkey" FOREIGN KEY ("jurisdictionCode") REFERENCES "Jurisdiction"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Outcome" ADD CONSTRAINT "Outcome_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Outcome" ADD CONSTRAINT "Outcome_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Match" ADD CONSTRAINT "Match_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "Target"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Match" ADD CONSTRAINT "Match_outcomeId_fkey" FOREIGN KEY ("outcomeId") REFERENCES "Outcome"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Edit" ADD CONSTRAINT "Edit_matchId_fkey" FOREIGN KEY ("matchId") REFERENCES "Match"("id") ON DELETE CASCADE ON UPDATE CASCADE;
