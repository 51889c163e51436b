import { beforeAll, expect, it } from "vitest";
import { AppError } from "@/lib/server/errors";
import { vendorListQuerySchema } from "@/lib/schemas/vendor";
import { VENDOR_LISTS_INCLUDE, withVendorLists } from "@/lib/server/services/vendor-lists";
import { createVendor, getVendor, listVendors, updateVendor, vendorListWhere } from "@/lib/server/services/vendors";
import { forEachProvider } from "../helpers/test-database";
import { ensureSettings, makeActor, validVendor } from "../helpers/fixtures";

forEachProvider("vendor service", (t) => {
  beforeAll(ensureSettings);

  it("creating a vendor writes exactly one audit event describing it", async () => {
    const actor = await makeActor("procurement");
    const before = await t.db.auditEvent.count();
    const vendor = await createVendor({ actor, input: { ...validVendor, name: "Audited Vendor" } });
    const events = await t.db.auditEvent.findMany({ where: { id: { gt: 0 } }, orderBy: { id: "asc" }, skip: before });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "vendor.create",
      entityType: "vendor",
      entityId: vendor.id,
      vendorId: vendor.id,
      actorId: actor.id,
      ip: "127.0.0.1",
      userAgent: "vitest",
    });
    expect((events[0]!.after as { name: string }).name).toBe("Audited Vendor");
  });

  it("a failure after the insert rolls back the vendor and its audit event together", async () => {
    const actor = await makeActor("procurement");
    const vendorsBefore = await t.db.vendor.count();
    const eventsBefore = await t.db.auditEvent.count();
    await expect(
      t.db.$transaction(async (tx) => {
        await createVendor({ actor, input: { ...validVendor, name: "Rolled Back" } }, tx);
        // Both rows exist inside the transaction…
        expect(await tx.vendor.count({ where: { name: "Rolled Back" } })).toBe(1);
        throw new Error("simulated failure after the change");
      }),
    ).rejects.toThrow("simulated failure");
    // …and neither survives it.
    expect(await t.db.vendor.count()).toBe(vendorsBefore);
    expect(await t.db.auditEvent.count()).toBe(eventsBefore);
  });

  it("invalid input is refused with field errors and writes nothing", async () => {
    const actor = await makeActor("procurement");
    const eventsBefore = await t.db.auditEvent.count();
    const error = await createVendor({ actor, input: { ...validVendor, name: "", country: "XX" } }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("VALIDATION");
    expect(Object.keys(error.fieldErrors)).toEqual(expect.arrayContaining(["name", "country"]));
    expect(await t.db.auditEvent.count()).toBe(eventsBefore);
  });

  it("a viewer is refused on the server", async () => {
    const viewer = await makeActor("viewer");
    const vendorsBefore = await t.db.vendor.count();
    await expect(createVendor({ actor: viewer, input: validVendor })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await t.db.vendor.count()).toBe(vendorsBefore);
  });

  it("an optimistic-lock conflict is refused and the first save survives", async () => {
    const actor = await makeActor("procurement");
    const vendor = await createVendor({ actor, input: { ...validVendor, name: "Lock Target" } });
    const edit = { ...validVendor, id: vendor.id, version: vendor.version };
    const first = await updateVendor({ actor, input: { ...edit, name: "Saved First" } });
    expect(first.version).toBe(vendor.version + 1);
    const stale = await updateVendor({ actor, input: { ...edit, name: "Saved Second" } }).catch((e) => e);
    expect(stale).toBeInstanceOf(AppError);
    expect(stale.code).toBe("CONFLICT");
    expect(stale.message).toMatch(/changed by someone else/);
    expect((await t.db.vendor.findUniqueOrThrow({ where: { id: vendor.id } })).name).toBe("Saved First");
  });

  it("two concurrent saves from the same version: exactly one wins", async () => {
    const actor = await makeActor("procurement");
    const vendor = await createVendor({ actor, input: { ...validVendor, name: "Race Target" } });
    const edit = { ...validVendor, id: vendor.id, version: vendor.version };
    const results = await Promise.allSettled([
      updateVendor({ actor, input: { ...edit, name: "Racer A" } }),
      updateVendor({ actor, input: { ...edit, name: "Racer B" } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[];
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason.code).toBe("CONFLICT");
  });

  it("the profile's lists are saved in order, replaced by an update with its audit event, and kept by a stale save", async () => {
    const actor = await makeActor("procurement");
    const lists = { services: ["phone", "chat"], industries: ["saas", "fintech"], dataCategories: ["payment_card", "contact_pii"] };
    const vendor = await createVendor({ actor, input: { ...validVendor, name: "Listed Vendor", ...lists } });
    expect(await getVendor({ actor, id: vendor.id })).toMatchObject(lists);

    const changed = { services: ["back_office"], industries: ["healthcare", "saas"], dataCategories: [] };
    const edit = { ...validVendor, name: "Listed Vendor", id: vendor.id, version: vendor.version };
    await updateVendor({ actor, input: { ...edit, ...changed } });
    expect(await getVendor({ actor, id: vendor.id })).toMatchObject(changed);
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "vendor.update", entityId: vendor.id } });
    expect(event.before).toMatchObject(lists);
    expect(event.after).toMatchObject(changed);

    await expect(updateVendor({ actor, input: { ...edit, ...lists } })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await getVendor({ actor, id: vendor.id })).toMatchObject(changed);
  });

  it("the industry filter finds vendors by any industry they list, in SQL and in the pack filter alike", async () => {
    const actor = await makeActor("procurement");
    const both = await createVendor({ actor, input: { ...validVendor, name: "Industry Both", industries: ["gaming", "government"] } });
    const one = await createVendor({ actor, input: { ...validVendor, name: "Industry One", industries: ["government"] } });
    for (const [industry, expected] of [["gaming", [both.id]], ["government", [both.id, one.id]]] as const) {
      const query = vendorListQuerySchema.parse({ industry, q: "industry " });
      const page = await listVendors({ actor, query });
      expect(page.rows.map((r) => r.id).sort(), industry).toEqual([...expected].sort());
      expect(page.total).toBe(expected.length);
      const packed = await t.db.vendor.findMany({ where: vendorListWhere(query), select: { id: true } });
      expect(packed.map((r) => r.id).sort(), industry).toEqual([...expected].sort());
    }
  });

  it("reads the lists of more vendors than SQLite allows query parameters (999), each in saved order", async () => {
    const ids = Array.from({ length: 1_200 }, (_, i) => `many-lists-${String(i).padStart(4, "0")}`);
    const vendors = ids.map((id) => ({ id, name: id, searchName: id, legalName: id, country: "DE", tier: "low", tierRank: 3 }));
    for (let i = 0; i < vendors.length; i += 200) await t.db.vendor.createMany({ data: vendors.slice(i, i + 200) });
    // Written out of position order: the read must not depend on insertion order.
    await t.db.vendorService.createMany({ data: [{ vendorId: ids[0]!, service: "phone", position: 1 }, { vendorId: ids[0]!, service: "chat", position: 0 }] });
    const read = (await t.db.vendor.findMany({ where: { id: { in: ids } }, include: VENDOR_LISTS_INCLUDE })).map(withVendorLists);
    expect(read).toHaveLength(ids.length);
    expect(read.find((v) => v.id === ids[0])!.services).toEqual(["chat", "phone"]);
  });
});
