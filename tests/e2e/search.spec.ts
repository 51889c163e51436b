import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./helpers";

/** Serious and critical accessibility violations on the page as it stands (the layout spec's bar). */
async function seriousAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
}

test("the shell's search box finds records by the start of their words, grouped, and opens one by keyboard", async ({ page }) => {
  await signInAs(page, "viewer");
  await page.waitForLoadState("networkidle");
  // "/" from anywhere on the page (outside a field) jumps to the box.
  await page.locator("body").press("/");
  const box = page.getByRole("combobox", { name: "Find vendors, contracts, evidence, remediation items and findings" });
  await expect(box).toBeFocused();
  await page.keyboard.type("cebu cust");
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/search\?q=cebu\+cust$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Search results for “cebu cust”");
  await expect(box).toHaveValue("cebu cust");
  // One group per kind a viewer reads, each with its count.
  const groups = page.locator("section.search-group");
  await expect(groups.locator("h2")).toHaveText([/^Vendors \(\d+\)$/, /^Contracts \(\d+\)$/, /^Evidence documents \(\d+\)$/, /^Remediation items \(\d+\)$/, /^Open findings \(\d+\)$/]);
  const vendors = page.getByRole("region", { name: /^Vendors/ });
  await expect(vendors.getByRole("heading")).toHaveText("Vendors (1)");
  const hit = vendors.getByRole("link", { name: "Cebu Customer Care" });
  await expect(hit).toBeVisible();
  await expect(vendors.getByRole("link", { name: "Bluepeak BPO" })).toHaveCount(0);
  expect(await seriousAxeViolations(page)).toEqual([]);

  // Tab from the box to the hit, then Enter opens the vendor.
  await box.focus();
  for (let i = 0; i < 15 && !(await hit.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(hit).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/vendors\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Cebu Customer Care");
});

test("while typing, the box lists the top matches of each kind; arrow keys choose one and Enter opens it", async ({ page }) => {
  await signInAs(page, "security");
  await page.waitForLoadState("networkidle");
  await page.locator("body").press("/");
  const box = page.getByRole("combobox", { name: "Find vendors, contracts, evidence, remediation items and findings" });
  await expect(box).toBeFocused();
  await page.keyboard.type("cebu cus");
  const listbox = page.getByRole("listbox", { name: "Top matches" });
  await expect(box).toHaveAttribute("aria-expanded", "true");
  const vendorGroup = listbox.getByRole("group", { name: /^Vendors \(1\)$/ });
  const option = vendorGroup.getByRole("option", { name: "Cebu Customer Care" });
  await expect(option).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.keyboard.press("ArrowDown");
  await expect(listbox.getByRole("option").first()).toHaveAttribute("aria-selected", "true");
  await expect(box).toHaveAttribute("aria-activedescendant", (await listbox.getByRole("option").first().getAttribute("id"))!);
  await page.keyboard.press("Escape");
  await expect(box).toHaveAttribute("aria-expanded", "false");
  await page.keyboard.press("ArrowDown");
  await expect(option).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/vendors\/[^/?#]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Cebu Customer Care");
});

test("query syntax typed into the box is searched as words, never an error page", async ({ page }) => {
  await signInAs(page, "procurement");
  for (const q of ['"', "*", "NEAR(", "-", "'; --", "cebu)"]) {
    const response = await page.goto(`/search?${new URLSearchParams({ q })}`);
    expect(response?.status(), q).toBe(200);
    await expect(page.getByRole("heading", { level: 1 }), q).toBeVisible();
  }
  await expect(page.getByRole("region", { name: /^Vendors/ }).getByRole("link", { name: "Cebu Customer Care" })).toBeVisible();
  // Too long: a message under the box, not an error page.
  const long = "x".repeat(201);
  expect((await page.goto(`/search?${new URLSearchParams({ q: long })}`))?.status()).toBe(200);
  await expect(page.locator("#search-error")).toContainText("at most 200 characters");
});
