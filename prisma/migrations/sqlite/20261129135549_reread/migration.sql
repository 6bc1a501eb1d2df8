-- AlterTable
ALTER TABLE "Document" ADD COLUMN "hints" JSONB;

-- In place, not by rebuilding the table: no year has an orphaned edit yet.
ALTER TABLE "YearTally" ADD COLUMN "editOrphaned" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "OrphanedEdit" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedBy" TEXT,
    "resolvedAt" DATETIME,
    "resolvedTo" TEXT,
    "resolvedNote" TEXT
);

-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "total" INTEGER NOT NULL DEFAULT 0,
    "done" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "result" JSONB,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    "heartbeatAt" DATETIME
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Edit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "matchId" TEXT,
    "orphanId" TEXT,
    "editor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "before" JSONB NOT NULL,
    "after" JSONB NOT NULL,
    "note" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revertedAt" DATETIME,
    CONSTRAINT "Edit_matchId_fkey" FOREIGN KEY ("matchId") REFERENCES "Match" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Edit_orphanId_fkey" FOREIGN KEY ("orphanId") REFERENCES "OrphanedEdit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Edit" ("action", "after", "before", "createdAt", "editor", "id", "matchId", "note", "revertedAt") SELECT "action", "after", "before", "createdAt", "editor", "id", "matchId", "note", "revertedAt" FROM "Edit";
DROP TABLE "Edit";
ALTER TABLE "new_Edit" RENAME TO "Edit";
CREATE INDEX "Edit_matchId_createdAt_idx" ON "Edit"("matchId", "createdAt");
CREATE INDEX "Edit_orphanId_idx" ON "Edit"("orphanId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "OrphanedEdit_jurisdictionCode_year_state_idx" ON "OrphanedEdit"("jurisdictionCode", "year", "state");

-- CreateIndex
CREATE INDEX "OrphanedEdit_state_idx" ON "OrphanedEdit"("state");

-- CreateIndex
CREATE INDEX "Job_state_createdAt_idx" ON "Job"("state", "createdAt");

-- Reasons become codes with parameters (lib/schemas/reasons.ts): a reason judged before keeps its text, as a
-- `legacy_text` reason, until the year is judged again.
UPDATE "Match" SET "reason" = json_array(json_object('code', 'legacy_text', 'text', "reason")) WHERE "reason" NOT LIKE '[%';
