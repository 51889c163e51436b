-- CreateTable
CREATE TABLE "AssessmentReportPdf" (
    "assessmentId" TEXT NOT NULL PRIMARY KEY,
    "inputHash" TEXT NOT NULL,
    "pdf" BLOB NOT NULL,
    "generatedAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);
