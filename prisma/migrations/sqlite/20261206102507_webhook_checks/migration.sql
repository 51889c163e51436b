-- Enumeration CHECK constraints, written by scripts/db/enum-checks.ts from prisma/enum-columns.ts.
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_WebhookSubscription" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "events" JSONB NOT NULL,
    "secretCiphertext" TEXT NOT NULL,
    "secretPrefix" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "disabledReason" TEXT,
    "disabledAt" DATETIME,
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "lastDeliveryAt" DATETIME,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "WebhookSubscription_disabledReason_check" CHECK ("disabledReason" IN ('admin', 'failures'))
);
INSERT INTO "new_WebhookSubscription" (rowid, "id", "name", "url", "events", "secretCiphertext", "secretPrefix", "enabled", "disabledReason", "disabledAt", "consecutiveFailures", "lastDeliveryAt", "createdById", "createdAt", "updatedAt", "version") SELECT rowid, "id", "name", "url", "events", "secretCiphertext", "secretPrefix", "enabled", "disabledReason", "disabledAt", "consecutiveFailures", "lastDeliveryAt", "createdById", "createdAt", "updatedAt", "version" FROM "WebhookSubscription";
DROP TABLE "WebhookSubscription";
ALTER TABLE "new_WebhookSubscription" RENAME TO "WebhookSubscription";
CREATE INDEX "WebhookSubscription_enabled_idx" ON "WebhookSubscription"("enabled");
CREATE TABLE "new_WebhookDelivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "subscriptionId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "eventType" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "payloadSha256" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedAt" DATETIME,
    "lastStatusCode" INTEGER,
    "lastError" TEXT,
    "lastDurationMs" INTEGER,
    "deliveredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WebhookDelivery_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "WebhookSubscription" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "WebhookDelivery_state_check" CHECK ("state" IN ('pending', 'delivering', 'delivered', 'failed')),
    CONSTRAINT "WebhookDelivery_eventType_check" CHECK ("eventType" IN ('finding.opened', 'finding.resolved', 'assessment.state_changed', 'evidence.expiring', 'signoff.outdated', 'webhook.test'))
);
INSERT INTO "new_WebhookDelivery" (rowid, "id", "subscriptionId", "eventId", "eventType", "payload", "payloadSha256", "state", "attempts", "nextAttemptAt", "claimedAt", "lastStatusCode", "lastError", "lastDurationMs", "deliveredAt", "createdAt") SELECT rowid, "id", "subscriptionId", "eventId", "eventType", "payload", "payloadSha256", "state", "attempts", "nextAttemptAt", "claimedAt", "lastStatusCode", "lastError", "lastDurationMs", "deliveredAt", "createdAt" FROM "WebhookDelivery";
DROP TABLE "WebhookDelivery";
ALTER TABLE "new_WebhookDelivery" RENAME TO "WebhookDelivery";
CREATE INDEX "WebhookDelivery_state_nextAttemptAt_idx" ON "WebhookDelivery"("state", "nextAttemptAt");
CREATE INDEX "WebhookDelivery_subscriptionId_createdAt_idx" ON "WebhookDelivery"("subscriptionId", "createdAt");
CREATE UNIQUE INDEX "WebhookDelivery_subscriptionId_eventId_key" ON "WebhookDelivery"("subscriptionId", "eventId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
