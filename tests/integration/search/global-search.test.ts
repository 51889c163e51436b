// Global search against the real indexes: FTS5 on SQLite, GIN tsvector
// indexes on PostgreSQL (prisma/migrations/*_global_search). Records are
// written the way the app writes them (Prisma), so the index must follow
// through its triggers (SQLite) or its expression (PostgreSQL).
import { beforeAll, describe, expect, it } from "vitest";
import { ROLES } from "@/lib/domain/accounts/roles";
import { can } from "@/lib/domain/accounts/permissions";
import { SEARCH_KINDS, type SearchKind } from "@/lib/schemas/search";
import type { SearchResults } from "@/lib/schemas/views/search";
import type { Actor } from "@/lib/server/actor";
import { AppError } from "@/lib/server/errors";
import { SEARCH_SOURCES } from "@/lib/server/search/sources";
import { searchRecords } from "@/lib/server/services/search";
import { makeActor } from "../helpers/fixtures";
import { forEachProvider } from "../helpers/test-database";

function titles(results: SearchResults, kind: SearchKind): string[] {
  return results.groups.find((g) => g.kind === kind)?.hits.map((h) => h.title) ?? [];
}

forEachProvider("global search", (t) => {
  let admin: Actor;
  let vendorId: string;
  let otherVendorId: string;
  const search = (q: string, extra: Record<string, unknown> = {}, actor = admin) => searchRecords({ actor, input: { q, ...extra } });

  beforeAll(async () => {
    admin = await makeActor("admin");
    const vendor = await t.db.vendor.create({
      data: { name: "Acme Contact Solutions", searchName: "acme contact solutions", legalName: "Acme Holdings Pvt Ltd", country: "IN", tier: "high", tierRank: 1 },
    });
    const other = await t.db.vendor.create({
      data: { name: "Bluepeak Outsourcing", searchName: "bluepeak outsourcing", legalName: "Bluepeak Société Anonyme", country: "FR", tier: "low", tierRank: 3 },
    });
    vendorId = vendor.id;
    otherVendorId = other.id;
    const doc = await t.db.evidenceDocument.create({
      data: { vendorId, kind: "soc2_report", title: "Annual assurance pack", fileName: "soc2_type2-report_2025.pdf", fileKind: "pdf", sha256: "a".repeat(64), sizeBytes: 10, mimeType: "application/pdf", uploadedById: admin.id, effectiveDate: "2025-06-30" },
    });
    await t.db.evidenceDocument.create({
      data: { vendorId: otherVendorId, kind: "security_policy", title: null, fileName: "information-security-policy.docx", fileKind: "docx", sha256: "b".repeat(64), sizeBytes: 10, mimeType: "application/octet-stream", uploadedById: admin.id, effectiveDate: "2025-01-01" },
    });
    await t.db.contract.create({ data: { vendorId, type: "msa", title: "Master Services Agreement Zephyrine", status: "signed", renewal: "manual", evidenceId: doc.id } });
    await t.db.remediationItem.create({
      data: { vendorId, title: "Rotate shared credentials", findingMessage: "Quokka agents share one login", dueDate: "2026-12-31" },
    });
    // As the summary refresh stores an open finding (VendorFinding).
    await t.db.vendorFinding.create({
      data: { vendorId, code: "insurance.below_minimum", severity: "high", domain: "financial", message: "Cyber insurance limit of 500,000 is below the Pangolin minimum", subjectKind: "insurance", position: 0, computedAt: new Date() },
    });
  });

  it("finds open findings by a word and by a prefix of their message, linked to the vendor's findings", async () => {
    const hits = (await search("pangolin")).groups.find((g) => g.kind === "finding")!.hits;
    expect(hits.map((h) => [h.title, h.detail, h.vendorName])).toEqual([["Cyber insurance limit of 500,000 is below the Pangolin minimum", "high", "Acme Contact Solutions"]]);
    expect(titles(await search("pango insur"), "finding")).toEqual(["Cyber insurance limit of 500,000 is below the Pangolin minimum"]);
    expect(titles(await search("pangolin"), "vendor")).toEqual([]);
  });

  it("finds each kind by a whole word", async () => {
    expect(titles(await search("Acme"), "vendor")).toEqual(["Acme Contact Solutions"]);
    expect(titles(await search("holdings"), "vendor")).toEqual(["Acme Contact Solutions"]); // the legal name
    expect(titles(await search("zephyrine"), "contract")).toEqual(["Master Services Agreement Zephyrine"]);
    expect(titles(await search("assurance"), "evidence")).toEqual(["Annual assurance pack"]); // the title
    expect(titles(await search("report"), "evidence")).toEqual(["Annual assurance pack"]); // a word of the file name
    expect(titles(await search("policy"), "evidence")).toEqual(["information-security-policy.docx"]); // untitled: the file name
    expect(titles(await search("credentials"), "remediation")).toEqual(["Rotate shared credentials"]);
    expect(titles(await search("quokka"), "remediation")).toEqual(["Rotate shared credentials"]); // the finding it remedies
  });

  it("finds each kind by the first letters of a word, and needs every word typed", async () => {
    expect(titles(await search("acm"), "vendor")).toEqual(["Acme Contact Solutions"]);
    expect(titles(await search("zeph"), "contract")).toEqual(["Master Services Agreement Zephyrine"]);
    expect(titles(await search("soc2 rep"), "evidence")).toEqual(["Annual assurance pack"]);
    expect(titles(await search("rot cred"), "remediation")).toEqual(["Rotate shared credentials"]);
    expect(titles(await search("acme bluepeak"), "vendor")).toEqual([]);
    expect(titles(await search("me"), "vendor")).toEqual([]); // inside a word is not a prefix
  });

  it("groups hits by kind, with counts, each linked to its vendor", async () => {
    const results = await search("acme");
    expect(results.terms).toEqual(["acme"]);
    expect(results.groups.map((g) => g.kind)).toEqual([...SEARCH_KINDS]);
    const vendors = results.groups.find((g) => g.kind === "vendor")!;
    expect(vendors).toMatchObject({ total: 1, capped: false });
    expect(vendors.hits[0]).toMatchObject({ id: vendorId, vendorId, vendorName: "Acme Contact Solutions", detail: "Acme Holdings Pvt Ltd" });
    const contracts = (await search("agreement")).groups.find((g) => g.kind === "contract")!;
    expect(contracts.hits[0]).toMatchObject({ vendorId, vendorName: "Acme Contact Solutions", detail: "msa" });
    expect(results.groups.find((g) => g.kind === "evidence")).toMatchObject({ total: 0, hits: [] });
  });

  it("limits a group to ten on the overview and pages one kind", async () => {
    await t.db.vendor.createMany({
      data: Array.from({ length: 12 }, (_, i) => ({ id: `paging-${i}`, name: `Paging Vendor ${i}`, searchName: `paging vendor ${i}`, legalName: `Paging ${i} Ltd`, country: "PH", tier: "low", tierRank: 3 })),
    });
    const overview = (await search("paging")).groups.find((g) => g.kind === "vendor")!;
    expect(overview.total).toBe(12);
    expect(overview.hits).toHaveLength(10);
    const all = await search("paging", { kind: "vendor" });
    expect(all.groups.map((g) => g.kind)).toEqual(["vendor"]);
    expect(all.groups[0]!.hits).toHaveLength(12);
    expect((await search("paging", { kind: "vendor", page: 2 })).groups[0]!.hits).toHaveLength(0);
    await t.db.vendor.deleteMany({ where: { id: { startsWith: "paging-" } } });
  });

  it("follows inserts, updates and deletes", async () => {
    const created = await t.db.vendor.create({
      data: { name: "Xylograph Support", searchName: "xylograph support", legalName: "Xylograph LLC", country: "US", tier: "low", tierRank: 3 },
    });
    expect(titles(await search("xylo"), "vendor")).toEqual(["Xylograph Support"]);
    await t.db.vendor.update({ where: { id: created.id }, data: { name: "Yarrowfield Support", legalName: "Yarrowfield LLC" } });
    expect(titles(await search("xylo"), "vendor")).toEqual([]);
    expect(titles(await search("yarrow"), "vendor")).toEqual(["Yarrowfield Support"]);
    // A write that leaves the indexed columns alone keeps the entry (SQLite's trigger fires on name and legal name only).
    await t.db.vendor.update({ where: { id: created.id }, data: { blockerCount: 3 } });
    expect(titles(await search("yarrow"), "vendor")).toEqual(["Yarrowfield Support"]);

    const doc = await t.db.evidenceDocument.create({
      data: { vendorId: created.id, kind: "other", title: "Wombat survey", fileName: "survey-notes.txt", fileKind: "txt", sha256: "c".repeat(64), sizeBytes: 1, mimeType: "text/plain", uploadedById: admin.id, effectiveDate: "2025-01-01" },
    });
    const contract = await t.db.contract.create({ data: { vendorId: created.id, type: "sow", title: "Wombat statement of work", status: "draft", renewal: "manual" } });
    const item = await t.db.remediationItem.create({ data: { vendorId: created.id, title: "Wombat follow-up", dueDate: "2026-12-31" } });
    const wombats = await search("wombat");
    expect(wombats.groups.filter((g) => g.total > 0).map((g) => g.kind)).toEqual(["contract", "evidence", "remediation"]);

    await t.db.evidenceDocument.update({ where: { id: doc.id }, data: { title: "Numbat survey" } });
    await t.db.contract.update({ where: { id: contract.id }, data: { title: "Numbat statement of work" } });
    await t.db.remediationItem.update({ where: { id: item.id }, data: { findingMessage: "Numbat finding" } });
    expect(titles(await search("numbat"), "evidence")).toEqual(["Numbat survey"]);
    expect(titles(await search("numbat"), "contract")).toEqual(["Numbat statement of work"]);
    expect(titles(await search("numbat"), "remediation")).toEqual(["Wombat follow-up"]);
    expect(titles(await search("wombat"), "evidence")).toEqual([]);

    // Deleting the vendor cascades to its records: every entry goes with them.
    await t.db.vendor.delete({ where: { id: created.id } });
    const gone = await search("numbat wombat yarrow");
    expect(gone.groups.every((g) => g.total === 0)).toBe(true);
    for (const word of ["numbat", "wombat", "yarrow"]) expect((await search(word)).groups.every((g) => g.total === 0), word).toBe(true);
  });

  it("treats query syntax as plain words and never fails on it", async () => {
    const hostile = ['"', "*", "NEAR(", "-", "acme)", "(acme", "acme OR bluepeak", "a AND", "NOT acme", "^acme", "acme:*", "name:acme", "'", "''", "\\", "!acme", "acme & |", "<->", "%", "_", ";--", "\u0000", "😀", "acme\"*", "{name}: acme", "   "];
    for (const q of hostile) {
      const results = await search(q);
      for (const group of results.groups) expect(Array.isArray(group.hits), q).toBe(true);
    }
    // Operators are words like any other, not syntax: "acme OR bluepeak" wants both words.
    expect(titles(await search("acme OR bluepeak"), "vendor")).toEqual([]);
    expect(titles(await search('"acme'), "vendor")).toEqual(["Acme Contact Solutions"]);
    expect(titles(await search("NEAR(acme"), "vendor")).toEqual([]);
    expect(titles(await search("-acme"), "vendor")).toEqual(["Acme Contact Solutions"]);
    expect(titles(await search("name:acme"), "vendor")).toEqual([]);
    expect((await search("*")).groups).toEqual([]); // no words: nothing searched
  });

  it("refuses text over the limit with a field error", async () => {
    const error = await search("a".repeat(201)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fieldErrors).toMatchObject({ q: expect.stringContaining("200") });
  });

  describe("permissions", () => {
    it("gives every role exactly the groups its permissions read", async () => {
      for (const role of ROLES) {
        const actor = await makeActor(role);
        const kinds = (await search("acme", {}, actor)).groups.map((g) => g.kind);
        expect(kinds, role).toEqual(SEARCH_SOURCES.filter((s) => can(role, s.permission)).map((s) => s.kind));
      }
    });

    it("never runs the query of a kind the role may not read", async () => {
      // No role lacks a read permission of today's kinds; a source guarded by
      // a permission only some roles hold shows the filter at work.
      const guarded = SEARCH_SOURCES.map((s) => (s.kind === "vendor" ? { ...s, permission: "auditlog.read" as const } : s));
      const procurement = await makeActor("procurement");
      const security = await makeActor("security");
      const hidden = await searchRecords({ actor: procurement, input: { q: "acme" } }, guarded);
      expect(hidden.groups.map((g) => g.kind)).not.toContain("vendor");
      expect(hidden.groups.map((g) => g.kind)).toContain("evidence");
      expect((await searchRecords({ actor: procurement, input: { q: "acme", kind: "vendor" } }, guarded)).groups).toEqual([]);
      const shown = await searchRecords({ actor: security, input: { q: "acme" } }, guarded);
      expect(titles(shown, "vendor")).toEqual(["Acme Contact Solutions"]);
    });
  });
});
