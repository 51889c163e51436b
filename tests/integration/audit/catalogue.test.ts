// recordAudit holds every event to the audit catalogue (lib/schemas/audit-actions.ts)
// before it touches the chain: a malformed event throws, the caller's
// transaction rolls back with it, and the chain neither moves nor breaks.
import { expect, it } from "vitest";
import { AuditPayloadError } from "@/lib/schemas/audit-actions";
import { recordAudit, type AuditInput } from "@/lib/server/audit";
import { verifyAuditChain } from "@/lib/server/audit-log/verify-chain";
import { forEachProvider } from "../helpers/test-database";

forEachProvider("audit events outside the catalogue", (t) => {
  const write = (input: AuditInput) => t.db.$transaction((tx) => recordAudit(tx, null, input));
  const state = async () => ({ events: await t.db.auditEvent.count(), head: await t.db.auditChainHead.findUnique({ where: { id: 1 } }) });

  it("are refused before anything is written, and a catalogued event after them chains on as usual", async () => {
    await write({ action: "auth.sign_out", entityType: "user", entityId: "u1" });
    const before = await state();
    const refused: unknown[] = [
      { action: "test.write", entityType: "test" },
      { action: "auth.sign_out", entityType: "vendor", entityId: "u1" },
      { action: "pack.bulk_export.failed", entityType: "pack_job", entityId: "j1", after: { error: "disk full", stack: "at …" } },
      { action: "catalogue.import", entityType: "control_catalogue", after: { added: "AC-1" } },
    ];
    for (const input of refused) {
      await expect(write(input as AuditInput), JSON.stringify(input)).rejects.toBeInstanceOf(AuditPayloadError);
    }
    expect(await state()).toEqual(before);

    await write({ action: "catalogue.import", entityType: "control_catalogue", after: { added: ["AC-1"] } });
    const stored = await t.db.auditEvent.findFirstOrThrow({ where: { action: "catalogue.import" } });
    expect(stored).toMatchObject({ id: before.head!.lastId + 1, prevHash: before.head!.lastHash, after: { added: ["AC-1"] } });
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, count: before.events + 1 });
  });
});
