import { expect, type Browser, type Page } from "@playwright/test";
import { signInAs, uniqueName } from "./helpers";

// Shared steps of the dossier specs (not a spec itself).

/** "YYYY-MM-DD" of today's UTC day shifted by whole months (clamped to month end) and days. */
export function utcDay(months = 0, days = 0, from = new Date()): string {
  const y = from.getUTCFullYear();
  const m = from.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const d = new Date(Date.UTC(y, m, Math.min(from.getUTCDate(), lastDay)));
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Fills the existing New vendor form. The profile fields the tier is computed
 * from (data categories, system access) are chosen only when the form has them.
 */
export async function fillNewVendorForm(page: Page, name: string, opts: { industry?: string; dataCategory?: string } = {}) {
  await page.goto("/vendors/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Legal name").fill(`${name} Ltd`);
  await page.getByLabel("Headquarters country").selectOption("PH");
  await page.getByRole("checkbox", { name: "Chat support" }).check();
  await page.getByRole("checkbox", { name: opts.industry ?? "E-commerce" }).check();
  const categories = page.getByRole("group", { name: /Data categories/ });
  if ((await categories.count()) > 0) {
    await categories.getByRole("checkbox", { name: opts.dataCategory ?? "Contact PII" }).check();
  }
}

/** Procurement creates a vendor through the UI; returns its id and name. */
export async function createVendorAsProcurement(page: Page, prefix: string, opts: { industry?: string } = {}) {
  const name = uniqueName(prefix);
  await fillNewVendorForm(page, name, opts);
  await page.getByRole("button", { name: "Create vendor" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  const id = new URL(page.url()).pathname.split("/")[2];
  if (!id) throw new Error(`no vendor id in ${page.url()}`);
  return { id, name };
}

/** A fresh vendor made by procurement in its own page, so the spec's own role stays signed in elsewhere. */
export async function vendorMadeByProcurement(browser: Browser, prefix: string, opts: { industry?: string } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, "procurement");
  const vendor = await createVendorAsProcurement(page, prefix, opts);
  await context.close();
  return vendor;
}

/** The vendor page's section bar. */
export function sectionTab(page: Page, name: string | RegExp) {
  return page.getByRole("navigation", { name: "Vendor sections" }).getByRole("link", { name });
}
