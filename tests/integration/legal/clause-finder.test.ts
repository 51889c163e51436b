import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listRecords } from "@/lib/server/dossier/record-store";
import { evidenceUsesOf } from "@/components/dossier/evidence-uses";
import { CLAUSE_CATALOGUE } from "@/lib/domain/legal/clause-catalogue";
import { contractAnalysisDataSchema } from "@/lib/schemas/contract-analysis";
import type { ClauseReviewRow } from "@/lib/schemas/legal";
import { ensureControlCatalogue } from "@/lib/server/dossier/control-catalogue";
import { acceptAllProposals, decideClauseProposal, getContractAnalysis, runClauseFinder } from "@/lib/server/services/clause-finder";
import { saveDossierRecord } from "@/lib/server/services/dossier-records";
import { getVendorDossierView } from "@/lib/server/services/dossier-view";
import { getLegalReview } from "@/lib/server/services/legal-view";
import { openEvidence, uploadEvidence } from "@/lib/server/services/evidence";
import { evidenceDownloadHeaders } from "@/lib/server/storage/download-headers";
import { createVendor } from "@/lib/server/services/vendors";
import { FilesystemBlobStore } from "@/lib/server/storage/filesystem-store";
import { ensureSettings, makeActor, validVendor } from "../helpers/fixtures";
import { forEachProvider } from "../helpers/test-database";
import { expectedLabels, recordSignedContract, uploadFixture } from "./legal-fixtures";

// an uploaded contract (PDF, DOCX, TXT) goes through extraction and
// the clause finder into stored proposals; nothing reaches the checklist
// until a legal user accepts, edits or rejects; accepting writes the row
// with its citation and the deviation is computed from it.

forEachProvider("legal: clause finder on uploaded contracts", (t) => {
  let root: string;
  let store: FilesystemBlobStore;
  beforeAll(async () => {
    await ensureSettings();
    await t.db.$transaction((tx) => ensureControlCatalogue(tx));
    root = fs.mkdtempSync(path.join(os.tmpdir(), "assay-legal-"));
    store = new FilesystemBlobStore(path.join(root, "evidence"));
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  async function vendorWithUpload(name: string, file: string) {
    const procurement = await makeActor("procurement");
    const legal = await makeActor("legal");
    const vendor = await createVendor({ actor: procurement, input: { ...validVendor, name } });
    const document = await uploadFixture(legal, vendor.id, file, store);
    return { procurement, legal, vendor, document };
  }

  describe.each([
    ["01-msa-us-northwind.pdf", "pdf", 24],
    ["03-msa-uk-harbour.docx", "docx", 72],
  ] as const)("%s", (file, format, notificationHours) => {
    it("upload → extraction → proposals (suggestions only) → accept all → checklist rows with citations and computed deviation", async () => {
      const { legal, vendor, document } = await vendorWithUpload(`Finder ${format}`, file);
      const before = await t.db.vendor.findUniqueOrThrow({ where: { id: vendor.id } });

      const run = await runClauseFinder({ actor: legal, input: { vendorId: vendor.id, documentId: document.id }, store });
      const stored = await t.db.contractAnalysis.findUniqueOrThrow({ where: { id: run.id } });
      const data = contractAnalysisDataSchema.parse(stored.proposals);
      expect(data.format).toBe(format);
      if (format === "pdf") expect(data.pageCount).toBeGreaterThan(1);
      expect(data.proposals.map((p) => p.clauseCode)).toEqual(CLAUSE_CATALOGUE.clauses.map((c) => c.code));
      // Proposals match the hand-made labels of the fixture.
      const labels = expectedLabels(file);
      for (const p of data.proposals) expect(p.found, p.clauseCode).toBe(labels.clauses[p.clauseCode]!.present);
      const notification = data.proposals.find((p) => p.clauseCode === "incident_notification")!;
      expect(notification.value).toMatchObject({ kind: "hours", hours: notificationHours });
      expect(notification.passages[0]!.quote).toMatch(/hours/i);
      if (format === "pdf") expect(notification.passages[0]!.page).toBeGreaterThan(0);
      else expect(notification.passages[0]!.section).toBeTruthy();
      // Suggestions only: nothing on the checklist, the legal revision untouched, the run audited.
      expect(data.proposals.every((p) => p.decision === undefined)).toBe(true);
      expect(await t.db.clauseReview.count({ where: { vendorId: vendor.id } })).toBe(0);
      expect((await t.db.vendor.findUniqueOrThrow({ where: { id: vendor.id } })).legalRevision).toBe(before.legalRevision);
      expect(await t.db.auditEvent.count({ where: { entityId: run.id, action: "legal.clause_finder.run" } })).toBe(1);

      const contract = await recordSignedContract(legal, vendor.id, document.id);
      const analysis = await getContractAnalysis({ actor: legal, vendorId: vendor.id, analysisId: run.id });
      // The file is the signed copy of that contract, so citations point at it without asking.
      expect(analysis.contractId).toBe(contract.id);
      const result = await acceptAllProposals({
        actor: legal,
        input: { analysisId: run.id, contractId: contract.id, analysisVersion: analysis.analysis.version, checklistVersions: {} },
      });
      expect(result.accepted).toBe(CLAUSE_CATALOGUE.clauses.length);

      const rows = (await listRecords(t.db, vendor.id, ["clause"])).map((r) => r.data as ClauseReviewRow);
      const row = rows.find((r) => r.clauseCode === "incident_notification")!;
      expect(row).toMatchObject({ presence: "present", hours: notificationHours, citation: { contractId: contract.id } });
      expect(row.citation!.section ?? row.citation!.page).toBeTruthy();
      const view = await getVendorDossierView({ actor: legal, vendorId: vendor.id });
      const deviating = view.findings.filter((f) => f.code === "legal.clause.deviating").map((f) => f.subject.id);
      expect(deviating.includes("incident_notification")).toBe(notificationHours > 24);
      const after = await getContractAnalysis({ actor: legal, vendorId: vendor.id, analysisId: run.id });
      expect(after.data.proposals.every((p) => p.decision?.state === "accepted" && p.decision.byId === legal.id)).toBe(true);
    });
  });

  it("per clause: accept, reject and edit; a stale decision is refused; procurement is refused", async () => {
    const { legal, procurement, vendor, document } = await vendorWithUpload("Finder decisions", "03-msa-uk-harbour.docx");
    const run = await runClauseFinder({ actor: legal, input: { vendorId: vendor.id, documentId: document.id }, store });
    const contract = await recordSignedContract(legal, vendor.id, document.id);
    // The Evidence tab shows the file as evidence for the contract, not "Not attached".
    const { dossier } = await getVendorDossierView({ actor: legal, vendorId: vendor.id });
    expect(evidenceUsesOf(dossier).get(document.id)).toEqual([{ kind: "contract", id: contract.id, anchorId: contract.id }]);

    await expect(runClauseFinder({ actor: procurement, input: { vendorId: vendor.id, documentId: document.id }, store })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      decideClauseProposal({ actor: procurement, input: { decision: "accept", analysisId: run.id, clauseCode: "right_to_audit", expected: "pending", contractId: contract.id } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    await decideClauseProposal({ actor: legal, input: { decision: "accept", analysisId: run.id, clauseCode: "right_to_audit", expected: "pending", contractId: contract.id } });
    await decideClauseProposal({ actor: legal, input: { decision: "reject", analysisId: run.id, clauseCode: "data_residency", expected: "pending" } });
    await decideClauseProposal({
      actor: legal,
      input: {
        decision: "edit",
        analysisId: run.id,
        clauseCode: "incident_notification",
        expected: "pending",
        row: { clauseCode: "incident_notification", presence: "present", hours: 48, citation: { contractId: contract.id, section: "7.1" }, reviewerNote: "Amendment 1 shortened it to 48 h." },
      },
    });
    // The same decision again, from a page that still showed it open.
    await expect(
      decideClauseProposal({ actor: legal, input: { decision: "reject", analysisId: run.id, clauseCode: "right_to_audit", expected: "pending" } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    const rows = (await listRecords(t.db, vendor.id, ["clause"])).map((r) => r.data as ClauseReviewRow);
    expect(rows.map((r) => r.clauseCode).sort()).toEqual(["incident_notification", "right_to_audit"]);
    expect(rows.find((r) => r.clauseCode === "incident_notification")).toMatchObject({ hours: 48, reviewerNote: "Amendment 1 shortened it to 48 h." });
    const analysis = await getContractAnalysis({ actor: legal, vendorId: vendor.id, analysisId: run.id });
    const states = Object.fromEntries(analysis.data.proposals.map((p) => [p.clauseCode, p.decision?.state ?? "pending"]));
    expect(states).toMatchObject({ right_to_audit: "accepted", data_residency: "rejected", incident_notification: "edited", liability_cap: "pending" });

    // Accept-all refuses when a pending clause changed on the checklist since the page was loaded…
    const seen = Object.fromEntries(analysis.checklist.map((c) => [c.row.clauseCode, c.version]));
    await saveDossierRecord({ actor: legal, input: { vendorId: vendor.id, kind: "clause", data: { clauseCode: "liability_cap", presence: "missing" } } });
    await expect(
      acceptAllProposals({ actor: legal, input: { analysisId: run.id, contractId: contract.id, analysisVersion: analysis.analysis.version, checklistVersions: seen } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    // …and, reloaded, records only what is still open, leaving the decided clauses alone.
    const reloaded = await getContractAnalysis({ actor: legal, vendorId: vendor.id, analysisId: run.id });
    const result = await acceptAllProposals({
      actor: legal,
      input: { analysisId: run.id, contractId: contract.id, analysisVersion: reloaded.analysis.version, checklistVersions: Object.fromEntries(reloaded.checklist.map((c) => [c.row.clauseCode, c.version])) },
    });
    expect(result.accepted).toBe(CLAUSE_CATALOGUE.clauses.length - 3);
    const notification = (await listRecords(t.db, vendor.id, ["clause"])).map((r) => r.data as ClauseReviewRow).find((r) => r.clauseCode === "incident_notification");
    expect(notification?.hours).toBe(48);
    const actions = (await t.db.auditEvent.findMany({ where: { entityId: run.id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["legal.clause_finder.run", "legal.clause_finder.accept", "legal.clause_finder.reject", "legal.clause_finder.edit", "legal.clause_finder.accept_all"]);
  });

  it("reads a TXT contract, and refuses files that are not contracts or contracts of another vendor", async () => {
    const { legal, vendor, document } = await vendorWithUpload("Finder txt", "05-sow-chat-cebu.txt");
    const run = await runClauseFinder({ actor: legal, input: { vendorId: vendor.id, documentId: document.id }, store });
    const analysis = await getContractAnalysis({ actor: legal, vendorId: vendor.id, analysisId: run.id });
    expect(analysis.data.format).toBe("txt");
    expect(analysis.data.proposals.filter((p) => p.found).map((p) => p.clauseCode)).toEqual(["data_residency"]);

    const other = await vendorWithUpload("Finder other vendor", "01-msa-us-northwind.pdf");
    const foreign = await recordSignedContract(other.legal, other.vendor.id, other.document.id);
    await expect(
      decideClauseProposal({ actor: legal, input: { decision: "accept", analysisId: run.id, clauseCode: "data_residency", expected: "pending", contractId: foreign.id } }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(runClauseFinder({ actor: legal, input: { vendorId: vendor.id, documentId: other.document.id }, store })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses a contract that is not in English with a message, keeps the uploaded file, and stores no proposals", async () => {
    const procurement = await makeActor("procurement");
    const legal = await makeActor("legal");
    const vendor = await createVendor({ actor: procurement, input: { ...validVendor, name: "Finder not English" } });
    // Written for this test: a processor's duties as a German DPA states them.
    const german = [
      "# Auftragsverarbeitungsvertrag",
      "## § 5 Meldung von Verletzungen",
      "Der Auftragnehmer informiert den Auftraggeber unverzüglich, spätestens innerhalb von 24 Stunden, über jede Verletzung des Schutzes personenbezogener Daten.",
      "## § 9 Löschung",
      "Nach Beendigung des Vertrages sind alle Daten des Auftraggebers zu löschen oder an den Auftraggeber zurückzugeben.",
    ].join("\n\n");
    const { document } = await uploadEvidence({
      actor: legal,
      input: { vendorId: vendor.id, kind: "contract", effectiveDate: "2026-01-15", title: "AVV" },
      stream: Readable.from([Buffer.from(german)]),
      declaredName: "avv.md",
      store,
    });
    await expect(runClauseFinder({ actor: legal, input: { vendorId: vendor.id, documentId: document.id }, store })).rejects.toMatchObject({
      code: "VALIDATION",
      reason: "not_english",
      message: expect.stringMatching(/not appear to be in English.*review this contract's clauses by hand/),
    });
    expect(await t.db.contractAnalysis.count({ where: { vendorId: vendor.id } })).toBe(0);
    expect(await t.db.auditEvent.count({ where: { vendorId: vendor.id, action: "legal.clause_finder.run" } })).toBe(0);
    // The file itself is kept, as uploaded, for legal to read by hand.
    const stored = await t.db.evidenceDocument.findUniqueOrThrow({ where: { id: document.id } });
    const bytes: Buffer[] = [];
    for await (const chunk of await store.get(stored.sha256)) bytes.push(Buffer.from(chunk as Buffer));
    expect(Buffer.concat(bytes).toString("utf8")).toBe(german);
  });

  it("reads a Markdown contract with its structure: lead-ins, sections, an exclusion and a clause by reference", async () => {
    const procurement = await makeActor("procurement");
    const legal = await makeActor("legal");
    const vendor = await createVendor({ actor: procurement, input: { ...validVendor, name: "Finder md" } });
    const markdown = [
      "# Support Services Agreement",
      "## 6. Security",
      "The **Supplier** shall:",
      "- keep access logs for a year;\n- notify the Client of any _Security Breach_ within twelve (12) hours.",
      "## 7. Audit",
      "The Client shall not be entitled to carry out any audit or inspection of the Supplier's premises or systems.",
      "## 8. Liability",
      "Each party's liability is subject to the limitations of liability set out in the Agreement.",
    ].join("\n\n");
    const { document } = await uploadEvidence({
      actor: legal,
      input: { vendorId: vendor.id, kind: "contract", effectiveDate: "2026-01-15", title: "Support terms" },
      stream: Readable.from([Buffer.from(markdown)]),
      declaredName: "support-terms.md",
      store,
    });
    const run = await runClauseFinder({ actor: legal, input: { vendorId: vendor.id, documentId: document.id }, store });
    const { data } = await getContractAnalysis({ actor: legal, vendorId: vendor.id, analysisId: run.id });
    expect(data.format).toBe("md");
    const proposal = (code: string) => data.proposals.find((p) => p.clauseCode === code)!;
    expect(proposal("incident_notification")).toMatchObject({ found: true, value: { kind: "hours", hours: 12 } });
    expect(proposal("incident_notification").passages[0]).toMatchObject({ section: "6. Security" });
    expect(proposal("right_to_audit")).toMatchObject({ found: false, exclusion: { section: "7. Audit" } });
    expect(proposal("liability_cap")).toMatchObject({ found: false, byReference: true });
    expect(data.sccs, "no SCCs in these terms").toBeUndefined();

    // Accepting never weakens the checklist silently. The vendor's MSA (another contract) gives 72 hours,
    // a worse term than these terms' 12: accepting these terms' clause would take the MSA's out of the findings.
    const terms = await recordSignedContract(legal, vendor.id, document.id, "other");
    const msa = await saveDossierRecord({ actor: legal, input: { vendorId: vendor.id, kind: "contract", data: { type: "msa", status: "draft", renewal: "auto" } } });
    await saveDossierRecord({
      actor: legal,
      input: { vendorId: vendor.id, kind: "clause", data: { clauseCode: "incident_notification", presence: "present", hours: 72, citation: { contractId: msa.id, section: "9.2" } } },
    });
    const accept = (clauseCode: string) =>
      decideClauseProposal({ actor: legal, input: { decision: "accept", analysisId: run.id, clauseCode, expected: "pending", contractId: terms.id } });
    await expect(accept("incident_notification")).rejects.toMatchObject({ code: "INVALID_STATE", message: expect.stringMatching(/from another contract/) });
    // A clause incorporated by reference is not missing: confirming it as missing would raise a finding for a clause the vendor has.
    await expect(accept("liability_cap")).rejects.toMatchObject({ code: "INVALID_STATE", message: expect.stringMatching(/incorporated by reference/) });
    // Accept-all records the rest and leaves both for a decision one by one.
    const loaded = await getContractAnalysis({ actor: legal, vendorId: vendor.id, analysisId: run.id });
    const all = await acceptAllProposals({
      actor: legal,
      input: { analysisId: run.id, contractId: terms.id, analysisVersion: loaded.analysis.version, checklistVersions: Object.fromEntries(loaded.checklist.map((c) => [c.row.clauseCode, c.version])) },
    });
    expect(all).toEqual({ accepted: CLAUSE_CATALOGUE.clauses.length - 2, skipped: 2 });
    const rows = (await listRecords(t.db, vendor.id, ["clause"])).map((r) => r.data as ClauseReviewRow);
    expect(rows.find((r) => r.clauseCode === "incident_notification")).toMatchObject({ presence: "present", hours: 72, citation: { contractId: msa.id } });
    expect(rows.find((r) => r.clauseCode === "liability_cap")).toBeUndefined();
    const view = await getVendorDossierView({ actor: legal, vendorId: vendor.id });
    expect(view.findings.filter((f) => f.code === "legal.clause.deviating").map((f) => f.subject.id)).toContain("incident_notification");
  });

  it("stores an HTML contract with a script in it as inert text: the finder reads its structure, the download cannot run it, other evidence refuses HTML", async () => {
    const procurement = await makeActor("procurement");
    const legal = await makeActor("legal");
    const vendor = await createVendor({ actor: procurement, input: { ...validVendor, name: "Finder html" } });
    const html = [
      "<!DOCTYPE html><html><head><title>Hosting terms</title><script>fetch('/api/evidence').then(r => alert(document.cookie))</script></head>",
      '<body onload="alert(1)"><h2>6. Security</h2><p>The <b>Supplier</b> shall:</p>',
      "<ul><li>keep access logs for a year;</li><li>notify the Client of any <em>Security Breach</em> within twelve (12) hours.</li></ul>",
      '<h2>7. Audit</h2><p>The Client shall not be entitled to carry out any audit or inspection of the Supplier\'s premises.</p>',
      '<img src="x" onerror="alert(2)"></body></html>',
    ].join("\n");
    const bytes = Buffer.from(html);
    const { document } = await uploadEvidence({
      actor: legal,
      input: { vendorId: vendor.id, kind: "contract", effectiveDate: "2026-01-15" },
      stream: Readable.from([bytes]),
      declaredName: "hosting-terms.html",
      store,
    });
    expect(document).toMatchObject({ fileKind: "html", mimeType: "text/plain; charset=utf-8", fileName: "hosting-terms.html" });

    const run = await runClauseFinder({ actor: legal, input: { vendorId: vendor.id, documentId: document.id }, store });
    const { data } = await getContractAnalysis({ actor: legal, vendorId: vendor.id, analysisId: run.id });
    expect(data.format).toBe("html");
    const proposal = (code: string) => data.proposals.find((p) => p.clauseCode === code)!;
    expect(proposal("incident_notification")).toMatchObject({ found: true, value: { kind: "hours", hours: 12 } });
    expect(proposal("incident_notification").passages[0]).toMatchObject({ section: "6. Security" });
    expect(proposal("right_to_audit")).toMatchObject({ found: false, exclusion: { section: "7. Audit" } });
    expect(JSON.stringify(data)).not.toMatch(/alert|document\.cookie/);

    // The bytes are kept as uploaded; the download is plain text, an attachment, unsniffable and sandboxed.
    const { document: opened, body } = await openEvidence({ actor: legal, documentId: document.id, store });
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(Buffer.from(chunk as Buffer));
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
    const headers = evidenceDownloadHeaders(opened);
    expect(headers["Content-Type"]).toBe("text/plain; charset=utf-8");
    expect(headers["Content-Disposition"]).toMatch(/^attachment;/);
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Content-Security-Policy"]).toMatch(/default-src 'none'.*sandbox/);

    await expect(
      uploadEvidence({
        actor: legal,
        input: { vendorId: vendor.id, kind: "other", effectiveDate: "2026-01-15" },
        stream: Readable.from([bytes]),
        declaredName: "hosting-terms.html",
        store,
      }),
    ).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringMatching(/HTML or XML markup/) });
  });

  it("reads the contract's title, type, effective date, law and parties for the contract form, and lists them with the run", async () => {
    const procurement = await makeActor("procurement");
    const legal = await makeActor("legal");
    const vendor = await createVendor({ actor: procurement, input: { ...validVendor, name: "Finder facts" } });
    const markdown = [
      "# Data Processing Addendum",
      'This Data Processing Addendum is dated 14 March 2025 and made between Harbour Contact Ltd ("Processor") and Northwind Retail plc ("Controller").',
      "## 12. Law",
      "This Addendum is governed by the laws of Ireland.",
    ].join("\n\n");
    const { document } = await uploadEvidence({
      actor: legal,
      input: { vendorId: vendor.id, kind: "contract", effectiveDate: "2025-03-14", title: "DPA" },
      stream: Readable.from([Buffer.from(markdown)]),
      declaredName: "dpa-facts.md",
      store,
    });
    const run = await runClauseFinder({ actor: legal, input: { vendorId: vendor.id, documentId: document.id }, store });
    const expected = {
      title: "Data Processing Addendum",
      type: "dpa",
      effectiveDate: "2025-03-14",
      governingLaw: "Ireland",
      parties: ["Harbour Contact Ltd", "Northwind Retail plc"],
    };
    const { data } = await getContractAnalysis({ actor: legal, vendorId: vendor.id, analysisId: run.id });
    expect(data.facts).toEqual(expected);
    const review = await getLegalReview({ actor: legal, vendorId: vendor.id });
    expect(review.analyses.find((a) => a.documentId === document.id)?.facts).toEqual(expected);
  });

  it("proposes the SCCs a DPA incorporates for the transfer matrix, with the module and the docking clause", async () => {
    const procurement = await makeActor("procurement");
    const legal = await makeActor("legal");
    const vendor = await createVendor({ actor: procurement, input: { ...validVendor, name: "Finder SCCs" } });
    const markdown = [
      "# Data Processing Addendum",
      "## 9. International transfers",
      '**"SCCs"** means the standard contractual clauses approved by Commission Implementing Decision (EU) 2021/914 of 4 June 2021.',
      "The SCCs are incorporated into this DPA as follows: Module Two (controller to processor) applies; in Clause 7, the optional docking clause applies.",
    ].join("\n\n");
    const { document } = await uploadEvidence({
      actor: legal,
      input: { vendorId: vendor.id, kind: "contract", effectiveDate: "2026-01-15", title: "DPA" },
      stream: Readable.from([Buffer.from(markdown)]),
      declaredName: "dpa.md",
      store,
    });
    const run = await runClauseFinder({ actor: legal, input: { vendorId: vendor.id, documentId: document.id }, store });
    const { data } = await getContractAnalysis({ actor: legal, vendorId: vendor.id, analysisId: run.id });
    expect(data.sccs).toMatchObject({ set: "2021", modules: [2], dockingClause: true, ukAddendum: false });
    expect(data.sccs?.evidence).toContain("2021/914");
    // A suggestion only: no transfer is recorded by the finder.
    expect(await t.db.transferMechanism.count({ where: { vendorId: vendor.id } })).toBe(0);
  });
});
