-- CreateTable
CREATE TABLE "SpreadsheetImport" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'previewed',
    "rowCount" INTEGER NOT NULL,
    "errorCount" INTEGER NOT NULL,
    "createCount" INTEGER NOT NULL,
    "updateCount" INTEGER NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "committedAt" TIMESTAMP(3),

    CONSTRAINT "SpreadsheetImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SpreadsheetImportRow" (
    "importId" TEXT NOT NULL,
    "rowNumber" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "vendorId" TEXT,
    "vendorVersion" INTEGER,
    "data" JSONB NOT NULL,
    "errors" JSONB NOT NULL,

    CONSTRAINT "SpreadsheetImportRow_pkey" PRIMARY KEY ("importId","rowNumber")
);

-- CreateTable
CREATE TABLE "VendorExternalId" (
    "vendorId" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,

    CONSTRAINT "VendorExternalId_pkey" PRIMARY KEY ("vendorId")
);

-- CreateIndex
CREATE INDEX "SpreadsheetImport_createdById_createdAt_idx" ON "SpreadsheetImport"("createdById", "createdAt");

-- CreateIndex
CREATE INDEX "SpreadsheetImportRow_importId_action_rowNumber_idx" ON "SpreadsheetImportRow"("importId", "action", "rowNumber");

-- CreateIndex
CREATE UNIQUE INDEX "VendorExternalId_externalId_key" ON "VendorExternalId"("externalId");
