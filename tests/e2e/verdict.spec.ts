import { execFileSync } from "node:child_process";
import { expect, test, type Browser, type Page } from "@playwright/test";
import type { Role } from "@/lib/domain/accounts/roles";
import { signInAs } from "./helpers";
import { sectionTab } from "./dossier-helpers";

// The rating bounds the sign-off (docs/assessments.md, "What the rating
// allows"), shown in the form and enforced by the server: security cannot
// approve a Critical-rated assessment, and a High-rated one is approved only
// after a risk acceptance is recorded, which the PDF then shows.

test.describe.configure({ mode: "serial" });

async function as(browser: Browser, role: Role): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, role);
  return page;
}

/** Procurement assesses a demo vendor and submits it; returns the assessment's path. */
async function assessedInReview(browser: Browser, vendorName: string): Promise<string> {
  const procurement = await as(browser, "procurement");
  await procurement.goto(`/vendors?q=${encodeURIComponent(vendorName)}`);
  await procurement.getByRole("link", { name: vendorName, exact: true }).first().click();
  await sectionTab(procurement, "Assessments").click();
  await procurement.getByRole("button", { name: /Create assessment|Re-score/ }).click();
  await expect(procurement).toHaveURL(/\/assessments\/[^/]+$/);
  const path = new URL(procurement.url()).pathname;
  const submit = procurement.getByRole("form", { name: "Submit for review" });
  await submit.getByRole("button", { name: "Submit for review" }).click();
  await expect(procurement.getByTestId("assessment-state")).toContainText("In review");
  await procurement.context().close();
  return path;
}

test("security cannot approve a Critical-rated assessment: the form says why, and the server refuses a forced approve", async ({ browser }) => {
  test.setTimeout(120_000);
  const path = await assessedInReview(browser, "CariCare Health Services");
  const security = await as(browser, "security");
  await security.goto(path);
  const form = security.getByRole("form", { name: "Security sign-off" });
  const approve = form.getByLabel("Approve", { exact: true });
  await expect(approve).toBeDisabled();
  await expect(form.getByLabel("Approve with conditions")).toBeDisabled();
  await expect(form.getByLabel("Reject")).toBeEnabled();
  await expect(form.getByTestId("decision-approve-reason")).toHaveText("Not allowed: A Critical rating allows only a reject.");

  // Force the disabled option in the page and send it: the server action refuses it.
  await approve.evaluate((el) => (el as HTMLInputElement).removeAttribute("disabled"));
  await approve.check();
  await form.getByLabel("Comment").fill("Approving anyway.");
  await form.getByRole("button", { name: "Record sign-off" }).click();
  await expect(form.getByRole("alert").first()).toContainText("Approve is not possible: A Critical rating allows only a reject.");
  await security.reload();
  await expect(security.getByTestId("assessment-state")).toContainText("In review");
  await expect(security.getByTestId("sign-offs")).not.toContainText("Approving anyway.");
});

test("a High-rated assessment is approved once a risk acceptance is recorded, and the PDF shows it", async ({ browser }) => {
  test.setTimeout(180_000);
  const path = await assessedInReview(browser, "Bluepeak BPO");
  const security = await as(browser, "security");
  await security.goto(path);
  const form = security.getByRole("form", { name: "Security sign-off" });
  await expect(form.getByLabel("Approve", { exact: true })).toBeDisabled();
  await expect(form.getByTestId("decision-approve-reason")).toContainText("risk acceptance");

  const reason = "Board accepted the US transfer risk until the SCCs are signed.";
  const acceptance = security.getByRole("form", { name: "Risk acceptance" });
  await acceptance.getByLabel("Why the risk is accepted").fill(reason);
  await acceptance.getByRole("button", { name: "Record risk acceptance" }).click();
  await expect(security.getByTestId("risk-acceptances")).toContainText(reason, { timeout: 30_000 });

  await expect(form.getByLabel("Approve", { exact: true })).toBeEnabled();
  await form.getByLabel("Approve", { exact: true }).check();
  await form.getByRole("button", { name: "Record sign-off" }).click();
  // Below Low a blank comment is refused.
  await expect(form.getByText("Explain the decision: the assessment carries a High rating.")).toBeVisible();
  await form.getByLabel("Comment").fill("Approved under the recorded risk acceptance.");
  await form.getByRole("button", { name: "Record sign-off" }).click();
  await expect(security.getByTestId("sign-offs")).toContainText("Approved under the recorded risk acceptance.", { timeout: 30_000 });

  const response = await security.request.get(`${path}/report.pdf`);
  expect(response.status()).toBe(200);
  const text = execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: await response.body(), encoding: "utf8" }).replace(/\s+/g, " ");
  expect(text).toContain("Risk acceptance");
  expect(text).toContain(reason);
  expect(text).toContain("Sam Security");
});
