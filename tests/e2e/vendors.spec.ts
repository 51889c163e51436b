import { expect, test } from "@playwright/test";
import { signInAs, uniqueName } from "./helpers";

test("procurement creates a vendor and sees its page", async ({ page }) => {
  await signInAs(page, "procurement");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Vendors" }).click();
  await page.getByRole("link", { name: "New vendor" }).first().click();
  const name = uniqueName("Harbour Contact");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Legal name").fill(`${name} Ltd`);
  await page.getByLabel("Headquarters country").selectOption("PH");
  await page.getByRole("checkbox", { name: "Chat support" }).check();
  await page.getByRole("checkbox", { name: "Fintech" }).check();
  await page.getByRole("button", { name: "Create vendor" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  await expect(page.getByText("Philippines")).toBeVisible();
});

test("an empty name shows the field error and keeps the other fields", async ({ page }) => {
  await signInAs(page, "procurement");
  await page.goto("/vendors/new");
  await page.getByLabel("Legal name").fill("Kept Legal Name Pvt Ltd");
  await page.getByLabel("Website").fill("https://kept.example");
  await page.getByLabel("Headquarters country").selectOption("IN");
  await page.getByRole("checkbox", { name: "Email support" }).check();
  await page.getByRole("button", { name: "Create vendor" }).click();
  const name = page.getByLabel("Name", { exact: true });
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Enter the vendor's name")).toBeVisible();
  await expect(page.getByLabel("Legal name")).toHaveValue("Kept Legal Name Pvt Ltd");
  await expect(page.getByLabel("Website")).toHaveValue("https://kept.example");
  await expect(page.getByLabel("Headquarters country")).toHaveValue("IN");
  await expect(page.getByRole("checkbox", { name: "Email support" })).toBeChecked();
  await expect(page).toHaveURL(/\/vendors\/new$/);
});

test("the vendors list searches, sorts and shows an empty result", async ({ page }) => {
  await signInAs(page, "viewer");
  await page.getByLabel("Search").fill("cebu");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("link", { name: "Cebu Customer Care" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Bluepeak BPO" })).toHaveCount(0);
  await page.getByLabel("Search").fill("no vendor is called this");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("No vendors match these filters.")).toBeVisible();
});
