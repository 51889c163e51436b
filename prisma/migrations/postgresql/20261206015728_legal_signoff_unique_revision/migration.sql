-- AlterTable
ALTER TABLE "LegalSignOff" ADD COLUMN     "uniqueRevision" INTEGER;

-- Backfill: one sign-off per legal revision. Where a race already left two
-- for the same revision, the oldest keeps the value, the others stay as
-- records, and in the audit log, but cannot claim the revision again.
UPDATE "LegalSignOff" SET "uniqueRevision" = "legalRevision";

UPDATE "LegalSignOff" SET "uniqueRevision" = NULL
WHERE "id" IN (
  SELECT "id" FROM (
    SELECT "id", ROW_NUMBER() OVER (PARTITION BY "vendorId", "legalRevision" ORDER BY "signedAt", "id") AS "n"
    FROM "LegalSignOff"
  ) AS "ranked"
  WHERE "n" > 1
);

-- CreateIndex
CREATE UNIQUE INDEX "LegalSignOff_vendorId_uniqueRevision_key" ON "LegalSignOff"("vendorId", "uniqueRevision");
