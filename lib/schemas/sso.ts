import { z } from "zod";
import { ROLES } from "@/lib/domain/accounts/roles";
import { isAllowedIssuerUrl } from "@/lib/domain/accounts/sso";

// The single sign-on settings, one schema for the admin form and the service
// (lib/server/services/sso-config.ts). README.md, "Single sign-on".

export const UNMAPPED_ROLE_CHOICES = ["refuse", ...ROLES] as const;

const roleMappingSchema = z.object({
  value: z.string().trim().min(1, "Enter the claim value, e.g. a group name").max(200),
  role: z.enum(ROLES, { message: "Choose a role" }),
});

export const ssoConfigSchema = z
  .object({
    enabled: z.boolean(),
    displayName: z.string().trim().min(1, "Enter the name on the sign-in button, e.g. Okta").max(60, "At most 60 characters"),
    issuerUrl: z
      .string()
      .trim()
      .min(1, "Enter the issuer URL")
      .max(500)
      .refine(isAllowedIssuerUrl, "Enter an https:// issuer URL without query or fragment (plain http only on loopback, for testing)"),
    clientId: z.string().trim().min(1, "Enter the client id").max(200),
    // Write-only: empty keeps the stored secret. The page never receives it back.
    clientSecret: z.string().max(500, "At most 500 characters"),
    claimName: z
      .string()
      .trim()
      .min(1, "Enter the claim that lists the user's groups, e.g. groups")
      .max(100)
      .regex(/^[A-Za-z0-9_:./-]+$/, "Letters, digits and _ : . / - only"),
    roleMappings: z.array(roleMappingSchema).max(50, "At most 50 mappings"),
    unmappedRole: z.enum(UNMAPPED_ROLE_CHOICES, { message: "Choose what happens to unmapped users" }),
    provisionUsers: z.boolean(),
    /** 0 before the first save. */
    version: z.number().int().nonnegative(),
  })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.roleMappings.forEach((m, i) => {
      if (seen.has(m.value)) ctx.addIssue({ code: "custom", path: ["roleMappings", i, "value"], message: "This value is already mapped above" });
      seen.add(m.value);
    });
  });
export type SsoConfigInput = z.input<typeof ssoConfigSchema>;

/** An admin switches a user's local password off (SSO only) or back on. */
export const setLocalPasswordSchema = z.object({
  userId: z.string().min(1),
  enabled: z.boolean(),
});

/**
 * Why an SSO sign-in was refused: the audit log records it, the sign-in page
 * maps it to a message (components/auth/sso-sign-in.tsx) that names no account.
 */
export const SSO_REFUSALS = [
  "not_configured",
  "client_blocked",
  "flow_missing",
  "state_mismatch",
  "nonce_mismatch",
  "provider_error",
  "token_invalid",
  "no_account",
  "email_unverified",
  "deactivated",
  "no_role",
  "last_admin",
] as const;
export type SsoRefusal = (typeof SSO_REFUSALS)[number];
