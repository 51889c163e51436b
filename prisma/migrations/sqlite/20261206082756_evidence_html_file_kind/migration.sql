-- Enumeration CHECK constraints, written by scripts/db/enum-checks.ts from prisma/enum-columns.ts.
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_EvidenceDocument" (
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
    CONSTRAINT "EvidenceDocument_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EvidenceDocument_kind_check" CHECK ("kind" IN ('soc2_report', 'iso_certificate', 'pentest_report', 'security_policy', 'incident_response_plan', 'bcp', 'insurance_certificate', 'contract', 'other')),
    CONSTRAINT "EvidenceDocument_fileKind_check" CHECK ("fileKind" IN ('pdf', 'docx', 'xlsx', 'png', 'jpeg', 'txt', 'html'))
);
INSERT INTO "new_EvidenceDocument" (rowid, "id", "vendorId", "kind", "title", "fileKind", "sha256", "sizeBytes", "mimeType", "fileName", "uploadedById", "uploadedAt", "effectiveDate", "version") SELECT rowid, "id", "vendorId", "kind", "title", "fileKind", "sha256", "sizeBytes", "mimeType", "fileName", "uploadedById", "uploadedAt", "effectiveDate", "version" FROM "EvidenceDocument";
DROP TABLE "EvidenceDocument";
ALTER TABLE "new_EvidenceDocument" RENAME TO "EvidenceDocument";
CREATE INDEX "EvidenceDocument_sha256_idx" ON "EvidenceDocument"("sha256");
CREATE INDEX "EvidenceDocument_vendorId_kind_idx" ON "EvidenceDocument"("vendorId", "kind");
CREATE TRIGGER "search_evidence_delete" AFTER DELETE ON "EvidenceDocument" BEGIN
  INSERT INTO "search_evidence"("search_evidence", rowid, "title", "fileName") VALUES ('delete', old.rowid, old."title", old."fileName");
END;
CREATE TRIGGER "search_evidence_insert" AFTER INSERT ON "EvidenceDocument" BEGIN
  INSERT INTO "search_evidence"(rowid, "title", "fileName") VALUES (new.rowid, new."title", new."fileName");
END;
CREATE TRIGGER "search_evidence_update" AFTER UPDATE OF "title", "fileName" ON "EvidenceDocument" BEGIN
  INSERT INTO "search_evidence"("search_evidence", rowid, "title", "fileName") VALUES ('delete', old.rowid, old."title", old."fileName");
  INSERT INTO "search_evidence"(rowid, "title", "fileName") VALUES (new.rowid, new."title", new."fileName");
END;
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
