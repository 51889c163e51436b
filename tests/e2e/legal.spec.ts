import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { sectionTab, utcDay, vendorMadeByProcurement } from "./dossier-helpers";
import { expectNotAllowed, signInAs } from "./helpers";

// Issue 4, legal's journey: upload an MSA, run the clause finder, accept its
// suggestions, record a deviating clause, sign off; a later edit outdates the
// sign-off. And procurement cannot edit clauses, even by replaying legal's
// server action.

const MSA = path.resolve(__dirname, "../fixtures/contracts/01-msa-us-northwind.pdf");

function clauseRow(page: Page, title: string) {
  return page.getByRole("table", { name: "Clause checklist" }).getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${title}`) }) });
}

test("legal reviews an MSA with the clause finder, records a deviation, signs off, and a later edit outdates the sign-off", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const vendor = await vendorMadeByProcurement(browser, "Legal Journey");

  await signInAs(page, "legal");
  // Legal lands on its work queue.
  await expect(page).toHaveURL(/\/legal$/);
  await expect(page.getByRole("heading", { name: "Legal queue", level: 1 })).toBeVisible();

  await page.goto(`/vendors/${vendor.id}/legal`);
  await expect(sectionTab(page, /^Legal/)).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("legal-signoff-state")).toContainText("Not signed off");

  // Upload the MSA as a contract file.
  const upload = page.getByRole("form", { name: "Upload a contract" });
  await upload.getByLabel("Contract file").setInputFiles(MSA);
  await upload.getByLabel("Effective date").fill(utcDay(-2));
  await upload.getByRole("button", { name: "Upload contract" }).click();

  // The upload runs the clause finder straight away: suggestions with their passages, nothing recorded yet.
  await expect(page.getByRole("heading", { name: "Clause finder: 01-msa-us-northwind.pdf" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("Suggestions, not decisions.")).toBeVisible();
  const notification = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Incident notification SLA" }) });
  await expect(notification.getByText(/Suggestion: found/)).toBeVisible();
  await expect(notification.locator("blockquote").first()).toContainText("twenty-four (24) hours");
  await expect(notification.locator("figcaption").first()).toContainText(/Page \d+/);
  await expect(notification.getByText("Extracted value:")).toBeVisible();
  await expect(notification.locator(".proposal-current")).toContainText("Not reviewed");

  // One decision at a time: a rejection is announced to screen readers and the keyboard stays on its suggestion.
  const insurance = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Cyber insurance requirement" }) });
  await insurance.getByRole("button", { name: "Reject: Cyber insurance requirement" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Cyber insurance requirement: rejected." })).toBeAttached();
  await expect(insurance.getByRole("heading", { name: "Cyber insurance requirement" })).toBeFocused();
  await expect(insurance.getByText(/Rejected by Lena Legal/)).toBeVisible();

  // Citations point at a contract record: record the file as the signed MSA, then come back.
  await page.getByRole("link", { name: "Record 01-msa-us-northwind.pdf as a contract" }).click();
  const contractForm = page.getByRole("form", { name: "Add contract" });
  // Prefilled from what the clause finder read in the file.
  await expect(contractForm.getByLabel("Title")).toHaveValue("Master Services Agreement");
  await expect(contractForm.getByLabel("Governing law")).toHaveValue("State of New York");
  await contractForm.getByLabel("Status").selectOption("signed");
  await contractForm.getByLabel("Effective date").fill(utcDay(-2));
  // The signed file is already chosen: the form was opened from that file.
  await expect(contractForm.getByLabel("Signed file")).not.toHaveValue("");
  await contractForm.getByRole("button", { name: "Add contract" }).click();
  await expect(page.getByRole("heading", { name: "Clause finder: 01-msa-us-northwind.pdf" })).toBeVisible();
  await expect(page.getByLabel("Citations point at the contract")).not.toHaveValue("");

  // Accept every open suggestion at once.
  await page.getByRole("button", { name: /^Accept all 9 open suggestions$/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "9 suggestions recorded" })).toBeVisible();
  await expect(notification.getByText(/Accepted by Lena Legal/)).toBeVisible();

  // The checklist now says present, with the citation.
  await page.getByRole("link", { name: "← Legal tab" }).click();
  const row = clauseRow(page, "Incident notification SLA");
  await expect(row.locator(".clause-status")).toHaveText("Present");
  await expect(row).toContainText("within 24 hours");
  // The citation names the contract by the title read from the file and kept in the form.
  await expect(row).toContainText("Master Services Agreement");

  // Record 72 hours: deviation is computed, with the reason, in the form and on the tab.
  await row.getByRole("link", { name: "Edit Incident notification SLA" }).click();
  const clauseForm = page.getByRole("form", { name: "Clause: Incident notification SLA" });
  await clauseForm.getByLabel("Notification deadline in hours").fill("72");
  await expect(clauseForm.locator(".computed-status")).toContainText("Deviating");
  await expect(clauseForm.locator(".computed-status")).toContainText("exceeds the 24-hour maximum");
  await clauseForm.getByRole("button", { name: "Save clause" }).click();
  await expect(page).toHaveURL(new RegExp(`/vendors/${vendor.id}/legal#record-incident_notification$`));
  await expect(clauseRow(page, "Incident notification SLA").locator(".clause-status")).toHaveText("Deviating");
  await expect(clauseRow(page, "Incident notification SLA")).toContainText("Notification within 72 hours exceeds the 24-hour maximum.");

  // Sign off. The vendor handles personal data and has no DPA yet (a blocker), so a reason is required.
  const signOff = page.getByRole("form", { name: "Sign off the legal review" });
  await signOff.getByRole("button", { name: "Sign off legal review" }).click();
  await expect(signOff.locator(".error")).toContainText("legal blocker");
  await signOff.getByLabel(/Comment/).fill("72-hour notice accepted until renewal; DPA signature chased separately.");
  await signOff.getByRole("button", { name: "Sign off legal review" }).click();
  const state = page.getByTestId("legal-signoff-state");
  await expect(state).toContainText("Signed off");
  await expect(state).toContainText("by Lena Legal");

  // An edit afterwards outdates the sign-off, and says which change did it.
  await clauseRow(page, "Data residency").getByRole("link", { name: "Edit Data residency" }).click();
  const residency = page.getByRole("form", { name: "Clause: Data residency" });
  await residency.getByLabel(/Reviewer note/).fill("US hosting confirmed with the vendor's architect.");
  await residency.getByRole("button", { name: "Save clause" }).click();
  await expect(state).toContainText("Outdated since Data residency: note added");
  await expect(state).toContainText("Lena Legal");
  await expect(page.getByRole("form", { name: "Sign off the legal review" })).toBeVisible();
});

test("the same contract file uploaded twice is not read twice: the page points at the suggestions already there", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const vendor = await vendorMadeByProcurement(browser, "Legal Twice");
  await signInAs(page, "legal");
  const uploadMsa = async () => {
    await page.goto(`/vendors/${vendor.id}/legal`);
    const upload = page.getByRole("form", { name: "Upload a contract" });
    await upload.getByLabel("Contract file").setInputFiles(MSA);
    await upload.getByLabel("Effective date").fill(utcDay(-2));
    await upload.getByRole("button", { name: "Upload contract" }).click();
  };
  await uploadMsa();
  await expect(page.getByRole("heading", { name: "Clause finder: 01-msa-us-northwind.pdf" })).toBeVisible({ timeout: 30_000 });

  await uploadMsa();
  await expect(page.getByText(/is the same file as the contract “01-msa-us-northwind\.pdf” uploaded before \(same SHA-256\), so the clause finder did not read it again/)).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/vendors/${vendor.id}/legal$`));
  // One set of suggestions to review, not two.
  await expect(page.getByRole("link", { name: "Review 10 open suggestions" })).toHaveCount(1);
});

test("procurement sees the legal review but cannot edit clauses, and a replayed save is refused", async ({ browser }) => {
  const vendor = await vendorMadeByProcurement(browser, "Legal Guarded");

  // Capture a genuine clause save made by legal, stopped before it reaches the server.
  const legalContext = await browser.newContext();
  const legal = await legalContext.newPage();
  await signInAs(legal, "legal");
  await legal.goto(`/vendors/${vendor.id}/legal/clause/right_to_audit`);
  const form = legal.getByRole("form", { name: "Clause: Right to audit" });
  await form.getByLabel("In the contract?").selectOption("missing");
  let captured: { url: string; headers: Record<string, string>; body: string } | undefined;
  await legal.route("**/legal/clause/right_to_audit", async (route) => {
    const req = route.request();
    if (req.method() === "POST" && req.headers()["next-action"]) {
      captured = { url: req.url(), headers: req.headers(), body: req.postData() ?? "" };
      await route.abort();
    } else {
      await route.continue();
    }
  });
  await form.getByRole("button", { name: "Save clause" }).click();
  await expect.poll(() => captured).toBeDefined();
  await legalContext.close();

  const procurementContext = await browser.newContext();
  const procurement = await procurementContext.newPage();
  await signInAs(procurement, "procurement");
  await procurement.goto(`/vendors/${vendor.id}/legal`);
  const checklist = procurement.getByRole("table", { name: "Clause checklist" });
  await expect(checklist).toBeVisible();
  // No editing controls for procurement: no Edit/Review links, no Add contract, no sign-off, no finder.
  await expect(checklist.getByRole("link")).toHaveCount(0);
  await expect(procurement.getByRole("link", { name: "Add contract" })).toHaveCount(0);
  await expect(procurement.getByRole("form", { name: "Sign off the legal review" })).toHaveCount(0);
  await expect(procurement.getByRole("form", { name: "Upload a contract" })).toHaveCount(0);
  await expectNotAllowed(procurement, `/vendors/${vendor.id}/legal/clause/right_to_audit`);

  // Replaying legal's server action as procurement is refused by the service.
  const response = await procurement.request.post(captured!.url, {
    headers: { "next-action": captured!.headers["next-action"]!, "content-type": captured!.headers["content-type"]!, accept: "text/x-component" },
    data: captured!.body,
  });
  const text = await response.text();
  expect(text).toContain("FORBIDDEN");
  expect(text).not.toContain('"ok":true');
  await procurement.goto(`/vendors/${vendor.id}/legal`);
  await expect(clauseRow(procurement, "Right to audit").locator(".clause-status")).toHaveText("Not reviewed");
  await procurementContext.close();
});

test("a viewer reads a seeded vendor's legal review without any editing control, and the legal queue is refused", async ({ page }) => {
  await signInAs(page, "viewer");
  await page.goto("/vendors?q=Liffey");
  await page.getByRole("link", { name: "Liffey Support Partners" }).click();
  await sectionTab(page, /^Legal/).click();
  await expect(sectionTab(page, /^Legal/)).toHaveAttribute("aria-current", "page");
  const main = page.locator("#main");
  // The seeded sign-off was outdated by a sub-processor added afterwards (prisma/seed/demo-legal.ts).
  await expect(page.getByTestId("legal-signoff-state")).toContainText("Outdated since Sub-processor “Shamrock Voice Analytics Ltd” added");
  await expect(page.getByRole("table", { name: "Transfer matrix" })).toBeVisible();
  await expect(main.getByRole("form")).toHaveCount(0);
  await expect(main.getByRole("combobox")).toHaveCount(0);
  await expect(main.getByRole("link", { name: /^(Edit |Review |Add |Set mechanism)/ })).toHaveCount(0);
  await expect(main.getByRole("button", { name: /^(Delete|Run clause finder|Sign off)/ })).toHaveCount(0);
  await expectNotAllowed(page, "/legal");
});
