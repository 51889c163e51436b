import type { Prisma } from "../db";

type AuditedFields = Pick<Prisma.WebhookSubscriptionGetPayload<object>, "name" | "url" | "events" | "secretPrefix" | "enabled" | "disabledReason" | "version">;

export function eventsOf(stored: Prisma.JsonValue): string[] {
  return Array.isArray(stored) ? stored.filter((e): e is string => typeof e === "string") : [];
}

/** What the audit log records of a subscription: never the secret, only its first characters. */
export function webhookAuditView(s: AuditedFields) {
  return { name: s.name, url: s.url, events: eventsOf(s.events), secretPrefix: s.secretPrefix, enabled: s.enabled, disabledReason: s.disabledReason, version: s.version };
}
