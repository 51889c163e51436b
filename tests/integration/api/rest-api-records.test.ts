// The REST API's record endpoints (/api/v1: assessments and their PDFs,
// evidence, audit pack exports, the dossier interchange format) through their
// route handlers on a seeded database, every answer checked against the
// OpenAPI document (status, content type, JSON schema): the same data and
// downloads the UI's services give, problem+json with field paths on bad
// input, 409 on a stale version, audit events for every change and download.
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
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
import { GET as listEvidenceRoute, POST as uploadRoute } from "@/app/api/v1/vendors/[id]/evidence/route";
import { GET as evidenceFileRoute } from "@/app/api/v1/evidence/[id]/file/route";
import { POST as startPackRoute } from "@/app/api/v1/audit-packs/route";
import { GET as packJobRoute } from "@/app/api/v1/audit-packs/[id]/route";
import { GET as packArchiveRoute } from "@/app/api/v1/audit-packs/[id]/archive/route";
import { packJobSettled } from "@/lib/server/services/pack-jobs";
import { verifyPack } from "@/lib/server/pack/verify-pack";
import { getPackKey } from "@/lib/server/signing/pack-key";
import { workJobsHere } from "../helpers/job-workers";
import { GET as getDossierRoute, PUT as replaceDossierRoute } from "@/app/api/v1/vendors/[id]/dossier/route";
import { POST as importDossierRoute } from "@/app/api/v1/dossiers/route";
import { loadDossier } from "@/lib/server/dossier/load-dossier";
import { apiRequest, apiSecretFor } from "../helpers/api-tokens";
import { openApiContract } from "../helpers/api-contract";
import { makeActor } from "../helpers/fixtures";
import { forEachProvider } from "../helpers/test-database";

type AssessmentPage = { data: { id: string; state: string; vendor: { id: string } }[]; nextCursor: string | null };
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const pdfBytes = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

/** A multipart/form-data upload request, built by hand so a test can cut it short or reorder its parts. */
function multipartRequest(url: string, secret: string, parts: ({ name: string; value: string } | { name: string; fileName: string; bytes: Buffer })[], cut = 0): Request {
  const boundary = "----assay-test-boundary-7d1f";
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n`));
    if ("value" in part) chunks.push(Buffer.from(`Content-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`));
    else chunks.push(Buffer.from(`Content-Disposition: form-data; name="${part.name}"; filename="${part.fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`), part.bytes, Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  const body = Buffer.concat(chunks);
  return new Request(new URL(url, "http://127.0.0.1"), {
    method: "POST",
    headers: { authorization: `Bearer ${secret}`, "content-type": `multipart/form-data; boundary=${boundary}` },
    body: body.subarray(0, body.length - cut),
  });
}

forEachProvider("REST API /api/v1 records", (t) => {
  const actors = {} as Record<Role, Actor>;
  const secret = {} as Record<Role, string>;
  const { answers } = openApiContract();

  let dataDir: string;
  let previousDataDir: string | undefined;

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "assay-api-records-"));
    previousDataDir = process.env.ASSAY_DATA_DIR;
    process.env.ASSAY_DATA_DIR = dataDir;
    expect(await seedDemoData()).toBe("seeded");
    for (const role of ["admin", "procurement", "legal", "security", "viewer"] as const) {
      actors[role] = await makeActor(role);
      secret[role] = await apiSecretFor(t.db, actors[role]);
    }
  }, 120_000);

  afterAll(async () => {
    delete process.env.ASSAY_API_REQUESTS_PER_MINUTE;
    if (previousDataDir === undefined) delete process.env.ASSAY_DATA_DIR;
    else process.env.ASSAY_DATA_DIR = previousDataDir;
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
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

  describe("evidence", () => {
    let vendorId: string;
    beforeAll(async () => {
      vendorId = (await t.db.vendor.findFirstOrThrow({ where: { documents: { some: {} } }, select: { id: true } })).id;
    });
    const fields = [
      { name: "kind", value: "soc2_report" },
      { name: "effectiveDate", value: "2026-03-31" },
      { name: "title", value: "SOC 2 Type II 2026" },
    ];

    it("lists a vendor's documents newest upload first, in cursor pages, filtered by kind", async () => {
      const expected = await t.db.evidenceDocument.findMany({ where: { vendorId }, orderBy: [{ uploadedAt: "desc" }, { id: "desc" }], select: { id: true, kind: true } });
      expect(expected.length).toBeGreaterThan(1);
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const response = await listEvidenceRoute(apiRequest(`/api/v1/vendors/${vendorId}/evidence?limit=1${cursor ? `&cursor=${cursor}` : ""}`, secret.viewer), params(vendorId));
        const page = (await answers("GET", "/vendors/{id}/evidence", response)) as { data: { id: string }[]; nextCursor: string | null };
        ids.push(...page.data.map((d) => d.id));
        cursor = page.nextCursor;
      } while (cursor && ids.length <= expected.length);
      expect(ids).toEqual(expected.map((d) => d.id));
      const kind = expected[0]!.kind;
      const filtered = await listEvidenceRoute(apiRequest(`/api/v1/vendors/${vendorId}/evidence?kind=${kind}`, secret.viewer), params(vendorId));
      const body = (await answers("GET", "/vendors/{id}/evidence", filtered)) as { data: { id: string }[] };
      expect(body.data.map((d) => d.id)).toEqual(expected.filter((d) => d.kind === kind).map((d) => d.id));
      const bad = await listEvidenceRoute(apiRequest(`/api/v1/vendors/${vendorId}/evidence?kind=diary`, secret.viewer), params(vendorId));
      expect(((await answers("GET", "/vendors/{id}/evidence", bad)) as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain("kind");
    });

    it("uploads a multipart file through the app's upload service and downloads it with the app's headers, both audited", async () => {
      const url = `/api/v1/vendors/${vendorId}/evidence`;
      const response = await uploadRoute(multipartRequest(url, secret.security, [...fields, { name: "sha256", value: sha256(pdfBytes) }, { name: "file", fileName: "soc2-2026.pdf", bytes: pdfBytes }]), params(vendorId));
      expect(response.status).toBe(201);
      const stored = (await answers("POST", "/vendors/{id}/evidence", response)) as { id: string; sha256: string; sizeBytes: number; fileKind: string; fileName: string; downloadUrl: string };
      expect(stored).toMatchObject({ sha256: sha256(pdfBytes), sizeBytes: pdfBytes.length, fileKind: "pdf", fileName: "soc2-2026.pdf" });
      expect(response.headers.get("location")).toBe(`/api/v1/evidence/${stored.id}/file`);
      expect(await t.db.auditEvent.count({ where: { action: "evidence.upload", entityId: stored.id, actorId: actors.security.id } })).toBe(1);

      const download = await evidenceFileRoute(apiRequest(stored.downloadUrl, secret.viewer), params(stored.id));
      expect(download.status).toBe(200);
      expect(download.headers.get("content-disposition")).toMatch(/^attachment;/);
      expect(download.headers.get("x-content-type-options")).toBe("nosniff");
      expect(download.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
      expect(download.headers.get("cache-control")).toBe("private, no-store");
      const bytes = (await answers("GET", "/evidence/{id}/file", download)) as Buffer;
      expect(bytes.equals(pdfBytes)).toBe(true);
      expect(await t.db.auditEvent.count({ where: { action: "evidence.download", entityId: stored.id, actorId: actors.viewer.id } })).toBe(1);
      const missing = await evidenceFileRoute(apiRequest("/api/v1/evidence/nope/file", secret.viewer), params("nope"));
      expect(missing.status).toBe(404);
      await answers("GET", "/evidence/{id}/file", missing);
    });

    it("refuses a bad upload as a problem naming the field, storing nothing", async () => {
      const url = `/api/v1/vendors/${vendorId}/evidence`;
      const exe = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00"), Buffer.alloc(200, 0x41)]);
      const file = (bytes: Buffer, fileName = "report.pdf") => ({ name: "file", fileName, bytes });
      const cases: [string, Request, number, string][] = [
        ["an executable named .pdf", multipartRequest(url, secret.security, [...fields, file(exe)]), 400, "file"],
        ["a digest that does not match", multipartRequest(url, secret.security, [...fields, { name: "sha256", value: sha256(exe) }, file(pdfBytes)]), 400, "file"],
        ["a body cut short inside the file", multipartRequest(url, secret.security, [...fields, file(pdfBytes)], 40), 400, "file"],
        ["a body without its closing boundary", multipartRequest(url, secret.security, [...fields, file(pdfBytes)], 4), 400, "file"],
        ["a field after the file", multipartRequest(url, secret.security, [fields[0]!, fields[1]!, file(pdfBytes), fields[2]!]), 400, "title"],
        ["two files", multipartRequest(url, secret.security, [...fields, file(pdfBytes), file(pdfBytes, "again.pdf")]), 400, "body"],
        ["a missing kind", multipartRequest(url, secret.security, [fields[1]!, file(pdfBytes)]), 400, "kind"],
        ["an unknown field", multipartRequest(url, secret.security, [...fields, { name: "owner", value: "me" }, file(pdfBytes)]), 400, ""],
        ["no file part", multipartRequest(url, secret.security, fields), 400, "file"],
        ["not multipart", apiRequest(url, secret.security, { method: "POST", body: { kind: "other" } }), 400, "body"],
        ["multipart without a boundary", new Request(new URL(url, "http://127.0.0.1"), { method: "POST", headers: { authorization: `Bearer ${secret.security}`, "content-type": "multipart/form-data" }, body: pdfBytes }), 400, "body"],
      ];
      const before = await t.db.evidenceDocument.count();
      for (const [label, request, status, field] of cases) {
        const response = await uploadRoute(request, params(vendorId));
        expect(response.status, label).toBe(status);
        const problem = (await answers("POST", "/vendors/{id}/evidence", response)) as { errors?: { path: string }[] };
        if (field) expect(problem.errors?.map((e) => e.path), label).toContain(field);
      }
      expect(await t.db.evidenceDocument.count()).toBe(before);
      const forbidden = await uploadRoute(multipartRequest(url, secret.viewer, [...fields, file(pdfBytes)]), params(vendorId));
      expect(forbidden.status).toBe(403);
    });

    it("a file over the settings' upload limit is 413 and nothing is kept", async () => {
      const settings = await t.db.orgSettings.findUniqueOrThrow({ where: { id: 1 } });
      const limits = settings.settings as { uploads: { maxBytes: number } };
      await t.db.orgSettings.update({ where: { id: 1 }, data: { settings: { ...limits, uploads: { maxBytes: 64 } } } });
      try {
        const before = await t.db.evidenceDocument.count();
        const response = await uploadRoute(multipartRequest(`/api/v1/vendors/${vendorId}/evidence`, secret.security, [...fields, { name: "file", fileName: "big.pdf", bytes: pdfBytes }]), params(vendorId));
        expect(response.status).toBe(413);
        await answers("POST", "/vendors/{id}/evidence", response);
        expect(await t.db.evidenceDocument.count()).toBe(before);
      } finally {
        await t.db.orgSettings.update({ where: { id: 1 }, data: { settings: settings.settings as object } });
      }
    });
  });

  describe("audit pack export", () => {
    beforeAll(async () => {
      await workJobsHere();
    });

    it("starts on the job queue (202 + Location), is polled to done, and downloads a signed archive that verifies", async () => {
      const critical = await t.db.vendor.count({ where: { tier: "critical" } });
      const started = await startPackRoute(apiRequest("/api/v1/audit-packs", secret.security, { method: "POST", body: { filter: { tier: "critical" }, pdfs: "latest" } }));
      expect(started.status).toBe(202);
      const job = (await answers("POST", "/audit-packs", started)) as { id: string; vendorsTotal: number; status: string; archiveUrl: string | null };
      expect(started.headers.get("location")).toBe(`/api/v1/audit-packs/${job.id}`);
      expect(Number(started.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(job.vendorsTotal).toBe(critical);
      expect(await t.db.auditEvent.count({ where: { action: "pack.bulk_export", entityId: job.id, actorId: actors.security.id } })).toBe(1);

      await packJobSettled(job.id);
      const polled = await packJobRoute(apiRequest(`/api/v1/audit-packs/${job.id}`, secret.admin), params(job.id));
      const done = (await answers("GET", "/audit-packs/{id}", polled)) as { status: string; sha256: string; archiveUrl: string };
      expect(done).toMatchObject({ status: "done", archiveUrl: `/api/v1/audit-packs/${job.id}/archive` });
      expect(polled.headers.get("retry-after")).toBeNull();

      const archive = await packArchiveRoute(apiRequest(done.archiveUrl, secret.security), params(job.id));
      expect(archive.status).toBe(200);
      expect(archive.headers.get("x-content-sha256")).toBe(done.sha256);
      expect(archive.headers.get("content-disposition")).toMatch(/^attachment;/);
      const bytes = (await answers("GET", "/audit-packs/{id}/archive", archive)) as Buffer;
      expect(sha256(bytes)).toBe(done.sha256);
      const zipPath = path.join(dataDir, "api-bulk.zip");
      await fs.writeFile(zipPath, bytes);
      expect(await verifyPack(zipPath, { publicKeyPem: (await getPackKey()).publicKeyPem() })).toMatchObject({ ok: true, trusted: true });
      expect(await t.db.auditEvent.count({ where: { action: "pack.bulk_download", entityId: job.id, actorId: actors.security.id } })).toBe(1);
    }, 120_000);

    it("refuses a bad request as a problem naming the field, an unfinished archive as 409, other roles as 403", async () => {
      const before = await t.db.packJob.count();
      for (const [body, field] of [[{ filter: { colour: "red" } }, ""], [{ filter: { tier: "galactic" } }, "filter.tier"], [{ pdfs: "some" }, "pdfs"], [{ filter: { q: "no vendor is called this" } }, "filter"]] as const) {
        const response = await startPackRoute(apiRequest("/api/v1/audit-packs", secret.security, { method: "POST", body }));
        expect(response.status, JSON.stringify(body)).toBe(400);
        const problem = (await answers("POST", "/audit-packs", response)) as { errors: { path: string }[] };
        if (field) expect(problem.errors.map((e) => e.path), JSON.stringify(body)).toContain(field);
      }
      expect(await t.db.packJob.count()).toBe(before);
      const failed = await t.db.packJob.create({ data: { status: "failed", error: "disk on fire", filter: { vendors: {}, pdfs: "latest" }, vendorsTotal: 1, createdById: actors.security.id, finishedAt: new Date() } });
      const unfinished = await packArchiveRoute(apiRequest(`/api/v1/audit-packs/${failed.id}/archive`, secret.security), params(failed.id));
      expect(unfinished.status).toBe(409);
      await answers("GET", "/audit-packs/{id}/archive", unfinished);
      const missing = await packJobRoute(apiRequest("/api/v1/audit-packs/nope", secret.security), params("nope"));
      expect(missing.status).toBe(404);
      await answers("GET", "/audit-packs/{id}", missing);
      for (const role of ["procurement", "legal", "viewer"] as const) {
        const refused = await startPackRoute(apiRequest("/api/v1/audit-packs", secret[role], { method: "POST", body: { filter: { tier: "critical" } } }));
        expect(refused.status, role).toBe(403);
      }
    });
  });

  describe("dossier interchange", () => {
    type DossierJson = { profile: { name: string; website?: string }; documents: { sha256: string }[] };
    let vendorId: string;
    beforeAll(async () => {
      vendorId = (await t.db.vendor.findFirstOrThrow({ where: { documents: { some: {} } }, orderBy: { searchName: "asc" }, select: { id: true } })).id;
    });

    it("exports a vendor's dossier as the interchange format (audited), imports it back as a new vendor, and replaces one with a version check", async () => {
      const exported = await getDossierRoute(apiRequest(`/api/v1/vendors/${vendorId}/dossier`, secret.security), params(vendorId));
      const dossier = (await answers("GET", "/vendors/{id}/dossier", exported)) as DossierJson;
      expect(dossier).toEqual(JSON.parse(JSON.stringify((await loadDossier(t.db, vendorId))!.dossier)));
      expect(dossier.documents.length).toBeGreaterThan(0);
      expect(await t.db.auditEvent.count({ where: { action: "vendor.export_dossier", entityId: vendorId, actorId: actors.security.id } })).toBe(1);

      const copy = { ...dossier, profile: { ...dossier.profile, name: "Imported Through The Api" } };
      const created = await importDossierRoute(apiRequest("/api/v1/dossiers", secret.admin, { method: "POST", body: copy }));
      expect(created.status).toBe(201);
      const vendor = (await answers("POST", "/dossiers", created)) as { id: string; name: string; version: number };
      expect(vendor.name).toBe("Imported Through The Api");
      expect(created.headers.get("location")).toBe(`/api/v1/vendors/${vendor.id}`);
      expect(await t.db.evidenceDocument.count({ where: { vendorId: vendor.id } })).toBe(dossier.documents.length);
      expect(await t.db.auditEvent.count({ where: { action: "vendor.import", entityId: vendor.id, actorId: actors.admin.id } })).toBe(1);

      const edited = { ...copy, profile: { ...copy.profile, website: "https://replaced.example" } };
      const url = `/api/v1/vendors/${vendor.id}/dossier?version=${vendor.version}`;
      const replaced = await replaceDossierRoute(apiRequest(url, secret.admin, { method: "PUT", body: edited }), params(vendor.id));
      expect(replaced.status).toBe(200);
      expect(((await answers("PUT", "/vendors/{id}/dossier", replaced)) as { version: number }).version).toBe(vendor.version + 1);
      expect(await t.db.auditEvent.count({ where: { action: "vendor.replace_dossier", entityId: vendor.id, actorId: actors.admin.id } })).toBe(1);

      const stale = await replaceDossierRoute(apiRequest(url, secret.admin, { method: "PUT", body: { ...edited, profile: { ...edited.profile, website: "https://lost.example" } } }), params(vendor.id));
      expect(stale.status).toBe(409);
      await answers("PUT", "/vendors/{id}/dossier", stale);
      expect((await t.db.vendor.findUniqueOrThrow({ where: { id: vendor.id } })).website).toBe("https://replaced.example");
    });

    it("refuses a bad dossier as a problem naming each path, writes nothing, and refuses roles without every record permission", async () => {
      const dossier = (await exportVendorDossierJson()) as DossierJson;
      const before = { vendors: await t.db.vendor.count(), events: await t.db.auditEvent.count() };
      const cases: [unknown, string][] = [
        [{ ...dossier, profile: { ...dossier.profile, name: "" } }, "profile.name"],
        [{ ...dossier, profile: { ...dossier.profile, name: "Unknown Files Ltd" }, documents: dossier.documents.map((d, i) => (i === 0 ? { ...d, sha256: "0".repeat(64) } : d)) }, "documents.0.sha256"],
        [{ hello: "world" }, "profile"],
      ];
      for (const [body, field] of cases) {
        const response = await importDossierRoute(apiRequest("/api/v1/dossiers", secret.admin, { method: "POST", body }));
        expect(response.status, field).toBe(400);
        const problem = (await answers("POST", "/dossiers", response)) as { errors: { path: string }[] };
        expect(problem.errors.map((e) => e.path), field).toContain(field);
      }
      const noVersion = await replaceDossierRoute(apiRequest(`/api/v1/vendors/${vendorId}/dossier`, secret.admin, { method: "PUT", body: dossier }), params(vendorId));
      expect(noVersion.status).toBe(400);
      expect(((await answers("PUT", "/vendors/{id}/dossier", noVersion)) as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain("version");
      expect({ vendors: await t.db.vendor.count(), events: await t.db.auditEvent.count() }).toEqual(before);

      for (const role of ["procurement", "legal", "security", "viewer"] as const) {
        const response = await importDossierRoute(apiRequest("/api/v1/dossiers", secret[role], { method: "POST", body: { ...dossier, profile: { ...dossier.profile, name: `By ${role}` } } }));
        expect(response.status, role).toBe(403);
      }
      for (const role of ["procurement", "legal", "viewer"] as const) {
        const response = await getDossierRoute(apiRequest(`/api/v1/vendors/${vendorId}/dossier`, secret[role]), params(vendorId));
        expect(response.status, role).toBe(403);
      }
    });

    async function exportVendorDossierJson(): Promise<unknown> {
      return JSON.parse(JSON.stringify((await loadDossier(t.db, vendorId))!.dossier));
    }
  });

  it("a token that spends its minute's requests gets 429 with Retry-After on these endpoints too", async () => {
    process.env.ASSAY_API_REQUESTS_PER_MINUTE = "2";
    try {
      const fresh = await apiSecretFor(t.db, actors.security);
      const vendorId = (await t.db.vendor.findFirstOrThrow({ select: { id: true } })).id;
      const calls = [
        () => vendorAssessmentsRoute(apiRequest(`/api/v1/vendors/${vendorId}/assessments`, fresh), params(vendorId)),
        () => listEvidenceRoute(apiRequest(`/api/v1/vendors/${vendorId}/evidence`, fresh), params(vendorId)),
        () => getDossierRoute(apiRequest(`/api/v1/vendors/${vendorId}/dossier`, fresh), params(vendorId)),
      ];
      const statuses: number[] = [];
      for (const call of calls) statuses.push((await call()).status);
      expect(statuses).toEqual([200, 200, 429]);
      const refused = await startPackRoute(apiRequest("/api/v1/audit-packs", fresh, { method: "POST", body: { filter: { tier: "critical" } } }));
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      await answers("POST", "/audit-packs", refused);
    } finally {
      delete process.env.ASSAY_API_REQUESTS_PER_MINUTE;
    }
  });
});

describe("the OpenAPI document and the route handlers", () => {
  const root = path.resolve(__dirname, "../../..");
  const apiDir = path.join(root, "app/api/v1");

  async function handlers(): Promise<string[]> {
    const out: string[] = [];
    for (const file of (await fs.readdir(apiDir, { recursive: true })).filter((f) => f.endsWith("route.ts"))) {
      const template = `/${path.dirname(file)}`.replace(/\[(\w+)\]/g, "{$1}").replace(/\/$/, "");
      if (template === "/openapi.json") continue; // the document itself
      const text = await fs.readFile(path.join(apiDir, file), "utf8");
      for (const m of text.matchAll(/^export function (GET|POST|PUT|PATCH|DELETE)\b/gm)) out.push(`${m[1]} ${template}`);
    }
    return out.sort();
  }

  it("describe each other exactly: every handler is documented and every documented operation has a handler", async () => {
    const { doc } = openApiContract();
    const documented = Object.entries(doc.paths)
      .flatMap(([template, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${template}`))
      .sort();
    const found = await handlers();
    expect(found.length).toBeGreaterThan(15);
    expect(found).toEqual(documented);
  });
});
