import { z } from "zod";
import { PERMISSIONS, permissionsOf, type Permission } from "@/lib/domain/accounts/permissions";
import { ROLES } from "@/lib/domain/accounts/roles";

export const API_TOKEN_EXPIRIES = ["30", "90", "365", "never"] as const;

const PERMISSION_NAMES = Object.keys(PERMISSIONS) as [Permission, ...Permission[]];

/** The admin's "New API token" form and the server action read the same schema. */
export const apiTokenCreateSchema = z
  .object({
    name: z.string().trim().min(1, "Give the token a name, e.g. the system that will use it.").max(80, "At most 80 characters."),
    role: z.enum(ROLES, { message: "Choose the role the token acts as." }),
    /** Empty: every permission of the role. Otherwise only these, each one the role has. */
    permissions: z.array(z.enum(PERMISSION_NAMES)).default([]),
    expires: z.enum(API_TOKEN_EXPIRIES, { message: "Choose when the token expires." }).default("90"),
  })
  .superRefine((input, ctx) => {
    const allowed = new Set(permissionsOf(input.role));
    const extra = input.permissions.filter((p) => !allowed.has(p));
    if (extra.length > 0) ctx.addIssue({ code: "custom", path: ["permissions"], message: `The ${input.role} role does not have ${extra.join(", ")}.` });
  });
export type ApiTokenCreateInput = z.input<typeof apiTokenCreateSchema>;

export const apiTokenRevokeSchema = z.object({ id: z.string().min(1) });
