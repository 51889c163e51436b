-- Enumeration CHECK constraints, written by scripts/db/enum-checks.ts from prisma/enum-columns.ts.
ALTER TABLE "WebhookSubscription" DROP CONSTRAINT IF EXISTS "WebhookSubscription_disabledReason_check";
ALTER TABLE "WebhookSubscription" ADD CONSTRAINT "WebhookSubscription_disabledReason_check" CHECK ("disabledReason" IN ('admin', 'failures'));
ALTER TABLE "WebhookDelivery" DROP CONSTRAINT IF EXISTS "WebhookDelivery_state_check";
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_state_check" CHECK ("state" IN ('pending', 'delivering', 'delivered', 'failed'));
ALTER TABLE "WebhookDelivery" DROP CONSTRAINT IF EXISTS "WebhookDelivery_eventType_check";
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_eventType_check" CHECK ("eventType" IN ('finding.opened', 'finding.resolved', 'assessment.state_changed', 'evidence.expiring', 'signoff.outdated', 'webhook.test'));
