import { expect, test, type Page } from "@playwright/test";
import { expectNotAllowed, signInAs } from "./helpers";
import { sectionTab, utcDay, vendorMadeByProcurement } from "./dossier-helpers";

const TABS = ["Overview", "Sites", "Assurance", "Insurance", "Controls", "KPIs & incidents", "Reviews", "Evidence"];

async function expectNoEditingControls(page: Page) {
  const main = page.locator("#main");
  await expect(main.getByRole("link", { name: /^Add / })).toHaveCount(0);
  await expect(main.getByRole("button", { name: /^Add / })).toHaveCount(0);
  await expect(main.getByRole("link", { name: /^Edit/ })).toHaveCount(0);
  await expect(main.getByRole("button", { name: /^Delete/ })).toHaveCount(0);
  await expect(main.getByRole("button", { name: /^Save/ })).toHaveCount(0);
  await expect(main.getByRole("button", { name: /Return to computed tier/ })).toHaveCount(0);
  await expect(main.getByText("Override the computed tier")).toHaveCount(0);
  await expect(main.getByRole("form")).toHaveCount(0);
  await expect(main.getByRole("combobox")).toHaveCount(0);
  await expect(main.locator('input[type="file"]')).toHaveCount(0);
}

test("a viewer sees every tab but no add, edit, delete, override or upload controls", async ({ page }) => {
  await signInAs(page, "viewer");
  // A seeded vendor with a full dossier: the first one in the list.
  await page.goto("/vendors?sort=findings&dir=desc");
  await page.locator("table.data tbody tr").first().getByRole("link").first().click();
  await expect(page.getByRole("navigation", { name: "Vendor sections" })).toBeVisible();
  const vendorPath = new URL(page.url()).pathname;

  for (const tab of TABS) {
    const name = new RegExp(`^${tab.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`);
    await sectionTab(page, name).click();
    await expect(sectionTab(page, name)).toHaveAttribute("aria-current", "page");
    await expectNoEditingControls(page);
  }
  await expect(page.getByRole("link", { name: "Edit profile" })).toHaveCount(0);

  // The record forms are refused outright, not just hidden.
  for (const path of ["/records/site/new", "/records/soc2/new", "/records/insurance/new", "/records/kpi/new", "/edit"]) {
    await expectNotAllowed(page, `${vendorPath}${path}`, `${path} must be refused`);
  }
});

test("a replayed save action as viewer is refused with FORBIDDEN and changes nothing", async ({ browser }) => {
  const vendor = await vendorMadeByProcurement(browser, "Replay Target");

  // Capture a genuine save made by security…
  const securityContext = await browser.newContext();
  const security = await securityContext.newPage();
  await signInAs(security, "security");
  await security.goto(`/vendors/${vendor.id}/records/soc2/new`);
  const auditor = `Replay Audit ${Date.now()}`;
  const form = security.getByRole("form", { name: "Add SOC 2 report" });
  await form.getByLabel("Report type").selectOption("type2");
  await form.getByLabel("Audit period start").fill(utcDay(-13));
  await form.getByLabel("Audit period end").fill(utcDay(-1));
  await form.getByLabel("Report issue date").fill(utcDay(0));
  await form.getByLabel("Audit firm").fill(auditor);
  await form.getByLabel("Auditor's opinion").selectOption("unqualified");
  await form.getByLabel("Number of exceptions").fill("0");
  // …but stop it before it reaches the server, so only the viewer's replay could save it.
  let captured: { url: string; headers: Record<string, string>; body: string } | undefined;
  await security.route("**/records/soc2/new", async (route) => {
    const req = route.request();
    if (req.method() === "POST" && req.headers()["next-action"]) {
      captured = { url: req.url(), headers: req.headers(), body: req.postData() ?? "" };
      await route.abort();
    } else {
      await route.continue();
    }
  });
  await form.getByRole("button", { name: "Add SOC 2 report" }).click();
  await expect.poll(() => captured).toBeDefined();
  expect(captured!.body).toContain(auditor);
  await securityContext.close();

  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await signInAs(viewer, "viewer");
  const response = await viewer.request.post(captured!.url, {
    headers: {
      "next-action": captured!.headers["next-action"]!,
      "content-type": captured!.headers["content-type"]!,
      accept: "text/x-component",
    },
    data: captured!.body,
  });
  const text = await response.text();
  expect(text).toContain("FORBIDDEN");
  expect(text).not.toContain('"ok":true');

  await viewer.goto(`/vendors/${vendor.id}/assurance`);
  await expect(viewer.getByRole("heading", { name: /SOC 2 reports/ })).toContainText("(0)");
  await expect(viewer.getByText(auditor)).toHaveCount(0);
  await viewerContext.close();
});
