// API tokens (lib/server/api/README.md): admins issue them, the REST API
// authenticates with them. The secret is 32 random bytes, shown once; only its
// SHA-256 is stored, which is enough for a secret of that entropy (no KDF is
// needed: nobody can guess their way through 2^256).
import { createHash, randomBytes } from "node:crypto";
import { addDaysToInstant } from "@/lib/domain/dates";
import { isRole } from "@/lib/domain/accounts/roles";
import { apiTokenCreateSchema, apiTokenRevokeSchema } from "@/lib/schemas/api-token";
import type { Actor } from "../actor";
import { recordAudit } from "../audit";
import { requirePermission } from "../authorize";
import { db } from "../db";
import { notFound } from "../errors";
import type { Permission } from "../permissions";
import { parseInput } from "../validation";

const SECRET_PREFIX = "assay_";
/** Last-used times are written at most this often per token, not on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

export function hashApiSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export async function createApiToken({ actor, input, now = new Date() }: { actor: Actor; input: unknown; now?: Date }): Promise<{ id: string; secret: string }> {
  requirePermission(actor, "apitoken.manage");
  const { name, role, permissions, expires } = parseInput(apiTokenCreateSchema, input);
  const secret = SECRET_PREFIX + randomBytes(32).toString("base64url");
  const prefix = secret.slice(0, SECRET_PREFIX.length + 6);
  const expiresAt = expires === "never" ? null : addDaysToInstant(now, Number(expires));
  const narrowed = permissions.length > 0 ? permissions : null;
  const token = await db().$transaction(async (tx) => {
    const token = await tx.apiToken.create({ data: { name, role, permissions: narrowed ?? undefined, prefix, tokenHash: hashApiSecret(secret), createdById: actor.id, expiresAt } });
    await recordAudit(tx, actor, { action: "apitoken.create", entityType: "api_token", entityId: token.id, after: { name, prefix, role, permissions: narrowed, expiresAt } });
    return token;
  });
  return { id: token.id, secret };
}

export interface ApiTokenRow {
  id: string;
  name: string;
  prefix: string;
  role: string;
  permissions: string[] | null;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export async function listApiTokens({ actor }: { actor: Actor }): Promise<ApiTokenRow[]> {
  requirePermission(actor, "apitoken.manage");
  const rows = await db().apiToken.findMany({ orderBy: { createdAt: "desc" }, take: 200, include: { createdBy: { select: { email: true } } } });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    role: r.role,
    permissions: (r.permissions as string[] | null) ?? null,
    createdBy: r.createdBy.email,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
    lastUsedAt: r.lastUsedAt,
    revokedAt: r.revokedAt,
  }));
}

export async function revokeApiToken({ actor, input }: { actor: Actor; input: unknown }): Promise<void> {
  requirePermission(actor, "apitoken.manage");
  const { id } = parseInput(apiTokenRevokeSchema, input);
  await db().$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { id } });
    if (!token) throw notFound("API token not found.");
    if (token.revokedAt) return;
    await tx.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, actor, { action: "apitoken.revoke", entityType: "api_token", entityId: id, after: { name: token.name, prefix: token.prefix } });
  });
}

/**
 * The actor a bearer secret stands for, or null: unknown, revoked and expired
 * tokens, and tokens whose creator has been deactivated, all look the same
 * to the caller. The token acts with its own role, not its creator's.
 */
export async function actorForApiSecret(secret: string, meta: { ip?: string | null; userAgent?: string | null }, now = new Date()): Promise<(Actor & { tokenId: string }) | null> {
  if (!secret.startsWith(SECRET_PREFIX)) return null;
  const token = await db().apiToken.findUnique({ where: { tokenHash: hashApiSecret(secret) }, include: { createdBy: { select: { active: true } } } });
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now) || !token.createdBy.active || !isRole(token.role)) return null;
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db().apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
  }
  return {
    tokenId: token.id,
    id: token.createdById,
    email: `api-token:${token.prefix}`,
    name: `API token "${token.name}"`,
    role: token.role,
    permissions: (token.permissions as Permission[] | null) ?? undefined,
    ip: meta.ip ?? null,
    userAgent: meta.userAgent ?? null,
  };
}
