import { describe, expect, it } from "vitest";
import { buildDossier, isoCertificate, LOW_PROFILE, MODERATE_PROFILE } from "./helpers/dossier-builder";
import { findingsOf, summary } from "./helpers/run-findings";

// docs/rules.md §2: expired AFTER the expiry date, expiring WITHIN 90 days of it;
// the scope must cover every delivery site. NOW is 15 Mar 2026 (Critical vendor).

describe("ISO 27001 presence", () => {
  it.each([
    [{}, "iso.missing:medium"],
    [{ profile: MODERATE_PROFILE }, "iso.missing:low"],
    [{ profile: LOW_PROFILE }, "iso.missing:low"],
  ])("no certificate for %j → %s", (change, expected) => {
    expect(summary(findingsOf(buildDossier({ ...change, isoCertificates: [] }), "iso."))).toEqual([expected]);
  });
});

describe("ISO 27001 expiry", () => {
  // 15 Mar 2026 + 90 days = 13 Jun 2026.
  it.each([
    ["2026-03-14", ["iso.expired:high"]],
    ["2026-03-15", ["iso.expiring:low"]], // valid through its expiry date
    ["2026-06-13", ["iso.expiring:low"]], // exactly 90 days
    ["2026-06-14", []], // 91 days
  ])("expiry %s → %j", (expiryDate, expected) => {
    expect(summary(findingsOf(buildDossier({ isoCertificates: [isoCertificate({ expiryDate })] }), "iso."))).toEqual(expected);
  });

  it("words expiry relative to today", () => {
    const [expired] = findingsOf(buildDossier({ isoCertificates: [isoCertificate({ expiryDate: "2026-01-15" })] }), "iso.");
    expect(expired?.message).toContain("expired 2 months ago (expiry date 15 Jan 2026)");
    const [today] = findingsOf(buildDossier({ isoCertificates: [isoCertificate({ expiryDate: "2026-03-15" })] }), "iso.");
    expect(today?.message).toContain("expires today");
    expect(today?.observed).toBe("0 days until expiry");
    expect(today?.threshold).toBe("more than 90 days until expiry");
  });

  it("is a medium finding for a Moderate vendor", () => {
    const dossier = buildDossier({ profile: MODERATE_PROFILE, isoCertificates: [isoCertificate({ expiryDate: "2026-01-01" })] });
    expect(summary(findingsOf(dossier, "iso."))).toEqual(["iso.expired:medium"]);
  });

  it("judges expiry on the certificate that expires last", () => {
    const old = isoCertificate({ id: "iso-old", issueDate: "2021-07-01", expiryDate: "2024-06-30" });
    expect(findingsOf(buildDossier({ isoCertificates: [old, isoCertificate()] }), "iso.")).toEqual([]);
  });
});

describe("ISO 27001 scope", () => {
  it("raises one finding per delivery site outside the scope", () => {
    const findings = findingsOf(buildDossier({ isoCertificates: [isoCertificate({ coveredSiteIds: ["site-manila"] })] }), "iso.");
    expect(summary(findings)).toEqual(["iso.site_not_covered:medium"]);
    expect(findings[0]?.subject).toEqual({ kind: "delivery_site", id: "site-pune", label: "Pune, India (remote agents)" });

    const none = findingsOf(buildDossier({ isoCertificates: [isoCertificate({ coveredSiteIds: [] })] }), "iso.");
    expect(none.map((f) => f.subject.id)).toEqual(["site-manila", "site-pune"]);
  });

  it("counts sites covered by any valid certificate", () => {
    const certs = [
      isoCertificate({ id: "iso-a", coveredSiteIds: ["site-manila"] }),
      isoCertificate({ id: "iso-b", coveredSiteIds: ["site-pune"] }),
    ];
    expect(findingsOf(buildDossier({ isoCertificates: certs }), "iso.")).toEqual([]);
  });

  it("does not count an expired certificate's scope", () => {
    const certs = [
      isoCertificate({ id: "iso-a", coveredSiteIds: ["site-manila"] }),
      isoCertificate({ id: "iso-old", expiryDate: "2025-12-31", coveredSiteIds: ["site-pune"] }),
    ];
    expect(findingsOf(buildDossier({ isoCertificates: certs }), "iso.site_not_covered").map((f) => f.subject.id)).toEqual(["site-pune"]);
  });

  it("does not list sites when no certificate is valid", () => {
    const expired = isoCertificate({ expiryDate: "2026-01-01", coveredSiteIds: [] });
    expect(summary(findingsOf(buildDossier({ isoCertificates: [expired] }), "iso."))).toEqual(["iso.expired:high"]);
  });
});

describe("ISO 27001 edition and accreditation", () => {
  // 2013 certificates lapsed after 31 Oct 2025 (IAF MD 26).
  it.each([
    ["2025-10-31", []],
    ["2025-11-01", ["iso.superseded_version:medium"]],
  ])("a 2013 certificate on %s → %j", (today, expected) => {
    const dossier = buildDossier({ isoCertificates: [isoCertificate({ standardVersion: "2013" })] });
    expect(summary(findingsOf(dossier, "iso.", { now: today }))).toEqual(expected);
  });

  it("flags a certificate from an unaccredited body", () => {
    expect(summary(findingsOf(buildDossier({ isoCertificates: [isoCertificate({ accredited: false })] }), "iso."))).toEqual([
      "iso.unaccredited:low",
    ]);
  });
});
