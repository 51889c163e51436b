import { randomBytes } from "node:crypto";
import type { Role } from "@/lib/domain/accounts/roles";
import type { Actor } from "@/lib/server/actor";
import type { PrismaClient } from "@/lib/server/db";
import { hashApiSecret } from "@/lib/server/services/api-tokens";

/**
 * An API token acting as `actor`: its role, and `actor` as its creator, so the
 * audit trail names that user (as it names a token's creator). Written
 * straight to the table: issuing tokens is tested through the service.
 */
export async function apiSecretFor(db: PrismaClient, actor: Actor, options: { permissions?: string[]; expiresAt?: Date } = {}): Promise<string> {
  const secret = `assay_${randomBytes(32).toString("base64url")}`;
  await db.apiToken.create({
    data: { name: `test ${actor.role}`, role: actor.role, prefix: secret.slice(0, 12), tokenHash: hashApiSecret(secret), createdById: actor.id, permissions: options.permissions, expiresAt: options.expiresAt },
  });
  return secret;
}

/** One token per role of `actors`, for requests built per caller. */
export async function apiSecretsByRole(db: PrismaClient, actors: Record<Role, Actor>): Promise<Record<Role, string>> {
  const entries = await Promise.all(Object.entries(actors).map(async ([role, actor]) => [role, await apiSecretFor(db, actor)] as const));
  return Object.fromEntries(entries) as Record<Role, string>;
}

export function apiRequest(url: string, secret: string | null, init: { method?: string; body?: unknown } = {}): Request {
  return new Request(new URL(url, "http://127.0.0.1"), {
    method: init.method ?? "GET",
    headers: { ...(secret ? { authorization: `Bearer ${secret}` } : {}), ...(init.body !== undefined ? { "content-type": "application/json" } : {}) },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });
}
