import { expect, test } from "@playwright/test";
import { countryName } from "@/lib/domain/reference/countries";
import { REMOTE_SITE_CONTROLS, REMOTE_SITE_CONTROL_LABELS } from "@/lib/domain/dossier-vocabulary";
import { signInAs } from "./helpers";
import { createVendorAsProcurement, sectionTab } from "./dossier-helpers";

test("procurement adds a remote site without VDI and sees the remote-site finding", async ({ page }) => {
  await signInAs(page, "procurement");
  // Fintech makes the vendor at least High (docs/rules.md §1), so the gap is a high finding.
  const vendor = await createVendorAsProcurement(page, "Remote Desk", { industry: "Fintech" });

  // A new vendor has no sites; the overview says so.
  await expect(page.locator("#findings")).toContainText("No delivery site is recorded");

  await sectionTab(page, /^Sites/).click();
  await expect(sectionTab(page, /^Sites/)).toHaveAttribute("aria-current", "page");
  await page.getByRole("link", { name: "Add delivery site" }).click();
  await expect(page).toHaveURL(new RegExp(`/vendors/${vendor.id}/records/site/new$`));

  const form = page.getByRole("form", { name: "Add delivery site" });
  await form.getByLabel("Country").selectOption("IN");
  await form.getByLabel("Agents work").selectOption("remote");
  await form.getByLabel(/^Headcount/).fill("40");
  // The remote-agent controls appear only for remote sites.
  await form.getByLabel("EDR on agents' endpoints").check();
  await form.getByLabel("VPN for all access").check();
  await form.getByLabel("MFA on every login").check();
  await expect(form.getByLabel("VDI with no local data")).not.toBeChecked();

  // Forgetting the city keeps everything typed and says what is missing, next to the field.
  await form.getByRole("button", { name: "Add delivery site" }).click();
  await expect(form.getByLabel("City")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText("Enter the site's city").first()).toBeVisible();
  await expect(form.getByLabel("Country")).toHaveValue("IN");
  await expect(form.getByLabel("Agents work")).toHaveValue("remote");
  await expect(form.getByLabel("EDR on agents' endpoints")).toBeChecked();
  await expect(form.getByLabel(/^Headcount/)).toHaveValue("40");

  await form.getByLabel("City").fill("Pune");
  await form.getByRole("button", { name: "Add delivery site" }).click();

  // Back on the Sites tab, on the new row: VDI is shown as missing.
  await expect(page).toHaveURL(new RegExp(`/vendors/${vendor.id}/sites#record-`));
  // …with the saved row marked.
  await expect(page.locator("tr[data-targeted]")).toContainText("Pune");
  const row = page.locator("tr", { hasText: "Pune" });
  await expect(row).toContainText("Remote agents");
  await expect(row.locator(".chip-missing")).toHaveText(/VDI\s+missing/);
  await expect(row.locator(".chip-ok")).toHaveCount(3);

  // The finding, worded as the site rule words it (lib/domain/findings/rules/site-rules.ts).
  const location = `Pune, ${countryName("IN")}`;
  const all = REMOTE_SITE_CONTROLS.map((c) => REMOTE_SITE_CONTROL_LABELS[c]);
  const expected = `Remote agents at ${location} lack VDI; remote agents need ${all.slice(0, -1).join(", ")} and ${all.at(-1)}`;
  await expect(page.locator(".tab-findings-panel")).toContainText(expected);

  await sectionTab(page, "Overview").click();
  const high = page.locator("#findings-high");
  await expect(high).toContainText(expected);
  const finding = high.locator("li.finding", { hasText: expected });
  await expect(finding).toContainText("missing VDI");
  await expect(finding).toContainText("organisation policy (remote agents need EDR, VPN, MFA and VDI)");
  // The finding links back to the site's row.
  await finding.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/vendors/${vendor.id}/sites#record-`));
  await expect(page.locator("tr:target")).toContainText("Pune");
  await expect(page.locator("tr:target")).toBeInViewport();
});
