import { expect, test } from "@playwright/test";
import { demoLogin, signInAs, uniqueName } from "./helpers";
import { createVendorAsProcurement, sectionTab } from "./dossier-helpers";

test("a server-side field error lands next to its field with the typed values kept; a save focuses the announced status", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/admin/users");
  const form = page.getByRole("form", { name: "Add a user" });
  const name = uniqueName("Forms User");
  const password = "Correct-Horse-Battery-Staple-42";

  // An e-mail already in use passes the client schema; only the server can refuse it.
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("E-mail").fill(demoLogin("legal").email);
  await form.getByLabel("Role").selectOption("legal");
  await form.getByLabel("Initial password").fill(password);
  await form.getByRole("button", { name: "Add user" }).click();

  const email = form.getByLabel("E-mail");
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText("A user with this e-mail already exists")).toBeVisible();
  // Tied to the field, and the field has focus so the user is where the fix is.
  const describedBy = await email.getAttribute("aria-describedby");
  expect(describedBy).toBeTruthy();
  await expect(page.locator(`[id="${describedBy}"]`)).toHaveText("A user with this e-mail already exists");
  await expect(email).toBeFocused();
  await expect(form.getByRole("alert").first()).toBeVisible();
  // Nothing typed is lost.
  await expect(form.getByLabel("Name")).toHaveValue(name);
  await expect(email).toHaveValue(demoLogin("legal").email);
  await expect(form.getByLabel("Role")).toHaveValue("legal");
  await expect(form.getByLabel("Initial password")).toHaveValue(password);

  await email.fill(`forms-${Date.now().toString(36)}@example.test`);
  await form.getByRole("button", { name: "Add user" }).click();
  const status = form.getByRole("status");
  await expect(status).toHaveText(`${name} can now sign in as Legal.`);
  await expect(status).toHaveAttribute("aria-live", "polite");
  // Focus is on the announced outcome, not dropped to <body>.
  await expect(status).toBeFocused();
  expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe("BODY");
});

test("the delete confirmation: Escape and Keep it cancel and return focus to the trigger; Delete removes the record", async ({ page }) => {
  await signInAs(page, "procurement");
  const vendor = await createVendorAsProcurement(page, "Forms Dialog");
  await page.goto(`/vendors/${vendor.id}/records/site/new`);
  const form = page.getByRole("form", { name: "Add delivery site" });
  await form.getByLabel("Country").selectOption("IN");
  await form.getByLabel("City").fill("Pune");
  await form.getByLabel("Agents work").selectOption("remote");
  await form.getByLabel(/^Headcount/).fill("40");
  await form.getByRole("button", { name: "Add delivery site" }).click();
  await expect(page).toHaveURL(new RegExp(`/vendors/${vendor.id}/sites`));
  await expect(sectionTab(page, /^Sites/)).toHaveAttribute("aria-current", "page");

  const trigger = page.getByRole("button", { name: /^Delete delivery site .*Pune/ });
  const dialog = page.getByRole("dialog", { name: /^Delete this delivery site/ });

  await trigger.click();
  await expect(dialog).toBeVisible();
  // The safe choice has focus first; the page behind is inert (modal).
  await expect(dialog.getByRole("button", { name: "Keep it" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(trigger).toBeFocused();

  await trigger.click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Keep it" })).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(dialog.getByRole("button", { name: "Delete" })).toBeFocused();
  await dialog.getByRole("button", { name: "Keep it" }).click();
  await expect(dialog).toBeHidden();
  await expect(trigger).toBeFocused();
  await expect(page.locator("tr", { hasText: "Pune" })).toHaveCount(1);

  await trigger.click();
  await dialog.getByRole("button", { name: "Delete" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator("tr", { hasText: "Pune" })).toHaveCount(0);
});
