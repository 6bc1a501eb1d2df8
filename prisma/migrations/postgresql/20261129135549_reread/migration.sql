-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "hints" JSONB;

-- AlterTable
ALTER TABLE "YearTally" ADD COLUMN     "editOrphaned" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Edit" ADD COLUMN     "orphanId" TEXT,
ALTER COLUMN "matchId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "OrphanedEdit" (
    "id" TEXT NOT NULL,
    "jurisdictionCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "reportId" TEXT NOT NULL,
    "cause" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "snapshot" JSONB NOT NULL,
    "successors" JSONB NOT NULL,
    "matchId" TEXT,
    "readerBefore" TEXT NOT NULL,
    "readerAfter" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedBy" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "resolvedTo" TEXT,
    "resolvedNote" TEXT,

    CONSTRAINT "OrphanedEdit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "total" INTEGER NOT NULL DEFAULT 0,
    "done" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "result" JSONB,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "heartbeatAt" TIMESTAMP(3),

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OrphanedEdit_jurisdictionCode_year_state_idx" ON "OrphanedEdit"("jurisdictionCode", "year", "state");

-- CreateIndex
CREATE INDEX "OrphanedEdit_state_idx" ON "OrphanedEdit"("state");

-- CreateIndex
CREATE INDEX "Job_state_createdAt_idx" ON "Job"("state", "createdAt");

-- CreateIndex
CREATE INDEX "Edit_orphanId_idx" ON "Edit"("orphanId");

-- AddForeignKey
ALTER TABLE "Edit" ADD CONSTRAINT "Edit_orphanId_fkey" FOREIGN KEY ("orphanId") REFERENCES "OrphanedEdit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Reasons become codes with parameters (lib/schemas/reasons.ts): a reason judged before keeps its text, as a
-- `legacy_text` reason, until the year is judged again.
UPDATE "Match" SET "reason" = json_build_array(json_build_object('code', 'legacy_text', 'text', "reason"))::text WHERE "reason" NOT LIKE '[%';
