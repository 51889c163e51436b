import { beforeAll, expect, it } from "vitest";
import { ensureControlCatalogue } from "@/lib/server/dossier/control-catalogue";
import { saveDossierRecord } from "@/lib/server/services/dossier-records";
import { listLegalQueue } from "@/lib/server/services/legal-queue";
import { getLegalSignOffState, signOffLegalReview } from "@/lib/server/services/legal-signoff";
import { createVendor } from "@/lib/server/services/vendors";
import { ensureSettings, makeActor, validVendor } from "../helpers/fixtures";
import { forEachProvider } from "../helpers/test-database";

// a legal user signs the legal review off (who, when, comment) at
// the revision on screen; any later change to a contract, clause, DPA,
// transfer or sub-processor outdates it, and the audit log says which.

/** A vendor without personal data, so an empty DPA is no blocker and the review can be signed off cleanly. */
const noPersonalData = { ...validVendor, industries: ["saas"], dataCategories: [], accessLevel: "read_only" };

forEachProvider("legal: sign-off and the legal queue", (t) => {
  beforeAll(async () => {
    await ensureSettings();
    await t.db.$transaction((tx) => ensureControlCatalogue(tx));
  });

  it("a legal edit after the sign-off marks it outdated, naming the change and who made it", async () => {
    const procurement = await makeActor("procurement");
    const legal = await makeActor("legal");
    const vendor = await createVendor({ actor: procurement, input: { ...noPersonalData, name: "Outdated Review Ltd" } });
    const contract = await saveDossierRecord({ actor: legal, input: { vendorId: vendor.id, kind: "contract", data: { type: "msa", status: "draft", renewal: "auto" } } });
    const clause = await saveDossierRecord({
      actor: legal,
      input: { vendorId: vendor.id, kind: "clause", data: { clauseCode: "incident_notification", presence: "missing" } },
    });
    const { legalRevision } = await getLegalSignOffState({ actor: legal, vendorId: vendor.id });
    expect(legalRevision).toBe(2);
    expect((await getLegalSignOffState({ actor: legal, vendorId: vendor.id })).state).toBe("missing");

    await signOffLegalReview({ actor: legal, input: { vendorId: vendor.id, legalRevision, comment: "Reviewed against the 2026 MSA." } });
    const signed = await getLegalSignOffState({ actor: legal, vendorId: vendor.id });
    expect(signed).toMatchObject({ state: "current", signOff: { signedByName: legal.name, comment: "Reviewed against the 2026 MSA.", legalRevision: 2 } });

    await saveDossierRecord({
      actor: legal,
      input: { vendorId: vendor.id, kind: "clause", id: clause.id, version: clause.version, data: { clauseCode: "incident_notification", presence: "present", hours: 72, citation: { contractId: contract.id, section: "7.4" } } },
    });
    const outdated = await getLegalSignOffState({ actor: legal, vendorId: vendor.id });
    expect(outdated.state).toBe("outdated");
    if (outdated.state !== "outdated") return;
    expect(outdated.changes).toHaveLength(1);
    expect(outdated.changes[0]).toMatchObject({ action: "dossier.clause.update", actorName: legal.name });
    expect(outdated.changes[0]!.description).toBe("Incident notification SLA: presence Missing → Present; hours none → 72; citation none → 7.4");
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { vendorId: vendor.id, action: "legal.signoff" } });
    expect(audit).toMatchObject({ actorId: legal.id, entityType: "legal_signoff" });

    // Signing off again at the new revision makes it current again.
    await signOffLegalReview({ actor: legal, input: { vendorId: vendor.id, legalRevision: outdated.legalRevision, comment: "" } });
    expect((await getLegalSignOffState({ actor: legal, vendorId: vendor.id })).state).toBe("current");
  });

  it("refuses a stale revision with the change that made it stale, a repeat, and anyone but legal", async () => {
    const procurement = await makeActor("procurement");
    const legal = await makeActor("legal");
    const admin = await makeActor("admin");
    const vendor = await createVendor({ actor: procurement, input: { ...noPersonalData, name: "Stale Sign-off Ltd" } });
    const seen = (await getLegalSignOffState({ actor: legal, vendorId: vendor.id })).legalRevision;
    await saveDossierRecord({ actor: admin, input: { vendorId: vendor.id, kind: "dpa", data: { status: "draft", version: "0.9" } } });
    await expect(signOffLegalReview({ actor: legal, input: { vendorId: vendor.id, legalRevision: seen, comment: "" } })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("DPA status recorded: status draft; version 0.9"),
    });
    const current = (await getLegalSignOffState({ actor: legal, vendorId: vendor.id })).legalRevision;
    // legal.signoff is legal's alone: not procurement, not even admin (separation of duties).
    for (const actor of [procurement, admin]) {
      await expect(signOffLegalReview({ actor, input: { vendorId: vendor.id, legalRevision: current, comment: "" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await signOffLegalReview({ actor: legal, input: { vendorId: vendor.id, legalRevision: current, comment: "" } });
    await expect(signOffLegalReview({ actor: legal, input: { vendorId: vendor.id, legalRevision: current, comment: "" } })).rejects.toMatchObject({ code: "INVALID_STATE" });
    expect(await t.db.legalSignOff.count({ where: { vendorId: vendor.id } })).toBe(1);
  });

  it("signing off over legal blockers needs a written reason", async () => {
    const procurement = await makeActor("procurement");
    const legal = await makeActor("legal");
    // Personal data and no DPA: a blocker (GDPR Art. 28(3)).
    const vendor = await createVendor({ actor: procurement, input: { ...validVendor, name: "Blocked Review Ltd" } });
    const { legalRevision } = await getLegalSignOffState({ actor: legal, vendorId: vendor.id });
    const error = await signOffLegalReview({ actor: legal, input: { vendorId: vendor.id, legalRevision, comment: "  " } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "VALIDATION", fieldErrors: { comment: expect.stringContaining("legal blocker") } });
    await signOffLegalReview({ actor: legal, input: { vendorId: vendor.id, legalRevision, comment: "DPA signature pending; accepted for the pilot only." } });
    expect((await getLegalSignOffState({ actor: legal, vendorId: vendor.id })).state).toBe("current");
  });

  it("the legal queue lists missing, outdated and blocked reviews, not clean signed ones; only for legal and admin", async () => {
    const procurement = await makeActor("procurement");
    const legal = await makeActor("legal");
    const clean = await createVendor({ actor: procurement, input: { ...noPersonalData, name: "Queue Clean Ltd" } });
    await createVendor({ actor: procurement, input: { ...noPersonalData, name: "Queue Missing Ltd" } });
    const outdated = await createVendor({ actor: procurement, input: { ...noPersonalData, name: "Queue Outdated Ltd" } });
    const blocked = await createVendor({ actor: procurement, input: { ...validVendor, name: "Queue Blocked Ltd" } });
    for (const v of [clean, outdated, blocked]) {
      const { legalRevision } = await getLegalSignOffState({ actor: legal, vendorId: v.id });
      await signOffLegalReview({ actor: legal, input: { vendorId: v.id, legalRevision, comment: "Signed for the queue test." } });
    }
    await saveDossierRecord({ actor: legal, input: { vendorId: outdated.id, kind: "subprocessor", data: { name: "Late Addition GmbH", service: "Hosting", country: "DE", dataCategories: [], consented: true, notified: true } } });

    const { rows } = await listLegalQueue({ actor: legal, query: { pageSize: 100 } });
    const byName = new Map(rows.map((r) => [r.vendor.name, r]));
    expect(byName.has("Queue Clean Ltd")).toBe(false);
    expect(byName.get("Queue Missing Ltd")).toMatchObject({ signOff: null, outdated: null });
    expect(byName.get("Queue Outdated Ltd")?.outdated?.first.description).toBe("Sub-processor “Late Addition GmbH” added");
    expect(byName.get("Queue Blocked Ltd")?.blockers).toBeGreaterThan(0);
    // Blockers first, then outdated, then never signed off.
    const names = rows.map((r) => r.vendor.name).filter((n) => n.startsWith("Queue "));
    expect(names.indexOf("Queue Blocked Ltd")).toBeLessThan(names.indexOf("Queue Outdated Ltd"));
    expect(names.indexOf("Queue Outdated Ltd")).toBeLessThan(names.indexOf("Queue Missing Ltd"));
    await expect(listLegalQueue({ actor: procurement })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
