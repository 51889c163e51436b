-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "hash" TEXT,
ADD COLUMN     "prevHash" TEXT;

-- AlterTable
ALTER TABLE "Vendor" ADD COLUMN     "legalRevision" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "nextAssessmentDue" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "AuditChainHead" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "lastId" INTEGER NOT NULL DEFAULT 0,
    "lastHash" TEXT NOT NULL,

    CONSTRAINT "AuditChainHead_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LegalSignOff" (
    "id" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "signedById" TEXT NOT NULL,
    "signedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "comment" TEXT NOT NULL,
    "legalRevision" INTEGER NOT NULL,

    CONSTRAINT "LegalSignOff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContractAnalysis" (
    "id" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "contractId" TEXT,
    "proposals" JSONB NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ContractAnalysis_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'draft',
    "dossier" JSONB NOT NULL,
    "settings" JSONB NOT NULL,
    "findings" JSONB NOT NULL,
    "score" JSONB NOT NULL,
    "overall" DOUBLE PRECISION NOT NULL,
    "rating" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submittedAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "nextDueAt" TIMESTAMP(3),
    "lockVersion" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentSignOff" (
    "id" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "comment" TEXT NOT NULL,
    "signedById" TEXT NOT NULL,
    "signedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssessmentSignOff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RemediationItem" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RemediationItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PackJob" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "PackJob_pkey" PRIMARY KEY ("id")
);

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

-- AddForeignKey
ALTER TABLE "LegalSignOff" ADD CONSTRAINT "LegalSignOff_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractAnalysis" ADD CONSTRAINT "ContractAnalysis_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentSignOff" ADD CONSTRAINT "AssessmentSignOff_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RemediationItem" ADD CONSTRAINT "RemediationItem_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RemediationItem" ADD CONSTRAINT "RemediationItem_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE SET NULL ON UPDATE CASCADE;
