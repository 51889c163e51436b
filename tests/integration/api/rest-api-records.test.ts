// The REST API's record endpoints (/api/v1: assessments and their PDFs,
// evidence, audit pack exports, the dossier interchange format) through their
// route handlers on a seeded database, every answer checked against the
// OpenAPI document (status, content type, JSON schema): the same data and
// downloads the UI's services give, problem+json with field paths on bad
// input, 409 on a stale version, audit events for every change and download.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "@/lib/cli/seed";
import type { Role } from "@/lib/domain/accounts/roles";
import type { Actor } from "@/lib/server/actor";
import { createAssessment } from "@/lib/server/services/assessments/create";
import { listVendorAssessments } from "@/lib/server/services/assessments/list";
import { submitAssessment } from "@/lib/server/services/assessments/submit";
import { downloadAssessmentReport } from "@/lib/server/services/assessments/download-report";
import { GET as listAssessmentsRoute } from "@/app/api/v1/assessments/route";
import { GET as vendorAssessmentsRoute } from "@/app/api/v1/vendors/[id]/assessments/route";
import { GET as getAssessmentRoute } from "@/app/api/v1/assessments/[id]/route";
import { GET as reportRoute } from "@/app/api/v1/assessments/[id]/report.pdf/route";
import { apiRequest, apiSecretFor } from "../helpers/api-tokens";
import { openApiContract } from "../helpers/api-contract";
import { makeActor } from "../helpers/fixtures";
import { forEachProvider } from "../helpers/test-database";

type AssessmentPage = { data: { id: string; state: string; vendor: { id: string } }[]; nextCursor: string | null };
const params = (id: string) => ({ params: Promise.resolve({ id }) });

forEachProvider("REST API /api/v1 records", (t) => {
  const actors = {} as Record<Role, Actor>;
  const secret = {} as Record<Role, string>;
  const { answers } = openApiContract();

  beforeAll(async () => {
    expect(await seedDemoData()).toBe("seeded");
    for (const role of ["admin", "procurement", "legal", "security", "viewer"] as const) {
      actors[role] = await makeActor(role);
      secret[role] = await apiSecretFor(t.db, actors[role]);
    }
  }, 120_000);

  afterAll(() => {
    delete process.env.ASSAY_API_REQUESTS_PER_MINUTE;
  });

  describe("assessments", () => {
    const made: string[] = [];
    beforeAll(async () => {
      const vendors = await t.db.vendor.findMany({ orderBy: { searchName: "asc" }, take: 4, select: { id: true } });
      for (const [i, v] of vendors.entries()) {
        for (let n = 0; n < 2; n++) {
          const created = await createAssessment({ actor: actors.procurement, input: { vendorId: v.id }, now: new Date(Date.UTC(2026, 0, 1 + i * 2 + n)) });
          made.push(created.id);
        }
      }
      // Two vendors' newest versions in review, so the state filter has something to tell apart.
      for (const id of [made[1]!, made[3]!]) {
        const row = await t.db.assessment.findUniqueOrThrow({ where: { id } });
        await submitAssessment({ actor: actors.procurement, input: { assessmentId: id, lockVersion: row.lockVersion, comment: "Ready for review" } });
      }
    }, 120_000);

    async function walk(url: string, as: Role = "viewer"): Promise<string[]> {
      const ids: string[] = [];
      let cursor: string | null = null;
      for (let pages = 0; pages < 50; pages++) {
        const response = await listAssessmentsRoute(apiRequest(`${url}${url.includes("?") ? "&" : "?"}limit=3${cursor ? `&cursor=${cursor}` : ""}`, secret[as]));
        const page = (await answers("GET", "/assessments", response)) as AssessmentPage;
        expect(response.status).toBe(200);
        expect(page.data.length).toBeLessThanOrEqual(3);
        ids.push(...page.data.map((a) => a.id));
        if (!page.nextCursor) return ids;
        cursor = page.nextCursor;
      }
      throw new Error("more than 50 pages");
    }

    it("portfolio-wide cursor pages list every assessment once, newest first, and filter by state and vendor", async () => {
      const all = await t.db.assessment.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true, state: true, vendorId: true } });
      expect(all.length).toBeGreaterThanOrEqual(8);
      expect(await walk("/api/v1/assessments")).toEqual(all.map((a) => a.id));
      const inReview = await walk("/api/v1/assessments?state=in_review");
      expect(inReview).toEqual(all.filter((a) => a.state === "in_review").map((a) => a.id));
      expect(inReview.length).toBe(2);
      const vendorId = all[0]!.vendorId;
      expect(await walk(`/api/v1/assessments?vendorId=${vendorId}`)).toEqual(all.filter((a) => a.vendorId === vendorId).map((a) => a.id));
    });

    it("a vendor's list is its Assessments tab's versions", async () => {
      const vendorId = (await t.db.assessment.findUniqueOrThrow({ where: { id: made[3]! } })).vendorId;
      const response = await vendorAssessmentsRoute(apiRequest(`/api/v1/vendors/${vendorId}/assessments`, secret.legal), params(vendorId));
      const page = (await answers("GET", "/vendors/{id}/assessments", response)) as AssessmentPage;
      const tab = await listVendorAssessments({ actor: actors.legal, vendorId });
      expect(page.data.map((a) => a.id)).toEqual(tab.versions.map((v) => v.id));
      const missing = await vendorAssessmentsRoute(apiRequest("/api/v1/vendors/nope/assessments", secret.legal), params("nope"));
      expect(missing.status).toBe(404);
      await answers("GET", "/vendors/{id}/assessments", missing);
    });

    it("one assessment: its sign-offs and frozen findings", async () => {
      const id = made[1]!;
      const response = await getAssessmentRoute(apiRequest(`/api/v1/assessments/${id}`, secret.viewer), params(id));
      const body = (await answers("GET", "/assessments/{id}", response)) as { state: string; signOffs: { role: string }[]; findings: unknown[]; reportUrl: string };
      const row = await t.db.assessment.findUniqueOrThrow({ where: { id } });
      expect(body.state).toBe("in_review");
      expect(body.signOffs.map((s) => s.role)).toEqual(["procurement"]);
      expect(body.findings.length).toBe((row.findings as unknown[]).length);
      expect(body.reportUrl).toBe(`/api/v1/assessments/${id}/report.pdf`);
      const missing = await getAssessmentRoute(apiRequest("/api/v1/assessments/nope", secret.viewer), params("nope"));
      expect(missing.status).toBe(404);
      await answers("GET", "/assessments/{id}", missing);
    });

    it("the PDF is the UI's stored render, an audited attachment", async () => {
      const id = made[0]!;
      const fromUi = await downloadAssessmentReport({ actor: actors.security, assessmentId: id });
      const before = await t.db.auditEvent.count({ where: { action: "assessment.report.download", entityId: id, actorId: actors.viewer.id } });
      const response = await reportRoute(apiRequest(`/api/v1/assessments/${id}/report.pdf`, secret.viewer), params(id));
      expect(response.status).toBe(200);
      expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename=".+\.pdf"$/);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      const bytes = (await answers("GET", "/assessments/{id}/report.pdf", response)) as Buffer;
      expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(bytes.equals(fromUi.pdf)).toBe(true);
      expect(await t.db.auditEvent.count({ where: { action: "assessment.report.download", entityId: id, actorId: actors.viewer.id } })).toBe(before + 1);
    });

    it("bad filters and foreign cursors are problems with the field path", async () => {
      for (const [query, path] of [["state=finished", "state"], ["rating=purple", "rating"], ["limit=0", "limit"], ["cursor=WyJub3QtYS1kYXRlIiwieCJd", "cursor"], ["sort=name", ""]] as const) {
        const response = await listAssessmentsRoute(apiRequest(`/api/v1/assessments?${query}`, secret.viewer));
        expect(response.status, query).toBe(400);
        const problem = (await answers("GET", "/assessments", response)) as { errors: { path: string }[] };
        if (path) expect(problem.errors.map((e) => e.path), query).toContain(path);
      }
      const unknownVendor = await listAssessmentsRoute(apiRequest("/api/v1/assessments?vendorId=nope", secret.viewer));
      expect(unknownVendor.status).toBe(404);
    });
  });
});
