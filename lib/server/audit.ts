import type { Actor } from "./actor";
import type { Tx } from "./db";

export interface AuditInput {
  action: string;
  entityType: string;
  entityId?: string | null;
  vendorId?: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends one audit event inside the caller's transaction, so the change and
 * its record commit or roll back together. There is deliberately no update or
 * delete counterpart anywhere in the codebase.
 */
export async function recordAudit(tx: Tx, actor: Actor | null, input: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: actor?.id ?? null,
      actorEmail: actor?.email ?? null,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId ?? null,
      vendorId: input.vendorId ?? null,
      before: toJson(input.before),
      after: toJson(input.after),
      ip: actor?.ip ?? null,
      userAgent: actor?.userAgent?.slice(0, 500) ?? null,
    },
  });
}

// Prisma wants JSON-safe values; Dates become ISO strings, undefined disappears.
function toJson(value: unknown) {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value));
}
