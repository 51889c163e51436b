import { expect, test } from "@playwright/test";
import { signInAs } from "./helpers";

// One projection per fact (docs/rules.md §2): the Assurance tab's badge for the
// demo ISO/IEC 27001 certificate issued to the 2013 edition says "Superseded",
// as the findings engine raises it, never "Valid".

const VENDOR = "Kyiv Remote Support";

test("the ISO certificate to the 2013 edition shows Superseded on the Assurance tab", async ({ page }) => {
  await signInAs(page, "security");
  await page.goto(`/vendors?q=${encodeURIComponent(VENDOR)}&status=offboarded`);
  await page.getByRole("link", { name: VENDOR }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(VENDOR);
  const id = new URL(page.url()).pathname.split("/")[2];
  await page.goto(`/vendors/${id}/assurance`);

  const row = page.getByRole("row").filter({ hasText: "NC-27001-1902" });
  await expect(row).toContainText("ISO/IEC 27001:2013");
  await expect(row.locator(".badge", { hasText: "Superseded" })).toBeVisible();
  await expect(row.locator(".badge", { hasText: /^Valid$/ })).toHaveCount(0);
  // The findings engine says the same about the same certificate.
  await expect(page.getByText(/is to the 2013 edition, whose certificates lapsed/).first()).toBeVisible();
});

test("an admin names the organisation for the PDF cover; a bad name or a non-image logo is refused next to its field", async ({ page }, testInfo) => {
  await signInAs(page, "admin");
  await page.goto("/admin/settings");
  const organisation = page.getByRole("form", { name: "Name on the PDF cover" });
  await organisation.getByLabel("Organisation name").fill("   ");
  await organisation.getByRole("button", { name: "Save name" }).click();
  await expect(organisation.getByRole("alert")).toContainText("Enter the organisation's name");

  await organisation.getByLabel("Organisation name").fill("Ωmega Risk Committee");
  await organisation.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Name saved" })).toBeVisible();

  const logo = page.getByRole("form", { name: "Logo on the PDF cover" });
  const notAnImage = testInfo.outputPath("logo.png");
  await import("node:fs").then((fs) => fs.writeFileSync(notAnImage, "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n"));
  await logo.getByLabel("Logo (optional)").setInputFiles(notAnImage);
  await logo.getByRole("button", { name: "Upload logo" }).click();
  await expect(logo.getByRole("alert")).toContainText("The logo must be a PNG or JPEG image.");

  await page.reload();
  await expect(page.getByRole("textbox", { name: "Organisation name" })).toHaveValue("Ωmega Risk Committee");
});
