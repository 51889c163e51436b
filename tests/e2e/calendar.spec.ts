import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import ical, { type VEvent } from "node-ical";
import { signInAs } from "./helpers";

// The renewal calendar (app/(app)/calendar): the month grid by keyboard, the
// list with relative dates, a filter kept in the URL, and a personal feed URL
// that a calendar app (here: a plain HTTP request with no cookie) can fetch.

test("month view → list view → filter → feed URL that serves the filtered dates", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signInAs(page, "security");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Calendar" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Renewal calendar" })).toBeVisible();

  // Month view: today is marked; the arrow keys move between days.
  const grid = page.getByRole("grid");
  const today = grid.locator('[aria-current="date"]');
  await expect(today).toHaveCount(1);
  const todayDay = (await today.getAttribute("data-day"))!;
  await today.focus();
  await page.keyboard.press("ArrowDown");
  const focusedDay = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.day);
  expect(focusedDay).not.toBe(todayDay);
  expect(new Date(`${focusedDay}T00:00:00Z`).getTime() - new Date(`${todayDay}T00:00:00Z`).getTime()).toBe(7 * 86_400_000);
  const title = await page.locator("#month-heading").textContent();
  await page.getByRole("link", { name: "Next month" }).click();
  await expect(page).toHaveURL(/month=\d{4}-\d{2}/);
  await expect(page.locator("#month-heading")).not.toHaveText(title!);

  // List view: soonest first, each date with how far it is.
  await page.getByRole("navigation", { name: "Calendar view" }).getByRole("link", { name: "List" }).click();
  await expect(page).toHaveURL(/view=list/);
  const rows = page.getByTestId("calendar-list").locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  const dates = await rows.locator("td:first-child time").evaluateAll((els) => els.map((e) => e.getAttribute("datetime")!));
  expect(dates).toEqual([...dates].sort());
  await expect(rows.first().locator("td").first()).toContainText(/\((in |due |expires |expired |overdue |due for renewal )/);

  // Filter: legal's dates only, and the filter lives in the URL.
  await page.getByLabel("Team", { exact: true }).first().selectOption("legal");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/team=legal/);
  await expect(rows.first()).toBeVisible();
  const teams = await rows.locator("td:last-child").allTextContents();
  expect(new Set(teams)).toEqual(new Set(["Legal"]));
  const listed = await rows.count();

  // A personal feed with the page's filters: shown once, fetched without any cookie.
  const feed = page.getByRole("region", { name: "Calendar feed" });
  await expect(feed.getByLabel("Team")).toHaveValue("legal");
  await feed.getByRole("button", { name: /Create feed URL|Regenerate feed URL/ }).click();
  const url = await page.getByTestId("feed-url").inputValue();
  expect(url).toMatch(/\/api\/calendar\/feed\/[A-Za-z0-9_-]{43}$/);
  const anonymous = await browser.newContext();
  const response = await anonymous.request.get(url);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^text\/calendar/);
  const events = Object.values(ical.sync.parseICS(await response.text())).filter((c): c is VEvent => c?.type === "VEVENT");
  expect(events.length).toBeGreaterThanOrEqual(Math.min(listed, 1));
  for (const e of events) expect(String(e.summary)).toMatch(/^(Contract notice deadline|Contract term ends): /);
  await page.reload();
  await expect(page.getByTestId("feed-status")).toContainText("last fetched");

  // Revoked: the same URL is a 404.
  await page.getByRole("button", { name: "Revoke feed" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Feed revoked" })).toBeVisible();
  expect((await anonymous.request.get(url)).status()).toBe(404);
  await anonymous.close();
});

test("the calendar fits 390 px and axe finds nothing serious", async ({ browser }) => {
  const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signInAs(page, "procurement");
  for (const path of ["/calendar", "/calendar?view=list"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: "Renewal calendar" })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
    const serious = (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
    expect(serious, path).toEqual([]);
  }
});
