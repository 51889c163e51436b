// The vocabulary of webhooks (docs/webhooks.md): which events a subscription
// may receive, the states a delivery goes through, and why an endpoint is
// disabled. Pure data, read by the schemas, the services and the CHECK
// constraints (prisma/enum-columns.ts).

export const WEBHOOK_EVENT_TYPES = ["finding.opened", "finding.resolved", "assessment.state_changed", "evidence.expiring", "signoff.outdated"] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WEBHOOK_EVENT_LABELS: Record<WebhookEventType, string> = {
  "finding.opened": "Finding opened",
  "finding.resolved": "Finding resolved",
  "assessment.state_changed": "Assessment state changed",
  "evidence.expiring": "Evidence expiring",
  "signoff.outdated": "Legal sign-off outdated",
};

/** The test event an admin sends from the page; it goes only to the subscription it was sent from. */
export const WEBHOOK_TEST_EVENT = "webhook.test";

/** Every event type a delivery row may carry: the subscribable ones and the test ping. */
export const WEBHOOK_DELIVERY_EVENT_TYPES = [...WEBHOOK_EVENT_TYPES, WEBHOOK_TEST_EVENT] as const;

/** pending: waiting for its next attempt; delivering: an attempt holds it; delivered and failed are final. */
export const WEBHOOK_DELIVERY_STATES = ["pending", "delivering", "delivered", "failed"] as const;
export type WebhookDeliveryState = (typeof WEBHOOK_DELIVERY_STATES)[number];

/** Why a subscription is disabled: an admin chose to, or its endpoint failed too often in a row. */
export const WEBHOOK_DISABLED_REASONS = ["admin", "failures"] as const;
export type WebhookDisabledReason = (typeof WEBHOOK_DISABLED_REASONS)[number];

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}

/** The reminder kinds that are evidence lapsing (lib/domain/calendar/obligations.ts): they raise "evidence.expiring". */
export const EVIDENCE_EXPIRY_KINDS: readonly string[] = ["iso_expiry", "insurance_expiry", "soc2_stale", "pentest_stale", "ir_plan_test_due"];

/** What names one finding across recomputations: its rule and the record it concerns. */
export function findingIdentity(f: { code: string; subjectKind: string; subjectId: string | null }): string {
  return `${f.code}\u0000${f.subjectKind}\u0000${f.subjectId ?? ""}`;
}

/** The findings in `after` and not in `before` (opened), and the reverse (resolved). */
export function diffFindings<F extends { code: string; subjectKind: string; subjectId: string | null }>(before: readonly F[], after: readonly F[]): { opened: F[]; resolved: F[] } {
  const was = new Set(before.map(findingIdentity));
  const is = new Set(after.map(findingIdentity));
  return { opened: after.filter((f) => !was.has(findingIdentity(f))), resolved: before.filter((f) => !is.has(findingIdentity(f))) };
}
