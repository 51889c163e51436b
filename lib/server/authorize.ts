import type { Actor } from "./actor";
import { forbidden } from "./errors";
import { can, type Permission } from "./permissions";

/** Fail-closed permission check used at the top of every service function. */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) throw forbidden();
}
