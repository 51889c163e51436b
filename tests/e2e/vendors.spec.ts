import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { E2E_DATA_DIR } from "./env";
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

test("a vendor's industries are ticked again on edit, and the industry filter follows the saved change", async ({ page }) => {
  await signInAs(page, "procurement");
  await page.goto("/vendors/new");
  const name = uniqueName("Industry Switch");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Legal name").fill(`${name} Ltd`);
  await page.getByLabel("Headquarters country").selectOption("PH");
  await page.getByRole("checkbox", { name: "Chat support" }).check();
  await page.getByRole("checkbox", { name: "Gaming" }).check();
  await page.getByRole("checkbox", { name: "Fintech" }).check();
  await page.getByRole("button", { name: "Create vendor" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);

  await page.getByRole("link", { name: "Edit profile" }).click();
  await expect(page.getByRole("checkbox", { name: "Fintech" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Gaming" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Government" })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Chat support" })).toBeChecked();
  await page.getByRole("checkbox", { name: "Fintech" }).uncheck();
  await page.getByRole("checkbox", { name: "Government" }).check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);

  const search = encodeURIComponent(name.toLowerCase());
  await page.goto(`/vendors?q=${search}&industry=government`);
  await expect(page.getByRole("link", { name })).toBeVisible();
  await page.goto(`/vendors?q=${search}&industry=fintech`);
  await expect(page.getByText("No vendors match these filters.")).toBeVisible();
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
  // A viewer lands on the dashboard; the list is one click away.
  await page.getByRole("navigation").getByRole("link", { name: "Vendors" }).first().click();
  await expect(page).toHaveURL(/\/vendors$/);
  await page.getByLabel("Search").fill("cebu");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("link", { name: "Cebu Customer Care" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Bluepeak BPO" })).toHaveCount(0);
  await page.getByLabel("Search").fill("no vendor is called this");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("No vendors match these filters.")).toBeVisible();
});

test("finding counts stored before today are recomputed when the list is shown", async ({ page }) => {
  // Plays "a summary computed yesterday, before things changed" straight in the
  // server's database; the list must show the counts as of today.
  const db = new Database(path.resolve(E2E_DATA_DIR, "assay.db"));
  db.pragma("busy_timeout = 5000");
  type Row = { id: string; blockerCount: number; highCount: number; findingsAt: string };
  await signInAs(page, "viewer");
  await page.goto("/vendors?q=Nile+Gateway"); // whatever was outdated is current after this
  const vendor = db.prepare("SELECT id, blockerCount, highCount, findingsAt FROM Vendor WHERE name = ?").get("Nile Gateway BPO") as Row;
  expect(vendor.blockerCount + vendor.highCount).toBeGreaterThan(0);
  const yesterday = new Date(Date.now() - 86_400_000).toISOString();
  db.prepare("UPDATE Vendor SET blockerCount = 0, highCount = 0, mediumCount = 0, lowCount = 0, findingsAt = ? WHERE id = ?").run(yesterday, vendor.id);

  await page.reload();
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: "Nile Gateway BPO" }) });
  await expect(row.getByText("No findings")).toHaveCount(0);
  if (vendor.blockerCount > 0) await expect(row.getByText(`${vendor.blockerCount} ${vendor.blockerCount === 1 ? "blocker" : "blockers"}`)).toBeVisible();
  if (vendor.highCount > 0) await expect(row.getByText(`${vendor.highCount} high`)).toBeVisible();
  const after = db.prepare("SELECT findingsAt FROM Vendor WHERE id = ?").get(vendor.id) as Pick<Row, "findingsAt">;
  expect(new Date(after.findingsAt).getTime()).toBeGreaterThan(new Date(yesterday).getTime());
  db.close();
});
