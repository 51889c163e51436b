import { expect, test } from "@playwright/test";
import { issueApiToken, signInAs } from "./helpers";

// Through the real server and its proxy: an admin issues a token in the UI, a
// client without any cookie uses it, the admin revokes it and the next call is
// refused; a signed-in browser's cookie alone never opens the API.

test("admin issues an API token, a cookie-less client uses it, revoking it refuses the next call", async ({ page, playwright, baseURL }) => {
  await signInAs(page, "admin");
  const { name, secret } = await issueApiToken(page, "viewer");

  const client = await playwright.request.newContext({ baseURL });
  const listed = await client.get("/api/v1/vendors?limit=3&tier=critical", { headers: { authorization: `Bearer ${secret}` } });
  expect(listed.status()).toBe(200);
  const page1 = (await listed.json()) as { data: { tier: string }[]; nextCursor: string | null };
  expect(page1.data.length).toBeGreaterThan(0);
  expect(page1.data.every((v) => v.tier === "critical")).toBe(true);
  // A viewer token may read but not create.
  const refused = await client.post("/api/v1/vendors", { headers: { authorization: `Bearer ${secret}` }, data: { name: "Nope" } });
  expect(refused.status()).toBe(403);
  expect(refused.headers()["content-type"]).toBe("application/problem+json");

  // The browser is signed in, but its cookie is not a credential for the API.
  const withCookie = await page.request.get("/api/v1/vendors?limit=1");
  expect(withCookie.status()).toBe(401);

  await page.reload();
  await page.getByRole("button", { name: `Revoke API token ${name}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke token" }).click();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("Revoked");
  const afterRevoke = await client.get("/api/v1/vendors?limit=1", { headers: { authorization: `Bearer ${secret}` } });
  expect(afterRevoke.status()).toBe(401);
  await client.dispose();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API reference" }).click();
  await expect(page.getByRole("heading", { name: /GET \/api\/v1\/vendors List vendors/ })).toBeVisible();
});
