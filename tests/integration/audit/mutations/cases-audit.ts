import { expect } from "vitest";
import { packJobSettled, startPackJob } from "@/lib/server/services/pack-jobs";
import { getPackKey } from "@/lib/server/signing/pack-key";
import { workJobsHere } from "../../helpers/job-workers";
import type { CaseContext, CaseTable } from "./types";

// The audit log export, audit packs and the public signing key.

// Bulk jobs export one fresh vendor (found by its unique name): the point here
// is the permission and the audit trail, not the archive (tests/integration/pack).
async function oneVendorFilter(ctx: CaseContext) {
  return { q: (await ctx.freshVendor()).name };
}

const finished = new WeakMap<CaseContext, Promise<string>>();
/** One finished job per run, shared by the status and download rows (neither changes it), the REST API's too (cases-api.ts). */
export function finishedJob(ctx: CaseContext): Promise<string> {
  let job = finished.get(ctx);
  if (!job) {
    job = (async () => {
      await workJobsHere();
      const { id } = await startPackJob({ actor: ctx.actors.security, input: { filter: await oneVendorFilter(ctx) } });
      await packJobSettled(id);
      return id;
    })();
    finished.set(ctx, job);
  }
  return job;
}

export const cases: CaseTable = {
  "app/(app)/audit-packs/actions.ts#startPackJobAction": {
    kind: "mutation",
    permission: "pack.export",
    audit: "pack.bulk_export",
    arrange: async (ctx) => ({ input: { filter: await oneVendorFilter(ctx), pdfs: "latest" } }),
    // The job runs on after the action returns; let it finish before the next case.
    settle: async (_ctx, result) => {
      await workJobsHere();
      await packJobSettled((result as { data: { id: string } }).data.id);
    },
  },
  "GET app/api/audit-log/export/route.ts": {
    kind: "download",
    permission: "auditlog.read",
    audit: "auditlog.export",
    arrange: async () => ({ request: () => new Request("http://localhost/api/audit-log/export?format=jsonl&action=vendor.*") }),
  },
  "GET app/api/vendors/[id]/audit-pack/route.ts": {
    kind: "download",
    permission: "pack.export",
    audit: "pack.export",
    arrange: async (ctx) => {
      const { id } = await ctx.vendorWithEvidence();
      return { params: { id }, request: () => new Request(`http://localhost/api/vendors/${id}/audit-pack?pdfs=all`) };
    },
  },
  "GET app/api/audit-packs/[jobId]/route.ts": {
    kind: "read",
    permission: "pack.export",
    arrange: async (ctx) => {
      const jobId = await finishedJob(ctx);
      return { params: { jobId }, request: () => new Request(`http://localhost/api/audit-packs/${jobId}`) };
    },
  },
  "GET app/api/audit-packs/[jobId]/download/route.ts": {
    kind: "download",
    permission: "pack.export",
    audit: "pack.bulk_download",
    arrange: async (ctx) => {
      const jobId = await finishedJob(ctx);
      return { params: { jobId }, request: () => new Request(`http://localhost/api/audit-packs/${jobId}/download`) };
    },
  },
  "GET app/.well-known/assay-pack-signing-key.pem/route.ts": {
    kind: "public",
    reason: "the public half of the pack signing key, published so auditors can verify packs; reveals nothing secret and changes nothing",
    prove: async (ctx, exported) => {
      const before = await ctx.db.auditEvent.count();
      const response = (await (exported as () => Promise<Response>)()) as Response;
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
      expect(await response.text()).toBe((await getPackKey()).publicKeyPem());
      expect(await ctx.db.auditEvent.count()).toBe(before);
    },
  },
};
