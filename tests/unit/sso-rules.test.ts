import { describe, expect, it } from "vitest";
import { claimAt, claimValues, isAllowedIssuerUrl, roleFromClaim, type RoleMapping } from "@/lib/domain/accounts/sso";
import { ssoConfigSchema } from "@/lib/schemas/sso";

const MAPPINGS: RoleMapping[] = [
  { value: "assay-admins", role: "admin" },
  { value: "assay-security", role: "security" },
  { value: "assay-legal", role: "legal" },
];

describe("roleFromClaim", () => {
  it.each([
    { claim: ["staff", "assay-legal"], unmapped: "refuse", role: "legal" },
    // The admin's order decides between two matching groups, not the claim's.
    { claim: ["assay-legal", "assay-security"], unmapped: "refuse", role: "security" },
    { claim: "assay-admins", unmapped: "refuse", role: "admin" },
    { claim: ["staff"], unmapped: "refuse", role: null },
    { claim: ["staff"], unmapped: "viewer", role: "viewer" },
    { claim: undefined, unmapped: "refuse", role: null },
    { claim: undefined, unmapped: "viewer", role: "viewer" },
    // Not a string or a list of strings: no value at all, never a match by coercion.
    { claim: { "assay-admins": true }, unmapped: "refuse", role: null },
    { claim: [["assay-admins"]], unmapped: "refuse", role: null },
    // Exact match only: case and whitespace are the provider's.
    { claim: ["Assay-Admins", " assay-admins"], unmapped: "refuse", role: null },
  ] as const)("$claim with unmapped=$unmapped → $role", ({ claim, unmapped, role }) => {
    expect(roleFromClaim(claim, MAPPINGS, unmapped)).toBe(role);
  });

  it("reads a list's strings only", () => {
    expect(claimValues(["a", 1, null, "b"])).toEqual(["a", "b"]);
  });
});

describe("claimAt", () => {
  const claims = { groups: ["a"], "urn:groups": ["b"], "x.y": ["c"], realm_access: { roles: ["d"] }, list: [{ roles: ["e"] }] };
  it.each([
    ["groups", ["a"]],
    ["urn:groups", ["b"]],
    // An exact top-level name wins over a path.
    ["x.y", ["c"]],
    ["realm_access.roles", ["d"]],
    ["realm_access.missing", undefined],
    ["list.0.roles", undefined],
    ["groups.length", undefined],
    ["constructor", undefined],
    ["__proto__.toString", undefined],
  ])("%s → %j", (name, value) => {
    expect(claimAt(claims, name)).toEqual(value);
  });
});

describe("isAllowedIssuerUrl", () => {
  it.each([
    ["https://login.example.com", true],
    ["https://login.example.com/realms/assay/", true],
    ["http://127.0.0.1:8080", true],
    ["http://localhost:9000/oidc", true],
    ["http://[::1]:9000", true],
    ["http://login.example.com", false],
    ["http://127.0.0.1.example.com", false],
    ["http://10.0.0.5", false],
    ["https://user:pass@login.example.com", false],
    ["https://login.example.com/?tenant=1", false],
    ["https://login.example.com/#x", false],
    ["ftp://login.example.com", false],
    ["javascript:alert(1)", false],
    ["not a url", false],
  ])("%s → %s", (url, allowed) => {
    expect(isAllowedIssuerUrl(url)).toBe(allowed);
  });
});

describe("ssoConfigSchema", () => {
  const valid = {
    enabled: true,
    displayName: "Okta",
    issuerUrl: "https://login.example.com",
    clientId: "assay",
    clientSecret: "",
    claimName: "groups",
    roleMappings: [{ value: "assay-legal", role: "legal" }],
    unmappedRole: "refuse",
    provisionUsers: false,
    version: 0,
  };

  it("accepts a valid configuration", () => {
    expect(ssoConfigSchema.safeParse(valid).success).toBe(true);
  });

  it("puts a repeated claim value's error on the repeat", () => {
    const result = ssoConfigSchema.safeParse({ ...valid, roleMappings: [...valid.roleMappings, { value: "assay-legal", role: "admin" }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["roleMappings.1.value"]);
  });

  it.each([
    ["issuerUrl", "http://login.example.com"],
    ["claimName", "groups claim"],
    ["unmappedRole", "superuser"],
    ["displayName", ""],
  ])("refuses a bad %s next to the field", (field, value) => {
    const result = ssoConfigSchema.safeParse({ ...valid, [field]: value });
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual([field]);
  });
});
