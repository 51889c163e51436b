-- AlterTable
ALTER TABLE "RemediationItem" ADD COLUMN     "findingMessage" TEXT,
ADD COLUMN     "findingSubjectId" TEXT,
ADD COLUMN     "findingSubjectKind" TEXT,
ADD COLUMN     "findingSubjectLabel" TEXT;

-- CreateTable
CREATE TABLE "RiskAcceptance" (
    "id" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "acceptedById" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "findings" JSONB NOT NULL,
    "expiresOn" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RiskAcceptance_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RiskAcceptance_vendorId_createdAt_idx" ON "RiskAcceptance"("vendorId", "createdAt");

-- CreateIndex
CREATE INDEX "RiskAcceptance_assessmentId_idx" ON "RiskAcceptance"("assessmentId");

-- AddForeignKey
ALTER TABLE "RiskAcceptance" ADD CONSTRAINT "RiskAcceptance_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskAcceptance" ADD CONSTRAINT "RiskAcceptance_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;
