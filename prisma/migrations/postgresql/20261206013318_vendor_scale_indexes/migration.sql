-- DropIndex
DROP INDEX "Vendor_searchName_idx";

-- DropIndex
DROP INDEX "Vendor_tierRank_searchName_idx";

-- AlterTable
ALTER TABLE "Vendor" ADD COLUMN     "legalBlockerCount" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Vendor_searchName_id_idx" ON "Vendor"("searchName", "id");

-- CreateIndex
CREATE INDEX "Vendor_tierRank_searchName_id_idx" ON "Vendor"("tierRank", "searchName", "id");

-- CreateIndex
CREATE INDEX "Vendor_findingsAt_id_idx" ON "Vendor"("findingsAt", "id");

-- CreateIndex
CREATE INDEX "Vendor_legalBlockerCount_idx" ON "Vendor"("legalBlockerCount");

-- CreateIndex
CREATE INDEX "Vendor_nextAssessmentDue_idx" ON "Vendor"("nextAssessmentDue");

-- legalBlockerCount starts at 0 everywhere: mark every summary outdated so the
-- refresh (lib/server/dossier/refresh-summaries.ts) computes it.
UPDATE "Vendor" SET "findingsAt" = NULL;
