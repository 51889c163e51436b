import fs from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import type { Role } from "@/lib/domain/accounts/roles";
import { signInAs } from "./helpers";
import { createVendorAsProcurement, sectionTab } from "./dossier-helpers";

// The assessment journey across roles: procurement creates and submits;
// the new vendor has almost no evidence and is rated Critical, so legal and
// security can only reject (docs/assessments.md, "What the rating allows";
// approvals are covered by verdict.spec.ts); a viewer downloads the PDF;
// after a dossier change a re-score makes version 2 and the comparison shows
// what changed.

test.describe.configure({ mode: "serial" });

async function as(browser: Browser, role: Role): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await signInAs(page, role);
  return page;
}

const state = (page: Page) => page.getByTestId("assessment-state");

test("create, submit, sign off (reject, as the rating demands), download the PDF, re-score and compare", async ({ browser }) => {
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

  // --- legal rejects: a Critical rating allows nothing else
  const legal = await as(browser, "legal");
  await legal.goto(assessmentUrl);
  const legalForm = legal.getByRole("form", { name: "Legal sign-off" });
  await expect(legalForm.getByLabel("Approve with conditions")).toBeDisabled();
  await legalForm.getByLabel("Reject").check();
  // Submitting without the comment says what is missing.
  await legalForm.getByRole("button", { name: "Record sign-off" }).click();
  await expect(legalForm.getByText("Explain why you reject")).toBeVisible();
  await legalForm.getByLabel("Comment").fill("No incident notification clause yet.");
  await legalForm.getByRole("button", { name: "Record sign-off" }).click();
  await expect(legal.getByTestId("sign-offs")).toContainText("No incident notification clause yet.");
  await expect(state(legal)).toContainText("In review");
  await expect(legal.getByRole("form", { name: "Legal sign-off" })).toHaveCount(0);

  // --- security rejects too: all three have signed
  const security = await as(browser, "security");
  await security.goto(assessmentUrl);
  const securityForm = security.getByRole("form", { name: "Security sign-off" });
  await expect(securityForm.getByLabel("Approve", { exact: true })).toBeDisabled();
  await securityForm.getByLabel("Reject").check();
  await securityForm.getByLabel("Comment").fill("No assurance evidence on file.");
  await securityForm.getByRole("button", { name: "Record sign-off" }).click();
  await expect(state(security)).toContainText("Rejected");
  const signOffs = security.getByTestId("sign-offs");
  await expect(signOffs).toContainText("Priya Procurement");
  await expect(signOffs).toContainText("Lena Legal");
  await expect(signOffs).toContainText("Sam Security");
  await security.goto(`/vendors/${vendor.id}/assessments`);
  await expect(security.getByTestId("assessment-v1")).toContainText("Rejected");

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
  await expect(state(procurement)).toContainText("Rejected");
});
