// The one table of who may do what. Every server action, route handler and
// service checks a permission from here; the UI only uses it to hide what the
// server would refuse anyway. Least privilege: a role gets a permission only
// when its job (docs/rules.md) needs it. The table is pure data so that the
// navigation, the zod schemas and the server all read the same one.

import { ROLES, type Role } from "@/lib/domain/accounts/roles";

export type { Role };

const everyone: readonly Role[] = ROLES;

export const PERMISSIONS = {
  "vendor.read": everyone,
  "vendor.create": ["admin", "procurement"],
  // Procurement owns the profile, delivery sites and insurance (docs/rules.md, roles).
  "vendor.update": ["admin", "procurement"],
  "vendor.tier.override": ["admin", "procurement"],
  // Security owns assurance evidence, the control pack, KPIs, incidents and reviews.
  "assurance.manage": ["admin", "security"],
  "controls.manage": ["admin", "security"],
  "evidence.upload": ["admin", "procurement", "legal", "security"],
  // Auditors (viewer) must be able to read the evidence behind every finding.
  "evidence.read": everyone,
  "catalogue.manage": ["admin"],
  // Legal owns contracts, clauses, DPA, transfers and sub-processors; only a
  // legal user signs the legal review off (separation of duties).
  "legal.manage": ["admin", "legal"],
  "legal.signoff": ["legal"],
  // Assessments (docs/rules.md §9): procurement creates and submits; legal and
  // security each sign off their part; everyone reads, including the PDF.
  "assessment.read": everyone,
  "assessment.create": ["admin", "procurement"],
  "assessment.submit": ["admin", "procurement"],
  "assessment.signoff.legal": ["legal"],
  "assessment.signoff.security": ["security"],
  "remediation.manage": ["admin", "procurement", "security"],
  // Accepting a risk is a security decision (docs/assessments.md, "Risk acceptance").
  "risk.accept": ["admin", "security"],
  // Audit packs are what security hands an auditor.
  "pack.export": ["admin", "security"],
  "user.manage": ["admin"],
  // API tokens are credentials with a role of their own: only admins issue them.
  "apitoken.manage": ["admin"],
  // Webhooks send portfolio events to outside systems and make the server call out: admins only.
  "webhook.manage": ["admin"],
  "account.password.change": everyone,
  // Everyone reads the renewal calendar, so everyone may subscribe to it.
  "calendar.feed.manage": everyone,
  // Everyone reads and marks their own notifications and chooses whether to get the digest.
  "notification.own": everyone,
  "settings.read": ["admin"],
  "settings.manage": ["admin"],
  "auditlog.read": ["admin", "security", "viewer"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role | undefined | null, permission: Permission): boolean {
  if (!role) return false;
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(role, p));
}
