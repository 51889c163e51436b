import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "@/lib/domain/accounts/roles";
import { can, PERMISSIONS, permissionsOf, type Permission } from "@/lib/server/permissions";

// The intended grants, written out by hand from docs/rules.md's roles. The test
// checks the table in both directions: every listed grant holds, and every
// permission not listed for a role is refused.
const EXPECTED: Record<Role, Permission[]> = {
  admin: [
    "vendor.read", "vendor.create", "vendor.update", "vendor.tier.override", "assurance.manage", "controls.manage",
    "evidence.upload", "evidence.read", "catalogue.manage", "user.manage", "apitoken.manage", "webhook.manage", "settings.read", "settings.manage", "auditlog.read",
    "legal.manage", "assessment.read", "assessment.create", "assessment.submit", "remediation.manage", "risk.accept", "pack.export",
    "account.password.change", "calendar.feed.manage", "notification.own",
  ],
  procurement: [
    "vendor.read", "vendor.create", "vendor.update", "vendor.tier.override", "evidence.upload", "evidence.read",
    "assessment.read", "assessment.create", "assessment.submit", "remediation.manage", "account.password.change",
    "calendar.feed.manage", "notification.own",
  ],
  legal: [
    "vendor.read", "evidence.upload", "evidence.read", "legal.manage", "legal.signoff", "assessment.read", "assessment.signoff.legal",
    "account.password.change", "calendar.feed.manage", "notification.own",
  ],
  security: [
    "vendor.read", "assurance.manage", "controls.manage", "evidence.upload", "evidence.read", "auditlog.read",
    "assessment.read", "assessment.signoff.security", "remediation.manage", "risk.accept", "pack.export", "account.password.change",
    "calendar.feed.manage", "notification.own",
  ],
  viewer: ["vendor.read", "evidence.read", "auditlog.read", "assessment.read", "account.password.change", "calendar.feed.manage", "notification.own"],
};

const ALL = Object.keys(PERMISSIONS) as Permission[];

describe("permission table", () => {
  for (const role of ROLES) {
    for (const permission of ALL) {
      const allowed = EXPECTED[role].includes(permission);
      it(`${role} ${allowed ? "may" : "may not"} ${permission}`, () => {
        expect(can(role, permission)).toBe(allowed);
      });
    }
    it(`${role} has exactly its expected permissions`, () => {
      expect(permissionsOf(role).sort()).toEqual([...EXPECTED[role]].sort());
    });
  }

  it("every permission in the table is granted to at least one role and only to known roles", () => {
    for (const permission of ALL) {
      const roles = PERMISSIONS[permission] as readonly string[];
      expect(roles.length).toBeGreaterThan(0);
      for (const r of roles) expect(ROLES).toContain(r);
    }
  });

  it("no role is granted anything when missing", () => {
    expect(can(undefined, "vendor.read")).toBe(false);
    expect(can(null, "vendor.read")).toBe(false);
  });

  it("the viewer cannot change anything but their own password, calendar feed and notifications", () => {
    const own = ["account.password.change", "calendar.feed.manage", "notification.own"];
    const mutating = ALL.filter((p) => !p.endsWith(".read") && !own.includes(p));
    for (const p of mutating) expect(can("viewer", p)).toBe(false);
  });
});
