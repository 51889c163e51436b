import { describe, expect, test } from "vitest";
import { ADEQUACY_REFERENCE, adequacyDecisionFor, isEuEea } from "@/lib/domain/legal/adequacy";
import { deriveTransferMatrix, type ProcessingSite, type TransferSubProcessor } from "@/lib/domain/legal/transfers";
import { type RecordedTransferMechanism, transferMechanismSchema } from "@/lib/schemas/legal";

const mech = (m: Record<string, unknown>): RecordedTransferMechanism => transferMechanismSchema.parse(m);
const site = (country: string, city?: string): ProcessingSite => ({ country, city });
const matrix = (sites: ProcessingSite[], recorded: RecordedTransferMechanism[] = [], subs: TransferSubProcessor[] = []) =>
  deriveTransferMatrix(sites, subs, ["contact_pii", "eu_personal"], ADEQUACY_REFERENCE, recorded);

describe("one row per country, mechanism and finding", () => {
  test.each([
    // [case, site country, recorded, regime, effective mechanism, finding code]
    ["EU site (Poland)", "PL", undefined, "eu_eea", "eu_eea", undefined],
    ["EEA site (Norway)", "NO", undefined, "eu_eea", "eu_eea", undefined],
    ["adequacy country (Japan)", "JP", undefined, "adequacy", "adequacy", undefined],
    ["UK: its own adequacy decision, not EU", "GB", undefined, "adequacy", "adequacy", undefined],
    ["UK written as UK", "UK", undefined, "adequacy", "adequacy", undefined],
    ["Philippines with SCCs and a TIA", "PH", { mechanism: "sccs", sccModule: 2, tiaDate: "2026-02-10" }, "third_country", "sccs", undefined],
    ["Philippines with SCCs but no TIA", "PH", { mechanism: "sccs", sccModule: 2 }, "third_country", "sccs", "legal.transfer.sccs_without_tia"],
    ["India with nothing recorded", "IN", undefined, "third_country", "none", "legal.transfer.no_mechanism"],
    ["India with mechanism none", "IN", { mechanism: "none" }, "third_country", "none", "legal.transfer.no_mechanism"],
    ["India with BCRs", "IN", { mechanism: "bcrs" }, "third_country", "bcrs", undefined],
    ["India wrongly recorded as adequacy", "IN", { mechanism: "adequacy" }, "third_country", "none", "legal.transfer.no_mechanism"],
    ["US without a confirmed DPF certification", "US", undefined, "adequacy_importer_check", "none", "legal.transfer.no_mechanism"],
    ["US importer confirmed DPF-certified", "US", { mechanism: "adequacy" }, "adequacy_importer_check", "adequacy", undefined],
    ["US with SCCs and a TIA", "US", { mechanism: "sccs", sccModule: 3, tiaDate: "2026-01-01" }, "adequacy_importer_check", "sccs", undefined],
  ] as const)("%s", (_label, country, recorded, regime, mechanism, findingCode) => {
    const rows = matrix([site(country)], recorded ? [mech({ country, ...recorded })] : []);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ regime, mechanism });
    expect(rows[0]?.finding?.code).toBe(findingCode);
  });

  test("the India blocker cites GDPR Chapter V and Art. 46", () => {
    const [row] = matrix([site("IN", "Pune")]);
    expect(row?.finding).toMatchObject({ severity: "blocker", source: "GDPR Chapter V, Art. 44 and 46", subject: { kind: "transfer", id: "IN" } });
    expect(row?.finding?.message).toContain("India (IN)");
    expect(row?.finding?.message).toContain("Pune, IN");
  });

  test("SCCs without a TIA is a medium finding", () => {
    const [row] = matrix([site("PH")], [mech({ country: "PH", mechanism: "sccs", sccModule: 2 })]);
    expect(row?.finding?.severity).toBe("medium");
  });

  test("adequacy rows carry their decision and source", () => {
    const [row] = matrix([site("GB")]);
    expect(row?.adequacy).toMatchObject({ decision: expect.stringContaining("2021/1772"), source: expect.stringContaining("eur-lex.europa.eu") });
  });
});

describe("which countries appear", () => {
  test("sites and sub-processors in the same country share a row; rows are sorted", () => {
    const subs: TransferSubProcessor[] = [
      { name: "Twilio", country: "US", dataCategories: ["eu_personal"] },
      { name: "Overflow centre", country: "PH", dataCategories: ["eu_personal", "contact_pii"] },
    ];
    const rows = matrix([site("PH", "Cebu"), site("DE", "Berlin")], [], subs);
    expect(rows.map((r) => r.country)).toEqual(["DE", "PH", "US"]);
    expect(rows.find((r) => r.country === "PH")?.processedBy.map((p) => p.kind)).toEqual(["delivery_site", "sub_processor"]);
  });

  test("no EU residents' data at the vendor: sites are not transfers", () => {
    expect(deriveTransferMatrix([site("IN")], [], ["contact_pii", "california_personal"], ADEQUACY_REFERENCE, [])).toEqual([]);
  });

  test("a sub-processor that does not touch EU data is not a transfer", () => {
    expect(matrix([], [], [{ name: "Payroll", country: "IN", dataCategories: ["india_personal"] }])).toEqual([]);
  });
});

describe("adequacy reference data", () => {
  test("has a source and an as-of date", () => {
    expect(ADEQUACY_REFERENCE.source).toMatch(/European Commission/);
    expect(ADEQUACY_REFERENCE.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  test("lists the real adequacy decisions", () => {
    expect(ADEQUACY_REFERENCE.decisions.map((d) => d.country).sort()).toEqual(
      ["AD", "AR", "BR", "CA", "CH", "FO", "GB", "GG", "IL", "IM", "JE", "JP", "KR", "NZ", "US", "UY"].sort(),
    );
  });

  test("India and the Philippines have none; the UK is not in the EU/EEA", () => {
    expect(adequacyDecisionFor(ADEQUACY_REFERENCE, "IN")).toBeUndefined();
    expect(adequacyDecisionFor(ADEQUACY_REFERENCE, "PH")).toBeUndefined();
    expect(isEuEea(ADEQUACY_REFERENCE, "GB")).toBe(false);
  });

  test("EU has 27 members, EEA adds Iceland, Liechtenstein and Norway, and no decision covers an EU/EEA country", () => {
    expect(new Set(ADEQUACY_REFERENCE.euEea.eu).size).toBe(27);
    expect(ADEQUACY_REFERENCE.euEea.eeaNonEu.sort()).toEqual(["IS", "LI", "NO"]);
    for (const d of ADEQUACY_REFERENCE.decisions) expect(isEuEea(ADEQUACY_REFERENCE, d.country)).toBe(false);
  });

  test("only the US decision needs the importer checked (DPF certification)", () => {
    expect(ADEQUACY_REFERENCE.decisions.filter((d) => d.requiresImporterCheck).map((d) => d.country)).toEqual(["US"]);
  });
});
