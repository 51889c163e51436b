import { Readable } from "node:stream";
import { saveDossierRecord } from "@/lib/server/services/dossier-records";
import { createAssessment } from "@/lib/server/services/assessments/create";
import type { Permission } from "@/lib/server/permissions";
import type { CaseContext, CaseTable } from "./types";

// The vendor dossier, evidence and assessment PDFs.

const RECORDS: { kind: string; permission: Permission; data: Record<string, unknown> }[] = [
  { kind: "site", permission: "vendor.update", data: { country: "PH", city: "Cebu", mode: "onsite", headcount: 40 } },
  { kind: "ir_plan", permission: "assurance.manage", data: { lastTestedOn: "2025-06-01" } },
  { kind: "incident", permission: "controls.manage", data: { detectedAt: "2025-06-01T10:00:00Z", severity: "low", summary: "Misrouted e-mail, recalled.", personalDataInvolved: false } },
  { kind: "dpa", permission: "legal.manage", data: { status: "draft" } },
];

async function savedRecord(ctx: CaseContext, kind: string, data: Record<string, unknown>) {
  const vendor = await ctx.freshVendor();
  const saved = await saveDossierRecord({ actor: ctx.actors.admin, input: { vendorId: vendor.id, kind, data } });
  return { vendorId: vendor.id, ...saved };
}

const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

export const cases: CaseTable = {
  "app/(app)/vendors/[id]/dossier-actions.ts#saveDossierRecordAction": {
    // One action for every record kind; the kind decides the permission.
    variants: RECORDS.map((r) => ({
      label: r.kind,
      kind: "mutation",
      permission: r.permission,
      audit: `dossier.${r.kind}.create`,
      arrange: async (ctx) => ({ input: { vendorId: (await ctx.freshVendor()).id, kind: r.kind, data: r.data } }),
    })),
  },
  "app/(app)/vendors/[id]/dossier-actions.ts#deleteDossierRecordAction": {
    variants: RECORDS.map((r) => ({
      label: r.kind,
      kind: "mutation",
      permission: r.permission,
      audit: `dossier.${r.kind}.delete`,
      arrange: async (ctx) => {
        const saved = await savedRecord(ctx, r.kind, r.data);
        return { input: { vendorId: saved.vendorId, kind: r.kind, id: saved.id, version: saved.version } };
      },
    })),
  },
  "app/(app)/vendors/[id]/dossier-actions.ts#overrideTierAction": {
    kind: "mutation",
    permission: "vendor.tier.override",
    audit: "vendor.tier_override",
    arrange: async (ctx) => {
      const v = await ctx.freshVendor();
      return { input: { vendorId: v.id, version: v.version, override: { tier: "critical", reason: "Agents can reset passwords for our largest market." } } };
    },
  },
  "POST app/api/vendors/[id]/evidence/route.ts": {
    kind: "mutation",
    permission: "evidence.upload",
    audit: "evidence.upload",
    arrange: async (ctx) => {
      const v = await ctx.freshVendor();
      return {
        params: { id: v.id },
        request: () =>
          new Request(`http://localhost/api/vendors/${v.id}/evidence?kind=soc2_report&effectiveDate=2026-01-31&title=SOC%202`, {
            method: "POST",
            body: Readable.toWeb(Readable.from([pdf])) as ReadableStream,
            headers: { "x-file-name": "soc2.pdf" },
            duplex: "half",
          } as RequestInit),
      };
    },
  },
  "GET app/api/evidence/[id]/route.ts": {
    kind: "download",
    permission: "evidence.read",
    audit: "evidence.download",
    arrange: async (ctx) => {
      const { documentId } = await ctx.vendorWithEvidence();
      return { params: { id: documentId }, request: () => new Request(`http://localhost/api/evidence/${documentId}`) };
    },
  },
  "GET app/(app)/assessments/[id]/report.pdf/route.ts": {
    kind: "download",
    permission: "assessment.read",
    audit: "assessment.report.download",
    arrange: async (ctx) => {
      const { id: vendorId } = await ctx.vendorWithEvidence();
      const a = await createAssessment({ actor: ctx.actors.procurement, input: { vendorId } });
      return { params: { id: a.id }, request: () => new Request(`http://localhost/assessments/${a.id}/report.pdf`) };
    },
  },
};
