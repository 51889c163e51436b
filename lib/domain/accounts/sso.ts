import { isRole, type Role } from "./roles";

// Pure rules of single sign-on (README.md, "Single sign-on"; docs/security.md,
// "Single sign-on"). No I/O: the services feed them what the provider said.

/** Loopback hosts: the only ones a plain-http issuer may live on (a test provider on this machine). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * An issuer address Assay may talk to: https, or http on loopback only, with
 * no credentials, query or fragment (an OpenID issuer identifier has none:
 * OpenID Connect Discovery 1.0, §2).
 */
export function isAllowedIssuerUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password || url.search || url.hash) return false;
  if (url.protocol === "https:") return true;
  return url.protocol === "http:" && isLoopbackHost(url.hostname);
}

/** The issuer identifier compared as the provider states it, minus a trailing slash. */
export function normaliseIssuer(value: string): string {
  return value.trim().replace(/\/+$/, "");
}

export interface RoleMapping {
  value: string;
  role: Role;
}

/** "refuse" or a role for users whose claim matches no mapping. */
export type UnmappedRole = Role | "refuse";

/**
 * The claim named `name`: a top-level claim of that exact name, else a dotted
 * path into nested claims (Keycloak sends realm roles as "realm_access.roles").
 */
export function claimAt(claims: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(claims, name)) return claims[name];
  let value: unknown = claims;
  for (const key of name.split(".")) {
    if (!value || typeof value !== "object" || Array.isArray(value) || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** A claim's values: a list (groups) or one string (a department); anything else is no value. */
export function claimValues(claim: unknown): string[] {
  if (typeof claim === "string") return [claim];
  if (Array.isArray(claim)) return claim.filter((v): v is string => typeof v === "string");
  return [];
}

/**
 * The role a provider's claim grants: the first mapping (in the admin's order)
 * whose value the claim holds, else the fallback; null when the user must be
 * refused. The admin orders mappings most privileged first when groups overlap.
 */
export function roleFromClaim(claim: unknown, mappings: readonly RoleMapping[], unmapped: UnmappedRole): Role | null {
  const values = new Set(claimValues(claim));
  const match = mappings.find((m) => values.has(m.value));
  if (match) return match.role;
  return isRole(unmapped) ? unmapped : null;
}
