import http from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { E2E_PORT } from "./env";
import { signIn, signInAs, uniqueName } from "./helpers";

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

/**
 * One credentials sign-in through next-auth's own endpoint, as a script would
 * send it, from a real loopback source address (127.0.0.0/8 is all ours), so
 * the server sees distinct clients on the socket. A forged X-Forwarded-For
 * rides along and must change nothing: no proxy is trusted here.
 */
async function postSignIn(fromAddress: string, email: string, password: string): Promise<string | null> {
  const csrf = await loopbackRequest(fromAddress, "GET", "/api/auth/csrf");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const cookie = csrf.setCookies.map((c) => c.split(";")[0]).join("; ");
  const form = new URLSearchParams({ email, password, csrfToken, json: "true" }).toString();
  const response = await loopbackRequest(fromAddress, "POST", "/api/auth/callback/credentials", form, {
    cookie,
    "content-type": "application/x-www-form-urlencoded",
    "x-forwarded-for": "198.51.100.7",
  });
  const url = (JSON.parse(response.body || "{}") as { url?: string }).url ?? response.location ?? "http://x/";
  return new URL(url, "http://x").searchParams.get("error");
}

function loopbackRequest(localAddress: string, method: string, path: string, body?: string, headers: Record<string, string> = {}) {
  return new Promise<{ body: string; setCookies: string[]; location?: string }>((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port: E2E_PORT, localAddress, method, path, headers: { ...headers, ...(body ? { "content-length": Buffer.byteLength(body) } : {}) } },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => resolve({ body: text, setCookies: res.headers["set-cookie"] ?? [], location: res.headers.location }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
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

test("five wrong passwords from five addresses do not lock the owner out", async ({ page, browser }) => {
  await signInAs(page, "admin");
  const password = "owner's own long passphrase";
  const target = await addUser(page, "security", password);

  for (let i = 1; i <= 5; i++) {
    expect(await postSignIn(`127.0.0.${10 + i}`, target.email, `guess number ${i}`)).toBe("invalid");
  }
  // Another round: before, this kept the account locked for good.
  for (let i = 1; i <= 5; i++) {
    expect(await postSignIn(`127.0.0.${10 + i}`, target.email, `second guess ${i}`)).toBe("invalid");
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
