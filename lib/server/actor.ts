import type { Role } from "@/lib/domain/accounts/roles";

/** Who is doing something, and from where: every service call carries one. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
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
