import "server-only";
import { Issuer, custom, type BaseClient } from "openid-client";
import { normaliseIssuer } from "@/lib/domain/accounts/sso";

// The OpenID Connect relying party, built on openid-client (the library
// next-auth itself uses), from the settings stored in the database.

// A provider that hangs must not hold a sign-in (or an admin's save) for long.
custom.setHttpOptionsDefaults({ timeout: 5_000 });

export class DiscoveryError extends Error {}

/**
 * Fetches the issuer's discovery document and checks it describes a usable
 * OpenID provider at that address: the document's `issuer` must be the URL
 * configured (OpenID Connect Discovery 1.0, §4.3), or tokens could be
 * accepted from another issuer.
 */
export async function discoverIssuer(issuerUrl: string): Promise<Issuer<BaseClient>> {
  let issuer: Issuer<BaseClient>;
  try {
    issuer = await Issuer.discover(issuerUrl);
  } catch (error) {
    throw new DiscoveryError(`No OpenID provider answered at this address (${describe(error)}).`);
  }
  const stated = String(issuer.metadata.issuer ?? "");
  if (normaliseIssuer(stated) !== normaliseIssuer(issuerUrl)) {
    throw new DiscoveryError(`The provider names itself "${stated.slice(0, 200)}"; enter exactly that issuer URL.`);
  }
  for (const field of ["authorization_endpoint", "token_endpoint", "jwks_uri"] as const) {
    if (!issuer.metadata[field]) throw new DiscoveryError(`The provider's discovery document has no ${field}.`);
  }
  return issuer;
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, 200) || "no answer";
}

const ISSUER_TTL_MS = 5 * 60_000;
let cached: { url: string; at: number; issuer: Issuer<BaseClient> } | undefined;

/** The discovered issuer, refetched at most every five minutes (keys and endpoints may rotate). */
async function cachedIssuer(issuerUrl: string): Promise<Issuer<BaseClient>> {
  const now = Date.now();
  if (cached && cached.url === issuerUrl && now - cached.at < ISSUER_TTL_MS) return cached.issuer;
  const issuer = await discoverIssuer(issuerUrl);
  cached = { url: issuerUrl, at: now, issuer };
  return issuer;
}

/** Tests and a settings save need the next sign-in to see the provider as it is now. */
export function forgetDiscoveredIssuer() {
  cached = undefined;
}

export interface RelyingPartyConfig {
  issuerUrl: string;
  clientId: string;
  clientSecret: string;
}

export async function relyingParty(config: RelyingPartyConfig): Promise<BaseClient> {
  const issuer = await cachedIssuer(config.issuerUrl);
  return new issuer.Client({
    client_id: config.clientId,
    client_secret: config.clientSecret,
    redirect_uris: [ssoCallbackUrl()],
    response_types: ["code"],
    token_endpoint_auth_method: "client_secret_basic",
  });
}

/**
 * An address in the app as the outside world reaches it: NEXTAUTH_URL (set by
 * `npm start`), never a request's Host header, which a client chooses.
 */
export function appUrl(path: string): URL {
  const base = (process.env.NEXTAUTH_URL || `http://localhost:${process.env.PORT || 3000}`).replace(/\/+$/, "");
  return new URL(path, `${base}/`);
}

/** The address the provider sends the browser back to; register it at the provider. */
export function ssoCallbackUrl(): string {
  return appUrl("/api/sso/callback").toString();
}
