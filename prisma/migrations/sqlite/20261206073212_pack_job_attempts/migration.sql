-- AlterTable: a plain ADD COLUMN, not a table rebuild, so the CHECK on
-- "status" (20261206073124_enum_checks) stays in place.
ALTER TABLE "PackJob" ADD COLUMN "attempts" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "PackJob_status_idx" ON "PackJob"("status");
