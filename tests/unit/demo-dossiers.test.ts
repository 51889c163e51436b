import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findingsFor } from "@/lib/domain/findings/dossier-findings";
import { soc2Status } from "@/lib/domain/assurance/soc2-status";
import { computeInherentTier } from "@/lib/domain/vendors/tier";
import { dossierSchema, type Dossier } from "@/lib/schemas/dossier";
import { DEFAULT_SETTINGS } from "@/lib/schemas/settings";
import {
  DEMO_EVIDENCE_MIME_TYPE,
  DEMO_FINDING_EXPECTATIONS,
  DEMO_NOW_ANCHOR,
  demoDossiers,
  demoEvidenceText,
} from "@/prisma/seed/demo-dossiers";

// The demo set must parse, must exercise every finding the engine can raise,
// and must keep doing so whatever day the seed runs (dates are relative).

const FIXED_NOW = new Date("2026-11-22T12:00:00Z");
const OTHER_NOWS = [new Date("2027-06-01T08:30:00Z"), new Date("2026-12-31T00:05:00Z"), new Date("2028-02-29T23:10:00Z")];

/**
 * The rule modules: every module of the findings engine, and the modules of
 * the legal domain that build findings (they import the Finding type; the
 * rest of lib/domain/legal is the clause finder and its patterns).
 */
function ruleSources(): string[] {
  const read = (dir: string) =>
    fs.readdirSync(dir).filter((f) => f.endsWith(".ts")).map((f) => fs.readFileSync(path.join(dir, f), "utf8"));
  const legal = read(path.resolve(__dirname, "../../lib/domain/legal")).filter((source) => /import type \{[^}]*\bFinding\b[^}]*\} from "[^"]*\/finding"/.test(source));
  return [...read(path.resolve(__dirname, "../../lib/domain/findings/rules")), ...legal];
}

/**
 * Every finding code the rule modules can emit, read from their source so a
 * rule added later without demo coverage fails this test. Finding codes are
 * dotted string literals ("family.name", "legal.clause.missing"); the control
 * rules also hold codes in lookup tables ("partial: \"control.partial\""), so
 * every dotted literal counts, except control catalogue codes used as table keys.
 */
function engineFindingCodes(): string[] {
  const catalogue = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../lib/domain/reference/control-catalogue.json"), "utf8")) as {
    code: string;
  }[];
  const controlCodes = new Set(catalogue.map((c) => c.code));
  const codes = new Set<string>();
  for (const source of ruleSources()) {
    for (const m of source.matchAll(/["']([a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+)["']/g)) {
      const literal = m[1]!;
      if (!controlCodes.has(literal)) codes.add(literal);
    }
  }
  return [...codes].sort();
}

/** Literals written as `code: "..."` only (the minimum the scan must find). */
function codePropertyLiterals(): string[] {
  const codes = new Set<string>();
  for (const source of ruleSources()) {
    for (const m of source.matchAll(/code:\s*"([^"]+)"/g)) codes.add(m[1]!);
  }
  return [...codes].sort();
}

function byName(dossiers: Dossier[], name: string): Dossier {
  const d = dossiers.find((x) => x.profile.name === name);
  if (!d) throw new Error(`No demo vendor ${name}`);
  return d;
}

function latestKpi(d: Dossier) {
  return [...d.kpis].sort((a, b) => (a.period < b.period ? -1 : 1)).at(-1);
}

function codesOf(d: Dossier, now: Date): string[] {
  return findingsFor(d, DEFAULT_SETTINGS, now).map((f) => f.code);
}

describe("demo dossiers", () => {
  it("anchors the design at the fixed test date", () => {
    expect(DEMO_NOW_ANCHOR.toISOString()).toBe(FIXED_NOW.toISOString());
  });

  for (const now of [FIXED_NOW, ...OTHER_NOWS]) {
    describe(`with now = ${now.toISOString()}`, () => {
      const dossiers = demoDossiers(now);

      it("has at least 25 dossiers, every one valid interchange data, with unique names", () => {
        expect(dossiers.length).toBeGreaterThanOrEqual(25);
        for (const d of dossiers) {
          const parsed = dossierSchema.safeParse(d);
          expect(parsed.success, `${d.profile.name}: ${parsed.error?.message ?? ""}`).toBe(true);
        }
        const names = dossiers.map((d) => d.profile.name);
        expect(new Set(names).size).toBe(names.length);
        const ids = dossiers.map((d) => d.profile.id);
        expect(new Set(ids).size).toBe(ids.length);
      });

      it("parsing changes nothing: the objects are already in their stored form", () => {
        for (const d of dossiers) expect(dossierSchema.parse(d)).toEqual(d);
      });

      it("raises every finding deliberately built into each vendor", () => {
        expect(Object.keys(DEMO_FINDING_EXPECTATIONS).sort()).toEqual(dossiers.map((d) => d.profile.name).sort());
        for (const [name, expected] of Object.entries(DEMO_FINDING_EXPECTATIONS)) {
          const codes = codesOf(byName(dossiers, name), now);
          for (const code of expected) expect(codes, `${name} should raise ${code}`).toContain(code);
        }
      });

      it("covers every finding code the engine can emit", () => {
        const emitted = new Set(dossiers.flatMap((d) => codesOf(d, now)));
        const all = engineFindingCodes();
        const missing = all.filter((c) => !emitted.has(c));
        expect(missing, `finding codes without a demo vendor: ${missing.join(", ")}`).toEqual([]);
        // The scan is complete: nothing is emitted that it did not list.
        expect([...emitted].filter((c) => !all.includes(c))).toEqual([]);
      });

      it("contains the showcase cases", () => {
        const states = dossiers.map((d) => soc2Status(d, DEFAULT_SETTINGS, now));
        // Fresh and stale SOC 2 Type II reports.
        expect(states.some((s) => s.state === "current" && s.report?.type === "type2")).toBe(true);
        expect(states.some((s) => s.state === "stale" && s.report?.type === "type2")).toBe(true);
        // A vendor with only Type I reports.
        expect(dossiers.some((d) => d.soc2Reports.length > 0 && d.soc2Reports.every((r) => r.type === "type1"))).toBe(true);
        // An expired ISO certificate.
        const today = now.toISOString().slice(0, 10);
        expect(dossiers.some((d) => d.isoCertificates.some((c) => c.expiryDate < today))).toBe(true);
        expect(dossiers.some((d) => codesOf(d, now).includes("iso.expired"))).toBe(true);
        // Insurance below the minimum.
        expect(dossiers.some((d) => codesOf(d, now).includes("insurance.below_minimum"))).toBe(true);
        // A remote site without VDI.
        expect(dossiers.some((d) => d.sites.some((s) => s.mode === "remote" && s.vdi === false))).toBe(true);
        // A phishing failure rate of 18% in the latest period.
        expect(dossiers.some((d) => latestKpi(d)?.phishingFailurePct === 18)).toBe(true);
        // A verification bypass in the latest period.
        expect(dossiers.some((d) => (latestKpi(d)?.verificationBypassCount ?? 0) > 0)).toBe(true);
      });

      it("contains the legal showcase cases", () => {
        const findings = (d: Dossier) => findingsFor(d, DEFAULT_SETTINGS, now);
        // Signed contracts whose incident notification clause allows 72 hours: deviating.
        const seventyTwo = dossiers.filter((d) =>
          d.legal.clauseReviews.some((r) => r.clauseCode === "incident_notification" && r.hours === 72) &&
          d.legal.contracts.some((c) => c.type === "msa" && c.status === "signed"),
        );
        expect(seventyTwo.length).toBeGreaterThanOrEqual(2);
        for (const d of seventyTwo) {
          expect(findings(d).some((f) => f.code === "legal.clause.deviating" && f.subject.id === "incident_notification")).toBe(true);
        }
        // Delivery sites in the Philippines and India with EU data: SCCs for one country, nothing for the other.
        const phIn = dossiers.find(
          (d) => d.profile.dataCategories.includes("eu_personal") && ["PH", "IN"].every((c) => d.sites.some((s) => s.country === c)),
        );
        expect(phIn).toBeDefined();
        const mechanisms = new Map(phIn!.legal.transferMechanisms.map((t) => [t.country, t.mechanism]));
        expect(mechanisms.get("PH")).toBe("sccs");
        expect(mechanisms.has("IN")).toBe(false);
        expect(findings(phIn!).filter((f) => f.code === "legal.transfer.no_mechanism").map((f) => f.subject.id)).toEqual(["IN"]);
        // A vendor processing personal data without any DPA.
        expect(dossiers.some((d) => d.profile.dataCategories.length > 0 && d.legal.dpa.status === "none" && d.legal.contracts.length > 0)).toBe(true);
        // Every signed contract has its signed file.
        for (const d of dossiers) for (const c of d.legal.contracts.filter((x) => x.status === "signed")) expect(c.evidenceId).toBeDefined();
      });

      it("is not all red: a few good vendors, most with 2-8 findings, a few with many", () => {
        const counts = dossiers.map((d) => findingsFor(d, DEFAULT_SETTINGS, now).length);
        expect(counts.filter((n) => n === 0).length).toBeGreaterThanOrEqual(3);
        expect(counts.filter((n) => n <= 1).length).toBeGreaterThanOrEqual(5);
        expect(counts.filter((n) => n >= 2 && n <= 8).length / counts.length).toBeGreaterThan(0.5);
        expect(counts.filter((n) => n > 8).length).toBeGreaterThanOrEqual(1);
      });

      it("evidence files are .txt whose sha256 and size match demoEvidenceText", () => {
        for (const d of dossiers) {
          for (const doc of d.documents) {
            const text = demoEvidenceText(doc);
            expect(doc.fileName.endsWith(".txt"), doc.fileName).toBe(true);
            expect(doc.fileName).toMatch(/^[a-z0-9-]+\.txt$/);
            expect(doc.mimeType).toBe(DEMO_EVIDENCE_MIME_TYPE);
            expect(doc.mimeType).toBe("text/plain; charset=utf-8");
            expect(doc.sha256).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
            expect(doc.sizeBytes).toBe(Buffer.byteLength(text, "utf8"));
            expect(Date.parse(doc.uploadedAt)).toBeLessThanOrEqual(now.getTime());
            expect(["procurement@assay.demo", "security@assay.demo"]).toContain(doc.uploadedBy);
          }
          const fileNames = d.documents.map((doc) => doc.fileName);
          expect(new Set(fileNames).size).toBe(fileNames.length);
          // Every record that can link evidence does.
          for (const r of [...d.soc2Reports, ...d.isoCertificates, ...d.pentests, ...d.insurancePolicies]) {
            expect(r.evidenceId).toBeDefined();
          }
        }
      });

      it("no date lies in the future except expiry dates", () => {
        const today = now.toISOString().slice(0, 10);
        for (const d of dossiers) {
          const past = [
            ...d.soc2Reports.flatMap((r) => [r.periodEnd, r.issueDate, r.bridgeLetterDate]),
            ...d.isoCertificates.map((c) => c.issueDate),
            ...d.pentests.map((p) => p.performedOn),
            ...d.securityPolicies.map((p) => p.approvedOn),
            ...d.incidentResponsePlans.map((p) => p.lastTestedOn),
            ...d.continuityPlans.map((p) => p.lastTestedOn),
            ...d.securityReviews.map((r) => r.heldOn),
            ...d.documents.map((doc) => doc.effectiveDate),
            ...d.legal.contracts.map((c) => c.effectiveDate),
            d.legal.dpa.signedDate,
            ...d.legal.transferMechanisms.map((t) => t.tiaDate),
          ].filter((x): x is string => x !== undefined);
          for (const day of past) expect(day <= today, `${d.profile.name}: ${day}`).toBe(true);
          for (const i of d.incidents) {
            expect(Date.parse(i.detectedAt)).toBeLessThanOrEqual(now.getTime());
            if (i.notifiedAt) expect(Date.parse(i.notifiedAt)).toBeLessThanOrEqual(now.getTime());
          }
        }
      });
    });
  }

  it("dates move with now", () => {
    const a = demoDossiers(FIXED_NOW);
    const b = demoDossiers(OTHER_NOWS[0]!);
    const cebuA = byName(a, "Cebu Customer Care").soc2Reports[0]!;
    const cebuB = byName(b, "Cebu Customer Care").soc2Reports[0]!;
    expect(cebuA.periodEnd).not.toBe(cebuB.periodEnd);
    expect(soc2Status(byName(a, "Cebu Customer Care"), DEFAULT_SETTINGS, FIXED_NOW).monthsSincePeriodEnd).toBe(
      soc2Status(byName(b, "Cebu Customer Care"), DEFAULT_SETTINGS, OTHER_NOWS[0]!).monthsSincePeriodEnd,
    );
  });

  it("is deterministic for a given now", () => {
    expect(demoDossiers(FIXED_NOW)).toEqual(demoDossiers(new Date(FIXED_NOW.getTime())));
  });

  it("the finding-code scan finds at least every `code:` literal", () => {
    const all = engineFindingCodes();
    expect(all).toEqual(expect.arrayContaining(["legal.clause.missing", "legal.transfer.no_mechanism"]));
    for (const code of codePropertyLiterals()) expect(all).toContain(code);
    expect(all).toEqual(expect.arrayContaining(["control.partial", "control.not_in_place", "control.unknown"]));
  });

  it("keeps the vendors the end-to-end tests search for", () => {
    const names = demoDossiers(FIXED_NOW).map((d) => d.profile.name);
    expect(names).toEqual(expect.arrayContaining(["Cebu Customer Care", "Bluepeak BPO"]));
  });

  it("spreads the computed tiers: a good share Critical/High, some Moderate and Low", () => {
    const tiers = demoDossiers(FIXED_NOW).map((d) => computeInherentTier(d.profile).tier);
    const count = (t: string) => tiers.filter((x) => x === t).length;
    expect((count("critical") + count("high")) / tiers.length).toBeGreaterThanOrEqual(0.4);
    expect(count("critical")).toBeGreaterThanOrEqual(5);
    expect(count("high")).toBeGreaterThanOrEqual(5);
    expect(count("moderate")).toBeGreaterThanOrEqual(5);
    expect(count("low")).toBeGreaterThanOrEqual(2);
  });

  it("uses demo owners and .example websites", () => {
    for (const d of demoDossiers(FIXED_NOW)) {
      expect(["procurement@assay.demo", "security@assay.demo"]).toContain(d.profile.ownerEmail);
      expect(d.profile.website).toMatch(/^https:\/\/[a-z0-9-]+\.example$/);
    }
  });
});
