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
  { href: "/admin/settings", label: "Settings", permission: "settings.manage" },
  { href: "/admin/audit-chain", label: "Audit chain", permission: "settings.read" },
  { href: "/api-docs", label: "API reference", permission: "vendor.read" },
];

export function navigationFor(role: Role) {
  return NAV.filter((item) => can(role, item.permission)).map(({ href, label }) => ({ href, label }));
}
