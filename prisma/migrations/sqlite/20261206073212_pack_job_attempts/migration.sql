-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_PackJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
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
INSERT INTO "new_PackJob" ("bytesDone", "bytesTotal", "createdAt", "createdById", "error", "fileName", "filter", "finishedAt", "id", "sha256", "startedAt", "status", "vendorsDone", "vendorsTotal") SELECT "bytesDone", "bytesTotal", "createdAt", "createdById", "error", "fileName", "filter", "finishedAt", "id", "sha256", "startedAt", "status", "vendorsDone", "vendorsTotal" FROM "PackJob";
DROP TABLE "PackJob";
ALTER TABLE "new_PackJob" RENAME TO "PackJob";
CREATE INDEX "PackJob_createdById_createdAt_idx" ON "PackJob"("createdById", "createdAt");
CREATE INDEX "PackJob_status_idx" ON "PackJob"("status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
