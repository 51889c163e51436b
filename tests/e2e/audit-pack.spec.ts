import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { expectNotAllowed, signInAs } from "./helpers";

// Issue 6 end to end against `next start`: security exports a vendor's audit
// pack from the vendor page and the downloaded file verifies with the CLI and
// the key published at /.well-known; procurement and viewer neither see the
// control nor get the pack at its URL; an admin sees the chain verdict.

const VENDOR = "Northwind Contact Solutions";
const ROOT = path.resolve(__dirname, "../..");

async function openVendor(page: Page): Promise<string> {
  await page.goto(`/vendors?q=${encodeURIComponent(VENDOR)}`);
  await page.getByRole("link", { name: VENDOR }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(VENDOR);
  const id = new URL(page.url()).pathname.split("/")[2];
  if (!id) throw new Error(`no vendor id in ${page.url()}`);
  return id;
}

test("security exports a vendor's audit pack from the vendor page and the download verifies", async ({ page }, testInfo) => {
  await signInAs(page, "security");
  await openVendor(page);

  await page.getByText("Export audit pack").click();
  await page.getByLabel("All assessment versions").check();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download pack" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^assay-audit-pack-northwind-contact-solutions-\d{4}-\d{2}-\d{2}\.zip$/);
  const zip = testInfo.outputPath("pack.zip");
  await download.saveAs(zip);

  // The public key, as an auditor fetches it: no session needed.
  const anonymous = await page.context().browser()!.newContext();
  const keyResponse = await anonymous.request.get("/.well-known/assay-pack-signing-key.pem");
  expect(keyResponse.status()).toBe(200);
  expect(keyResponse.headers()["content-type"]).toMatch(/^text\/plain/);
  const pem = await keyResponse.text();
  expect(pem).toContain("-----BEGIN PUBLIC KEY-----");
  await anonymous.close();
  const keyFile = testInfo.outputPath("assay-pack-signing-key.pem");
  fs.writeFileSync(keyFile, pem);

  const out = execFileSync("npx", ["tsx", "lib/cli/main.ts", "verify-pack", zip, "--key", keyFile], { cwd: ROOT, encoding: "utf8" });
  expect(out).toMatch(/^OK .*pack\.zip: \d+ files verified, signatures valid/);

  // The export is in the audit log, as security did it.
  await page.goto(`/audit-log?action=pack.export&vendor=${encodeURIComponent(VENDOR)}`);
  const row = page.getByTestId("audit-event").first();
  await expect(row).toContainText("pack.export");
  await expect(row).toContainText("security@assay.demo");
});

for (const role of ["procurement", "viewer"] as const) {
  test(`${role} does not see the export and is refused at the URL`, async ({ page }) => {
    await signInAs(page, role);
    const id = await openVendor(page);
    await expect(page.getByText("Export audit pack")).toHaveCount(0);
    const response = await page.request.get(`/api/vendors/${id}/audit-pack?pdfs=latest`);
    expect(response.status()).toBe(403);
    expect(response.headers()["content-type"]).toMatch(/json/);
    await expectNotAllowed(page, "/audit-packs");
  });
}

test("an admin sees the audit chain verdict and the signing key's fingerprint", async ({ page }) => {
  await signInAs(page, "admin");
  await page.getByRole("link", { name: "Audit chain" }).click();
  const verdict = page.getByTestId("chain-verdict");
  await expect(verdict).toContainText("OK: the audit chain is intact");
  expect(Number((await page.getByTestId("chain-count").textContent())!.replace(/,/g, ""))).toBeGreaterThan(0);
  await expect(page.getByTestId("chain-head")).toHaveText(/^[0-9a-f]{64}$/);

  const fingerprint = (await page.getByTestId("pack-key-fingerprint").first().textContent())!;
  const published = await page.request.get("/.well-known/assay-pack-signing-key.pem");
  expect(published.headers()["x-key-fingerprint"]).toBe(`sha256:${fingerprint}`);
});

test("security and viewer read the audit log; procurement may not", async ({ browser }) => {
  for (const role of ["security", "viewer"] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, role);
    await page.getByRole("link", { name: "Audit log" }).click();
    await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
    await expect(page.getByTestId("audit-event").first()).toBeVisible();
    const csv = await page.request.get("/api/audit-log/export?format=csv&action=auth.*");
    expect(csv.status()).toBe(200);
    expect((await csv.text()).split("\r\n")[0]).toBe("id,at,actorId,actorEmail,action,entityType,entityId,vendorId,before,after,ip,userAgent,prevHash,hash");
    await context.close();
  }
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, "procurement");
  await expect(page.getByRole("link", { name: "Audit log" })).toHaveCount(0);
  expect((await page.request.get("/api/audit-log/export?format=jsonl")).status()).toBe(403);
  await context.close();
});
