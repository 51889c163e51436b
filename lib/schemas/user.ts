import { z } from "zod";
import { ROLES } from "@/lib/domain/roles";

const MIN_PASSWORD = 12;

export const createUserSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, "Enter an e-mail address").email("Enter a valid e-mail address").max(254),
  name: z.string().trim().min(1, "Enter the person's name").max(120),
  role: z.enum(ROLES, { message: "Choose a role" }),
  password: z
    .string()
    .min(MIN_PASSWORD, `Use at least ${MIN_PASSWORD} characters`)
    .max(256, "Use at most 256 characters"),
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
