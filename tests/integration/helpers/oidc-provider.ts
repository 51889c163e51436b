// A real OpenID provider (the `oidc-provider` package, a certified
// implementation) on loopback for the single sign-on tests. Its accounts are
// a map the test edits, so a test can change someone's groups "at the
// provider" between two sign-ins. Its built-in development login form
// accepts any login name whose account exists here, with any password.
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export interface TestAccount {
  email: string;
  email_verified: boolean;
  name: string;
  groups: string[];
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Keyed by login name, which is also the subject. */
  accounts: Map<string, TestAccount>;
  close(): Promise<void>;
}

export async function startOidcProvider(redirectUri: string, { port = 0, unref = false }: { port?: number; unref?: boolean } = {}): Promise<TestOidcProvider> {
  const clientId = "assay-test";
  const clientSecret = "assay-test-secret-0123456789abcdef";
  const accounts = new Map<string, TestAccount>();
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  // A table row that starts one on demand has no place to stop it: it must not keep the process alive.
  if (unref) server.unref();
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
    findAccount: async (_ctx, id) => {
      const account = accounts.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...account }) };
    },
    // Keys generated per run: nothing secret lives in the repository.
    cookies: { keys: [crypto.randomUUID()] },
  });
  provider.on("server_error", (_ctx, error) => console.error("oidc-provider:", error));
  server.on("request", provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Walks a browser's way through the provider without a browser: follows the
 * redirects from `authorizationUrl`, submits the development login form as
 * `login` and the consent form, and returns the URL the provider sends the
 * browser back to (the relying party's callback, with code and state).
 * For integration tests; the e2e spec goes through a real browser.
 */
export async function walkProvider(authorizationUrl: string, login: string, redirectUri: string): Promise<string> {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  let url = authorizationUrl;
  let method = "GET";
  let body: string | undefined;
  for (let hop = 0; hop < 20; hop++) {
    if (url.startsWith(redirectUri)) return url;
    const response = await fetch(url, {
      method,
      body,
      redirect: "manual",
      headers: { cookie: cookieHeader(), ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
    });
    for (const set of response.headers.getSetCookie()) {
      const [pair = ""] = set.split(";");
      const eq = pair.indexOf("=");
      jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    const location = response.headers.get("location");
    if (location) {
      url = new URL(location, url).toString();
      method = "GET";
      body = undefined;
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`the provider answered ${response.status} without a form or redirect at ${url}: ${html.slice(0, 300)}`);
    const prompt = /name="prompt" value="([^"]+)"/.exec(html)?.[1] ?? "";
    const fields = new URLSearchParams(prompt === "login" ? { prompt, login, password: "any-password" } : { prompt });
    url = new URL(action.replace(/&amp;/g, "&"), url).toString();
    method = "POST";
    body = fields.toString();
  }
  throw new Error("the provider never sent the browser back");
}
