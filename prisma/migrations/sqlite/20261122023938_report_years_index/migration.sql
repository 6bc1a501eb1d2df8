-- CreateIndex
CREATE INDEX "Report_jurisdictionCode_year_idx" ON "Report"("jurisdictionCode", "year");
