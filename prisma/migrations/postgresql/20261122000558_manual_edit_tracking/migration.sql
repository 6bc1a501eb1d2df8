-- AlterTable
ALTER TABLE "Match" ADD COLUMN     "engineOutcomeId" TEXT,
ADD COLUMN     "engineVerdict" TEXT;

-- AlterTable
ALTER TABLE "Edit" ADD COLUMN     "revertedAt" TIMESTAMP(3);
