import { describe, expect, test } from "vitest";
import { computeClauseStatus, needsSensitiveTrainingCadence, type ClauseContext } from "@/lib/domain/legal/clause-deviation";
import { type ClauseReviewRow, clauseReviewRowSchema } from "@/lib/schemas/legal";
import { DEFAULT_SETTINGS, type Settings } from "@/lib/schemas/settings";

const settings = DEFAULT_SETTINGS;
const min = settings.insurance.minimumElevatedMinor; // US$5,000,000
const standard: ClauseContext = { dataCategories: ["contact_pii"], industries: ["ecommerce"], insuranceMinimumMinor: min, currency: "USD" };
const row = (clauseCode: string, extra: Partial<ClauseReviewRow> = {}): ClauseReviewRow =>
  clauseReviewRowSchema.parse({ clauseCode, presence: "present", citation: { contractId: "c1", section: "7.4" }, ...extra });

describe("incident notification (settings.contract.incidentNotificationMaxHours = 24)", () => {
  test.each([
    [1, "present"],
    [24, "present"],
    [25, "deviating"],
    [72, "deviating"],
  ] as const)("%d h → %s", (hours, status) => {
    expect(computeClauseStatus(row("incident_notification", { hours }), standard, settings).status).toBe(status);
  });

  test("a clause with no deadline (\"promptly\") deviates: it is not an SLA", () => {
    const r = computeClauseStatus(row("incident_notification"), standard, settings);
    expect(r.status).toBe("deviating");
    expect(r.reason).toMatch(/No notification deadline/);
  });

  test("the reason quotes the value and the threshold", () => {
    const r = computeClauseStatus(row("incident_notification", { hours: 72 }), standard, settings);
    expect(r.reason).toBe("Notification within 72 hours exceeds the 24-hour maximum.");
    expect(r.checks[0]).toMatchObject({ observed: "72 hours", threshold: "at most 24 hours" });
  });

  test("the threshold comes from settings, not from code", () => {
    const strict: Settings = { ...settings, contract: { ...settings.contract, incidentNotificationMaxHours: 12 } };
    expect(computeClauseStatus(row("incident_notification", { hours: 24 }), standard, strict).status).toBe("deviating");
  });
});

describe("training cadence (12 months; 3 for financial or health data)", () => {
  const sensitiveByData: ClauseContext = { ...standard, dataCategories: ["payment_card"] };
  const sensitiveByIndustry: ClauseContext = { ...standard, industries: ["healthcare"] };
  test.each([
    ["standard", standard, 12, "present"],
    ["standard", standard, 13, "deviating"],
    ["payment card data", sensitiveByData, 3, "present"],
    ["payment card data", sensitiveByData, 4, "deviating"],
    ["healthcare industry", sensitiveByIndustry, 3, "present"],
    ["healthcare industry", sensitiveByIndustry, 4, "deviating"],
    ["health data", { ...standard, dataCategories: ["health"] } as ClauseContext, 12, "deviating"],
  ] as const)("%s, every %d months → %s", (_label, context, months, status) => {
    expect(computeClauseStatus(row("security_training", { months }), context, settings).status).toBe(status);
  });

  test("no cadence stated deviates", () => {
    expect(computeClauseStatus(row("security_training"), standard, settings).status).toBe("deviating");
  });

  test("which contexts are sensitive", () => {
    expect(needsSensitiveTrainingCadence({ dataCategories: ["contact_pii", "credentials_reset"], industries: ["saas"] }, settings)).toBe(false);
    expect(needsSensitiveTrainingCadence({ dataCategories: [], industries: ["fintech"] }, settings)).toBe(true);
  });
});

describe("liability cap against the insurance minimum", () => {
  test.each([
    [min - 1, "USD", "deviating"],
    [min, "USD", "present"],
    [min + 1, "USD", "present"],
  ] as const)("%d %s → %s", (amountMinor, currency, status) => {
    expect(computeClauseStatus(row("liability_cap", { amountMinor, currency }), standard, settings).status).toBe(status);
  });

  test("the reason shows both amounts", () => {
    const r = computeClauseStatus(row("liability_cap", { amountMinor: 100_000_000, currency: "USD" }), standard, settings);
    expect(r.reason).toBe("The liability cap of $1,000,000.00 is below the insurance minimum of $5,000,000.00.");
  });

  test("a cap in another currency is not silently compared", () => {
    const r = computeClauseStatus(row("liability_cap", { amountMinor: 900_000_000, currency: "GBP" }), standard, settings);
    expect(r.status).toBe("deviating");
    expect(r.reason).toMatch(/record the cap's USD equivalent/);
  });

  test("a fee-based cap with no recorded amount deviates until the amount is recorded", () => {
    expect(computeClauseStatus(row("liability_cap"), standard, settings).status).toBe("deviating");
  });
});

describe("right to audit", () => {
  test.each([
    [{}, "present"],
    [{ days: 30 }, "present"],
    [{ days: 31 }, "deviating"],
    [{ auditScope: "direct_or_third_party" }, "present"],
    [{ auditScope: "reports_only" }, "deviating"],
  ] as const)("%o → %s", (extra, status) => {
    expect(computeClauseStatus(row("right_to_audit", extra as Partial<ClauseReviewRow>), standard, settings).status).toBe(status);
  });

  test("both failures are explained", () => {
    const r = computeClauseStatus(row("right_to_audit", { days: 60, auditScope: "reports_only" }), standard, settings);
    expect(r.checks.map((c) => c.rule).sort()).toEqual(["audit_notice_days_max", "audit_scope_direct"]);
  });
});

describe("presence other than present is passed through", () => {
  test.each(["missing", "not_applicable"] as const)("%s", (presence) => {
    const r = computeClauseStatus(clauseReviewRowSchema.parse({ clauseCode: "incident_notification", presence }), standard, settings);
    expect(r).toEqual({ status: presence, checks: [] });
  });

  test("clauses without deviation rules are present when present", () => {
    expect(computeClauseStatus(row("data_residency"), standard, settings).status).toBe("present");
  });
});
