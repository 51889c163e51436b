-- CreateTable
CREATE TABLE "DossierRecord" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "DossierRecord_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EvidenceDocument" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT,
    "fileKind" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "mimeType" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "uploadedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "effectiveDate" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "EvidenceDocument_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EvidenceBlob" (
    "sha256" TEXT NOT NULL PRIMARY KEY,
    "sizeBytes" INTEGER NOT NULL,
    "chunkCount" INTEGER NOT NULL,
    "chunkSetId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "EvidenceBlobChunk" (
    "chunkSetId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "bytes" BLOB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("chunkSetId", "seq")
);

-- CreateTable
CREATE TABLE "ControlDefinition" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "domain" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "importance" TEXT NOT NULL,
    "source" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

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
    "services" JSONB NOT NULL,
    "industries" JSONB NOT NULL,
    "industryTags" TEXT NOT NULL DEFAULT '',
    "dataCategories" JSONB NOT NULL DEFAULT [],
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
    "findingsAt" DATETIME,
    CONSTRAINT "Vendor_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Vendor" ("country", "createdAt", "id", "industries", "isDemo", "legalName", "name", "ownerId", "searchName", "services", "status", "tier", "tierRank", "updatedAt", "version", "website") SELECT "country", "createdAt", "id", "industries", "isDemo", "legalName", "name", "ownerId", "searchName", "services", "status", "tier", "tierRank", "updatedAt", "version", "website" FROM "Vendor";
DROP TABLE "Vendor";
ALTER TABLE "new_Vendor" RENAME TO "Vendor";
CREATE INDEX "Vendor_searchName_idx" ON "Vendor"("searchName");
CREATE INDEX "Vendor_tierRank_searchName_idx" ON "Vendor"("tierRank", "searchName");
CREATE INDEX "Vendor_country_idx" ON "Vendor"("country");
CREATE INDEX "Vendor_status_idx" ON "Vendor"("status");
CREATE INDEX "Vendor_blockerCount_idx" ON "Vendor"("blockerCount");
CREATE INDEX "Vendor_soc2StaleFrom_idx" ON "Vendor"("soc2StaleFrom");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "DossierRecord_vendorId_kind_idx" ON "DossierRecord"("vendorId", "kind");

-- CreateIndex
CREATE INDEX "EvidenceDocument_vendorId_kind_idx" ON "EvidenceDocument"("vendorId", "kind");

-- CreateIndex
CREATE INDEX "EvidenceDocument_sha256_idx" ON "EvidenceDocument"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "EvidenceBlob_chunkSetId_key" ON "EvidenceBlob"("chunkSetId");

-- CreateIndex
CREATE INDEX "EvidenceBlobChunk_createdAt_idx" ON "EvidenceBlobChunk"("createdAt");
