import { describe, expect, it } from "vitest";
import { DATE_FORMAT_MESSAGE, DATETIME_FORMAT_MESSAGE } from "@/lib/schemas/dossier-fields";
import {
  deliverySiteInputSchema,
  dossierSchema,
  evidenceDocumentSchema,
  incidentInputSchema,
  insurancePolicyInputSchema,
  isoCertificateInputSchema,
  kpiPeriodInputSchema,
  securityPolicyInputSchema,
  securityReviewInputSchema,
  soc2ReportInputSchema,
  vendorProfileInputSchema,
  type Dossier,
} from "@/lib/schemas/dossier";
import type { z } from "zod";
import { buildDossier, cleanDossier, cleanLegal, isoCertificate, kpiPeriod, legalWithClause, soc2Report } from "./helpers/dossier-builder";

/** The first message per field path, the way react-hook-form shows them. */
function errors(schema: z.ZodType, value: unknown): Record<string, string> {
  const result = schema.safeParse(value);
  if (result.success) return {};
  const out: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".");
    out[key] ??= issue.message;
  }
  return out;
}

const soc2Form = {
  type: "type2",
  periodStart: "2025-01-01",
  periodEnd: "2025-12-31",
  issueDate: "2026-02-15",
  auditor: "Example Audit LLP",
  opinion: "unqualified",
  exceptionCount: 0,
  carvedOutSubservices: ["AWS", ""],
  bridgeLetterDate: "",
  evidenceId: "",
};

describe("SOC 2 report input", () => {
  it("accepts form values and normalises blanks", () => {
    const parsed = soc2ReportInputSchema.parse(soc2Form);
    expect(parsed.bridgeLetterDate).toBeUndefined();
    expect(parsed.evidenceId).toBeUndefined();
    expect(parsed.carvedOutSubservices).toEqual(["AWS"]);
  });

  it.each([
    [{ periodEnd: "" }, "periodEnd", "Enter the audit period end date"],
    [{ periodEnd: undefined }, "periodEnd", "Enter the audit period end date"],
    [{ periodEnd: "2025-02-30" }, "periodEnd", DATE_FORMAT_MESSAGE],
    [{ periodEnd: "31/12/2025" }, "periodEnd", DATE_FORMAT_MESSAGE],
    [{ periodEnd: "2024-12-31" }, "periodEnd", "The period end must be on or after the period start"],
    [{ issueDate: "2025-12-30" }, "issueDate", "A report is issued on or after its period end"],
    [{ bridgeLetterDate: "2025-12-01" }, "bridgeLetterDate", "A bridge letter covers the time after the period end"],
    [{ exceptionCount: -1 }, "exceptionCount", "This cannot be negative"],
    [{ exceptionCount: 1.5 }, "exceptionCount", "Enter a whole number"],
    [{ auditor: "  " }, "auditor", "Enter the audit firm"],
    [{ type: "type3" }, "type", "Choose Type I or Type II"],
  ])("%j → %s: %s", (change, path, message) => {
    expect(errors(soc2ReportInputSchema, { ...soc2Form, ...change })[path]).toBe(message);
  });

  it("accepts the leap day and a Type I with start = end", () => {
    expect(
      soc2ReportInputSchema.safeParse({ ...soc2Form, type: "type1", periodStart: "2024-02-29", periodEnd: "2024-02-29", issueDate: "2024-03-10" })
        .success,
    ).toBe(true);
  });
});

describe("delivery site input", () => {
  it("requires the four remote controls to be answered for remote agents only", () => {
    const site = { country: "in", city: "Pune", mode: "remote", headcount: 40 };
    expect(Object.keys(errors(deliverySiteInputSchema, site)).sort()).toEqual(["edr", "mfa", "vdi", "vpn"]);
    expect(errors(deliverySiteInputSchema, site).vpn).toBe("Say whether remote agents use VPN");
    expect(deliverySiteInputSchema.safeParse({ ...site, mode: "onsite" }).success).toBe(true);
    const parsed = deliverySiteInputSchema.parse({ ...site, edr: true, vpn: false, mfa: true, vdi: false });
    expect(parsed.country).toBe("IN");
  });

  it("rejects an unknown country and an empty site", () => {
    expect(errors(deliverySiteInputSchema, { country: "XX", city: "A", mode: "onsite", headcount: 1 }).country).toBe(
      "Choose the site's country",
    );
    expect(errors(deliverySiteInputSchema, { country: "IN", city: "A", mode: "onsite", headcount: 0 }).headcount).toBe(
      "Enter at least 1",
    );
  });
});

describe("ISO certificate input", () => {
  const cert = { ...isoCertificate(), id: undefined };
  it("requires the expiry after the issue date", () => {
    expect(errors(isoCertificateInputSchema, { ...cert, expiryDate: cert.issueDate }).expiryDate).toBe(
      "The expiry date must be after the issue date",
    );
    expect(isoCertificateInputSchema.safeParse(cert).success).toBe(true);
    expect(errors(isoCertificateInputSchema, { ...cert, standardVersion: "2005" }).standardVersion).toBe("Choose 2013 or 2022");
  });
});

describe("insurance input", () => {
  const policy = {
    carrier: "Example Mutual",
    policyNumber: "CY-1",
    perOccurrenceMinor: 5_000_000_00,
    aggregateMinor: 5_000_000_00,
    currency: "usd",
    expiryDate: "2026-12-31",
    additionalInsured: false,
  };
  it("upper-cases the currency and keeps integer minor units", () => {
    expect(insurancePolicyInputSchema.parse(policy).currency).toBe("USD");
    expect(errors(insurancePolicyInputSchema, { ...policy, perOccurrenceMinor: 10.5 }).perOccurrenceMinor).toBe("Enter a whole number");
    expect(errors(insurancePolicyInputSchema, { ...policy, currency: "US" }).currency).toBe("Use a 3-letter currency code such as USD");
  });
  it("refuses an aggregate below the per-occurrence limit", () => {
    expect(errors(insurancePolicyInputSchema, { ...policy, aggregateMinor: policy.perOccurrenceMinor - 1 }).aggregateMinor).toBe(
      "The aggregate limit cannot be below the per-occurrence limit",
    );
  });
});

describe("KPI period input", () => {
  it("treats a cleared number input (NaN) and a missing value as unknown", () => {
    const parsed = kpiPeriodInputSchema.parse({ period: "2026-q3", phishingFailurePct: Number.NaN, trainingCompletionPct: 97 });
    expect(parsed).toEqual({ period: "2026-Q3", trainingCompletionPct: 97 });
  });
  it.each([
    [{ period: "2026-Q5" }, "period", "Use a quarter like 2026-Q3"],
    [{ period: "2026-Q1", phishingFailurePct: 101 }, "phishingFailurePct", "A percentage cannot exceed 100"],
    [{ period: "2026-Q1", verificationBypassCount: 0.5 }, "verificationBypassCount", "Enter a whole number"],
  ])("%j → %s: %s", (value, path, message) => {
    expect(errors(kpiPeriodInputSchema, value)[path]).toBe(message);
  });
});

describe("incident input", () => {
  const incident = {
    detectedAt: "2026-01-10T08:00:00Z",
    notifiedAt: "",
    severity: "high",
    summary: "Vishing attempt",
    personalDataInvolved: true,
  };
  it("accepts a not-yet-notified incident", () => {
    expect(incidentInputSchema.parse(incident).notifiedAt).toBeUndefined();
  });
  it("refuses a notification before detection, and instants without an offset", () => {
    expect(errors(incidentInputSchema, { ...incident, notifiedAt: "2026-01-10T07:59:00Z" }).notifiedAt).toBe(
      "The notification cannot come before the detection",
    );
    expect(errors(incidentInputSchema, { ...incident, detectedAt: "2026-01-10T08:00" }).detectedAt).toBe(DATETIME_FORMAT_MESSAGE);
    // Offsets are compared as instants: 10:00+02:00 is 08:00Z.
    expect(incidentInputSchema.safeParse({ ...incident, notifiedAt: "2026-01-10T10:00:00+02:00" }).success).toBe(true);
  });
});

describe("profile input", () => {
  const profileForm = {
    name: "Northwind",
    legalName: "Northwind Ltd",
    website: "",
    country: "IN",
    services: ["email"],
    industries: ["fintech"],
    dataCategories: [],
    accessLevel: "read_only",
    status: "prospective",
    ownerEmail: "",
  };
  it("accepts blanks for optional fields", () => {
    const parsed = vendorProfileInputSchema.parse(profileForm);
    expect(parsed.website).toBeUndefined();
    expect(parsed.ownerEmail).toBeUndefined();
  });
  it("requires a substantial reason for a tier override", () => {
    expect(errors(vendorProfileInputSchema, { ...profileForm, tierOverride: { tier: "low", reason: "because" } })["tierOverride.reason"]).toBe(
      "Explain the override in at least 20 characters",
    );
    expect(
      vendorProfileInputSchema.safeParse({
        ...profileForm,
        tierOverride: { tier: "low", reason: "Agents only see anonymised ticket metadata." },
      }).success,
    ).toBe(true);
  });
  it("validates website, email and services", () => {
    const e = errors(vendorProfileInputSchema, { ...profileForm, website: "northwind", ownerEmail: "nope", services: [] });
    expect(e.website).toBe("Enter a full web address, e.g. https://example.com");
    expect(e.ownerEmail).toBe("Enter a valid email address");
    expect(e.services).toBe("Choose at least one service");
  });
});

describe("other records", () => {
  it("security policy needs its document", () => {
    expect(errors(securityPolicyInputSchema, { approvedOn: "2025-06-01", evidenceId: "" }).evidenceId).toBe(
      "Attach the approved policy document",
    );
  });
  it("security review needs an attendee", () => {
    expect(errors(securityReviewInputSchema, { heldOn: "2026-01-20", attendees: [""], followUps: [] }).attendees).toBe(
      "List at least one attendee",
    );
  });
  it("evidence metadata needs a real SHA-256", () => {
    const doc = cleanDossier().documents[0];
    expect(evidenceDocumentSchema.safeParse({ ...doc, sha256: "abc" }).success).toBe(false);
    expect(evidenceDocumentSchema.parse({ ...doc, sha256: "A".repeat(64) }).sha256).toBe("a".repeat(64));
  });
});

describe("dossier (interchange format)", () => {
  it("round-trips through JSON", () => {
    const dossier = cleanDossier();
    expect(dossierSchema.parse(JSON.parse(JSON.stringify(dossier)))).toEqual(dossier);
  });

  it.each<[string, Partial<Dossier>, string]>([
    ["duplicate ids", { soc2Reports: [soc2Report(), soc2Report()] }, "soc2Reports.1.id"],
    ["unknown evidence", { soc2Reports: [soc2Report({ evidenceId: "doc-nope" })] }, "soc2Reports.0.evidenceId"],
    ["unknown covered site", { isoCertificates: [isoCertificate({ coveredSiteIds: ["site-nope"] })] }, "isoCertificates.0.coveredSiteIds.0"],
    ["control not in catalogue", { controls: [{ id: "c1", code: "access.nope", status: "in_place" }] }, "controls.0.code"],
    ["duplicate KPI period", { kpis: [kpiPeriod(), kpiPeriod({ id: "other" })] }, "kpis.1.period"],
    ["a contract's unknown signed file", { legal: { ...cleanLegal(), contracts: cleanLegal().contracts.map((c) => ({ ...c, evidenceId: "doc-nope" })) } }, "legal.contracts.0.evidenceId"],
    ["a citation of a contract not in the dossier", { legal: legalWithClause("right_to_audit", { citation: { contractId: "contract-nope" } }) }, "legal.clauseReviews.0.citation.contractId"],
    ["a clause reviewed twice", { legal: { ...cleanLegal(), clauseReviews: [...cleanLegal().clauseReviews, cleanLegal().clauseReviews[0]!] } }, "legal.clauseReviews.10.clauseCode"],
    ["two mechanisms for one country", { legal: { ...cleanLegal(), transferMechanisms: [...cleanLegal().transferMechanisms, { country: "PH", mechanism: "bcrs" }] } }, "legal.transferMechanisms.2.country"],
  ])("refuses %s", (_label, change, path) => {
    expect(Object.keys(errors(dossierSchema, buildDossier(change)))).toContain(path);
  });

  it("requires the legal section", () => {
    const { legal: _legal, ...withoutLegal } = cleanDossier();
    expect(Object.keys(errors(dossierSchema, withoutLegal))).toContain("legal");
  });

  it("refuses an unknown format version", () => {
    expect(dossierSchema.safeParse({ ...cleanDossier(), formatVersion: 2 }).success).toBe(false);
  });
});
