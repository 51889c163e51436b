import { expect, type Page } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import type { Role } from "@/lib/domain/accounts/roles";
import { E2E_DATA_DIR } from "./env";

interface DemoLogin {
  role: Role;
  email: string;
  password: string;
  name: string;
}

/** The logins the seed generated for the e2e server's own data directory. */
export function demoLogin(role: Role): DemoLogin {
  const logins = JSON.parse(fs.readFileSync(path.resolve(E2E_DATA_DIR, "demo-logins.json"), "utf8")) as DemoLogin[];
  const login = logins.find((l) => l.role === role);
  if (!login) throw new Error(`no demo login for ${role}`);
  return login;
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signInAs(page: Page, role: Role) {
  const login = demoLogin(role);
  await signIn(page, login.email, login.password);
  await expect(page.getByTestId("whoami")).toContainText(login.email);
  return login;
}

export function uniqueName(prefix: string) {
  return `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** An admin (already signed in on `page`) issues an API token acting as `role` in Admin → API tokens; returns its secret, shown once. */
export async function issueApiToken(page: Page, role: Role, name = uniqueName("Ticketing sync")): Promise<{ name: string; secret: string }> {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API tokens" }).click();
  const form = page.getByRole("form", { name: "New API token" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Acts as role").selectOption(role);
  await form.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByRole("status")).toContainText("shown only once");
  const secret = (await page.getByTestId("new-api-token").textContent())!.trim();
  expect(secret).toMatch(/^assay_/);
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("Active");
  return { name, secret };
}

/** Opens `path` and expects the refusal a role gets for a page it may not open: 403, at that address, saying so. */
export async function expectNotAllowed(page: Page, path: string, message?: string) {
  const response = await page.goto(path);
  expect(response?.status(), message ?? `${path} must be refused`).toBe(403);
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe(path.split("?")[0]);
}
