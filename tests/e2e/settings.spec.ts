import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./helpers";

// Admin → Settings: weights, caps, bands and thresholds, validated in the
// browser with the server's schema, saved with an optimistic lock. Only
// fields no other spec depends on are changed, and they are put back.

async function openSettings(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  return page.getByRole("form", { name: "Organisation settings" });
}

test("admin edits the settings: inline errors for weights and bands, then a saved change", async ({ page }) => {
  await signInAs(page, "admin");
  const form = await openSettings(page);

  const assurance = form.getByLabel("Assurance reports (% of the score)");
  await expect(assurance).toHaveValue("25");
  await assurance.fill("20");
  await form.getByLabel("Medium (approve with conditions) from (points)").fill("85");
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.getByTestId("weights-total")).toContainText("Total: 95 of 100. The weights must add up to 100; they add up to 95.");
  await expect(form.getByText("Medium must start below Low (80); bands cannot overlap.")).toBeVisible();

  await assurance.fill("25");
  await form.getByLabel("Medium (approve with conditions) from (points)").fill("60");
  const largest = form.getByLabel("Largest file (MiB)");
  await expect(largest).toHaveValue("25");
  await largest.fill("26");
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toContainText("Settings saved");

  await page.reload();
  await expect(form.getByLabel("Largest file (MiB)")).toHaveValue("26");
  await form.getByLabel("Largest file (MiB)").fill("25");
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toContainText("Settings saved");
});

test("a save from a page opened before someone else's save is refused", async ({ page, browser }) => {
  await signInAs(page, "admin");
  const first = await openSettings(page);
  const other = await browser.newPage();
  await signInAs(other, "admin");
  const second = await openSettings(other);

  await first.getByLabel("Counting window (minutes)").fill("16");
  await first.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toContainText("Settings saved");

  await second.getByLabel("Counting window (minutes)").fill("17");
  await second.getByRole("button", { name: "Save settings" }).click();
  await expect(other.getByRole("alert").first()).toContainText("changed by someone else");

  await first.getByLabel("Counting window (minutes)").fill("15");
  await first.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toContainText("Settings saved");
});

test("only admins see and open the settings", async ({ page }) => {
  await signInAs(page, "procurement");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" })).toHaveCount(0);
  await page.goto("/admin/settings");
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toHaveCount(0);
});
