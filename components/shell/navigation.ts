import type { Role } from "@/lib/domain/accounts/roles";
import { can, type Permission } from "@/lib/domain/accounts/permissions";

interface NavItem {
  href: string;
  label: string;
  permission: Permission;
}

// Navigation follows the permission table, so a role only sees what it may open.
const NAV: NavItem[] = [
  { href: "/dashboard", label: "Dashboard", permission: "vendor.read" },
  { href: "/vendors", label: "Vendors", permission: "vendor.read" },
  { href: "/calendar", label: "Calendar", permission: "vendor.read" },
  { href: "/procurement", label: "Procurement", permission: "assessment.create" },
  { href: "/legal", label: "Legal queue", permission: "legal.manage" },
  { href: "/audit-log", label: "Audit log", permission: "auditlog.read" },
  { href: "/audit-packs", label: "Audit packs", permission: "pack.export" },
  { href: "/admin/users", label: "Users", permission: "user.manage" },
  { href: "/admin/api-tokens", label: "API tokens", permission: "apitoken.manage" },
  { href: "/admin/webhooks", label: "Webhooks", permission: "webhook.manage" },
  { href: "/admin/settings", label: "Settings", permission: "settings.manage" },
  { href: "/admin/sso", label: "Single sign-on", permission: "settings.manage" },
  { href: "/admin/audit-chain", label: "Audit chain", permission: "settings.read" },
  { href: "/api-docs", label: "API reference", permission: "vendor.read" },
];

/** The role's own work queue (README, "Each role lands on its own queue"); admin and viewer land on the dashboard instead. */
export const QUEUE_OF_ROLE: Partial<Record<Role, string>> = {
  procurement: "/procurement",
  legal: "/legal",
  security: "/security",
};

export function navigationFor(role: Role) {
  const queue = QUEUE_OF_ROLE[role];
  const items = NAV.filter((item) => can(role, item.permission) && item.href !== queue).map(({ href, label }) => ({ href, label }));
  return queue ? [{ href: queue, label: "My queue" }, ...items] : items;
}
