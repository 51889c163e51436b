import { describe, expect, it } from "vitest";
import type { ControlImportance, ControlStatus } from "@/lib/domain/dossier-vocabulary";
import type { Severity } from "@/lib/domain/vocabulary";
import {
  allControlsInPlace,
  buildDossier,
  CATALOGUE,
  controlsWith,
  MODERATE_PROFILE,
  onsiteSite,
  remoteSite,
} from "./helpers/dossier-builder";
import { findingsOf, summary } from "./helpers/run-findings";

describe("delivery sites", () => {
  it("names the remote controls that are missing", () => {
    const findings = findingsOf(buildDossier({ sites: [onsiteSite(), remoteSite({ vpn: false, vdi: false })] }), "site.");
    expect(summary(findings)).toEqual(["site.remote_controls_missing:high"]);
    expect(findings[0]?.observed).toBe("missing VPN and VDI");
    expect(findings[0]?.threshold).toBe("EDR, VPN, MFA and VDI");
    expect(findings[0]?.subject.id).toBe("site-pune");
  });

  it("counts an unanswered control as missing", () => {
    const findings = findingsOf(buildDossier({ sites: [remoteSite({ edr: undefined })] }), "site.");
    expect(findings[0]?.observed).toBe("missing EDR");
  });

  it("is medium for a Moderate vendor", () => {
    const dossier = buildDossier({ profile: MODERATE_PROFILE, sites: [remoteSite({ mfa: false })] });
    expect(summary(findingsOf(dossier, "site."))).toEqual(["site.remote_controls_missing:medium"]);
  });

  it("does not ask on-site floors for remote controls", () => {
    expect(findingsOf(buildDossier({ sites: [onsiteSite()] }), "site.")).toEqual([]);
  });

  it("notes when no site is recorded", () => {
    expect(summary(findingsOf(buildDossier({ sites: [], isoCertificates: [] }), "site."))).toEqual(["site.none_recorded:low"]);
  });
});

describe("controls", () => {
  // Severity from importance: not in place / unknown critical→high, high→medium,
  // medium→low, low→low; partial one step lower, never below low.
  const LOW_CONTROL = {
    code: "governance.test_low",
    domain: "governance" as const,
    title: "Low-importance test control",
    description: "Exists only in this test.",
    importance: "low" as const,
  };
  const catalogue = [...CATALOGUE, LOW_CONTROL];
  const codeFor = (importance: ControlImportance) => {
    const entry = catalogue.find((c) => c.importance === importance && c.code !== "email.dmarc_reject");
    if (!entry) throw new Error(`no ${importance} control`);
    return entry.code;
  };

  it.each<[ControlImportance, ControlStatus, string | null, Severity | null]>([
    ["critical", "not_in_place", "control.not_in_place", "high"],
    ["critical", "unknown", "control.unknown", "high"],
    ["critical", "partial", "control.partial", "medium"],
    ["high", "not_in_place", "control.not_in_place", "medium"],
    ["high", "unknown", "control.unknown", "medium"],
    ["high", "partial", "control.partial", "low"],
    ["medium", "not_in_place", "control.not_in_place", "low"],
    ["medium", "partial", "control.partial", "low"],
    ["low", "not_in_place", "control.not_in_place", "low"],
    ["low", "partial", "control.partial", "low"],
    ["critical", "not_applicable", null, null],
    ["critical", "in_place", null, null],
  ])("%s importance, %s → %s %s", (importance, status, code, severity) => {
    const target = codeFor(importance);
    const controls = [...allControlsInPlace(), { id: "c-low", code: LOW_CONTROL.code, status: "in_place" as const }].map((a) =>
      a.code === target ? { ...a, status } : a,
    );
    const findings = findingsOf(buildDossier({ controlCatalogue: catalogue, controls }), "control.");
    expect(summary(findings)).toEqual(code ? [`${code}:${severity}`] : []);
    if (code) expect(findings[0]?.subject.id).toBe(target);
  });

  it("treats a catalogue control without an assessment as unknown", () => {
    const controls = allControlsInPlace().filter((a) => a.code !== "access.rbac");
    const findings = findingsOf(buildDossier({ controls }), "control.");
    expect(summary(findings)).toEqual(["control.unknown:medium"]);
    expect(findings[0]?.observed).toBe("not assessed");
    expect(findings[0]?.message).toContain("has not been assessed (counted as not in place)");
  });

  it.each<[ControlStatus, string[]]>([
    ["not_in_place", ["control.dmarc_not_reject:high"]],
    ["unknown", ["control.dmarc_not_reject:high"]],
    ["partial", ["control.dmarc_not_reject:medium"]],
    ["not_applicable", []],
  ])("DMARC %s → its own code %j", (status, expected) => {
    const findings = findingsOf(buildDossier({ controls: controlsWith("email.dmarc_reject", status) }), "control.");
    expect(summary(findings)).toEqual(expected);
    if (expected.length) expect(findings[0]?.source).toBe("RFC 7489 DMARC (policy at reject)");
  });

  it("carries the reviewer's note and the catalogue source", () => {
    const [f] = findingsOf(buildDossier({ controls: controlsWith("endpoint.usb_blocked", "partial", "Blocked on floor PCs only") }), "control.");
    expect(f?.message).toContain("Note: Blocked on floor PCs only");
    expect(f?.source).toContain("USB port restriction");
    expect(f?.observed).toBe("Partial");
    expect(f?.threshold).toBe("In place");
  });
});
