-- CreateTable
CREATE TABLE "VendorService" (
    "vendorId" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "VendorService_pkey" PRIMARY KEY ("vendorId","service")
);

-- CreateTable
CREATE TABLE "VendorIndustry" (
    "vendorId" TEXT NOT NULL,
    "industry" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "VendorIndustry_pkey" PRIMARY KEY ("vendorId","industry")
);

-- CreateTable
CREATE TABLE "VendorDataCategory" (
    "vendorId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "VendorDataCategory_pkey" PRIMARY KEY ("vendorId","category")
);

-- CreateIndex
CREATE INDEX "VendorService_service_idx" ON "VendorService"("service");

-- CreateIndex
CREATE INDEX "VendorIndustry_industry_idx" ON "VendorIndustry"("industry");

-- CreateIndex
CREATE INDEX "VendorDataCategory_category_idx" ON "VendorDataCategory"("category");

-- AddForeignKey
ALTER TABLE "VendorService" ADD CONSTRAINT "VendorService_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VendorIndustry" ADD CONSTRAINT "VendorIndustry_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VendorDataCategory" ADD CONSTRAINT "VendorDataCategory_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Moves the Json lists into their join tables, then drops the columns. A value
-- listed twice keeps its first position (the write path removes repeats the
-- same way).
INSERT INTO "VendorService" ("vendorId", "service", "position")
SELECT v."id", e.value, MIN(e.ord - 1)
FROM "Vendor" v
CROSS JOIN LATERAL jsonb_array_elements_text(CASE WHEN jsonb_typeof(v."services") = 'array' THEN v."services" ELSE '[]'::jsonb END) WITH ORDINALITY AS e(value, ord)
GROUP BY v."id", e.value;
INSERT INTO "VendorIndustry" ("vendorId", "industry", "position")
SELECT v."id", e.value, MIN(e.ord - 1)
FROM "Vendor" v
CROSS JOIN LATERAL jsonb_array_elements_text(CASE WHEN jsonb_typeof(v."industries") = 'array' THEN v."industries" ELSE '[]'::jsonb END) WITH ORDINALITY AS e(value, ord)
GROUP BY v."id", e.value;
INSERT INTO "VendorDataCategory" ("vendorId", "category", "position")
SELECT v."id", e.value, MIN(e.ord - 1)
FROM "Vendor" v
CROSS JOIN LATERAL jsonb_array_elements_text(CASE WHEN jsonb_typeof(v."dataCategories") = 'array' THEN v."dataCategories" ELSE '[]'::jsonb END) WITH ORDINALITY AS e(value, ord)
GROUP BY v."id", e.value;

-- AlterTable
ALTER TABLE "Vendor" DROP COLUMN "dataCategories",
DROP COLUMN "industries",
DROP COLUMN "industryTags",
DROP COLUMN "services";

