// Single sign-on through a real OpenID provider (the `oidc-provider` package)
// started by this spec on loopback, in a real browser against `next start`:
// the admin configures it, people sign in through the provider's own login
// page, their role follows the provider's groups, and tampered or replayed
// sign-ins are refused (README.md, "Single sign-on").
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { startOidcProvider, type TestOidcProvider } from "../integration/helpers/oidc-provider";
import { E2E_PORT } from "./env";
import { signIn, signInAs } from "./helpers";

const APP = `http://localhost:${E2E_PORT}`;
const CALLBACK = `${APP}/api/sso/callback`;
const BUTTON = "Sign in with Test IdP";

let idp: TestOidcProvider;
const run = Date.now().toString(36);

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  idp = await startOidcProvider(CALLBACK);
});

test.afterAll(async ({ browser }) => {
  // Leave the shared e2e server as other specs expect it: no SSO button.
  const page = await browser.newPage();
  await signInAs(page, "admin");
  await page.goto("/admin/sso");
  await page.getByLabel("Offer single sign-on on the sign-in page").uncheck();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toContainText("Single sign-on is off");
  await page.close();
  await idp?.close();
});

async function seriousAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${page.url()}: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
}

/** Every CSP violation the browser reports on a page (the CSP must hold through the flow). */
function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) seen.push(m.text());
  });
  return seen;
}

/** Clicks the sign-in button and gets through the provider's login and consent pages as `login`. */
async function signInAtProvider(page: Page, login: string) {
  await page.getByRole("textbox", { name: /login/i }).or(page.locator('input[name="login"]')).first().fill(login);
  await page.locator('input[name="password"]').fill("any-password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

async function ssoSignIn(page: Page, login: string) {
  await page.goto("/signin");
  await page.getByRole("link", { name: BUTTON }).click();
  await signInAtProvider(page, login);
}

/**
 * Runs `act` but stops the browser before it loads a URL matching
 * `urlPattern` (a CDP pattern: * is any run of characters), and returns that
 * URL: the test can then alter it and load it itself, as an attacker holding
 * the browser could. Chromium's Fetch domain sees every hop of a redirect
 * chain, which page.route does not (the callback is reached by redirects).
 */
async function interceptNavigation(page: Page, urlPattern: string, act: () => Promise<void>): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  let captured: string | null = null;
  cdp.on("Fetch.requestPaused", (event) => {
    if (captured === null) {
      captured = event.request.url;
      void cdp.send("Fetch.failRequest", { requestId: event.requestId, errorReason: "Aborted" });
    } else {
      void cdp.send("Fetch.continueRequest", { requestId: event.requestId });
    }
  });
  await cdp.send("Fetch.enable", { patterns: [{ urlPattern, requestStage: "Request" }] });
  // The stopped navigation may fail the action itself; what matters is the URL caught.
  await act().catch(() => undefined);
  await expect.poll(() => captured, { timeout: 15_000 }).not.toBeNull();
  await cdp.send("Fetch.disable");
  await cdp.detach();
  return captured!;
}

async function createUser(page: Page, name: string, email: string, role: string, password: string) {
  await page.goto("/admin/users");
  const form = page.getByRole("form", { name: "Add a user" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("E-mail").fill(email);
  await form.getByLabel("Role").selectOption(role);
  await form.getByLabel("Initial password").fill(password);
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("cell", { name: email })).toBeVisible();
}

async function freshPage(browser: Browser) {
  const context = await browser.newContext({ baseURL: APP });
  return context.newPage();
}

const sam = { login: `sam-${run}`, name: `Sam Sso ${run}`, email: `sam-${run}@example.test`, password: "sam-local-password-1" };
const dee = { login: `dee-${run}`, name: `Dee Sso ${run}`, email: `dee-${run}@example.test`, password: "dee-local-password-1" };
const tess = { login: `tess-${run}`, name: `Tess Sso ${run}`, email: `tess-${run}@example.test`, password: "tess-local-password-1" };

test("the admin configures the provider; discovery is checked and the secret is never shown back", async ({ page }) => {
  await signInAs(page, "admin");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Single sign-on" }).click();
  await expect(page.getByRole("heading", { name: "Single sign-on" })).toBeVisible();
  await expect(page.getByText(CALLBACK)).toBeVisible();

  const form = page.getByRole("form", { name: "Single sign-on settings" });
  await form.getByLabel("Offer single sign-on on the sign-in page").check();
  await form.getByLabel("Button name").fill("Test IdP");
  // Plain http off loopback is refused by the shared schema, before any request.
  await form.getByLabel("Issuer URL").fill("http://idp.example.com");
  await form.getByLabel("Client id").fill(idp.clientId);
  await form.getByLabel("Client secret").fill(idp.clientSecret);
  await form.getByLabel("Role claim").fill("groups");
  await form.getByRole("button", { name: "Add a mapping" }).click();
  await form.getByLabel("Claim value 1").fill("assay-security");
  await form.getByLabel("Role for value 1").selectOption("security");
  await form.getByRole("button", { name: "Add a mapping" }).click();
  await form.getByLabel("Claim value 2").fill("assay-legal");
  await form.getByLabel("Role for value 2").selectOption("legal");
  await form.getByLabel("Users no mapping matches").selectOption("refuse");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByLabel("Issuer URL")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText(/Enter an https:\/\/ issuer URL/)).toBeVisible();

  // A loopback address where no provider answers: the server's discovery check says so next to the field.
  await form.getByLabel("Issuer URL").fill("http://127.0.0.1:9");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByText(/No OpenID provider answered at this address/)).toBeVisible();
  await expect(form.getByLabel("Issuer URL")).toHaveAttribute("aria-invalid", "true");
  // Nothing typed was lost.
  await expect(form.getByLabel("Claim value 2")).toHaveValue("assay-legal");

  await form.getByLabel("Issuer URL").fill(idp.issuer);
  await form.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toContainText('The sign-in page offers "Sign in with Test IdP"');

  await page.reload();
  await expect(form.getByLabel("Client secret")).toHaveValue("");
  await expect(form.getByText("A secret is stored (never shown)")).toBeVisible();
  expect(await page.content()).not.toContain(idp.clientSecret);

  for (const person of [sam, dee, tess]) await createUser(page, person.name, person.email, "viewer", person.password);

  // The new page, the users page's new column and the sign-in button fit a phone and are axe clean.
  await page.setViewportSize({ width: 390, height: 844 });
  const findings: string[] = [];
  for (const path of ["/admin/sso", "/admin/users"]) {
    await page.goto(path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
    findings.push(...(await seriousAxeViolations(page)));
  }
  const signedOut = await freshPage(page.context().browser()!);
  await signedOut.setViewportSize({ width: 390, height: 844 });
  await signedOut.goto("/signin");
  await expect(signedOut.getByRole("link", { name: BUTTON })).toBeVisible();
  findings.push(...(await seriousAxeViolations(signedOut)));
  await signedOut.context().close();
  expect(findings).toEqual([]);
});

test("a user signs in through the provider with the role its groups map to, and a group change applies at the next sign-in", async ({ browser }) => {
  idp.accounts.set(sam.login, { email: sam.email, email_verified: true, name: sam.name, groups: ["staff", "assay-security"] });
  const page = await freshPage(browser);
  const violations = cspViolations(page);
  await ssoSignIn(page, sam.login);
  await expect(page).toHaveURL(`${APP}/security`);
  await expect(page.getByTestId("whoami")).toContainText(sam.email);
  await expect(page.getByTestId("whoami")).toContainText("Security");
  await page.context().close();

  // The provider moves Sam to another group: the next sign-in brings the new role.
  idp.accounts.set(sam.login, { email: sam.email, email_verified: true, name: sam.name, groups: ["assay-legal"] });
  const again = await freshPage(browser);
  const violationsAgain = cspViolations(again);
  await ssoSignIn(again, sam.login);
  await expect(again.getByTestId("whoami")).toContainText("Legal");
  await again.context().close();
  expect([...violations, ...violationsAgain]).toEqual([]);

  const admin = await freshPage(browser);
  await signInAs(admin, "admin");
  await admin.goto("/admin/users");
  await expect(admin.getByLabel(`Role of ${sam.name}`)).toHaveValue("legal");
  await admin.goto(`/audit-log?action=user.change_role`);
  await expect(admin.getByText(sam.email).first()).toBeVisible();
  await admin.context().close();
});

test("a replayed callback is refused, even with the browser's old flow cookie", async ({ browser }) => {
  idp.accounts.set(tess.login, { email: tess.email, email_verified: true, name: tess.name, groups: ["assay-security"] });
  const page = await freshPage(browser);
  await page.goto("/signin");
  await page.getByRole("link", { name: BUTTON }).click();
  const callback = await interceptNavigation(page, "*/api/sso/callback*", () => signInAtProvider(page, tess.login));
  const flowCookie = (await page.context().cookies()).find((c) => c.name.endsWith("assay-sso-flow"));
  expect(flowCookie?.value).toBeTruthy();
  await page.goto(callback);
  await expect(page.getByTestId("whoami")).toContainText(tess.email);
  await page.context().close();

  const attacker = await freshPage(browser);
  await attacker.context().addCookies([flowCookie!]);
  await attacker.goto(callback);
  await expect(attacker).toHaveURL(/\/signin\?sso=flow_missing$/);
  await expect(attacker.getByRole("alert").filter({ hasText: "That sign-in expired or was already used" })).toBeVisible();
  await attacker.goto("/vendors");
  await expect(attacker).toHaveURL(/\/signin$/);
  await attacker.context().close();
});

test("a callback whose state was altered is refused", async ({ browser }) => {
  const page = await freshPage(browser);
  await page.goto("/signin");
  await page.getByRole("link", { name: BUTTON }).click();
  const callback = new URL(await interceptNavigation(page, "*/api/sso/callback*", () => signInAtProvider(page, tess.login)));
  expect(callback.searchParams.get("state")).toBeTruthy();
  callback.searchParams.set("state", `${callback.searchParams.get("state")}x`);
  await page.goto(callback.toString());
  await expect(page).toHaveURL(/\/signin\?sso=state_mismatch$/);
  await expect(page.getByRole("alert").filter({ hasText: "could not be verified" })).toBeVisible();
  await page.goto("/vendors");
  await expect(page).toHaveURL(/\/signin$/);
  await page.context().close();
});

test("an ID token carrying another nonce than the one sent is refused", async ({ browser }) => {
  const page = await freshPage(browser);
  await page.goto("/signin");
  // The browser is stopped on its way to the provider, and the request's
  // nonce replaced: the provider then signs an ID token with the wrong one.
  const authorize = new URL(await interceptNavigation(page, `${idp.issuer}/auth*`, () => page.getByRole("link", { name: BUTTON }).click()));
  expect(authorize.searchParams.get("nonce")).toBeTruthy();
  expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
  authorize.searchParams.set("nonce", "attacker-chosen-nonce");
  await page.goto(authorize.toString());
  await signInAtProvider(page, tess.login);
  await expect(page).toHaveURL(/\/signin\?sso=nonce_mismatch$/);
  await expect(page.getByRole("alert").filter({ hasText: "could not be verified" })).toBeVisible();
  await page.goto("/vendors");
  await expect(page).toHaveURL(/\/signin$/);
  await page.context().close();
});

test("a user deactivated in Assay is refused, whatever the provider says", async ({ browser }) => {
  idp.accounts.set(dee.login, { email: dee.email, email_verified: true, name: dee.name, groups: ["assay-security"] });
  const admin = await freshPage(browser);
  await signInAs(admin, "admin");
  await admin.goto("/admin/users");
  await admin.getByRole("button", { name: `Deactivate ${dee.name}` }).click();
  await expect(admin.getByRole("button", { name: `Reactivate ${dee.name}` })).toBeVisible();

  const page = await freshPage(browser);
  await ssoSignIn(page, dee.login);
  await expect(page).toHaveURL(/\/signin\?sso=deactivated$/);
  await expect(page.getByRole("alert").filter({ hasText: "has no access to Assay" })).toBeVisible();
  await page.goto("/vendors");
  await expect(page).toHaveURL(/\/signin$/);
  await page.context().close();
  await admin.context().close();
});

test("with password sign-in turned off, the right password is refused; the first admin keeps theirs", async ({ browser }) => {
  const admin = await freshPage(browser);
  await signInAs(admin, "admin");
  await admin.goto("/admin/users");
  await admin.getByRole("button", { name: `Turn off password sign-in for ${sam.name}` }).click();
  await expect(admin.getByRole("button", { name: `Turn on password sign-in for ${sam.name}` })).toBeVisible();

  const page = await freshPage(browser);
  await signIn(page, sam.email, sam.password);
  await expect(page.getByRole("alert").filter({ hasText: "signs in with single sign-on only" })).toBeVisible();
  await page.goto("/vendors");
  await expect(page).toHaveURL(/\/signin$/);
  await page.context().close();

  // The first admin's row offers no switch: their password is the way in when the provider fails.
  await expect(admin.getByText("The first admin always keeps a password").first()).toBeVisible();
  await admin.context().close();
});
