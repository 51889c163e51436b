import { expect } from "vitest";
import type { Actor } from "@/lib/server/actor";
import { createApiToken } from "@/lib/server/services/api-tokens";
import { createAssessment } from "@/lib/server/services/assessments/create";
import { packJobSettled } from "@/lib/server/services/pack-jobs";
import { workJobsHere } from "../../helpers/job-workers";
import { loadDossier } from "@/lib/server/dossier/load-dossier";
import { validVendor } from "../../helpers/fixtures";
import { apiRequest, apiSecretsByRole } from "../../helpers/api-tokens";
import { finishedJob } from "./cases-audit";
import type { CaseContext, CaseTable, Invocation } from "./types";

// The REST API (/api/v1) and the admin page that issues its tokens. API calls
// carry the caller's token, never a session: a signed-out caller sends none.

const secrets = new WeakMap<CaseContext, ReturnType<typeof apiSecretsByRole>>();
function secretsOf(ctx: CaseContext) {
  let s = secrets.get(ctx);
  if (!s) secrets.set(ctx, (s = apiSecretsByRole(ctx.db, ctx.actors)));
  return s;
}

async function api(ctx: CaseContext, url: string, init: { method?: string; body?: unknown } = {}, params?: Record<string, string>): Promise<Invocation> {
  const byRole = await secretsOf(ctx);
  return { request: (caller: Actor | null) => apiRequest(url, caller ? byRole[caller.role] : null, init), params };
}

/** An assessment to read: the first one, created through the service when there is none yet. */
async function someAssessment(ctx: CaseContext): Promise<{ id: string; vendorId: string }> {
  const existing = await ctx.db.assessment.findFirst({ orderBy: { createdAt: "asc" }, select: { id: true, vendorId: true } });
  if (existing) return existing;
  const vendor = await ctx.freshVendor();
  const created = await createAssessment({ actor: ctx.actors.procurement, input: { vendorId: vendor.id } });
  return { id: created.id, vendorId: vendor.id };
}

/** A multipart upload carrying the caller's token; a fresh form per call. */
async function apiUpload(ctx: CaseContext, url: string, form: () => FormData, params: Record<string, string>): Promise<Invocation> {
  const byRole = await secretsOf(ctx);
  return {
    params,
    request: (caller: Actor | null) =>
      new Request(new URL(url, "http://127.0.0.1"), { method: "POST", body: form(), headers: caller ? { authorization: `Bearer ${byRole[caller.role]}` } : {} }),
  };
}

const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

/** A dossier file of a vendor with evidence (its files are stored), renamed so importing it makes a new vendor. */
async function dossierFile(ctx: CaseContext, name: string) {
  const { id } = await ctx.vendorWithEvidence();
  const { dossier } = (await loadDossier(ctx.db, id))!;
  return JSON.parse(JSON.stringify({ ...dossier, profile: { ...dossier.profile, name } })) as typeof dossier;
}

export const cases: CaseTable = {
  "GET app/api/v1/vendors/route.ts": {
    kind: "read",
    permission: "vendor.read",
    arrange: (ctx) => api(ctx, "/api/v1/vendors?limit=5&tier=critical"),
  },
  "POST app/api/v1/vendors/route.ts": {
    kind: "mutation",
    permission: "vendor.create",
    audit: "vendor.create",
    arrange: (ctx) => api(ctx, "/api/v1/vendors", { method: "POST", body: { ...validVendor, name: ctx.unique("API Vendor") } }),
  },
  "GET app/api/v1/vendors/[id]/route.ts": {
    kind: "read",
    permission: "vendor.read",
    arrange: async (ctx) => {
      const vendor = await ctx.freshVendor();
      return api(ctx, `/api/v1/vendors/${vendor.id}`, {}, { id: vendor.id });
    },
  },
  "PATCH app/api/v1/vendors/[id]/route.ts": {
    kind: "mutation",
    permission: "vendor.update",
    audit: "vendor.update",
    arrange: async (ctx) => {
      const vendor = await ctx.freshVendor();
      return api(ctx, `/api/v1/vendors/${vendor.id}`, { method: "PATCH", body: { ...validVendor, name: vendor.name, website: "https://changed.example", version: vendor.version } }, { id: vendor.id });
    },
  },
  "GET app/api/v1/vendors/[id]/findings/route.ts": {
    kind: "read",
    permission: "vendor.read",
    arrange: async (ctx) => {
      const vendor = await ctx.freshVendor();
      return api(ctx, `/api/v1/vendors/${vendor.id}/findings`, {}, { id: vendor.id });
    },
  },
  "GET app/api/v1/assessments/route.ts": {
    kind: "read",
    permission: "assessment.read",
    arrange: (ctx) => api(ctx, "/api/v1/assessments?limit=5&state=draft"),
  },
  "GET app/api/v1/vendors/[id]/assessments/route.ts": {
    kind: "read",
    permission: "assessment.read",
    arrange: async (ctx) => {
      const { vendorId } = await someAssessment(ctx);
      return api(ctx, `/api/v1/vendors/${vendorId}/assessments`, {}, { id: vendorId });
    },
  },
  "GET app/api/v1/assessments/[id]/route.ts": {
    kind: "read",
    permission: "assessment.read",
    arrange: async (ctx) => {
      const { id } = await someAssessment(ctx);
      return api(ctx, `/api/v1/assessments/${id}`, {}, { id });
    },
  },
  "GET app/api/v1/assessments/[id]/report.pdf/route.ts": {
    kind: "download",
    permission: "assessment.read",
    audit: "assessment.report.download",
    arrange: async (ctx) => {
      const { id } = await someAssessment(ctx);
      return api(ctx, `/api/v1/assessments/${id}/report.pdf`, {}, { id });
    },
  },
  "GET app/api/v1/vendors/[id]/evidence/route.ts": {
    kind: "read",
    permission: "evidence.read",
    arrange: async (ctx) => {
      const { id } = await ctx.vendorWithEvidence();
      return api(ctx, `/api/v1/vendors/${id}/evidence`, {}, { id });
    },
  },
  "POST app/api/v1/vendors/[id]/evidence/route.ts": {
    kind: "mutation",
    permission: "evidence.upload",
    audit: "evidence.upload",
    arrange: async (ctx) => {
      const vendor = await ctx.freshVendor();
      return apiUpload(
        ctx,
        `/api/v1/vendors/${vendor.id}/evidence`,
        () => {
          const form = new FormData();
          form.append("kind", "soc2_report");
          form.append("effectiveDate", "2026-01-31");
          form.append("file", new Blob([pdf]), "soc2.pdf");
          return form;
        },
        { id: vendor.id },
      );
    },
  },
  "GET app/api/v1/evidence/[id]/file/route.ts": {
    kind: "download",
    permission: "evidence.read",
    audit: "evidence.download",
    arrange: async (ctx) => {
      const { documentId } = await ctx.vendorWithEvidence();
      return api(ctx, `/api/v1/evidence/${documentId}/file`, {}, { id: documentId });
    },
  },
  "POST app/api/v1/audit-packs/route.ts": {
    kind: "mutation",
    permission: "pack.export",
    audit: "pack.bulk_export",
    arrange: async (ctx) => {
      await workJobsHere();
      return api(ctx, "/api/v1/audit-packs", { method: "POST", body: { filter: { q: (await ctx.freshVendor()).name }, pdfs: "latest" } });
    },
    // The job runs on after the request returns; let it finish before the next case.
    settle: async (ctx) => {
      const latest = await ctx.db.packJob.findFirstOrThrow({ orderBy: { createdAt: "desc" }, select: { id: true } });
      await packJobSettled(latest.id);
    },
  },
  "GET app/api/v1/audit-packs/[id]/route.ts": {
    kind: "read",
    permission: "pack.export",
    arrange: async (ctx) => {
      const id = await finishedJob(ctx);
      return api(ctx, `/api/v1/audit-packs/${id}`, {}, { id });
    },
  },
  "GET app/api/v1/audit-packs/[id]/archive/route.ts": {
    kind: "download",
    permission: "pack.export",
    audit: "pack.bulk_download",
    arrange: async (ctx) => {
      const id = await finishedJob(ctx);
      return api(ctx, `/api/v1/audit-packs/${id}/archive`, {}, { id });
    },
  },
  "GET app/api/v1/vendors/[id]/dossier/route.ts": {
    kind: "download",
    permission: "pack.export",
    audit: "vendor.export_dossier",
    arrange: async (ctx) => {
      const { id } = await ctx.vendorWithEvidence();
      return api(ctx, `/api/v1/vendors/${id}/dossier`, {}, { id });
    },
  },
  // Writing a whole dossier writes every kind of record, so it needs every record permission at once
  // (only admin holds them all); the table's permissions are "any of", so one variant per permission
  // that some other role lacks: together they prove every non-admin role is refused.
  "PUT app/api/v1/vendors/[id]/dossier/route.ts": {
    variants: (["legal.manage", "assurance.manage", "vendor.update"] as const).map((permission) => ({
      label: `needs ${permission} too`,
      kind: "mutation" as const,
      permission,
      audit: "vendor.replace_dossier",
      as: "admin" as const,
      arrange: async (ctx: CaseContext) => {
        const vendor = await ctx.freshVendor();
        const file = await dossierFile(ctx, vendor.name);
        return api(ctx, `/api/v1/vendors/${vendor.id}/dossier?version=${vendor.version}`, { method: "PUT", body: file }, { id: vendor.id });
      },
    })),
  },
  "POST app/api/v1/dossiers/route.ts": {
    variants: (["legal.manage", "assurance.manage", "vendor.create"] as const).map((permission) => ({
      label: `needs ${permission} too`,
      kind: "mutation" as const,
      permission,
      audit: "vendor.import",
      as: "admin" as const,
      arrange: async (ctx: CaseContext) => api(ctx, "/api/v1/dossiers", { method: "POST", body: await dossierFile(ctx, ctx.unique("Dossier Import")) }),
    })),
  },
  "GET app/api/v1/openapi.json/route.ts": {
    kind: "public",
    reason: "the API's OpenAPI document: a description of the endpoints, no data; changes nothing",
    prove: async (ctx, exported) => {
      const before = await ctx.db.auditEvent.count();
      const response = await (exported as () => Promise<Response>)();
      expect(response.status).toBe(200);
      expect(((await response.json()) as { openapi: string }).openapi).toBe("3.1.0");
      expect(await ctx.db.auditEvent.count()).toBe(before);
    },
  },
  "app/(app)/admin/api-tokens/actions.ts#createApiTokenAction": {
    kind: "mutation",
    permission: "apitoken.manage",
    audit: "apitoken.create",
    as: "admin",
    arrange: async (ctx) => ({ input: { name: ctx.unique("Ticketing sync"), role: "viewer", permissions: [], expires: "30" } }),
  },
  "app/(app)/admin/api-tokens/actions.ts#revokeApiTokenAction": {
    kind: "mutation",
    permission: "apitoken.manage",
    audit: "apitoken.revoke",
    as: "admin",
    arrange: async (ctx) => {
      const { id } = await createApiToken({ actor: ctx.actors.admin, input: { name: ctx.unique("To revoke"), role: "viewer" } });
      return { input: { id } };
    },
  },
};
