-- AlterTable
ALTER TABLE "Match" ADD COLUMN "engineOutcomeId" TEXT;
ALTER TABLE "Match" ADD COLUMN "engineVerdict" TEXT;

-- AlterTable
ALTER TABLE "Edit" ADD COLUMN "revertedAt" DATETIME;
