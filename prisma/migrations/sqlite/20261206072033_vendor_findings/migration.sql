-- CreateTable
CREATE TABLE "VendorFinding" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "subjectKind" TEXT NOT NULL,
    "subjectId" TEXT,
    "subjectLabel" TEXT,
    "position" INTEGER NOT NULL,
    "computedAt" DATETIME NOT NULL,
    CONSTRAINT "VendorFinding_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "VendorFinding_vendorId_idx" ON "VendorFinding"("vendorId");

-- CreateIndex
CREATE INDEX "VendorFinding_severity_idx" ON "VendorFinding"("severity");

-- CreateIndex
CREATE INDEX "VendorFinding_domain_idx" ON "VendorFinding"("domain");

-- CreateIndex
CREATE INDEX "VendorFinding_code_idx" ON "VendorFinding"("code");
