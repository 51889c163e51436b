import type { Permission } from "@/lib/domain/accounts/permissions";
import type { Role } from "@/lib/domain/accounts/roles";

/** Who is doing something, and from where: every service call carries one. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** An API token narrowed to some of its role's permissions carries them here (lib/server/api/README.md). */
  permissions?: readonly Permission[];
  ip?: string | null;
  userAgent?: string | null;
}

/** Seeds, migrations and CLI jobs act as the system, never as a real user. */
export const SYSTEM_ACTOR: Actor = {
  id: "system",
  email: "system@assay.local",
  name: "Assay system",
  role: "admin",
};
