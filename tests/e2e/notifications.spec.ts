import { expect, test, type Browser, type Page } from "@playwright/test";
import type { Role } from "@/lib/domain/accounts/roles";
import { signInAs } from "./helpers";
import { createVendorAsProcurement, sectionTab } from "./dossier-helpers";

// A submitted assessment reaches legal's bell at once (docs/reminders.md,
// "Sign-off requests"): the unread count in the shell, the notification on
// /notifications linking to the assessment, and marking it read.

async function as(browser: Browser, role: Role): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, role);
  return page;
}

test("procurement submits an assessment; legal's bell shows the sign-off request, which opens the assessment and can be marked read", async ({ browser }) => {
  test.setTimeout(180_000);
  const procurement = await as(browser, "procurement");
  const vendor = await createVendorAsProcurement(procurement, "Bell Desk");
  await sectionTab(procurement, "Assessments").click();
  await procurement.getByRole("button", { name: "Create assessment" }).click();
  await expect(procurement).toHaveURL(/\/assessments\/[^/]+$/);
  const assessmentPath = new URL(procurement.url()).pathname;
  const submit = procurement.getByRole("form", { name: "Submit for review" });
  await submit.getByLabel(/Comment for the reviewers/).fill("Please review the new desk.");
  await submit.getByRole("button", { name: "Submit for review" }).click();
  await expect(procurement.getByTestId("assessment-state")).toContainText("In review");

  const legal = await as(browser, "legal");
  const bell = legal.getByTestId("notification-bell");
  await expect(bell).toHaveAccessibleName(/Notifications, \d+ unread/);
  await expect(legal.getByTestId("notification-count")).toBeVisible();
  await bell.click();
  await expect(legal).toHaveURL(/\/notifications$/);
  const title = `Sign-off requested: ${vendor.name}, assessment v1`;
  const row = legal.getByRole("row").filter({ hasText: title });
  await expect(row).toHaveAttribute("data-state", "unread");
  await row.getByRole("button", { name: `Mark read: ${title}` }).click();
  await expect(legal.getByRole("status").filter({ hasText: "1 notification marked read." })).toBeVisible();
  await expect(row).toHaveAttribute("data-state", "read");
  await row.getByRole("link", { name: title }).click();
  await expect(legal).toHaveURL(new RegExp(`${assessmentPath}$`));
  await expect(legal.getByRole("form", { name: "Legal sign-off" })).toBeVisible();

  // Procurement is not asked to sign off: nothing about this assessment in its list.
  await procurement.goto("/notifications");
  await expect(procurement.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  await expect(procurement.getByText(title)).toHaveCount(0);
});
