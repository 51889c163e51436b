import { GENESIS_HASH, hashEvent } from "@/lib/domain/audit/hash-chain";
import { assertAuditEvent, type AuditAction, type AuditEntityType, type AuditPayload } from "@/lib/schemas/audit-actions";
import type { Actor } from "./actor";
import { bulkInsert } from "./bulk-insert";
import type { Tx } from "./db";

/**
 * One audit event: an action of the audit catalogue (lib/schemas/audit-actions.ts),
 * the entity type it names, and its before/after payload of the catalogued shape.
 * A caller choosing between actions (`a ? "vendor.tier_override" : …`) gets
 * the union of their payloads at compile time; the runtime check then holds
 * the payload to the action actually written.
 */
export type AuditInput<A extends AuditAction = AuditAction> = {
  action: A;
  entityType: AuditEntityType<A>;
  entityId?: string | null;
  vendorId?: string | null;
} & AuditPayload<A>;

/**
 * Appends one audit event inside the caller's transaction, so the change and
 * its record commit or roll back together, and links it into the hash chain
 * (docs/rules.md §10). There is deliberately no update or delete counterpart.
 *
 * The chain head row is written first: on PostgreSQL that row lock queues
 * concurrent writers (from any number of app instances) and SQLite has one
 * writer at a time, so each event sees the true previous hash and the chain
 * cannot fork. Ids are assigned from the head for the same reason.
 *
 * An event outside the catalogue (unknown action, wrong entity type, a
 * payload of another shape) throws before anything is written: it is a
 * programming error, and the caller's transaction rolls back with it.
 */
export async function recordAudit<A extends AuditAction>(tx: Tx, actor: Actor | null, input: AuditInput<A>): Promise<void> {
  const event = input as { action: A; entityType: string; entityId?: string | null; vendorId?: string | null; before?: unknown; after?: unknown };
  assertAuditEvent(event);
  const head = await lockChainHead(tx);
  const fields = eventFields(actor, event, head.lastId + 1, new Date());
  const hash = hashEvent(fields, head.lastHash);
  await tx.auditEvent.create({
    data: { ...fields, before: fields.before ?? undefined, after: fields.after ?? undefined, prevHash: head.lastHash, hash },
  });
  await tx.auditChainHead.update({ where: { id: 1 }, data: { lastId: fields.id, lastHash: hash } });
}

/**
 * Appends many events in order with one lock of the chain head and batched
 * inserts: a spreadsheet import writes one event per record (thousands), and
 * taking the head lock for each would make the import's transaction crawl.
 * The chain is the same as from that many recordAudit calls.
 */
export async function recordAudits(tx: Tx, actor: Actor | null, inputs: readonly AuditInput[]): Promise<void> {
  if (inputs.length === 0) return;
  for (const input of inputs) assertAuditEvent(input as Parameters<typeof assertAuditEvent>[0]);
  const head = await lockChainHead(tx);
  let lastId = head.lastId;
  let lastHash = head.lastHash;
  const at = new Date();
  const rows = inputs.map((input) => {
    const fields = eventFields(actor, input as EventInput, lastId + 1, at);
    const hash = hashEvent(fields, lastHash);
    const row = { ...fields, before: fields.before ?? undefined, after: fields.after ?? undefined, prevHash: lastHash, hash };
    lastId = fields.id;
    lastHash = hash;
    return row;
  });
  // Multi-row INSERTs rather than createMany, whose query compiler takes most of an import's time (bulk-insert.ts).
  await bulkInsert(tx, "AuditEvent", rows, { json: ["before", "after"] });
  await tx.auditChainHead.update({ where: { id: 1 }, data: { lastId, lastHash } });
}

type EventInput = { action: string; entityType: string; entityId?: string | null; vendorId?: string | null; before?: unknown; after?: unknown };

/** The hashed columns of one event. */
function eventFields(actor: Actor | null, event: EventInput, id: number, at: Date) {
  return {
    id,
    at,
    actorId: actor?.id ?? null,
    actorEmail: actor?.email ?? null,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId ?? null,
    vendorId: event.vendorId ?? null,
    before: toJson(event.before),
    after: toJson(event.after),
    ip: actor?.ip ?? null,
    userAgent: actor?.userAgent?.slice(0, 500) ?? null,
  };
}

// A no-op write to the head row is what takes its lock. The row is created on
// the very first event (native upsert, so two first writers cannot both insert),
// continuing after any events that predate the chain.
async function lockChainHead(tx: Tx) {
  const { count } = await tx.auditChainHead.updateMany({ where: { id: 1 }, data: { lastId: { increment: 0 } } });
  if (count === 1) return tx.auditChainHead.findUniqueOrThrow({ where: { id: 1 } });
  const existingMax = await tx.auditEvent.aggregate({ _max: { id: true } });
  return tx.auditChainHead.upsert({
    where: { id: 1 },
    create: { id: 1, lastId: existingMax._max.id ?? 0, lastHash: GENESIS_HASH },
    update: { lastId: { increment: 0 } },
  });
}

// Prisma wants JSON-safe values; Dates become ISO strings, undefined disappears.
// The hash covers exactly this value, which is also what the database returns.
function toJson(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(JSON.stringify(value));
}
