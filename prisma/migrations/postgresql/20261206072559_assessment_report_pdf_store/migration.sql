-- CreateTable
CREATE TABLE "AssessmentReportPdf" (
    "assessmentId" TEXT NOT NULL,
    "inputHash" TEXT NOT NULL,
    "pdf" BYTEA NOT NULL,
    "generatedAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AssessmentReportPdf_pkey" PRIMARY KEY ("assessmentId")
);
