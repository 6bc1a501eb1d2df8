-- AlterTable
ALTER TABLE "Target" ADD COLUMN "stretch" REAL;
ALTER TABLE "Target" ADD COLUMN "wording" TEXT;

-- A province's superior is the State Council: give provinces read before it was recorded their parent, creating the
-- national jurisdiction where a database holds provinces but no State Council report.
INSERT OR IGNORE INTO "Jurisdiction" ("code", "name", "level", "demo", "createdAt")
SELECT '000000', '全国', 'national', false, strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')
WHERE EXISTS (SELECT 1 FROM "Jurisdiction" WHERE "level" = 'province');
UPDATE "Jurisdiction" SET "parentCode" = '000000' WHERE "level" = 'province' AND "parentCode" IS NULL;
