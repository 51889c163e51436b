import { z } from "zod";
import { ROLES } from "@/lib/domain/accounts/roles";
import type { RoleMapping, UnmappedRole } from "@/lib/domain/accounts/sso";
import { ssoConfigSchema, UNMAPPED_ROLE_CHOICES } from "@/lib/schemas/sso";
import type { SsoConfigView } from "@/lib/schemas/views/sso-config";
import type { Actor } from "../actor";
import { recordAudit } from "../audit";
import { requirePermission } from "../authorize";
import { db } from "../db";
import { AppError, staleEdit } from "../errors";
import { openSecret, sealSecret } from "../secret-box";
import { DiscoveryError, discoverIssuer, forgetDiscoveredIssuer } from "../sso/oidc-client";
import { parseInput } from "../validation";

// The identity provider's settings (README.md, "Single sign-on"): admin-only,
// validated with the form's schema, the issuer's discovery checked before
// anything is stored, the client secret sealed at rest, every save audited.

const SECRET_PURPOSE = "sso-client-secret";
const storedMappings = z.array(z.object({ value: z.string(), role: z.enum(ROLES) }));

type Row = NonNullable<Awaited<ReturnType<ReturnType<typeof db>["ssoConfig"]["findUnique"]>>>;

/** The stored settings in the shape the rest of the app uses; the secret stays sealed. */
export interface SsoSettings {
  enabled: boolean;
  displayName: string;
  issuerUrl: string;
  clientId: string;
  clientSecretSealed: string;
  claimName: string;
  roleMappings: RoleMapping[];
  unmappedRole: UnmappedRole;
  provisionUsers: boolean;
  version: number;
}

function fromRow(row: Row): SsoSettings {
  const mappings = storedMappings.safeParse(safeJson(row.roleMappings));
  const unmapped = (UNMAPPED_ROLE_CHOICES as readonly string[]).includes(row.unmappedRole) ? (row.unmappedRole as UnmappedRole) : "refuse";
  return {
    enabled: row.enabled,
    displayName: row.displayName,
    issuerUrl: row.issuerUrl,
    clientId: row.clientId,
    clientSecretSealed: row.clientSecretSealed,
    claimName: row.claimName,
    // A row that no longer parses maps nobody: unmapped users fall to the (safe) fallback.
    roleMappings: mappings.success ? mappings.data : [],
    unmappedRole: unmapped,
    provisionUsers: row.provisionUsers,
    version: row.version,
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** For the sign-in flow (no actor: the person is not signed in yet). */
export async function loadSsoSettings(): Promise<SsoSettings | null> {
  const row = await db().ssoConfig.findUnique({ where: { id: 1 } });
  return row ? fromRow(row) : null;
}

/** The client secret in clear, for the token request only. */
export function ssoClientSecret(settings: SsoSettings): string | null {
  return openSecret(settings.clientSecretSealed, SECRET_PURPOSE);
}

/** What the public sign-in page may know: whether to show the button, and its name. */
export async function ssoSignInOption(): Promise<{ displayName: string } | null> {
  const row = await db().ssoConfig.findUnique({ where: { id: 1 }, select: { enabled: true, displayName: true } });
  return row?.enabled ? { displayName: row.displayName } : null;
}

export async function getSsoConfig({ actor }: { actor: Actor }): Promise<SsoConfigView | null> {
  requirePermission(actor, "settings.read");
  const settings = await loadSsoSettings();
  return settings ? toView(settings) : null;
}

function toView(s: SsoSettings): SsoConfigView {
  return {
    enabled: s.enabled,
    displayName: s.displayName,
    issuerUrl: s.issuerUrl,
    clientId: s.clientId,
    hasClientSecret: s.clientSecretSealed.length > 0,
    claimName: s.claimName,
    roleMappings: s.roleMappings,
    unmappedRole: s.unmappedRole,
    provisionUsers: s.provisionUsers,
    version: s.version,
  };
}

function auditView(s: SsoSettings, clientSecretChanged: boolean) {
  const { clientSecretSealed: _sealed, ...rest } = s;
  return { ...rest, roleMappings: s.roleMappings.map((m) => ({ ...m })), clientSecretChanged };
}

export async function saveSsoConfig({ actor, input }: { actor: Actor; input: unknown }): Promise<SsoConfigView> {
  requirePermission(actor, "settings.manage");
  const data = parseInput(ssoConfigSchema, input);
  const existing = await loadSsoSettings();
  // Stale before slow: no discovery round-trip for a save that cannot land (checked again in the transaction).
  if ((existing?.version ?? 0) !== data.version) throw staleEdit("single sign-on configuration");
  if (!data.clientSecret && !existing?.clientSecretSealed) {
    throw new AppError("VALIDATION", "Check the highlighted fields.", { clientSecret: "Enter the client secret" });
  }
  // Checked before the transaction: a network round-trip must not hold a write lock.
  try {
    await discoverIssuer(data.issuerUrl);
  } catch (error) {
    if (!(error instanceof DiscoveryError)) throw error;
    throw new AppError("VALIDATION", "Check the highlighted fields.", { issuerUrl: error.message });
  }
  const sealed = data.clientSecret ? sealSecret(data.clientSecret, SECRET_PURPOSE) : existing!.clientSecretSealed;
  const fields = {
    enabled: data.enabled,
    displayName: data.displayName,
    issuerUrl: data.issuerUrl,
    clientId: data.clientId,
    clientSecretSealed: sealed,
    claimName: data.claimName,
    roleMappings: JSON.stringify(data.roleMappings),
    unmappedRole: data.unmappedRole,
    provisionUsers: data.provisionUsers,
  };
  const saved = await db().$transaction(async (tx) => {
    const before = await tx.ssoConfig.findUnique({ where: { id: 1 } });
    if ((before?.version ?? 0) !== data.version) throw staleEdit("single sign-on configuration");
    if (before) {
      const { count } = await tx.ssoConfig.updateMany({ where: { id: 1, version: data.version }, data: { ...fields, version: { increment: 1 } } });
      if (count === 0) throw staleEdit("single sign-on configuration");
    } else {
      await tx.ssoConfig.create({ data: { id: 1, ...fields } });
    }
    const row = await tx.ssoConfig.findUniqueOrThrow({ where: { id: 1 } });
    const after = fromRow(row);
    await recordAudit(tx, actor, {
      action: "sso.configure",
      entityType: "settings",
      entityId: "sso",
      before: before ? auditView(fromRow(before), false) : null,
      after: auditView(after, Boolean(data.clientSecret)),
    });
    return after;
  });
  forgetDiscoveredIssuer();
  return toView(saved);
}
