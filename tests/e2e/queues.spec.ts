import { expect, test, type Browser, type Page } from "@playwright/test";
import type { Role } from "@/lib/domain/accounts/roles";
import { signInAs } from "./helpers";
import { createVendorAsProcurement, sectionTab } from "./dossier-helpers";

// Each role lands on its own work queue (app/(app)/page.tsx), and an
// assessment procurement submits shows up at once in legal's and security's
// queues with the sign-off action that opens it.

test.describe.configure({ mode: "serial" });

async function as(browser: Browser, role: Role): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, role);
  return page;
}

const LANDING: { role: Role; url: RegExp; heading: string; sections: string[] }[] = [
  { role: "procurement", url: /\/procurement$/, heading: "Procurement", sections: ["Assessments due", "Insurance issues", "Overdue remediation"] },
  { role: "legal", url: /\/legal$/, heading: "Legal queue", sections: ["Waiting for legal's sign-off", "Contract notice deadlines", "Legal reviews missing or outdated"] },
  { role: "security", url: /\/security$/, heading: "Security queue", sections: ["Waiting for security's sign-off", "Stale or expiring assurance", "KPI breaches", "Incidents notified late"] },
];

for (const { role, url, heading, sections } of LANDING) {
  test(`${role} signs in and lands on its queue`, async ({ browser }) => {
    const page = await as(browser, role);
    await expect(page).toHaveURL(url);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    for (const name of sections) await expect(page.getByRole("heading", { level: 2, name: new RegExp(`^${name}`) })).toBeVisible();
    const myQueue = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My queue" });
    await expect(myQueue).toHaveAttribute("href", new URL(page.url()).pathname);
  });
}

test("the seeded portfolio fills security's queue: stale assurance and KPI breaches, each with its action", async ({ browser }) => {
  const security = await as(browser, "security");
  for (const id of ["assurance", "kpi"]) {
    const section = security.getByTestId(`queue-${id}`);
    await expect(section.getByRole("row").nth(1)).toBeVisible();
    const first = section.getByRole("row").nth(1);
    await expect(first.getByRole("rowheader").getByRole("link")).toHaveAttribute("href", /^\/vendors\/[^/]+$/);
    await expect(first.getByRole("link", { name: /Request new evidence|Review KPIs/ })).toBeVisible();
  }
});

/** Finds the vendor's row in a paged queue section, turning pages until it shows (other specs submit assessments too). */
async function rowInSection(page: Page, basePath: string, section: string, vendorName: string) {
  for (let n = 1; n <= 50; n++) {
    await page.goto(`${basePath}?${section}Page=${n}`);
    const row = page.getByTestId(`queue-${section}`).locator(`tr[data-vendor="${vendorName}"]`);
    if ((await row.count()) > 0) return row;
    if ((await page.getByTestId(`queue-${section}`).getByRole("link", { name: "Next" }).count()) === 0) break;
  }
  throw new Error(`${vendorName} is not in ${basePath}'s ${section} section`);
}

test("procurement submits an assessment; it appears in legal's and security's queues with a sign-off action", async ({ browser }) => {
  test.setTimeout(180_000);
  const procurement = await as(browser, "procurement");
  const vendor = await createVendorAsProcurement(procurement, "Queued Desk");
  await sectionTab(procurement, "Assessments").click();
  await procurement.getByRole("button", { name: "Create assessment" }).click();
  await expect(procurement).toHaveURL(/\/assessments\/[^/]+$/);
  const assessmentPath = new URL(procurement.url()).pathname;
  const submit = procurement.getByRole("form", { name: "Submit for review" });
  await submit.getByLabel(/Comment for the reviewers/).fill("Please review the new desk.");
  await submit.getByRole("button", { name: "Submit for review" }).click();
  await expect(procurement.getByTestId("assessment-state")).toContainText("In review");

  for (const [role, basePath, form] of [
    ["legal", "/legal", "Legal sign-off"],
    ["security", "/security", "Security sign-off"],
  ] as const) {
    const reviewer = await as(browser, role);
    const row = await rowInSection(reviewer, basePath, "signoff", vendor.name);
    const action = row.getByRole("link", { name: "Sign off version 1" });
    await expect(action).toBeVisible();
    await action.click();
    await expect(reviewer).toHaveURL(new RegExp(`${assessmentPath}(#sign-off)?$`));
    await expect(reviewer.getByRole("form", { name: form })).toBeVisible();
  }
});
