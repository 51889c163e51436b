-- AlterTable
ALTER TABLE "DossierRecord" ADD COLUMN     "uniqueKey" TEXT;

-- Backfill: the "one per …" value of each existing record of a kind with such
-- a rule (recordUniqueKey() in lib/schemas/dossier-record-kinds.ts). Where a
-- race already left duplicates, the oldest record keeps the value and the
-- others keep none: they stay visible and editable, but cannot claim it again.
UPDATE "DossierRecord" SET "uniqueKey" = CASE "kind"
    WHEN 'control' THEN "data"->>'code'
    WHEN 'kpi' THEN "data"->>'period'
    WHEN 'clause' THEN "data"->>'clauseCode'
    WHEN 'transfer' THEN "data"->>'country'
    WHEN 'dpa' THEN 'single'
  END
WHERE "kind" IN ('control', 'kpi', 'clause', 'transfer', 'dpa');

UPDATE "DossierRecord" SET "uniqueKey" = NULL
WHERE "id" IN (
  SELECT "id" FROM (
    SELECT "id", ROW_NUMBER() OVER (PARTITION BY "vendorId", "kind", "uniqueKey" ORDER BY "createdAt", "id") AS "n"
    FROM "DossierRecord" WHERE "uniqueKey" IS NOT NULL
  ) AS "ranked"
  WHERE "n" > 1
);

-- CreateIndex
CREATE UNIQUE INDEX "DossierRecord_vendorId_kind_uniqueKey_key" ON "DossierRecord"("vendorId", "kind", "uniqueKey");
