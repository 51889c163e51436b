// The five roles of docs/rules.md ("Who uses it and for what").
export const ROLES = ["admin", "procurement", "legal", "security", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  procurement: "Procurement",
  legal: "Legal",
  security: "Security",
  viewer: "Viewer / auditor",
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
