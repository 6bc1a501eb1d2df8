-- CreateTable
CREATE TABLE "JobFile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "jobId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT,
    "bytes" BLOB,
    "size" INTEGER NOT NULL DEFAULT 0,
    "state" TEXT NOT NULL,
    "result" JSONB,
    CONSTRAINT "JobFile_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "JobFile_jobId_position_key" ON "JobFile"("jobId", "position");
