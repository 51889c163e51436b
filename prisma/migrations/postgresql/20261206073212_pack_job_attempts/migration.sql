-- AlterTable
ALTER TABLE "PackJob" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "PackJob_status_idx" ON "PackJob"("status");
