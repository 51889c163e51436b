import fs from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import type { Role } from "@/lib/domain/roles";
import { signInAs } from "./helpers";
import { createVendorAsProcurement, sectionTab } from "./dossier-helpers";

// The assessment journey across roles (issue 5): procurement creates and
// submits; legal approves with a condition and security approves, so the
// assessment ends approved with conditions and the condition becomes a
// remediation item; a viewer downloads the PDF; after a dossier change a
// re-score makes version 2 and the comparison shows what changed.

test.describe.configure({ mode: "serial" });

async function as(browser: Browser, role: Role): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await signInAs(page, role);
  return page;
}

const state = (page: Page) => page.getByTestId("assessment-state");

test("create, submit, sign off with a condition, download the PDF, re-score and compare", async ({ browser }) => {
  test.setTimeout(240_000);

  // --- procurement creates and submits version 1
  const procurement = await as(browser, "procurement");
  await expect(procurement).toHaveURL(/\/procurement$/);
  await expect(procurement.getByRole("heading", { level: 1, name: "Procurement" })).toBeVisible();
  const vendor = await createVendorAsProcurement(procurement, "Assessed Desk", { industry: "Fintech" });
  await sectionTab(procurement, "Assessments").click();
  await expect(procurement.getByText("No assessment yet.")).toBeVisible();
  await procurement.getByRole("button", { name: "Create assessment" }).click();
  await expect(procurement).toHaveURL(/\/assessments\/[^/]+$/);
  const assessmentUrl = new URL(procurement.url()).pathname;
  await expect(procurement.getByRole("heading", { level: 1 })).toContainText(`${vendor.name}: assessment version 1`);
  await expect(state(procurement)).toContainText("Draft");
  await expect(procurement.getByTestId("score-arithmetic")).toContainText(/Final \d+\.\d → /);
  const submit = procurement.getByRole("form", { name: "Submit for review" });
  await submit.getByLabel(/Comment for the reviewers/).fill("Quarterly review of the new fintech desk.");
  await submit.getByRole("button", { name: "Submit for review" }).click();
  await expect(state(procurement)).toContainText("In review");
  await expect(procurement.getByTestId("sign-offs")).toContainText("Submitted for review");

  // --- legal approves with one condition
  const legal = await as(browser, "legal");
  await legal.goto(assessmentUrl);
  const legalForm = legal.getByRole("form", { name: "Legal sign-off" });
  await legalForm.getByLabel("Approve with conditions").check();
  const condition = legalForm.getByRole("group", { name: "Condition 1" });
  await condition.getByLabel("What must be done").fill("Sign the 24h incident notification amendment");
  await condition.getByLabel("Owner").selectOption({ label: "Lena Legal (legal)" });
  // Submitting without the comment keeps the condition and says what is missing.
  await legalForm.getByRole("button", { name: "Record sign-off" }).click();
  await expect(legalForm.getByText("Explain the conditions")).toBeVisible();
  await expect(condition.getByLabel("What must be done")).toHaveValue("Sign the 24h incident notification amendment");
  await legalForm.getByLabel("Comment").fill("Approve once the incident SLA is amended.");
  await legalForm.getByRole("button", { name: "Record sign-off" }).click();
  await expect(legal.getByTestId("sign-offs")).toContainText("Approve once the incident SLA is amended.");
  await expect(state(legal)).toContainText("In review");
  await expect(legal.getByRole("form", { name: "Legal sign-off" })).toHaveCount(0);

  // --- security approves: all three have signed
  const security = await as(browser, "security");
  await security.goto(assessmentUrl);
  const securityForm = security.getByRole("form", { name: "Security sign-off" });
  await securityForm.getByLabel("Approve", { exact: true }).check();
  await securityForm.getByRole("button", { name: "Record sign-off" }).click();
  await expect(state(security)).toContainText("Approved with conditions");
  const signOffs = security.getByTestId("sign-offs");
  await expect(signOffs).toContainText("Priya Procurement");
  await expect(signOffs).toContainText("Lena Legal");
  await expect(signOffs).toContainText("Sam Security");

  // The condition is now a remediation item on the vendor's Assessments tab.
  await security.goto(`/vendors/${vendor.id}/assessments`);
  const item = security.getByTestId("remediation-item");
  await expect(item).toHaveCount(1);
  await expect(item).toContainText("Sign the 24h incident notification amendment");
  await expect(item).toContainText("Lena Legal");
  await expect(item).toContainText("Open");
  await expect(security.getByTestId("assessment-v1")).toContainText("Approved with conditions");

  // --- a viewer downloads the PDF
  const viewer = await as(browser, "viewer");
  await viewer.goto(`/vendors/${vendor.id}/assessments`);
  await expect(viewer.getByRole("button", { name: /Create assessment|Re-score/ })).toHaveCount(0);
  const slug = vendor.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  const [download] = await Promise.all([viewer.waitForEvent("download"), viewer.getByTestId("assessment-v1").getByRole("link", { name: /Download PDF/ }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^assay-${slug}-v1-\\d{4}-\\d{2}-\\d{2}\\.pdf$`));
  const file = await download.path();
  expect(fs.readFileSync(file).subarray(0, 5).toString("latin1")).toBe("%PDF-");

  // --- the dossier changes: the snapshot is stale, a re-score makes version 2, and the comparison shows it
  await procurement.goto(`/vendors/${vendor.id}/records/site/new`);
  const siteForm = procurement.getByRole("form", { name: "Add delivery site" });
  await siteForm.getByLabel("Country").selectOption("PH");
  await siteForm.getByLabel("City").fill("Cebu");
  await siteForm.getByLabel("Agents work").selectOption("onsite");
  await siteForm.getByLabel(/^Headcount/).fill("60");
  await siteForm.getByRole("button", { name: "Add delivery site" }).click();
  await expect(procurement).toHaveURL(new RegExp(`/vendors/${vendor.id}/sites#record-`));

  await sectionTab(procurement, "Assessments").click();
  const stale = procurement.getByTestId("snapshot-stale");
  await expect(stale).toContainText("older than the live data");
  await expect(stale).toContainText("Delivery sites");
  await stale.getByRole("button", { name: "Re-score (version 2)" }).click();
  await expect(procurement.getByRole("heading", { level: 1 })).toContainText(`${vendor.name}: assessment version 2`);
  await procurement.getByRole("link", { name: "Compare with version 1" }).click();
  await expect(procurement.getByRole("heading", { level: 1 })).toContainText("what changed from version 1 to version 2");
  const comparison = procurement.getByTestId("comparison");
  await expect(comparison.getByRole("table", { name: "Score per domain" })).toContainText("Access & endpoint");
  // The vendor had no delivery site in version 1; that finding is resolved in version 2.
  const resolved = comparison.getByRole("region", { name: /Findings resolved/ });
  await expect(resolved).toContainText("No delivery site is recorded");
  await expect(comparison.getByRole("region", { name: /Findings added/ })).not.toContainText("No delivery site is recorded");

  // Version 1 is kept as it was.
  await procurement.goto(assessmentUrl);
  await expect(state(procurement)).toContainText("Approved with conditions");
});
