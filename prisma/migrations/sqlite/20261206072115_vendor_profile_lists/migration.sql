-- CreateTable
CREATE TABLE "VendorService" (
    "vendorId" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("vendorId", "service"),
    CONSTRAINT "VendorService_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "VendorIndustry" (
    "vendorId" TEXT NOT NULL,
    "industry" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("vendorId", "industry"),
    CONSTRAINT "VendorIndustry_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "VendorDataCategory" (
    "vendorId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("vendorId", "category"),
    CONSTRAINT "VendorDataCategory_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Moves the Json lists into their join tables before the Vendor rebuild
-- below drops the columns. A value listed twice keeps its first position
-- (the write path removes repeats the same way).
INSERT INTO "VendorService" ("vendorId", "service", "position")
SELECT v."id", j."value", MIN(j."key") FROM "Vendor" v, json_each(CASE WHEN json_type(v."services") = 'array' THEN v."services" ELSE '[]' END) j
WHERE j."type" = 'text' GROUP BY v."id", j."value";
INSERT INTO "VendorIndustry" ("vendorId", "industry", "position")
SELECT v."id", j."value", MIN(j."key") FROM "Vendor" v, json_each(CASE WHEN json_type(v."industries") = 'array' THEN v."industries" ELSE '[]' END) j
WHERE j."type" = 'text' GROUP BY v."id", j."value";
INSERT INTO "VendorDataCategory" ("vendorId", "category", "position")
SELECT v."id", j."value", MIN(j."key") FROM "Vendor" v, json_each(CASE WHEN json_type(v."dataCategories") = 'array' THEN v."dataCategories" ELSE '[]' END) j
WHERE j."type" = 'text' GROUP BY v."id", j."value";

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Vendor" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "searchName" TEXT NOT NULL,
    "legalName" TEXT NOT NULL,
    "website" TEXT,
    "country" TEXT NOT NULL,
    "accessLevel" TEXT NOT NULL DEFAULT 'read_only',
    "tier" TEXT NOT NULL,
    "tierRank" INTEGER NOT NULL,
    "computedTier" TEXT NOT NULL DEFAULT 'low',
    "tierOverrideReason" TEXT,
    "tierOverriddenById" TEXT,
    "tierOverriddenAt" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'prospective',
    "ownerId" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "blockerCount" INTEGER NOT NULL DEFAULT 0,
    "highCount" INTEGER NOT NULL DEFAULT 0,
    "mediumCount" INTEGER NOT NULL DEFAULT 0,
    "lowCount" INTEGER NOT NULL DEFAULT 0,
    "soc2State" TEXT NOT NULL DEFAULT 'missing',
    "soc2StaleFrom" TEXT,
    "legalBlockerCount" INTEGER NOT NULL DEFAULT 0,
    "findingsAt" DATETIME,
    "legalRevision" INTEGER NOT NULL DEFAULT 0,
    "nextAssessmentDue" DATETIME,
    CONSTRAINT "Vendor_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Vendor" ("accessLevel", "blockerCount", "computedTier", "country", "createdAt", "findingsAt", "highCount", "id", "isDemo", "legalBlockerCount", "legalName", "legalRevision", "lowCount", "mediumCount", "name", "nextAssessmentDue", "ownerId", "searchName", "soc2StaleFrom", "soc2State", "status", "tier", "tierOverriddenAt", "tierOverriddenById", "tierOverrideReason", "tierRank", "updatedAt", "version", "website") SELECT "accessLevel", "blockerCount", "computedTier", "country", "createdAt", "findingsAt", "highCount", "id", "isDemo", "legalBlockerCount", "legalName", "legalRevision", "lowCount", "mediumCount", "name", "nextAssessmentDue", "ownerId", "searchName", "soc2StaleFrom", "soc2State", "status", "tier", "tierOverriddenAt", "tierOverriddenById", "tierOverrideReason", "tierRank", "updatedAt", "version", "website" FROM "Vendor";
DROP TABLE "Vendor";
ALTER TABLE "new_Vendor" RENAME TO "Vendor";
CREATE INDEX "Vendor_searchName_id_idx" ON "Vendor"("searchName", "id");
CREATE INDEX "Vendor_tierRank_searchName_id_idx" ON "Vendor"("tierRank", "searchName", "id");
CREATE INDEX "Vendor_country_idx" ON "Vendor"("country");
CREATE INDEX "Vendor_status_idx" ON "Vendor"("status");
CREATE INDEX "Vendor_blockerCount_idx" ON "Vendor"("blockerCount");
CREATE INDEX "Vendor_soc2StaleFrom_idx" ON "Vendor"("soc2StaleFrom");
CREATE INDEX "Vendor_findingsAt_id_idx" ON "Vendor"("findingsAt", "id");
CREATE INDEX "Vendor_legalBlockerCount_idx" ON "Vendor"("legalBlockerCount");
CREATE INDEX "Vendor_nextAssessmentDue_idx" ON "Vendor"("nextAssessmentDue");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "VendorService_service_idx" ON "VendorService"("service");

-- CreateIndex
CREATE INDEX "VendorIndustry_industry_idx" ON "VendorIndustry"("industry");

-- CreateIndex
CREATE INDEX "VendorDataCategory_category_idx" ON "VendorDataCategory"("category");
