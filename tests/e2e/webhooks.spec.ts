import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { verifyAssayWebhook } from "@/docs/examples/verify-webhook.mjs";
import { startReceiver } from "../integration/webhooks/receiver";
import { signInAs, uniqueName } from "./helpers";

// Through the real server (docs/webhooks.md): an admin registers a receiver
// started by this test on loopback (the e2e server runs with
// ASSAY_WEBHOOK_ALLOW_LOOPBACK=true), copies the secret shown once, sends a
// test event, and the server's own dispatcher and job queue deliver it,
// signed so the documented recipe verifies it; the delivery log shows the
// status code. A private address is refused next to the URL field.

test("admin registers a webhook, sends a test event, the receiver verifies it and the log shows it delivered", async ({ page }) => {
  const receiver = await startReceiver();
  try {
    await signInAs(page, "admin");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Webhooks" }).click();
    await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();
    const form = page.getByRole("form", { name: "New webhook" });

    // A private address: refused at the field, nothing created, the typing kept.
    await form.getByLabel("Name").fill("Internal");
    await form.getByLabel("Endpoint URL").fill("https://10.0.0.5/hook");
    await form.getByLabel(/Finding opened/).check();
    await form.getByRole("button", { name: "Create webhook" }).click();
    await expect(form.getByText("Refused: 10.0.0.5 is a private network address")).toBeVisible();
    await expect(form.getByLabel("Endpoint URL")).toHaveValue("https://10.0.0.5/hook");

    const name = uniqueName("Ticketing");
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Endpoint URL").fill(receiver.url());
    await form.getByRole("button", { name: "Create webhook" }).click();
    await expect(page.getByRole("status")).toContainText("shown only once");
    const secret = (await page.getByTestId("webhook-secret").textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);
    await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("Enabled");

    await page.getByRole("row", { name: new RegExp(name) }).getByRole("link", { name }).click();
    await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
    // The secret is never shown again, only its first characters.
    await expect(page.getByText(secret)).toHaveCount(0);
    await page.getByRole("button", { name: "Send test event" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Test event queued" })).toBeVisible();

    await expect.poll(() => receiver.received.length, { timeout: 30_000 }).toBe(1);
    const [delivery] = receiver.received;
    expect(delivery!.headers["assay-event-type"]).toBe("webhook.test");
    expect(verifyAssayWebhook(delivery!.body, delivery!.headers["assay-signature"], secret)).toBe(true);

    await expect(async () => {
      await page.reload();
      const row = page.getByTestId("webhook-deliveries").getByRole("row", { name: /webhook\.test/ });
      await expect(row).toContainText("Delivered");
      await expect(row).toContainText("200");
      await expect(row).toContainText(String(delivery!.headers["assay-event-id"]));
    }).toPass({ timeout: 20_000 });

    // The page has no serious accessibility problems, with a delivery in its log.
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    // Editing the events keeps the endpoint; a rotation shows a new secret once.
    const edit = page.getByRole("form", { name: "Edit webhook" });
    await edit.getByLabel(/Assessment state changed/).check();
    await edit.getByRole("button", { name: "Save" }).click();
    await expect(edit.getByRole("status")).toContainText("Webhook saved.");
    await page.reload();
    await expect(page.getByRole("form", { name: "Edit webhook" }).getByLabel(/Assessment state changed/)).toBeChecked();
    // Typing started before a rotation is kept: the rotation moves the webhook's version on but
    // changes nothing the form edits, so the save that follows is not refused as stale.
    await edit.getByLabel(/Assessment state changed/).uncheck();
    await page.getByRole("button", { name: `Rotate the signing secret of webhook ${name}` }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Rotate secret" }).click();
    const rotated = (await page.getByTestId("webhook-secret").textContent())!.trim();
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
    await expect(page.locator(".page-header code").nth(1)).toHaveText(`${rotated.slice(0, 10)}…`);
    await expect(edit.getByLabel(/Assessment state changed/)).not.toBeChecked();
    await edit.getByRole("button", { name: "Save" }).click();
    await expect(edit.getByRole("status")).toContainText("Webhook saved.");
    await page.reload();
    await expect(page.getByRole("form", { name: "Edit webhook" }).getByLabel(/Assessment state changed/)).not.toBeChecked();

    await page.getByRole("button", { name: "Disable" }).click();
    await expect(page.getByText(/Disabled by an admin/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Send test event" })).toBeDisabled();
  } finally {
    await receiver.close();
  }
});
