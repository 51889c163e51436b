import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./helpers";

// The portfolio dashboard (app/(app)/dashboard/page.tsx): admin lands on it,
// its charts draw the seeded portfolio, and a count opens the vendor list
// holding exactly that many vendors.

/** The number a dashboard tile shows. */
async function tileNumber(page: Page, label: string | RegExp) {
  const tile = page.getByTestId("dashboard-count").filter({ hasText: label }).first();
  return { tile, value: Number((await tile.locator("span").first().textContent())?.trim()) };
}

/** "12 vendors match the filters…" → 12. */
async function listTotal(page: Page) {
  const text = (await page.getByTestId("vendor-total").textContent()) ?? "";
  return Number(/^(\d+)/.exec(text.trim())?.[1]);
}

test("admin lands on the dashboard and its charts draw the seeded portfolio", async ({ page }, testInfo) => {
  await signInAs(page, "admin");
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  const charts = page.getByTestId("chart");
  await expect(charts).toHaveCount(5);
  // recharts draws one rectangle per non-empty bar segment once it has measured its box.
  await expect(page.locator(".recharts-bar-rectangle").first()).toBeVisible();
  // A dot per month with assessments (the demo's may all fall in one month, which draws no line).
  await expect(page.locator(".recharts-line-dot").first()).toBeVisible();
  // Kept as an artifact of the run (test-results/…/dashboard.png), passing or not.
  const screenshot = testInfo.outputPath("dashboard.png");
  await page.screenshot({ path: screenshot, fullPage: true });
  await testInfo.attach("dashboard", { path: screenshot, contentType: "image/png" });

  // Every vendor is counted once by tier and once by rating band.
  const sectionTotal = async (heading: string) => {
    const numbers = await page.getByRole("region", { name: heading }).getByTestId("dashboard-count").locator("span:first-child").allTextContents();
    return numbers.reduce((n, t) => n + Number(t), 0);
  };
  expect(await sectionTotal("Vendors by tier")).toBeGreaterThan(0);
  expect(await sectionTotal("Vendors by tier")).toBe(await sectionTotal("Vendors by rating band"));
});

test("findings by domain: a domain's number opens the vendor list with that many vendors", async ({ page }) => {
  await signInAs(page, "admin");
  await expect(async () => {
    await page.goto("/dashboard");
    const region = page.getByRole("region", { name: "Findings by domain" });
    await region.getByText("Show the data as a table").click();
    const row = region.getByRole("row", { name: /^Assurance\b/ });
    const cell = row.getByRole("link").first();
    const value = Number(await cell.textContent());
    expect(value).toBeGreaterThan(0);
    await cell.click();
    await expect(page).toHaveURL(/\/vendors\?domain=assurance$/);
    expect(await listTotal(page)).toBe(value);
  }).toPass({ timeout: 30_000 });
});

test("a count on the dashboard opens a vendor list with the same number of vendors", async ({ page }) => {
  await signInAs(page, "admin");
  // Other specs may change the demo data meanwhile: read both sides again until they agree.
  await expect(async () => {
    await page.goto("/dashboard");
    const { tile, value } = await tileNumber(page, "Vendors with a blocker");
    expect(value).toBeGreaterThan(0);
    await tile.click();
    await expect(page).toHaveURL(/\/vendors\?blocker=yes$/);
    expect(await listTotal(page)).toBe(value);
  }).toPass({ timeout: 30_000 });
});

test("by keyboard: a chart's table opens and each of its cells links to its vendors", async ({ page }) => {
  await signInAs(page, "admin");
  await expect(async () => {
    await page.goto("/dashboard");
    const section = page.getByRole("region", { name: "Rating band by tier" });
    const summary = section.getByText("Show the data as a table");
    await summary.focus();
    await page.keyboard.press("Enter");
    const table = section.getByRole("table", { name: "Vendors by tier and rating band" });
    await expect(table).toBeVisible();
    // The first non-zero cell: focus its link and follow it with Enter.
    const links = table.getByRole("link");
    const texts = await links.allTextContents();
    const index = texts.findIndex((t) => Number(t) > 0);
    expect(index).toBeGreaterThanOrEqual(0);
    const expected = Number(texts[index]);
    await links.nth(index).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/vendors\?tier=\w+&band=\w+$/);
    expect(await listTotal(page)).toBe(expected);
  }).toPass({ timeout: 30_000 });
});
