import { expect, test } from "@playwright/test";
import { ROLES } from "@/lib/domain/accounts/roles";
import { can } from "@/lib/server/permissions";
import { demoLogin, signIn, signInAs } from "./helpers";

// Each role lands where its work is (app/(app)/page.tsx) and sees exactly the
// navigation its permissions allow.
const LANDING: Record<(typeof ROLES)[number], RegExp> = { procurement: /\/procurement$/, legal: /\/legal$/, security: /\/security$/, admin: /\/dashboard$/, viewer: /\/dashboard$/ };

for (const role of ROLES) {
  test(`${role} signs in and sees its navigation`, async ({ page }) => {
    await signInAs(page, role);
    await expect(page).toHaveURL(LANDING[role]);
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Vendors" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Dashboard" })).toBeVisible();
    const usersLink = nav.getByRole("link", { name: "Users" });
    if (can(role, "user.manage")) await expect(usersLink).toBeVisible();
    else await expect(usersLink).toHaveCount(0);
  });
}

test("a wrong password shows an error and no session starts", async ({ page }) => {
  const login = demoLogin("security");
  await signIn(page, login.email, `${login.password}-wrong`);
  await expect(page.locator(".alert-error")).toContainText("do not match an active account");
  await page.goto("/vendors");
  await expect(page).toHaveURL(/\/signin$/);
});

test("signing out ends the session", async ({ page }) => {
  await signInAs(page, "legal");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/vendors");
  await expect(page).toHaveURL(/\/signin$/);
});

test("responses carry the security headers", async ({ page }) => {
  const response = await page.goto("/signin");
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBeTruthy();
});
