// The audit log screen's service: server-side filters (vendor, actor, action,
// date range), keyset pagination, and the CSV/JSONL export, which is itself
// audited and covers exactly the filtered view.
import { beforeAll, expect, it } from "vitest";
import { eventHashMatches, type ChainedAuditEvent } from "@/lib/domain/audit/hash-chain";
import { auditLogQuerySchema } from "@/lib/schemas/audit-log";
import { recordAudit } from "@/lib/server/audit";
import { exportAuditLog, listAuditEvents } from "@/lib/server/services/audit-events";
import type { Actor } from "@/lib/server/actor";
import { createVendor, updateVendor } from "@/lib/server/services/vendors";
import { ensureSettings, makeActor, validVendor } from "../helpers/fixtures";
import { forEachProvider } from "../helpers/test-database";

async function collect(lines: AsyncIterable<string>): Promise<string> {
  let out = "";
  for await (const l of lines) out += l;
  return out;
}

forEachProvider("audit log screen and export", (t) => {
  let security: Actor;
  let procurement: Actor;
  let viewer: Actor;
  let harbour: { id: string };
  let lumen: { id: string };
  const q = (raw: Record<string, string>) => auditLogQuerySchema.parse(raw);

  beforeAll(async () => {
    await ensureSettings();
    security = await makeActor("security");
    procurement = await makeActor("procurement");
    viewer = await makeActor("viewer");
    harbour = await createVendor({ actor: procurement, input: { ...validVendor, name: "Harbour Contact" } });
    lumen = await createVendor({ actor: procurement, input: { ...validVendor, name: "Lumen Outsourcing" } });
    const h = await t.db.vendor.findUniqueOrThrow({ where: { id: harbour.id } });
    await updateVendor({ actor: procurement, input: { ...validVendor, name: "Harbour Contact", website: "https://harbour2.example", id: h.id, version: h.version } });
    // An old event, to filter by date.
    await t.db.$transaction((tx) => recordAudit(tx, security, { action: "evidence.download", entityType: "evidence", entityId: "old-download", vendorId: lumen.id }));
    const old = await t.db.auditEvent.findFirstOrThrow({ where: { action: "evidence.download" } });
    // Backdating a row breaks its hash; this suite's database is its own and the chain is tested elsewhere.
    await t.db.auditEvent.update({ where: { id: old.id }, data: { at: new Date("2020-05-05T10:00:00Z") } });
    for (let i = 0; i < 25; i++) await t.db.$transaction((tx) => recordAudit(tx, viewer, { action: "auth.sign_out", entityType: "user", entityId: String(i) }));
  });

  it("filters by vendor id or name, actor, action and date range on the server", async () => {
    const byId = await listAuditEvents({ actor: viewer, query: q({ vendor: harbour.id }) });
    expect(byId.events.map((e) => e.action)).toEqual(["vendor.update", "vendor.create"]);
    expect(byId.events[0]!.vendorName).toBe("Harbour Contact");
    const byName = await listAuditEvents({ actor: viewer, query: q({ vendor: "LUMEN" }) });
    expect(new Set(byName.events.map((e) => e.vendorId))).toEqual(new Set([lumen.id]));

    const byActor = await listAuditEvents({ actor: viewer, query: q({ actor: procurement.email.slice(0, 14).toUpperCase(), pageSize: "200" }) });
    expect(byActor.events.length).toBeGreaterThanOrEqual(3);
    expect(byActor.events.every((e) => e.actorId === procurement.id)).toBe(true);

    const exact = await listAuditEvents({ actor: viewer, query: q({ action: "vendor.update" }) });
    expect(exact.events.map((e) => e.vendorId)).toEqual([harbour.id]);
    const prefix = await listAuditEvents({ actor: viewer, query: q({ action: "vendor.*" }) });
    expect(new Set(prefix.events.map((e) => e.action))).toEqual(new Set(["vendor.create", "vendor.update"]));

    const in2020 = await listAuditEvents({ actor: viewer, query: q({ from: "2020-05-05", to: "2020-05-05" }) });
    expect(in2020.events.map((e) => e.action)).toEqual(["evidence.download"]);
    const after2020 = await listAuditEvents({ actor: viewer, query: q({ from: "2020-05-06", action: "evidence.download" }) });
    expect(after2020.events).toEqual([]);
  });

  it("pages newest first by id, forwards and back, without gaps or repeats", async () => {
    const all = (await t.db.auditEvent.findMany({ where: { action: "auth.sign_out" }, orderBy: { id: "desc" } })).map((e) => e.id);
    const first = await listAuditEvents({ actor: security, query: q({ action: "auth.sign_out", pageSize: "10" }) });
    expect(first.events.map((e) => e.id)).toEqual(all.slice(0, 10));
    expect(first.newerThan).toBeNull();
    const second = await listAuditEvents({ actor: security, query: q({ action: "auth.sign_out", pageSize: "10", before: String(first.olderThan) }) });
    expect(second.events.map((e) => e.id)).toEqual(all.slice(10, 20));
    const third = await listAuditEvents({ actor: security, query: q({ action: "auth.sign_out", pageSize: "10", before: String(second.olderThan) }) });
    expect(third.events.map((e) => e.id)).toEqual(all.slice(20));
    expect(third.olderThan).toBeNull();
    const back = await listAuditEvents({ actor: security, query: q({ action: "auth.sign_out", pageSize: "10", after: String(third.newerThan) }) });
    expect(back.events.map((e) => e.id)).toEqual(all.slice(10, 20));
    expect(back.newerThan).toBe(all[10]);
  });

  it("only admin, security and viewer read the log", async () => {
    for (const role of ["procurement", "legal"] as const) {
      const actor = await makeActor(role);
      await expect(listAuditEvents({ actor, query: q({}) })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(exportAuditLog({ actor, filter: {}, format: "csv" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("exports the filtered view as CSV and JSONL, recording the export itself", async () => {
    const jsonl = await exportAuditLog({ actor: viewer, filter: { vendor: harbour.id }, format: "jsonl" });
    const rows = (await collect(jsonl.lines)).trim().split("\n").map((l) => JSON.parse(l) as ChainedAuditEvent);
    expect(rows.map((r) => r.action)).toEqual(["vendor.create", "vendor.update"]);
    expect(rows.every((r) => eventHashMatches(r))).toBe(true);
    const recorded = await t.db.auditEvent.findFirstOrThrow({ where: { action: "auditlog.export" }, orderBy: { id: "desc" } });
    expect(recorded).toMatchObject({ actorId: viewer.id, after: { format: "jsonl", filter: { vendor: harbour.id } } });

    const csv = await exportAuditLog({ actor: viewer, filter: { action: "auditlog.*" }, format: "csv" });
    expect(csv.fileName).toMatch(/^assay-audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = (await collect(csv.lines)).trim().split("\r\n");
    // Header, the earlier export and this one: the export covers itself.
    expect(lines).toHaveLength(3);
    expect(lines[0]!.startsWith("id,at,actorId,actorEmail,action")).toBe(true);
  });
});
