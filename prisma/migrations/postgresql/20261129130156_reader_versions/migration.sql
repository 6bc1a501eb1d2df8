-- Existing rows read `unknown`: older than any reader, so a re-read finds them.
ALTER TABLE "Report" ADD COLUMN "readerVersion" TEXT NOT NULL DEFAULT 'unknown';
ALTER TABLE "Target" ADD COLUMN "readerVersion" TEXT NOT NULL DEFAULT 'unknown';
ALTER TABLE "Outcome" ADD COLUMN "readerVersion" TEXT NOT NULL DEFAULT 'unknown';
-- Hand-entered figures were no reader's.
UPDATE "Outcome" SET "readerVersion" = 'manual' WHERE "manual" = true;
ALTER TABLE "Match" ADD COLUMN "tolerance" DOUBLE PRECISION NOT NULL DEFAULT 0;
