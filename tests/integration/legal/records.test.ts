import { beforeAll, expect, it } from "vitest";
import { listRecords } from "@/lib/server/dossier/record-store";
import { dossierSchema } from "@/lib/schemas/dossier";
import { SYSTEM_ACTOR } from "@/lib/server/actor";
import { ensureControlCatalogue } from "@/lib/server/dossier/control-catalogue";
import { importDossier } from "@/lib/server/services/import-dossier";
import { loadDossier } from "@/lib/server/dossier/load-dossier";
import { deleteDossierRecord, saveDossierRecord } from "@/lib/server/services/dossier-records";
import { createVendor } from "@/lib/server/services/vendors";
import { cleanDossier } from "../../unit/helpers/dossier-builder";
import { ensureSettings, makeActor, validVendor } from "../helpers/fixtures";
import { forEachProvider } from "../helpers/test-database";

// Legal records through the generic record service: legal and admin edit,
// others are refused; every change moves the legal revision in the same
// transaction; one row per clause/country/vendor; citations resolve; and
// dossier.legal survives import and load unchanged.

forEachProvider("legal: records and the dossier's legal section", (t) => {
  beforeAll(async () => {
    await ensureSettings();
    await t.db.$transaction((tx) => ensureControlCatalogue(tx));
  });

  it("procurement, security and viewer cannot edit clauses; nothing is written and the revision stays", async () => {
    const procurement = await makeActor("procurement");
    const vendor = await createVendor({ actor: procurement, input: { ...validVendor, name: "Guarded Clauses Ltd" } });
    const clause = { clauseCode: "right_to_audit", presence: "missing" };
    for (const role of ["procurement", "security", "viewer"] as const) {
      const actor = role === "procurement" ? procurement : await makeActor(role);
      await expect(saveDossierRecord({ actor, input: { vendorId: vendor.id, kind: "clause", data: clause } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await listRecords(t.db, vendor.id)).toEqual([]);
    expect((await t.db.vendor.findUniqueOrThrow({ where: { id: vendor.id } })).legalRevision).toBe(0);
    // Admin may manage legal records (not sign them off).
    await saveDossierRecord({ actor: await makeActor("admin"), input: { vendorId: vendor.id, kind: "clause", data: clause } });
    expect((await t.db.vendor.findUniqueOrThrow({ where: { id: vendor.id } })).legalRevision).toBe(1);
  });

  it("every legal change moves the revision and is audited with before and after; stale and duplicate saves are refused", async () => {
    const procurement = await makeActor("procurement");
    const legal = await makeActor("legal");
    const vendor = await createVendor({ actor: procurement, input: { ...validVendor, name: "Revision Counter Ltd" } });
    const contract = await saveDossierRecord({ actor: legal, input: { vendorId: vendor.id, kind: "contract", data: { type: "msa", status: "draft", renewal: "manual", termEnd: "2027-12-31", noticePeriodDays: 90 } } });
    const data = { clauseCode: "incident_notification", presence: "present", hours: 24, citation: { contractId: contract.id, section: "7.4", page: 8 } };
    const clause = await saveDossierRecord({ actor: legal, input: { vendorId: vendor.id, kind: "clause", data } });
    const updated = await saveDossierRecord({ actor: legal, input: { vendorId: vendor.id, kind: "clause", id: clause.id, version: clause.version, data: { ...data, hours: 72 } } });
    expect((await t.db.vendor.findUniqueOrThrow({ where: { id: vendor.id } })).legalRevision).toBe(3);
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { entityId: clause.id, action: "dossier.clause.update" } });
    expect(event.before).toMatchObject({ hours: 24 });
    expect(event.after).toMatchObject({ hours: 72 });

    // The version the form was loaded at: someone else's save in between wins, ours is refused.
    await expect(
      saveDossierRecord({ actor: legal, input: { vendorId: vendor.id, kind: "clause", id: clause.id, version: clause.version, data: { ...data, hours: 12 } } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    // A second row for the same clause is someone else's concurrent first save.
    await expect(saveDossierRecord({ actor: legal, input: { vendorId: vendor.id, kind: "clause", data } })).rejects.toMatchObject({ code: "CONFLICT" });
    await saveDossierRecord({ actor: legal, input: { vendorId: vendor.id, kind: "dpa", data: { status: "draft" } } });
    await expect(saveDossierRecord({ actor: legal, input: { vendorId: vendor.id, kind: "dpa", data: { status: "none" } } })).rejects.toMatchObject({ code: "CONFLICT" });
    await saveDossierRecord({ actor: legal, input: { vendorId: vendor.id, kind: "transfer", data: { country: "ph", mechanism: "sccs", sccModule: "2" } } });
    await expect(saveDossierRecord({ actor: legal, input: { vendorId: vendor.id, kind: "transfer", data: { country: "PH", mechanism: "bcrs" } } })).rejects.toMatchObject({ code: "CONFLICT" });
    // Unknown clause and a citation of another vendor's contract come back as field errors.
    await expect(saveDossierRecord({ actor: legal, input: { vendorId: vendor.id, kind: "clause", data: { clauseCode: "made_up", presence: "missing" } } })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { clauseCode: expect.any(String) },
    });
    const other = await createVendor({ actor: procurement, input: { ...validVendor, name: "Other Contract Ltd" } });
    const foreign = await saveDossierRecord({ actor: legal, input: { vendorId: other.id, kind: "contract", data: { type: "msa", status: "draft", renewal: "auto" } } });
    await expect(
      saveDossierRecord({ actor: legal, input: { vendorId: vendor.id, kind: "clause", data: { clauseCode: "data_residency", presence: "present", citation: { contractId: foreign.id } } } }),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { "citation.contractId": expect.any(String) } });
    // A cited contract cannot be deleted.
    await expect(deleteDossierRecord({ actor: legal, input: { vendorId: vendor.id, kind: "contract", id: contract.id, version: contract.version } })).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: expect.stringContaining("Incident notification SLA"),
    });
    // The dossier holds the latest row, under dossier.legal.
    const loaded = await loadDossier(t.db, vendor.id);
    expect(loaded!.dossier.legal.clauseReviews).toEqual([{ ...data, hours: 72 }]);
    expect(updated.version).toBe(2);
  });

  it("dossier.legal round-trips through import and load, references rewritten", async () => {
    const uploader = await makeActor("security");
    const source = cleanDossier();
    const vendor = await t.db.$transaction((tx) => importDossier(tx, SYSTEM_ACTOR, { ...source, profile: { ...source.profile, name: "Round Trip Legal Ltd" } }, { uploadedById: uploader.id }));
    const loaded = (await loadDossier(t.db, vendor.id))!;
    expect(dossierSchema.safeParse(loaded.dossier).success).toBe(true);
    const legal = loaded.dossier.legal;
    const newIdOf = (oldId: string) => {
      const old = source.legal.contracts.find((c) => c.id === oldId)!;
      return legal.contracts.find((c) => c.type === old.type)!.id;
    };
    // Contracts keep their data; their signed files point at the imported documents.
    expect(legal.contracts.map(({ id: _id, evidenceId: _e, ...c }) => c)).toEqual(source.legal.contracts.map(({ id: _id, evidenceId: _e, ...c }) => c));
    for (const c of legal.contracts) expect(loaded.dossier.documents.map((d) => d.id)).toContain(c.evidenceId);
    expect(legal.clauseReviews).toEqual(source.legal.clauseReviews.map((r) => ({ ...r, citation: r.citation && { ...r.citation, contractId: newIdOf(r.citation.contractId) } })));
    expect(legal.dpa).toEqual({ ...source.legal.dpa, contractId: newIdOf(source.legal.dpa.contractId!) });
    expect(legal.transferMechanisms).toEqual(source.legal.transferMechanisms);
    expect(legal.subProcessors.map(({ id: _id, ...s }) => s)).toEqual(source.legal.subProcessors.map(({ id: _id, ...s }) => s));
    const row = await t.db.vendor.findUniqueOrThrow({ where: { id: vendor.id } });
    expect(row.blockerCount).toBe(0);
  });
});
