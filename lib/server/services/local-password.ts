import type { Actor } from "../actor";
import { recordAudit } from "../audit";
import { requirePermission } from "../authorize";
import { db, type Tx } from "../db";
import { AppError, notFound } from "../errors";
import { parseInput } from "../validation";
import { setLocalPasswordSchema } from "@/lib/schemas/sso";

// Per-user switch for the local (e-mail and password) sign-in, for people who
// should come in through single sign-on only (README.md, "Single sign-on").
// The first admin always keeps it: the way in when the provider is down or
// misconfigured (docs/security.md, "Single sign-on").

/**
 * The first admin: the earliest-created active admin. Computed, not stored,
 * so the fallback moves to the next admin if the first one is deactivated or
 * demoted.
 */
export async function firstAdminId(client: Tx | ReturnType<typeof db> = db()): Promise<string | null> {
  const first = await client.user.findFirst({ where: { role: "admin", active: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } });
  return first?.id ?? null;
}

/** Whether this user may sign in with their password (the first admin always may). */
export async function localPasswordAllowed(userId: string): Promise<boolean> {
  const disabled = await db().localPasswordDisabled.findUnique({ where: { userId } });
  if (!disabled) return true;
  return (await firstAdminId()) === userId;
}

/** Users whose local password is off, for the users page. */
export async function localPasswordDisabledIds(): Promise<Set<string>> {
  const rows = await db().localPasswordDisabled.findMany({ select: { userId: true } });
  return new Set(rows.map((r) => r.userId));
}

export async function setLocalPassword({ actor, input }: { actor: Actor; input: unknown }) {
  requirePermission(actor, "user.manage");
  const { userId, enabled } = parseInput(setLocalPasswordSchema, input);
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!user) throw notFound("User not found.");
    if (enabled) {
      const { count } = await tx.localPasswordDisabled.deleteMany({ where: { userId } });
      if (count) await recordAudit(tx, actor, { action: "user.local_password_enable", entityType: "user", entityId: userId });
      return { id: userId, localPasswordEnabled: true };
    }
    // The same row lock as the last-admin check (lib/server/services/users.ts):
    // two admins changing admins at once queue up, so neither misses the other.
    await tx.orgSettings.updateMany({ where: { id: 1 }, data: { version: { increment: 0 } } });
    if ((await firstAdminId(tx)) === userId) {
      throw new AppError("INVALID_STATE", "The first admin always keeps a local password, as the way in when single sign-on fails.");
    }
    const existing = await tx.localPasswordDisabled.findUnique({ where: { userId } });
    if (!existing) {
      await tx.localPasswordDisabled.create({ data: { userId, disabledAt: new Date() } });
      await recordAudit(tx, actor, { action: "user.local_password_disable", entityType: "user", entityId: userId });
    }
    return { id: userId, localPasswordEnabled: false };
  });
}
