-- Columns added in place (ALTER TABLE … ADD COLUMN), not by rebuilding the tables: a database of millions of targets
-- migrates in moments. Existing rows read `unknown`: older than any reader, so a re-read finds them.
ALTER TABLE "Report" ADD COLUMN "readerVersion" TEXT NOT NULL DEFAULT 'unknown';
ALTER TABLE "Target" ADD COLUMN "readerVersion" TEXT NOT NULL DEFAULT 'unknown';
ALTER TABLE "Outcome" ADD COLUMN "readerVersion" TEXT NOT NULL DEFAULT 'unknown';
-- Hand-entered figures were no reader's.
UPDATE "Outcome" SET "readerVersion" = 'manual' WHERE "manual" = 1;
ALTER TABLE "Match" ADD COLUMN "tolerance" REAL NOT NULL DEFAULT 0;
