import { expect, test, type Page } from "@playwright/test";
import { E2E_PORT } from "./env";

const BASE = `http://127.0.0.1:${E2E_PORT}`;
import { demoLogin, signIn, signInAs, uniqueName } from "./helpers";
import { signInFrom } from "./loopback-sign-in";

// Sign-in throttling, server-side sessions and the password policy, through
// the real server (README.md, "Security defaults").

async function addUser(admin: Page, role: string, password: string) {
  await admin.goto("/admin/users");
  const name = uniqueName("Hardening Tester");
  const email = `${name.split(" ").pop()}@example.test`;
  const form = admin.getByRole("form", { name: "Add a user" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("E-mail").fill(email);
  await form.getByLabel("Role").selectOption(role);
  await form.getByLabel("Initial password").fill(password);
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(admin.getByRole("cell", { name: email })).toBeVisible();
  return { name, email };
}

test("a session cookie replayed after sign-out is refused", async ({ page, browser }) => {
  await signInAs(page, "security");
  const exportUrl = "/api/audit-log/export?format=csv";
  expect((await page.request.get(exportUrl)).status()).toBe(200);
  const stolen = await page.context().cookies();
  expect(stolen.some((c) => c.name.includes("session-token"))).toBe(true);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);

  const replay = await browser.newContext({ storageState: { cookies: stolen, origins: [] } });
  try {
    const response = await replay.request.get(exportUrl, { maxRedirects: 0 });
    expect(response.status()).toBe(401);
    expect(await response.text()).not.toContain("action");
  } finally {
    await replay.close();
  }
});

test("until the page's script runs the sign-in form is disabled, so an early submit sends the password nowhere", async ({ page }) => {
  // Hold back the page's script: what a slow connection does to a first visit.
  let release!: () => void;
  const scriptsMayLoad = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/**", async (route) => {
    await scriptsMayLoad;
    await route.continue();
  });
  const requested: string[] = [];
  page.on("request", (request) => requested.push(request.url()));
  const login = demoLogin("viewer");

  await page.goto("/signin", { waitUntil: "commit" });
  await expect(page.getByLabel("Password")).toBeDisabled();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeDisabled();
  // An impatient click on the greyed button submits nothing (a native GET would put the fields in the URL).
  await page.getByRole("button", { name: "Sign in" }).click({ force: true });
  await expect(page).toHaveURL(/\/signin$/);

  release();
  await page.getByLabel("E-mail").fill(login.email);
  await page.getByLabel("Password").fill(login.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("whoami")).toContainText(login.email);
  expect(requested.filter((url) => url.includes(encodeURIComponent(login.password)) || url.includes("password="))).toEqual([]);
});

test("five wrong passwords from five addresses do not lock the owner out", async ({ page, browser }) => {
  await signInAs(page, "admin");
  const password = "owner's own long passphrase";
  const target = await addUser(page, "security", password);

  for (let i = 1; i <= 5; i++) {
    expect(await signInFrom(BASE, `127.0.0.${10 + i}`, target.email, `guess number ${i}`)).toBe("invalid");
  }
  // Another round: before, this kept the account locked for good.
  for (let i = 1; i <= 5; i++) {
    expect(await signInFrom(BASE, `127.0.0.${10 + i}`, target.email, `second guess ${i}`)).toBe("invalid");
  }

  const owner = await browser.newPage();
  await signIn(owner, target.email, password);
  await expect(owner.getByTestId("whoami")).toContainText(target.email);
  await owner.close();
});

test("a forced reset signs the user out everywhere and makes them choose a strong password first", async ({ page, browser }) => {
  await signInAs(page, "admin");
  const initial = "initial passphrase from admin";
  const user = await addUser(page, "viewer", initial);

  const theirs = await browser.newPage();
  await signIn(theirs, user.email, initial);
  await expect(theirs.getByTestId("whoami")).toContainText(user.email);

  await page.getByRole("button", { name: `Force password reset for ${user.name}` }).click();
  await expect(page.getByRole("row", { name: new RegExp(user.email) })).toContainText("Password reset pending");

  // Their open session ended on the server at once.
  await theirs.goto("/vendors");
  await expect(theirs).toHaveURL(/\/signin$/);

  // Signing in again leads to the password page, and nothing else is reachable.
  await signIn(theirs, user.email, initial);
  await expect(theirs).toHaveURL(/\/account\/password$/);
  await expect(theirs.getByText("An administrator asked you to choose a new password")).toBeVisible();
  await theirs.goto("/vendors");
  await expect(theirs).toHaveURL(/\/account\/password$/);

  const form = theirs.getByRole("form", { name: "Change password" });
  await form.getByLabel("Current password").fill(initial);
  await form.getByLabel("New password", { exact: true }).fill("password1234");
  await form.getByLabel("New password again").fill("password1234");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("one of the most common passwords")).toBeVisible();

  const chosen = "lighthouse keeper at dawn";
  await form.getByLabel("New password", { exact: true }).fill(chosen);
  await form.getByLabel("New password again").fill(chosen);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(theirs.getByRole("status")).toContainText("Password changed");
  await theirs.goto("/vendors");
  await expect(theirs.getByTestId("whoami")).toContainText(user.email);
  await theirs.close();
});

test("the shell links to changing your own password", async ({ page }) => {
  await signInAs(page, "legal");
  await page.getByRole("link", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/account\/password$/);
  await expect(page.getByRole("form", { name: "Change password" })).toBeVisible();
});
