import { z } from "zod";
import { ROLES } from "@/lib/domain/accounts/roles";
import { newPasswordField } from "./password";

export const createUserSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, "Enter an e-mail address").email("Enter a valid e-mail address").max(254),
  name: z.string().trim().min(1, "Enter the person's name").max(120),
  role: z.enum(ROLES, { message: "Choose a role" }),
  // An initial password: the admin should tick "must change" (mustChangePassword) so it is used once.
  password: newPasswordField(),
  mustChangePassword: z.boolean().optional(),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const changeRoleSchema = z.object({
  userId: z.string().min(1),
  role: z.enum(ROLES),
  version: z.number().int().positive(),
});

export const setUserActiveSchema = z.object({
  userId: z.string().min(1),
  active: z.boolean(),
  version: z.number().int().positive(),
});

/** An admin makes a user choose a new password at their next sign-in (and signs them out now). */
export const forcePasswordResetSchema = z.object({
  userId: z.string().min(1),
  version: z.number().int().positive(),
});
