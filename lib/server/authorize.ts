import type { Actor } from "./actor";
import { noteDenial } from "./denials";
import { forbidden } from "./errors";
import { can, type Permission } from "./permissions";

/**
 * Fail-closed permission check used at the top of every service function.
 * A refusal is recorded (throttled, outside the caller's transaction: see denials.ts).
 */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (can(actor.role, permission) && (!actor.permissions || actor.permissions.includes(permission))) return;
  notePermissionDenied(actor, permission);
  throw forbidden();
}

export function notePermissionDenied(actor: Actor, permission: Permission): void {
  noteDenial(actor, { action: "denied.permission", entityType: "permission", entityId: permission, details: { permission, role: actor.role } });
}
