// What the adversarial suite attacks, and what each endpoint must answer.
//
// The endpoints are enumerated from the source tree, like
// tests/integration/audit/every-mutation-audited.test.ts does: every module
// that starts with "use server" exports server actions, every app/**/route.ts
// exports route handlers, every app/**/page.tsx is a page. The table below
// says, for each, the zod schema its input is generated from, the permission
// it needs, and a probe input for the permission matrix. A new action, route
// or page without a row fails the suite ("add it to targets.ts").
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { auditLogFilterSchema } from "@/lib/schemas/audit-log";
import { createCalendarFeedSchema } from "@/lib/schemas/calendar";
import { packJobInputSchema, vendorPackQuerySchema } from "@/lib/schemas/audit-pack";
import { createAssessmentSchema, riskAcceptanceSchema, signOffSchema, submitAssessmentSchema, updateRemediationSchema } from "@/lib/schemas/assessment";
import { acceptAllProposalsInputSchema, clauseDecisionInputSchema, runClauseFinderInputSchema } from "@/lib/schemas/contract-analysis";
import { evidenceUploadInputSchema } from "@/lib/schemas/dossier";
import { LEGAL_RECORD_KINDS, RECORD_KINDS } from "@/lib/schemas/dossier-record-kinds";
import { legalSignOffInputSchema } from "@/lib/schemas/legal-review";
import { DEFAULT_SETTINGS, settingsSchema } from "@/lib/schemas/settings";
import { searchQuerySchema } from "@/lib/schemas/search";
import { signInSchema } from "@/lib/schemas/sign-in";
import { exportFormatSchema, importCommitSchema, importKindSchema, importUploadSchema } from "@/lib/schemas/spreadsheet-import";
import { markNotificationsReadSchema, notificationPreferencesSchema } from "@/lib/schemas/notifications";
import { organisationLogoSchema, organisationNameSchema } from "@/lib/schemas/organisation";
import { changeRoleSchema, createUserSchema, forcePasswordResetSchema, setUserActiveSchema } from "@/lib/schemas/user";
import { apiTokenCreateSchema, apiTokenRevokeSchema } from "@/lib/schemas/api-token";
import { setLocalPasswordSchema, ssoConfigSchema } from "@/lib/schemas/sso";
import { webhookCreateSchema, webhookIdSchema, webhookToggleSchema, webhookUpdateSchema } from "@/lib/schemas/webhook";
import { emptyVendorFields, tierOverrideActionSchema, vendorFieldsSchema, vendorListQuerySchema, vendorUpdateSchema } from "@/lib/schemas/vendor";
import type { Permission } from "@/lib/server/permissions";
import type { KnownIds } from "./db-probe";

export const ROOT = path.resolve(__dirname, "../../..");
const STALE = 999_999; // a lock version no row has: an allowed call is refused as a conflict and changes nothing

// ---------------------------------------------------------------- enumeration

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (!["node_modules", "generated", ".next"].includes(name)) out.push(...files(full));
    } else if (/\.(ts|tsx)$/.test(name) && !name.endsWith(".d.ts")) out.push(full);
  }
  return out;
}

const rel = (f: string) => path.relative(ROOT, f).split(path.sep).join("/");
const DIRECTIVE = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*(["'])use server\1/;
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/** "<file>#<export>" of every server action in the source tree. */
export function enumerateActions(): string[] {
  const out: string[] = [];
  for (const file of ["app", "components", "lib"].flatMap((d) => files(path.join(ROOT, d)))) {
    const text = readFileSync(file, "utf8");
    if (!DIRECTIVE.test(text)) continue;
    for (const m of text.matchAll(/^export\s+(?:async\s+)?function\s+(\w+)/gm)) out.push(`${rel(file)}#${m[1]}`);
    for (const m of text.matchAll(/^export\s+const\s+(\w+)/gm)) out.push(`${rel(file)}#${m[1]}`);
  }
  return out.sort();
}

/** "<METHOD> <file>" of every route handler. */
export function enumerateRoutes(): string[] {
  const out: string[] = [];
  for (const file of files(path.join(ROOT, "app")).filter((f) => /\/route\.tsx?$/.test(f))) {
    const text = readFileSync(file, "utf8");
    for (const method of HTTP_METHODS) {
      const exported = new RegExp(`export\\s+(?:async\\s+)?function\\s+${method}\\b|export\\s+const\\s+${method}\\b|export\\s*\\{[^}]*\\bas\\s+${method}\\b`).test(text);
      if (exported) out.push(`${method} ${rel(file)}`);
    }
  }
  return out.sort();
}

/** Every page file, and the permission it asks requirePageActor for (none: any signed-in user). */
export function enumeratePages(): { file: string; permission: Permission | null | "by-kind" }[] {
  return files(path.join(ROOT, "app"))
    .filter((f) => /\/page\.tsx$/.test(f))
    .map((f) => {
      const text = readFileSync(f, "utf8");
      const literal = /requirePageActor\(\s*"([\w.]+)"\s*\)/.exec(text)?.[1] as Permission | undefined;
      const byKind = /requirePageActor\(\s*RECORD_KINDS\[/.test(text);
      return { file: rel(f), permission: literal ?? (byKind ? ("by-kind" as const) : null) };
    })
    .sort((a, b) => a.file.localeCompare(b.file));
}

/** The URL of a page file, with its dynamic segments filled with real ids. */
export function pageUrl(file: string, k: KnownIds): string {
  const segments = file
    .replace(/^app\//, "")
    .replace(/\/?page\.tsx$/, "")
    .split("/")
    .filter((s) => s && !/^\(.*\)$/.test(s));
  const isAssessment = segments[0] === "assessments";
  const fill: Record<string, string> = {
    // The seed has no webhooks: an admin gets 404 for "none", anyone else is refused first.
    "[id]": isAssessment ? (k.assessments[0] ?? "none") : segments[1] === "webhooks" ? "none" : k.vendors[0]!,
    "[kind]": segments.includes("legal") ? "contract" : "soc2",
    "[recordId]": segments.includes("records") ? (k.soc2Records[0] ?? "none") : "none",
    "[key]": "new",
    "[analysisId]": k.analyses[0] ?? "none",
  };
  return "/" + segments.map((s) => fill[s] ?? s).join("/");
}

// ---------------------------------------------------------------- actions

export interface ActionTarget {
  /** Input generated for the fuzzer. */
  schema: z.ZodType;
  /** The permission the matrix expects; several = any of them. */
  permission: Permission | readonly Permission[];
  /** A well-formed call that an allowed role gets refused for a stale version or a missing row: it changes nothing. */
  probe(k: KnownIds): unknown;
}

const unionOf = (schemas: z.ZodType[]) => z.union(schemas as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]]);
const anyRecordData = unionOf(Object.values(RECORD_KINDS).map((r) => r.schema));
const legalRecordData = unionOf(Object.values(LEGAL_RECORD_KINDS).map((r) => r.schema));
const kinds = Object.keys(RECORD_KINDS) as [string, ...string[]];
const legalKinds = Object.keys(LEGAL_RECORD_KINDS) as [string, ...string[]];
const version = z.number().int().positive();

export const ACTIONS: Record<string, ActionTarget> = {
  "app/(app)/admin/api-tokens/actions.ts#createApiTokenAction": {
    schema: apiTokenCreateSchema,
    permission: "apitoken.manage",
    // A role cannot be narrowed to a permission it lacks: refused as invalid, nothing issued.
    probe: () => ({ name: "probe", role: "viewer", permissions: ["settings.manage"], expires: "30" }),
  },
  "app/(app)/admin/api-tokens/actions.ts#revokeApiTokenAction": {
    schema: apiTokenRevokeSchema,
    permission: "apitoken.manage",
    probe: () => ({ id: "no-such-token" }),
  },
  "app/(app)/admin/webhooks/actions.ts#createWebhookAction": {
    schema: webhookCreateSchema,
    permission: "webhook.manage",
    // A private address is refused next to the URL field: nothing is created.
    probe: () => ({ name: "probe", url: "https://10.0.0.1/hook", events: ["finding.opened"] }),
  },
  "app/(app)/admin/webhooks/actions.ts#updateWebhookAction": {
    schema: webhookUpdateSchema,
    permission: "webhook.manage",
    probe: () => ({ id: "no-such-webhook", version: STALE, name: "probe", url: "https://93.184.216.34/hook", events: ["finding.opened"] }),
  },
  "app/(app)/admin/webhooks/actions.ts#setWebhookEnabledAction": {
    schema: webhookToggleSchema,
    permission: "webhook.manage",
    probe: () => ({ id: "no-such-webhook", version: STALE, enabled: false }),
  },
  "app/(app)/admin/webhooks/actions.ts#rotateWebhookSecretAction": {
    schema: webhookIdSchema,
    permission: "webhook.manage",
    probe: () => ({ id: "no-such-webhook" }),
  },
  "app/(app)/admin/webhooks/actions.ts#deleteWebhookAction": {
    schema: webhookIdSchema,
    permission: "webhook.manage",
    probe: () => ({ id: "no-such-webhook" }),
  },
  "app/(app)/admin/webhooks/actions.ts#sendWebhookTestAction": {
    schema: webhookIdSchema,
    permission: "webhook.manage",
    probe: () => ({ id: "no-such-webhook" }),
  },
  "app/(app)/vendors/import/actions.ts#commitImportAction": {
    schema: importCommitSchema,
    // Either import permission lets a role look its previews up; an id that names none is refused as not found.
    permission: ["vendor.create", "assurance.manage"],
    probe: () => ({ importId: "no-such-import" }),
  },
  "app/(app)/admin/users/actions.ts#createUserAction": {
    schema: createUserSchema,
    permission: "user.manage",
    probe: () => ({ email: "admin@assay.demo", name: "Duplicate", role: "viewer", password: "a-long-enough-passphrase" }),
  },
  "app/(app)/admin/users/actions.ts#changeUserRoleAction": {
    schema: changeRoleSchema,
    permission: "user.manage",
    probe: (k) => ({ userId: k.users.find((u) => u.role === "viewer")!.id, role: "viewer", version: STALE }),
  },
  "app/(app)/admin/users/actions.ts#setUserActiveAction": {
    schema: setUserActiveSchema,
    permission: "user.manage",
    probe: (k) => ({ userId: k.users.find((u) => u.role === "viewer")!.id, active: true, version: STALE }),
  },
  "app/(app)/admin/users/actions.ts#forcePasswordResetAction": {
    schema: forcePasswordResetSchema,
    permission: "user.manage",
    probe: (k) => ({ userId: k.users.find((u) => u.role === "viewer")!.id, version: STALE }),
  },
  "app/(app)/admin/users/actions.ts#setLocalPasswordAction": {
    schema: setLocalPasswordSchema,
    permission: "user.manage",
    probe: () => ({ userId: "no-such-user", enabled: false }),
  },
  "app/(app)/admin/sso/actions.ts#saveSsoConfigAction": {
    schema: ssoConfigSchema,
    permission: "settings.manage",
    // A stale version is refused before the issuer is contacted: nothing saved, no outbound request.
    probe: () => ({
      enabled: false,
      displayName: "Probe",
      issuerUrl: "https://idp.invalid",
      clientId: "probe",
      clientSecret: "probe-secret",
      claimName: "groups",
      roleMappings: [],
      unmappedRole: "refuse",
      provisionUsers: false,
      version: STALE,
    }),
  },
  "app/(app)/admin/settings/organisation-actions.ts#updateOrganisationNameAction": {
    schema: organisationNameSchema,
    permission: "settings.manage",
    // Refused by the schema for an allowed role: changes nothing.
    probe: () => ({ name: "" }),
  },
  "app/(app)/admin/settings/organisation-actions.ts#uploadOrganisationLogoAction": {
    schema: organisationLogoSchema,
    permission: "settings.manage",
    // Not an image: refused by the content check, nothing stored.
    probe: () => ({ fileName: "logo.png", dataBase64: Buffer.from("not an image").toString("base64") }),
  },
  "app/(app)/admin/settings/organisation-actions.ts#removeOrganisationLogoAction": {
    schema: z.undefined(),
    permission: "settings.manage",
    // The seed sets no logo: removing none is refused and changes nothing.
    probe: () => undefined,
  },
  "app/account/password/actions.ts#changeOwnPasswordAction": {
    // Generated new passwords are always too short, so a call is refused by the schema before the
    // current password is checked: wrong guesses would count against this client's sign-in limits,
    // which the suite's own sign-ins share.
    schema: z.object({ currentPassword: z.string().max(40), newPassword: z.string().max(11), confirmPassword: z.string().max(11) }),
    permission: "account.password.change",
    probe: () => ({ currentPassword: "not-checked", newPassword: "short", confirmPassword: "short" }),
  },
  "app/(app)/calendar/actions.ts#createCalendarFeedAction": {
    schema: createCalendarFeedSchema,
    permission: "calendar.feed.manage",
    // An owner id the schema refuses: no feed is made.
    probe: () => ({ owner: "not an id!" }),
  },
  "app/(app)/calendar/actions.ts#revokeCalendarFeedAction": {
    schema: z.undefined(),
    permission: "calendar.feed.manage",
    // The suite's users have no feed: revoking none is refused and changes nothing.
    probe: () => undefined,
  },
  "app/(app)/notifications/actions.ts#markNotificationsReadAction": {
    schema: markNotificationsReadSchema,
    permission: "notification.own",
    // No ids and not "all": refused by the schema, nothing marked.
    probe: () => ({ ids: [] }),
  },
  "app/(app)/notifications/actions.ts#updateNotificationPreferencesAction": {
    schema: notificationPreferencesSchema,
    permission: "notification.own",
    // The choice is missing: refused by the schema, nothing saved.
    probe: () => ({}),
  },
  "app/(app)/admin/settings/actions.ts#updateSettingsAction": {
    schema: z.object({ version: z.number().int().nonnegative(), settings: settingsSchema }),
    permission: "settings.manage",
    probe: () => ({ version: STALE, settings: DEFAULT_SETTINGS }),
  },
  "app/(app)/vendors/actions.ts#createVendorAction": {
    schema: vendorFieldsSchema,
    permission: "vendor.create",
    probe: () => ({ ...emptyVendorFields }), // no name: refused as invalid by an allowed role
  },
  "app/(app)/vendors/actions.ts#updateVendorAction": {
    schema: vendorUpdateSchema,
    permission: "vendor.update",
    probe: (k) => ({ ...emptyVendorFields, name: "Probe", country: "US", id: k.vendors[0], version: STALE }),
  },
  "app/(app)/vendors/[id]/dossier-actions.ts#saveDossierRecordAction": {
    schema: z.object({ vendorId: z.string(), kind: z.enum(kinds), id: z.string().optional(), version: version.optional(), data: anyRecordData }),
    permission: "assurance.manage",
    probe: (k) => ({ vendorId: k.vendors[0], kind: "soc2", id: k.soc2Records[0], version: STALE, data: {} }),
  },
  "app/(app)/vendors/[id]/dossier-actions.ts#deleteDossierRecordAction": {
    schema: z.object({ vendorId: z.string(), kind: z.enum(kinds), id: z.string(), version }),
    permission: "assurance.manage",
    probe: (k) => ({ vendorId: k.vendors[0], kind: "soc2", id: k.soc2Records[0], version: STALE }),
  },
  "app/(app)/vendors/[id]/dossier-actions.ts#overrideTierAction": {
    schema: tierOverrideActionSchema,
    permission: "vendor.tier.override",
    probe: (k) => ({ vendorId: k.vendors[0], version: STALE, override: null }),
  },
  "app/(app)/vendors/[id]/legal-actions.ts#saveLegalRecordAction": {
    schema: z.object({ vendorId: z.string(), kind: z.enum(legalKinds), id: z.string().optional(), version: version.optional(), data: legalRecordData }),
    permission: "legal.manage",
    probe: (k) => ({ vendorId: k.vendors[0], kind: "contract", id: k.contractRecords[0], version: STALE, data: {} }),
  },
  "app/(app)/vendors/[id]/legal-actions.ts#deleteLegalRecordAction": {
    schema: z.object({ vendorId: z.string(), kind: z.enum(legalKinds), id: z.string(), version }),
    permission: "legal.manage",
    probe: (k) => ({ vendorId: k.vendors[0], kind: "contract", id: k.contractRecords[0], version: STALE }),
  },
  "app/(app)/vendors/[id]/legal-actions.ts#signOffLegalReviewAction": {
    schema: legalSignOffInputSchema,
    permission: "legal.signoff",
    probe: (k) => ({ vendorId: k.vendors[0], comment: "probe", legalRevision: STALE }),
  },
  "app/(app)/vendors/[id]/legal-actions.ts#runClauseFinderAction": {
    schema: runClauseFinderInputSchema,
    permission: "legal.manage",
    probe: (k) => ({ vendorId: k.vendors[0], documentId: "no-such-document" }),
  },
  "app/(app)/vendors/[id]/legal-actions.ts#decideClauseProposalAction": {
    schema: clauseDecisionInputSchema,
    permission: "legal.manage",
    probe: () => ({ decision: "reject", analysisId: "no-such-analysis", clauseCode: "liability_cap", expected: "pending" }),
  },
  "app/(app)/vendors/[id]/legal-actions.ts#acceptAllProposalsAction": {
    schema: acceptAllProposalsInputSchema,
    permission: "legal.manage",
    probe: () => ({ analysisId: "no-such-analysis", contractId: "no-such-contract", analysisVersion: STALE, checklistVersions: {} }),
  },
  "app/(app)/audit-packs/actions.ts#startPackJobAction": {
    schema: packJobInputSchema,
    permission: "pack.export",
    probe: () => ({ filter: { tier: "no-such-tier" }, pdfs: "latest" }), // an unknown tier is refused, no job starts
  },
  "app/(app)/assessments/actions.ts#createAssessmentAction": {
    schema: createAssessmentSchema,
    permission: "assessment.create",
    probe: () => ({ vendorId: "no-such-vendor" }),
  },
  "app/(app)/assessments/actions.ts#submitAssessmentAction": {
    schema: submitAssessmentSchema,
    permission: "assessment.submit",
    probe: (k) => ({ assessmentId: k.assessments[0] ?? "none", lockVersion: STALE }),
  },
  "app/(app)/assessments/actions.ts#signOffAssessmentAction": {
    schema: signOffSchema,
    permission: ["assessment.signoff.legal", "assessment.signoff.security"],
    probe: (k) => ({ assessmentId: k.assessments[0] ?? "none", lockVersion: STALE, decision: "approve", comment: "" }),
  },
  "app/(app)/assessments/risk-actions.ts#createRiskAcceptanceAction": {
    schema: riskAcceptanceSchema,
    permission: "risk.accept",
    probe: () => ({ assessmentId: "no-such-assessment", reason: "probe from the adversarial suite", findingKeys: ["none"], expiresOn: "2030-01-01" }),
  },
  "app/(app)/assessments/actions.ts#updateRemediationAction": {
    schema: updateRemediationSchema,
    permission: "remediation.manage",
    probe: (k) => ({ id: k.remediation[0] ?? "none", version: STALE, status: "open", dueDate: "2030-01-01" }),
  },
};

// ---------------------------------------------------------------- routes

export interface RouteTarget {
  method: "GET" | "POST" | "PATCH" | "PUT";
  /**
   * The REST API: a bearer token authenticates, a session cookie never does, so
   * every signed-in role is refused 401 here (cross-site requests riding a
   * session cannot reach it). Tokens of each role: tests/integration/api.
   */
  bearer?: true;
  /** Path with real ids (the matrix) or with a generated segment (the fuzzer). */
  path(k: KnownIds, segment?: string): string;
  /** Query parameters generated for the fuzzer. */
  query?: z.ZodType;
  /** null: public by design (next-auth's own endpoints). */
  permission: Permission | null;
  /** The status an allowed role gets for the matrix probe. */
  allowed: number;
  /** The body of a POST (the evidence upload). */
  body?: () => Buffer;
}

export const ROUTES: Record<string, RouteTarget> = {
  "GET app/api/evidence/[id]/route.ts": {
    method: "GET",
    path: (k, s) => `/api/evidence/${s ?? k.documents[0]}`,
    permission: "evidence.read",
    allowed: 200,
  },
  "POST app/api/vendors/[id]/evidence/route.ts": {
    method: "POST",
    path: (k, s) => `/api/vendors/${s ?? k.vendors[0]}/evidence`,
    query: evidenceUploadInputSchema,
    permission: "evidence.upload",
    // An empty file: refused as invalid by an allowed role, nothing stored.
    allowed: 400,
    body: () => Buffer.alloc(0),
  },
  "GET app/api/vendors/[id]/audit-pack/route.ts": {
    method: "GET",
    path: (k, s) => `/api/vendors/${s ?? "no-such-vendor"}/audit-pack`,
    query: vendorPackQuerySchema,
    permission: "pack.export",
    allowed: 404,
  },
  "GET app/api/audit-packs/[jobId]/route.ts": {
    method: "GET",
    path: (_k, s) => `/api/audit-packs/${s ?? "no-such-job"}`,
    permission: "pack.export",
    allowed: 404,
  },
  "GET app/api/audit-packs/[jobId]/download/route.ts": {
    method: "GET",
    path: (_k, s) => `/api/audit-packs/${s ?? "no-such-job"}/download`,
    permission: "pack.export",
    allowed: 404,
  },
  "GET app/api/audit-log/export/route.ts": {
    method: "GET",
    // A filter that matches nothing keeps the probe cheap however long the log grows.
    path: () => `/api/audit-log/export?format=csv&actor=no-such-actor&from=2000-01-01&to=2000-01-02`,
    query: auditLogFilterSchema.extend({ format: z.enum(["csv", "jsonl"]) }),
    permission: "auditlog.read",
    allowed: 200,
  },
  "GET app/(app)/assessments/[id]/report.pdf/route.ts": {
    method: "GET",
    path: (k, s) => `/assessments/${s ?? k.assessments[0] ?? "none"}/report.pdf`,
    permission: "assessment.read",
    allowed: 200,
  },
  "GET app/api/v1/vendors/route.ts": { method: "GET", path: () => "/api/v1/vendors?limit=5", permission: "vendor.read", allowed: 401, bearer: true },
  "POST app/api/v1/vendors/route.ts": { method: "POST", path: () => "/api/v1/vendors", permission: "vendor.create", allowed: 401, bearer: true },
  "GET app/api/v1/vendors/[id]/route.ts": { method: "GET", path: (k, s) => `/api/v1/vendors/${s ?? k.vendors[0]}`, permission: "vendor.read", allowed: 401, bearer: true },
  "PATCH app/api/v1/vendors/[id]/route.ts": { method: "PATCH", path: (k, s) => `/api/v1/vendors/${s ?? k.vendors[0]}`, permission: "vendor.update", allowed: 401, bearer: true },
  "GET app/api/v1/vendors/[id]/findings/route.ts": { method: "GET", path: (k, s) => `/api/v1/vendors/${s ?? k.vendors[0]}/findings`, permission: "vendor.read", allowed: 401, bearer: true },
  "GET app/api/v1/assessments/route.ts": { method: "GET", path: () => "/api/v1/assessments?limit=5", permission: "assessment.read", allowed: 401, bearer: true },
  "GET app/api/v1/vendors/[id]/assessments/route.ts": { method: "GET", path: (k, s) => `/api/v1/vendors/${s ?? k.vendors[0]}/assessments`, permission: "assessment.read", allowed: 401, bearer: true },
  "GET app/api/v1/assessments/[id]/route.ts": { method: "GET", path: (k, s) => `/api/v1/assessments/${s ?? k.assessments[0] ?? "none"}`, permission: "assessment.read", allowed: 401, bearer: true },
  "GET app/api/v1/vendors/[id]/evidence/route.ts": { method: "GET", path: (k, s) => `/api/v1/vendors/${s ?? k.vendors[0]}/evidence`, permission: "evidence.read", allowed: 401, bearer: true },
  "POST app/api/v1/vendors/[id]/evidence/route.ts": { method: "POST", path: (k, s) => `/api/v1/vendors/${s ?? k.vendors[0]}/evidence`, permission: "evidence.upload", allowed: 401, bearer: true, body: () => Buffer.alloc(0) },
  "GET app/api/v1/evidence/[id]/file/route.ts": { method: "GET", path: (k, s) => `/api/v1/evidence/${s ?? k.documents[0]}/file`, permission: "evidence.read", allowed: 401, bearer: true },
  "POST app/api/v1/audit-packs/route.ts": { method: "POST", path: () => "/api/v1/audit-packs", permission: "pack.export", allowed: 401, bearer: true },
  "GET app/api/v1/audit-packs/[id]/route.ts": { method: "GET", path: (_k, s) => `/api/v1/audit-packs/${s ?? "no-such-job"}`, permission: "pack.export", allowed: 401, bearer: true },
  "GET app/api/v1/audit-packs/[id]/archive/route.ts": { method: "GET", path: (_k, s) => `/api/v1/audit-packs/${s ?? "no-such-job"}/archive`, permission: "pack.export", allowed: 401, bearer: true },
  "GET app/api/v1/vendors/[id]/dossier/route.ts": { method: "GET", path: (k, s) => `/api/v1/vendors/${s ?? k.vendors[0]}/dossier`, permission: "pack.export", allowed: 401, bearer: true },
  "PUT app/api/v1/vendors/[id]/dossier/route.ts": { method: "PUT", path: (k, s) => `/api/v1/vendors/${s ?? k.vendors[0]}/dossier?version=${STALE}`, permission: "vendor.update", allowed: 401, bearer: true },
  "POST app/api/v1/dossiers/route.ts": { method: "POST", path: () => "/api/v1/dossiers", permission: "vendor.create", allowed: 401, bearer: true },
  "GET app/api/v1/assessments/[id]/report.pdf/route.ts": { method: "GET", path: (k, s) => `/api/v1/assessments/${s ?? k.assessments[0] ?? "none"}/report.pdf`, permission: "assessment.read", allowed: 401, bearer: true },
  "GET app/api/v1/openapi.json/route.ts": { method: "GET", path: () => "/api/v1/openapi.json", permission: null, allowed: 200 },
  // Authenticated by the random token in its path, not a session: a guessed token is a plain 404.
  "GET app/api/calendar/feed/[token]/route.ts": { method: "GET", path: (_k, s) => `/api/calendar/feed/${s ?? "no-such-token"}`, permission: null, allowed: 404 },
  "GET app/api/search/route.ts": {
    method: "GET",
    path: () => "/api/search?q=probe",
    query: searchQuerySchema,
    permission: "vendor.read",
    allowed: 200,
  },
  "POST app/api/imports/route.ts": {
    method: "POST",
    path: () => "/api/imports?kind=vendors",
    query: importUploadSchema,
    permission: "vendor.create",
    // An empty file: refused as invalid by an allowed role, nothing stored.
    allowed: 400,
    body: () => Buffer.alloc(0),
  },
  "GET app/api/imports/template/route.ts": {
    method: "GET",
    path: () => "/api/imports/template?kind=vendors&format=csv",
    query: z.object({ kind: importKindSchema, format: exportFormatSchema }),
    permission: "vendor.create",
    allowed: 200,
  },
  "GET app/api/exports/[kind]/route.ts": {
    method: "GET",
    // A search that matches nothing keeps the probe cheap.
    path: (_k, s) => `/api/exports/${s ?? "vendors"}?format=csv&q=no-such-vendor-probe`,
    query: vendorListQuerySchema.partial().extend({ format: exportFormatSchema }),
    permission: "vendor.read",
    allowed: 200,
  },
  "GET app/api/health/route.ts": { method: "GET", path: () => "/api/health", permission: null, allowed: 200 },
  "GET app/api/ready/route.ts": { method: "GET", path: () => "/api/ready", permission: null, allowed: 200 },
  "GET app/.well-known/assay-pack-signing-key.pem/route.ts": { method: "GET", path: () => "/.well-known/assay-pack-signing-key.pem", permission: null, allowed: 200 },
  "GET app/api/auth/[...nextauth]/route.ts": { method: "GET", path: () => "/api/auth/csrf", permission: null, allowed: 200 },
  // Single sign-on happens before there is a session. Unconfigured (as on this server), start
  // redirects back to the sign-in page; a callback without its browser's flow cookie is refused
  // with a redirect there too, and only the refusal is recorded.
  "GET app/api/sso/start/route.ts": { method: "GET", path: () => "/api/sso/start", permission: null, allowed: 303 },
  "GET app/api/sso/callback/route.ts": {
    method: "GET",
    path: () => "/api/sso/callback?code=probe&state=probe",
    query: z.object({ code: z.string(), state: z.string(), iss: z.string().optional() }),
    permission: null,
    allowed: 303,
  },
  "POST app/api/auth/[...nextauth]/route.ts": {
    method: "POST",
    path: () => "/api/auth/callback/credentials",
    query: signInSchema,
    permission: null,
    // next-auth answers a bad login with a redirect back to the sign-in page.
    allowed: 302,
  },
};
