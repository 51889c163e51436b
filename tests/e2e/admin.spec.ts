import { expect, test } from "@playwright/test";
import { signIn, signInAs, uniqueName } from "./helpers";

test("admin creates a legal user who can then sign in", async ({ page, browser }) => {
  await signInAs(page, "admin");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
  const name = uniqueName("Lee Counsel");
  const email = `${name.split(" ").pop()}@example.test`;
  const password = "correct-horse-battery-42";
  const form = page.getByRole("form", { name: "Add a user" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("E-mail").fill(email);
  await form.getByLabel("Role").selectOption("legal");
  await form.getByLabel("Initial password").fill(password);
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("status")).toContainText(`${name} can now sign in as Legal`);
  await expect(page.getByRole("cell", { name: email })).toBeVisible();

  const newUser = await browser.newPage();
  await signIn(newUser, email, password);
  await expect(newUser.getByTestId("whoami")).toContainText("Legal");
  await expect(newUser.getByRole("link", { name: "Users" })).toHaveCount(0);
});

test("a deactivated user's live session stops on the next request", async ({ page, browser }) => {
  await signInAs(page, "admin");
  await page.goto("/admin/users");
  const name = uniqueName("Temp Analyst");
  const email = `${name.split(" ").pop()}@example.test`;
  const form = page.getByRole("form", { name: "Add a user" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("E-mail").fill(email);
  await form.getByLabel("Role").selectOption("security");
  await form.getByLabel("Initial password").fill("temporary-password-123");
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("cell", { name: email })).toBeVisible();

  const other = await browser.newPage();
  await signIn(other, email, "temporary-password-123");
  await expect(other.getByTestId("whoami")).toContainText(email);

  await page.getByRole("button", { name: `Deactivate ${name}` }).click();
  await expect(page.getByRole("button", { name: `Reactivate ${name}` })).toBeVisible();

  await other.goto("/vendors");
  await expect(other).toHaveURL(/\/signin$/);
});

test("the last active admin cannot be demoted", async ({ page }) => {
  const admin = await signInAs(page, "admin");
  await page.goto("/admin/users");
  const row = page.getByRole("row", { name: new RegExp(admin.email) });
  await row.getByRole("combobox").selectOption("viewer");
  await expect(row.getByRole("alert")).toContainText("last active admin");
  await page.reload();
  await expect(page.getByRole("row", { name: new RegExp(admin.email) }).getByRole("combobox")).toHaveValue("admin");
});
