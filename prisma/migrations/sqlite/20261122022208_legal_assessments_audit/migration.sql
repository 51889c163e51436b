-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN "hash" TEXT;
ALTER TABLE "AuditEvent" ADD COLUMN "prevHash" TEXT;

-- CreateTable
CREATE TABLE "AuditChainHead" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "lastId" INTEGER NOT NULL DEFAULT 0,
    "lastHash" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "LegalSignOff" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "signedById" TEXT NOT NULL,
    "signedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "comment" TEXT NOT NULL,
    "legalRevision" INTEGER NOT NULL,
    CONSTRAINT "LegalSignOff_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ContractAnalysis" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "contractId" TEXT,
    "proposals" JSONB NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "ContractAnalysis_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'draft',
    "dossier" JSONB NOT NULL,
    "settings" JSONB NOT NULL,
    "findings" JSONB NOT NULL,
    "score" JSONB NOT NULL,
    "overall" REAL NOT NULL,
    "rating" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submittedAt" DATETIME,
    "decidedAt" DATETIME,
    "nextDueAt" DATETIME,
    "lockVersion" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "Assessment_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AssessmentSignOff" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "assessmentId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "comment" TEXT NOT NULL,
    "signedById" TEXT NOT NULL,
    "signedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AssessmentSignOff_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RemediationItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "assessmentId" TEXT,
    "findingCode" TEXT,
    "title" TEXT NOT NULL,
    "ownerId" TEXT,
    "dueDate" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "closingEvidenceId" TEXT,
    "closingNote" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "RemediationItem_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RemediationItem_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PackJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "filter" JSONB NOT NULL,
    "vendorsTotal" INTEGER NOT NULL DEFAULT 0,
    "vendorsDone" INTEGER NOT NULL DEFAULT 0,
    "bytesTotal" BIGINT NOT NULL DEFAULT 0,
    "bytesDone" BIGINT NOT NULL DEFAULT 0,
    "error" TEXT,
    "fileName" TEXT,
    "sha256" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "finishedAt" DATETIME
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
    "legalRevision" INTEGER NOT NULL DEFAULT 0,
    "nextAssessmentDue" DATETIME,
    CONSTRAINT "Vendor_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Vendor" ("accessLevel", "blockerCount", "computedTier", "country", "createdAt", "dataCategories", "findingsAt", "highCount", "id", "industries", "industryTags", "isDemo", "legalName", "lowCount", "mediumCount", "name", "ownerId", "searchName", "services", "soc2StaleFrom", "soc2State", "status", "tier", "tierOverriddenAt", "tierOverriddenById", "tierOverrideReason", "tierRank", "updatedAt", "version", "website") SELECT "accessLevel", "blockerCount", "computedTier", "country", "createdAt", "dataCategories", "findingsAt", "highCount", "id", "industries", "industryTags", "isDemo", "legalName", "lowCount", "mediumCount", "name", "ownerId", "searchName", "services", "soc2StaleFrom", "soc2State", "status", "tier", "tierOverriddenAt", "tierOverriddenById", "tierOverrideReason", "tierRank", "updatedAt", "version", "website" FROM "Vendor";
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
CREATE INDEX "LegalSignOff_vendorId_signedAt_idx" ON "LegalSignOff"("vendorId", "signedAt");

-- CreateIndex
CREATE INDEX "ContractAnalysis_vendorId_createdAt_idx" ON "ContractAnalysis"("vendorId", "createdAt");

-- CreateIndex
CREATE INDEX "Assessment_state_idx" ON "Assessment"("state");

-- CreateIndex
CREATE UNIQUE INDEX "Assessment_vendorId_version_key" ON "Assessment"("vendorId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "AssessmentSignOff_assessmentId_role_key" ON "AssessmentSignOff"("assessmentId", "role");

-- CreateIndex
CREATE INDEX "RemediationItem_vendorId_status_idx" ON "RemediationItem"("vendorId", "status");

-- CreateIndex
CREATE INDEX "RemediationItem_status_dueDate_idx" ON "RemediationItem"("status", "dueDate");

-- CreateIndex
CREATE INDEX "PackJob_createdById_createdAt_idx" ON "PackJob"("createdById", "createdAt");
