import type { Actor } from "../actor";
import { recordAudit } from "../audit";
import { requirePermission } from "../authorize";
import { db, type Tx } from "../db";
import { AppError, notFound, staleEdit } from "../errors";
import { hashPassword } from "../password";
import { parseInput } from "../validation";
import { firstAdminId, localPasswordDisabledIds } from "./local-password";
import { revokeUserSessions, type RevokeReason } from "./sessions";
import { changeRoleSchema, createUserSchema, forcePasswordResetSchema, setUserActiveSchema } from "@/lib/schemas/user";

type UserRow = { id: string; email: string; name: string; role: string; active: boolean; version: number; mustChangePassword: boolean };

// Never let a password hash reach an audit record or a page.
export function publicView(u: UserRow) {
  return { id: u.id, email: u.email, name: u.name, role: u.role, active: u.active, mustChangePassword: u.mustChangePassword, version: u.version };
}

export async function listUsers({ actor }: { actor: Actor }) {
  requirePermission(actor, "user.manage");
  const [users, passwordOff, firstAdmin] = await Promise.all([
    db().user.findMany({ orderBy: [{ active: "desc" }, { name: "asc" }] }),
    localPasswordDisabledIds(),
    firstAdminId(),
  ]);
  return users.map((u) => ({
    ...publicView(u),
    lastLoginAt: u.lastLoginAt,
    // The first admin's password always works, whatever is stored (lib/server/services/local-password.ts).
    localPasswordEnabled: u.id === firstAdmin || !passwordOff.has(u.id),
    isFirstAdmin: u.id === firstAdmin,
  }));
}

/** Active users to choose a vendor owner from (any signed-in role may see names). */
export async function listAssignableUsers({ actor }: { actor: Actor }) {
  requirePermission(actor, "vendor.read");
  return db().user.findMany({
    where: { active: true, role: { in: ["admin", "procurement", "legal", "security"] } },
    select: { id: true, name: true, role: true },
    orderBy: { name: "asc" },
  });
}

export async function createUser({ actor, input }: { actor: Actor; input: unknown }) {
  requirePermission(actor, "user.manage");
  const data = parseInput(createUserSchema, input);
  const passwordHash = await hashPassword(data.password);
  return db().$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: data.email } });
    if (existing) {
      throw new AppError("VALIDATION", "Check the highlighted field.", { email: "A user with this e-mail already exists" });
    }
    const user = await tx.user.create({
      data: { email: data.email, name: data.name, role: data.role, passwordHash, mustChangePassword: data.mustChangePassword ?? false },
    });
    await recordAudit(tx, actor, { action: "user.create", entityType: "user", entityId: user.id, after: publicView(user) });
    return publicView(user);
  });
}

export async function changeUserRole({ actor, input }: { actor: Actor; input: unknown }) {
  requirePermission(actor, "user.manage");
  const { userId, role, version } = parseInput(changeRoleSchema, input);
  return updateUser(actor, userId, version, { role }, "user.change_role", "role_changed");
}

export async function setUserActive({ actor, input }: { actor: Actor; input: unknown }) {
  requirePermission(actor, "user.manage");
  const { userId, active, version } = parseInput(setUserActiveSchema, input);
  return updateUser(actor, userId, version, { active }, active ? "user.reactivate" : "user.deactivate", active ? null : "deactivated");
}

/**
 * Instead of an admin choosing someone's password: the user must set a new
 * one at their next sign-in, and every session they have ends now.
 */
export async function forcePasswordReset({ actor, input }: { actor: Actor; input: unknown }) {
  requirePermission(actor, "user.manage");
  const { userId, version } = parseInput(forcePasswordResetSchema, input);
  return updateUser(actor, userId, version, { mustChangePassword: true }, "user.force_password_reset", "password_reset_forced");
}

async function updateUser(
  actor: Actor,
  userId: string,
  version: number,
  change: { role?: string; active?: boolean; mustChangePassword?: boolean },
  action: "user.change_role" | "user.deactivate" | "user.reactivate" | "user.force_password_reset",
  // A change of who someone is or may do ends their sessions at once, so no
  // browser keeps acting on the old grant (README.md, "Security defaults").
  revoke: RevokeReason | null,
) {
  return db().$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId } });
    if (!before) throw notFound("User not found.");
    const after = { role: change.role ?? before.role, active: change.active ?? before.active };
    const stopsBeingActiveAdmin = before.role === "admin" && before.active && (after.role !== "admin" || !after.active);
    if (stopsBeingActiveAdmin) await assertAnotherActiveAdmin(tx, userId);
    const { count } = await tx.user.updateMany({
      where: { id: userId, version },
      data: { ...change, version: { increment: 1 } },
    });
    if (count === 0) throw staleEdit("user");
    const updated = await tx.user.findUniqueOrThrow({ where: { id: userId } });
    const sessionsEnded = revoke ? await revokeUserSessions(tx, userId, revoke, new Date()) : 0;
    await recordAudit(tx, actor, {
      action,
      entityType: "user",
      entityId: userId,
      before: publicView(before),
      after: { ...publicView(updated), ...(sessionsEnded ? { sessionsEnded } : {}) },
    });
    return publicView(updated);
  });
}

async function assertAnotherActiveAdmin(tx: Tx, userId: string) {
  // Writing the settings row takes a row lock on PostgreSQL (SQLite serialises
  // writers anyway), so two admins demoting each other at the same moment
  // queue up and the second one sees the first change: no write skew.
  await tx.orgSettings.updateMany({ where: { id: 1 }, data: { version: { increment: 0 } } });
  const others = await tx.user.count({ where: { role: "admin", active: true, id: { not: userId } } });
  if (others === 0) {
    throw new AppError("INVALID_STATE", "This is the last active admin. Make another user an admin first.");
  }
}
