import type { Role } from "@/lib/domain/roles";
import { can, type Permission } from "@/lib/server/permissions";

interface NavItem {
  href: string;
  label: string;
  permission: Permission;
}

// Navigation follows the permission table, so a role only sees what it may open.
const NAV: NavItem[] = [
  { href: "/vendors", label: "Vendors", permission: "vendor.read" },
  { href: "/admin/users", label: "Users", permission: "user.manage" },
];

export function navigationFor(role: Role) {
  return NAV.filter((item) => can(role, item.permission)).map(({ href, label }) => ({ href, label }));
}
