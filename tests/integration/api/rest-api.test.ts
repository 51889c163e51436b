// The REST API (/api/v1) through its route handlers, on a seeded database:
// tokens (shown once, stored hashed, revoked/expired/orphaned tokens refused at
// once, narrowed permissions), the vendor list's filters with cursor pages,
// RFC 9457 problems with field paths, 409 on a stale version, 429 with
// Retry-After, and the OpenAPI 3.1 document: valid, and describing the
// answers the handlers really give.
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "@/lib/cli/seed";
import type { Role } from "@/lib/domain/accounts/roles";
import type { Actor } from "@/lib/server/actor";
import { createApiToken, hashApiSecret, listApiTokens, revokeApiToken } from "@/lib/server/services/api-tokens";
import { listVendors } from "@/lib/server/services/vendors";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/vendors/route";
import { GET as getRoute, PATCH as patchRoute } from "@/app/api/v1/vendors/[id]/route";
import { GET as findingsRoute } from "@/app/api/v1/vendors/[id]/findings/route";
import { GET as openApiRoute } from "@/app/api/v1/openapi.json/route";
import { apiRequest, apiSecretFor } from "../helpers/api-tokens";
import { openApiContract } from "../helpers/api-contract";
import { makeActor, validVendor } from "../helpers/fixtures";
import { forEachProvider } from "../helpers/test-database";

type Page = { data: { id: string; name: string; version: number }[]; nextCursor: string | null };
const params = (id: string) => ({ params: Promise.resolve({ id }) });

forEachProvider("REST API /api/v1", (t) => {
  const actors = {} as Record<Role, Actor>;
  let secret: Record<Role, string>;
  /** Checks a real answer against the document's schema for it. */
  const { conforms } = openApiContract();

  beforeAll(async () => {
    expect(await seedDemoData()).toBe("seeded");
    for (const role of ["admin", "procurement", "legal", "security", "viewer"] as const) actors[role] = await makeActor(role);
    secret = {} as Record<Role, string>;
    for (const role of Object.keys(actors) as Role[]) secret[role] = await apiSecretFor(t.db, actors[role]);
  }, 120_000);

  afterAll(() => {
    delete process.env.ASSAY_API_REQUESTS_PER_MINUTE;
  });

  async function walk(query: string, as: Role = "viewer"): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 100; pages++) {
      const response = await listRoute(apiRequest(`/api/v1/vendors?limit=7${query}${cursor ? `&cursor=${cursor}` : ""}`, secret[as]));
      expect(response.status).toBe(200);
      const page = (await response.json()) as Page;
      conforms("VendorPage", page);
      expect(page.data.length).toBeLessThanOrEqual(7);
      ids.push(...page.data.map((v) => v.id));
      if (!page.nextCursor) return ids;
      cursor = page.nextCursor;
    }
    throw new Error("more than 100 pages");
  }

  it("cursor pages walk every vendor once, in name order", async () => {
    const ids = await walk("");
    const expected = await t.db.vendor.findMany({ orderBy: [{ searchName: "asc" }, { id: "asc" }], select: { id: true } });
    expect(ids).toEqual(expected.map((v) => v.id));
    expect(ids.length).toBeGreaterThan(14);
  });

  it("filters are the vendor list page's own: the same vendors as the page shows", async () => {
    for (const filter of ["tier=critical", "blocker=yes", "soc2=stale", "finding=high&status=active"]) {
      const fromApi = await walk(`&${filter}`);
      const query = Object.fromEntries(new URLSearchParams(filter));
      const fromPage = await listVendors({ actor: actors.viewer, query: { ...query, sort: "name", dir: "asc", page: 1, pageSize: 100 } as never });
      expect(new Set(fromApi), filter).toEqual(new Set(fromPage.rows.map((r) => r.id)));
      expect(fromApi.length, filter).toBe(fromPage.total);
    }
  });

  it("bad input is a problem+json with the field paths, and nothing is created", async () => {
    const before = await t.db.vendor.count();
    const bad = await createRoute(apiRequest("/api/v1/vendors", secret.procurement, { method: "POST", body: { ...validVendor, name: "", country: "Atlantis" } }));
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toBe("application/problem+json");
    const problem = (await bad.json()) as { status: number; errors: { path: string; message: string }[] };
    conforms("Problem", problem);
    expect(problem.status).toBe(400);
    expect(problem.errors.map((e) => e.path)).toEqual(expect.arrayContaining(["name", "country"]));
    expect(await t.db.vendor.count()).toBe(before);

    for (const [query, path] of [["tier=galactic", "tier"], ["limit=5000", "limit"], ["colour=red", ""], ["cursor=bm90LWEtY3Vyc29y", "cursor"]] as const) {
      const response = await listRoute(apiRequest(`/api/v1/vendors?${query}`, secret.viewer));
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as { errors: { path: string }[] };
      if (path) expect(body.errors.map((e) => e.path), query).toContain(path);
    }
    const notJson = await createRoute(new Request("http://127.0.0.1/api/v1/vendors", { method: "POST", headers: { authorization: `Bearer ${secret.procurement}` }, body: "{name:" }));
    expect(notJson.status).toBe(400);
  });

  it("creates, reads and updates a vendor; a stale version is 409 and changes nothing", async () => {
    const created = await createRoute(apiRequest("/api/v1/vendors", secret.procurement, { method: "POST", body: { ...validVendor, name: "Api Made Vendor" } }));
    expect(created.status).toBe(201);
    const vendor = (await created.json()) as { id: string; version: number; name: string };
    conforms("Vendor", vendor);
    expect(created.headers.get("location")).toBe(`/api/v1/vendors/${vendor.id}`);
    expect(await t.db.auditEvent.count({ where: { action: "vendor.create", entityId: vendor.id, actorId: actors.procurement.id } })).toBe(1);

    const read = await getRoute(apiRequest(`/api/v1/vendors/${vendor.id}`, secret.viewer), params(vendor.id));
    conforms("Vendor", await read.json());

    const body = { ...validVendor, name: "Api Made Vendor", website: "https://renamed.example", version: vendor.version };
    const updated = await patchRoute(apiRequest(`/api/v1/vendors/${vendor.id}`, secret.procurement, { method: "PATCH", body }), params(vendor.id));
    expect(updated.status).toBe(200);
    expect(((await updated.json()) as { version: number }).version).toBe(vendor.version + 1);

    const stale = await patchRoute(apiRequest(`/api/v1/vendors/${vendor.id}`, secret.procurement, { method: "PATCH", body: { ...body, website: "https://lost.example" } }), params(vendor.id));
    expect(stale.status).toBe(409);
    expect(stale.headers.get("content-type")).toBe("application/problem+json");
    expect((await t.db.vendor.findUniqueOrThrow({ where: { id: vendor.id } })).website).toBe("https://renamed.example");

    const missing = await getRoute(apiRequest("/api/v1/vendors/nope", secret.viewer), params("nope"));
    expect(missing.status).toBe(404);
  });

  it("findings are the vendor page's, in the documented shape", async () => {
    const vendor = await t.db.vendor.findFirstOrThrow({ where: { blockerCount: { gt: 0 } } });
    const response = await findingsRoute(apiRequest(`/api/v1/vendors/${vendor.id}/findings`, secret.legal), params(vendor.id));
    const body = (await response.json()) as { data: { severity: string }[] };
    conforms("FindingList", body);
    expect(body.data.filter((f) => f.severity === "blocker").length).toBe(vendor.blockerCount);
  });

  it("a token acts with its own role, narrowed to its permissions", async () => {
    const denied = await createRoute(apiRequest("/api/v1/vendors", secret.legal, { method: "POST", body: { ...validVendor, name: "Legal Tries" } }));
    expect(denied.status).toBe(403);
    const readOnly = await apiSecretFor(t.db, actors.procurement, { permissions: ["vendor.read"] });
    expect((await listRoute(apiRequest("/api/v1/vendors?limit=1", readOnly))).status).toBe(200);
    expect((await createRoute(apiRequest("/api/v1/vendors", readOnly, { method: "POST", body: { ...validVendor, name: "Narrowed" } }))).status).toBe(403);
  });

  describe("token lifecycle", () => {
    it("is shown once, stored hashed, refused once revoked, expired or orphaned", async () => {
      const { id, secret: issued } = await createApiToken({ actor: actors.admin, input: { name: "Ticketing sync", role: "viewer", expires: "30" } });
      expect(issued).toMatch(/^assay_[A-Za-z0-9_-]{43}$/);
      const row = await t.db.apiToken.findUniqueOrThrow({ where: { id } });
      expect(JSON.stringify(row)).not.toContain(issued.slice(6));
      const listed = (await listApiTokens({ actor: actors.admin })).find((r) => r.id === id)!;
      expect(listed).toMatchObject({ name: "Ticketing sync", role: "viewer", lastUsedAt: null });
      expect(issued.startsWith(listed.prefix)).toBe(true);
      await expect(createApiToken({ actor: actors.security, input: { name: "x", role: "admin" } })).rejects.toMatchObject({ code: "FORBIDDEN" });

      expect((await listRoute(apiRequest("/api/v1/vendors?limit=1", issued))).status).toBe(200);
      expect((await t.db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).not.toBeNull();
      await revokeApiToken({ actor: actors.admin, input: { id } });
      const revoked = await listRoute(apiRequest("/api/v1/vendors?limit=1", issued));
      expect(revoked.status).toBe(401);
      expect(revoked.headers.get("www-authenticate")).toMatch(/^Bearer/);

      const expired = await apiSecretFor(t.db, actors.viewer, { expiresAt: new Date(Date.now() - 1000) });
      expect((await listRoute(apiRequest("/api/v1/vendors?limit=1", expired))).status).toBe(401);

      const leaver = await makeActor("security");
      const orphan = await apiSecretFor(t.db, leaver);
      expect((await listRoute(apiRequest("/api/v1/vendors?limit=1", orphan))).status).toBe(200);
      await t.db.user.update({ where: { id: leaver.id }, data: { active: false } });
      expect((await listRoute(apiRequest("/api/v1/vendors?limit=1", orphan))).status).toBe(401);
      expect((await listRoute(apiRequest("/api/v1/vendors?limit=1", "assay_not-a-real-token"))).status).toBe(401);
      expect((await listRoute(apiRequest("/api/v1/vendors?limit=1", null))).status).toBe(401);
    });
  });

  it("a token that spends its minute's requests gets 429 with Retry-After", async () => {
    process.env.ASSAY_API_REQUESTS_PER_MINUTE = "3";
    try {
      const fresh = await apiSecretFor(t.db, actors.viewer);
      const statuses: number[] = [];
      let last: Response | undefined;
      for (let i = 0; i < 4; i++) {
        last = await listRoute(apiRequest("/api/v1/vendors?limit=1", fresh));
        statuses.push(last.status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(Number(last!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(last!.headers.get("content-type")).toBe("application/problem+json");
      // Another token's budget is its own.
      expect((await listRoute(apiRequest("/api/v1/vendors?limit=1", await apiSecretFor(t.db, actors.viewer)))).status).toBe(200);
      // Once the minute is over, the token starts a new one with its whole budget.
      const { id: tokenId } = await t.db.apiToken.findUniqueOrThrow({ where: { tokenHash: hashApiSecret(fresh) } });
      const window = await t.db.rateLimit.findUniqueOrThrow({ where: { key: `api:token:${tokenId}` } });
      expect(window.points).toBe(4);
      await t.db.rateLimit.update({ where: { key: window.key }, data: { expire: new Date(Date.now() - 1000) } });
      const renewed: number[] = [];
      for (let i = 0; i < 4; i++) renewed.push((await listRoute(apiRequest("/api/v1/vendors?limit=1", fresh))).status);
      expect(renewed).toEqual([200, 200, 200, 429]);
    } finally {
      delete process.env.ASSAY_API_REQUESTS_PER_MINUTE;
    }
  });

  it("the served OpenAPI document is valid OpenAPI 3.1", async () => {
    const served = (await (await openApiRoute()).json()) as object;
    const result = await new Validator().validate(served as never);
    expect(result, JSON.stringify(result.errors)).toMatchObject({ valid: true });
    expect((served as { openapi: string }).openapi).toBe("3.1.0");
  });
});
