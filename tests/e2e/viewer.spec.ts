import { expect, test } from "@playwright/test";
import { expectNotAllowed, signInAs, uniqueName } from "./helpers";

test("viewer sees no New vendor button and cannot open the form", async ({ page }) => {
  await signInAs(page, "viewer");
  await page.goto("/vendors");
  await expect(page.getByRole("heading", { name: "Vendors", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "New vendor" })).toHaveCount(0);
  await expectNotAllowed(page, "/vendors/new");
});

test("a direct call to the create action as viewer is refused and creates nothing", async ({ browser }) => {
  // Capture a genuine create-vendor action call made by procurement…
  const procurement = await browser.newPage();
  await signInAs(procurement, "procurement");
  await procurement.goto("/vendors/new");
  const name = uniqueName("Replayed Vendor");
  await procurement.getByLabel("Name", { exact: true }).fill(name);
  await procurement.getByLabel("Legal name").fill("Replayed Vendor Ltd");
  await procurement.getByLabel("Headquarters country").selectOption("PH");
  await procurement.getByRole("checkbox", { name: "Chat support" }).check();
  await procurement.getByRole("checkbox", { name: "Gaming" }).check();
  // …but stop it before it reaches the server, so only the viewer's replay could create it.
  let captured: { url: string; headers: Record<string, string>; body: string } | undefined;
  await procurement.route("**/vendors/new", async (route) => {
    const req = route.request();
    if (req.method() === "POST" && req.headers()["next-action"]) {
      captured = { url: req.url(), headers: req.headers(), body: req.postData() ?? "" };
      await route.abort();
    } else {
      await route.continue();
    }
  });
  await procurement.getByRole("button", { name: "Create vendor" }).click();
  await expect.poll(() => captured).toBeDefined();

  const viewer = await browser.newPage();
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

  await viewer.goto(`/vendors?q=${encodeURIComponent(name)}`);
  await expect(viewer.getByText("No vendors match these filters.")).toBeVisible();
});
