import { describe, expect, it } from "vitest";
import catalogueJson from "@/lib/domain/reference/control-catalogue.json";
import { CONTROL_DOMAINS } from "@/lib/domain/dossier-vocabulary";
import { controlCatalogueSchema } from "@/lib/schemas/control-catalogue";

describe("default control catalogue (lib/domain/reference/control-catalogue.json)", () => {
  const result = controlCatalogueSchema.safeParse(catalogueJson);

  it("is valid against the catalogue schema", () => {
    expect(result.error?.issues ?? []).toEqual([]);
  });

  const catalogue = result.success ? result.data : [];
  const codes = catalogue.map((c) => c.code);

  it("holds about thirty controls, each with a source", () => {
    expect(catalogue.length).toBeGreaterThanOrEqual(28);
    for (const control of catalogue) expect(control.source).toBeTruthy();
  });

  it.each(CONTROL_DOMAINS)("covers the %s domain", (domain) => {
    expect(catalogue.some((c) => c.domain === domain)).toBe(true);
  });

  // Every control docs/rules.md §6 names, by code.
  it.each([
    "access.least_privilege",
    "access.rbac",
    "access.mfa_everywhere",
    "access.session_logging",
    "access.pam_no_shared_admin",
    "access.periodic_access_reviews",
    "access.offboarding",
    "endpoint.managed_edr",
    "endpoint.vpn",
    "endpoint.vdi_no_local_data",
    "endpoint.usb_blocked",
    "endpoint.screen_lock_60s",
    "physical.clean_desk",
    "physical.no_phones_on_floor",
    "physical.cctv",
    "physical.access_zones",
    "physical.visitor_management",
    "email.dmarc_reject",
    "email.dkim",
    "email.spf",
    "email.secure_email_gateway",
    "human.verification_tier1",
    "human.verification_tier2_oob_otp",
    "human.verification_tier3_elevated",
    "human.no_exceptions_policy",
    "human.social_engineering_escalation",
    "human.channel_agnostic",
    "governance.quarterly_security_reviews",
    "governance.annual_soc2_cycle",
    "governance.quarterly_phishing_simulations",
    "governance.incident_response_drills",
  ])("includes %s", (code) => {
    expect(codes).toContain(code);
  });

  it("rejects a duplicate code and a malformed one", () => {
    const entry = catalogue[0];
    expect(entry).toBeDefined();
    if (!entry) return;
    expect(controlCatalogueSchema.safeParse([entry, entry]).success).toBe(false);
    expect(controlCatalogueSchema.safeParse([{ ...entry, code: "No Dots" }]).success).toBe(false);
  });
});
