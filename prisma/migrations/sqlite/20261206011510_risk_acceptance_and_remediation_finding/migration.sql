-- AlterTable
ALTER TABLE "RemediationItem" ADD COLUMN "findingMessage" TEXT;
ALTER TABLE "RemediationItem" ADD COLUMN "findingSubjectId" TEXT;
ALTER TABLE "RemediationItem" ADD COLUMN "findingSubjectKind" TEXT;
ALTER TABLE "RemediationItem" ADD COLUMN "findingSubjectLabel" TEXT;

-- CreateTable
CREATE TABLE "RiskAcceptance" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "assessmentId" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "acceptedById" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "findings" JSONB NOT NULL,
    "expiresOn" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RiskAcceptance_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RiskAcceptance_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "RiskAcceptance_vendorId_createdAt_idx" ON "RiskAcceptance"("vendorId", "createdAt");

-- CreateIndex
CREATE INDEX "RiskAcceptance_assessmentId_idx" ON "RiskAcceptance"("assessmentId");
