-- DropIndex
DROP INDEX "Vendor_tierRank_idx";

-- AlterTable
ALTER TABLE "Vendor" ADD COLUMN     "accessLevel" TEXT NOT NULL DEFAULT 'read_only',
ADD COLUMN     "blockerCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "computedTier" TEXT NOT NULL DEFAULT 'low',
ADD COLUMN     "dataCategories" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "findingsAt" TIMESTAMP(3),
ADD COLUMN     "highCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "industryTags" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "lowCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "mediumCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "soc2StaleFrom" TEXT,
ADD COLUMN     "soc2State" TEXT NOT NULL DEFAULT 'missing',
ADD COLUMN     "tierOverriddenAt" TIMESTAMP(3),
ADD COLUMN     "tierOverriddenById" TEXT,
ADD COLUMN     "tierOverrideReason" TEXT;

-- CreateTable
CREATE TABLE "DossierRecord" (
    "id" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DossierRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceDocument" (
    "id" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT,
    "fileKind" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "mimeType" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "uploadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "effectiveDate" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "EvidenceDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceBlob" (
    "sha256" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "chunkCount" INTEGER NOT NULL,
    "chunkSetId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvidenceBlob_pkey" PRIMARY KEY ("sha256")
);

-- CreateTable
CREATE TABLE "EvidenceBlobChunk" (
    "chunkSetId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvidenceBlobChunk_pkey" PRIMARY KEY ("chunkSetId","seq")
);

-- CreateTable
CREATE TABLE "ControlDefinition" (
    "code" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "importance" TEXT NOT NULL,
    "source" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ControlDefinition_pkey" PRIMARY KEY ("code")
);

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

-- CreateIndex
CREATE INDEX "Vendor_tierRank_searchName_idx" ON "Vendor"("tierRank", "searchName");

-- CreateIndex
CREATE INDEX "Vendor_blockerCount_idx" ON "Vendor"("blockerCount");

-- CreateIndex
CREATE INDEX "Vendor_soc2StaleFrom_idx" ON "Vendor"("soc2StaleFrom");

-- AddForeignKey
ALTER TABLE "DossierRecord" ADD CONSTRAINT "DossierRecord_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceDocument" ADD CONSTRAINT "EvidenceDocument_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;
