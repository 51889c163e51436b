import { z } from "zod";
import { PDF_CHOICES, type PackVendorFilter } from "./audit-pack";
import { LEGAL_RECORD_KIND_KEYS, RECORD_KIND_KEYS, recordKindSpec, type AnyRecordKindKey } from "./dossier-record-kinds";
import { settingsSchema } from "./settings";
import { SSO_REFUSALS } from "./sso";

// The audit catalogue (docs/security.md, "Audit trail"): every action the app
// writes to the audit log, the entity type it names, a label for people, and
// the exact shape of its `before` / `after` payload. recordAudit
// (lib/server/audit.ts) takes only these actions, checks the payload against
// its schema before the event is hashed, and refuses anything else: the log
// holds what this file says and nothing more (no stray field such as a
// password hash can slip into a hash-chained, exported record).
//
// The schemas describe what callers pass. Dates may be given as Date objects:
// the event stores them as ISO strings (audit.ts serialises before hashing).
//
// Events written before this catalogue keep their stored form and still
// verify: the chain hashes the stored JSON, never this file.

const id = z.string().min(1);
const text = z.string();
const count = z.number().int().nonnegative();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, "a lower-case hex SHA-256");
/** A timestamp: a Date when written, its ISO string once stored. */
const instant = z.union([z.date(), z.iso.datetime()]);
/**
 * A calendar day "YYYY-MM-DD", by form only: whether it is a real date is the
 * business of the input schema that let it in (audit-log.ts, assessment.ts).
 * The catalogue must never be stricter than the inputs feeding it, or a valid
 * request would fail at the audit write.
 */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** Where a request came from (sign-in events carry it in the payload: there is no actor yet). */
const from = { ip: text.nullable(), userAgent: text.nullable() };

/** A value of a dossier record field: JSON, with dates allowed (stored as ISO strings) and undefined dropped. */
type RecordFieldValue = string | number | boolean | null | undefined | Date | RecordFieldValue[] | { [key: string]: RecordFieldValue };
const recordFieldValue: z.ZodType<RecordFieldValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.undefined(), z.date(), z.array(recordFieldValue), z.record(z.string(), recordFieldValue)]),
);
/**
 * A dossier record as saved. The record kind's own schema (dossier-record-kinds.ts)
 * checked it on the way in; an update's "before" may predate today's schema,
 * so the audit event takes the record's fields as they were, not a re-check.
 */
const recordFields = z.record(z.string(), recordFieldValue);
export type AuditRecordFields = z.input<typeof recordFields>;

const vendorView = z.strictObject({
  name: text,
  legalName: text,
  website: text.nullable(),
  country: text,
  services: z.array(text),
  industries: z.array(text),
  dataCategories: z.array(text),
  accessLevel: text,
  tier: text,
  computedTier: text,
  tierOverrideReason: text.nullable(),
  status: text,
  ownerId: text.nullable(),
  version: count,
});
const vendorTier = z.strictObject({ tier: text, computedTier: text, tierOverrideReason: text.nullable() });
const vendorTotals = z.strictObject({ name: text, tier: text, records: count, documents: count });

/** The SSO settings as audited: never the client secret, only whether it changed. */
const ssoConfigView = z.strictObject({
  enabled: z.boolean(),
  displayName: text,
  issuerUrl: text,
  clientId: text,
  claimName: text,
  roleMappings: z.array(z.strictObject({ value: text, role: text })),
  unmappedRole: text,
  provisionUsers: z.boolean(),
  clientSecretChanged: z.boolean(),
  version: count,
});
const webhookView = z.strictObject({
  name: text,
  url: text,
  events: z.array(text),
  secretPrefix: text,
  enabled: z.boolean(),
  disabledReason: text.nullable(),
  version: count,
});

const userView = z.strictObject({ id, email: text, name: text, role: text, active: z.boolean(), mustChangePassword: z.boolean(), version: count });
const userChange = { before: userView, after: userView.extend({ sessionsEnded: count.optional() }) };

const remediationView = z.strictObject({
  title: text,
  findingCode: text.nullable(),
  ownerId: text.nullable(),
  dueDate: text,
  status: text,
  closingEvidenceId: text.nullable(),
  closingNote: text.nullable(),
  version: count,
});

const logo = z.strictObject({ sha256, mimeType: text.nullable() });
const evidenceUpload = z.strictObject({ kind: text, fileName: text, sha256, sizeBytes: count, effectiveDate: text });
const stateOnly = z.strictObject({ state: text });
/** A new draft version and its score; the first version has no previous one. */
const draftScored = <P extends z.ZodType>(previousVersion: P) =>
  z.strictObject({
    version: count,
    previousVersion,
    state: z.literal("draft"),
    score: z.number(),
    rating: text,
    findings: count,
    nextDueAt: text.nullable(),
    nextDueBasis: text,
  });
const packFilter = z.custom<PackVendorFilter>((v) => typeof v === "object" && v !== null && !Array.isArray(v));
const auditLogFilter = z.strictObject({
  vendor: text.optional(),
  actor: text.optional(),
  action: text.optional(),
  from: day.optional(),
  to: day.optional(),
});
const clauseDecision = (state: "accepted" | "edited" | "rejected") =>
  z.strictObject({ clauseCode: text, decision: z.literal(state), documentId: id });

const calendarFeedFilters = z.strictObject({ owner: text.optional(), team: text.optional(), tier: text.optional(), kind: text.optional() });

/** A payload side that this action never writes. */
const absent = z.undefined();

interface Entry<E extends string, B extends z.ZodType, A extends z.ZodType> {
  /** What a person reading the log calls it. */
  label: string;
  /** The AuditEvent.entityType the action names. */
  entityType: E;
  before: B;
  after: A;
}

function entry<E extends string, B extends z.ZodType = typeof absent, A extends z.ZodType = typeof absent>(
  label: string,
  entityType: E,
  payload: { before?: B; after?: A } = {},
): Entry<E, B, A> {
  return { label, entityType, before: (payload.before ?? absent) as B, after: (payload.after ?? absent) as A };
}

const FIXED_ACTIONS = {
  "auth.sign_in": entry("Signed in", "user", { after: z.strictObject({ delayedMs: count }).optional() }),
  "auth.sign_in_failed": entry("Sign-in failed", "user", {
    after: z.strictObject({ email: text, ...from, reason: z.enum(["bad_credentials", "deactivated", "local_password_disabled"]) }),
  }),
  "auth.lockout": entry("Client locked out after failed sign-ins", "user", {
    after: z.strictObject({ email: text, ...from, reason: z.enum(["bad_credentials", "deactivated", "local_password_disabled"]), blocked: z.literal("client") }),
  }),
  "auth.sign_in_locked": entry("Sign-in refused: client locked out", "user", { after: z.strictObject({ email: text, ...from }) }),
  "auth.sign_out": entry("Signed out", "user"),
  "auth.sso_sign_in": entry("Signed in with single sign-on", "user", { after: z.strictObject({ issuer: text, subject: text }) }),
  "auth.sso_link": entry("Single sign-on identity linked", "user", {
    after: z.strictObject({ issuer: text, subject: text, by: z.enum(["verified_email", "provisioned"]) }),
  }),
  "auth.sso_sign_in_failed": entry("Single sign-on refused", "user", {
    after: z.strictObject({
      ...from,
      reason: z.enum(SSO_REFUSALS),
      issuer: text.nullable(),
      subject: text.nullable(),
      email: text.nullable(),
      detail: text.max(300).nullable(),
    }),
  }),
  "user.local_password_disable": entry("Local password switched off (single sign-on only)", "user"),
  "user.local_password_enable": entry("Local password switched back on", "user"),
  "sso.configure": entry("Single sign-on settings changed", "settings", { before: ssoConfigView.nullable(), after: ssoConfigView }),

  "apitoken.create": entry("API token created", "api_token", {
    after: z.strictObject({ name: text, prefix: text, role: text, permissions: z.array(text).nullable(), expiresAt: instant.nullable() }),
  }),
  "apitoken.revoke": entry("API token revoked", "api_token", { after: z.strictObject({ name: text, prefix: text }) }),

  // Webhook subscriptions (docs/webhooks.md): never the signing secret, only its first characters.
  "webhook.create": entry("Webhook created", "webhook", { after: webhookView }),
  "webhook.update": entry("Webhook events changed", "webhook", { before: webhookView, after: webhookView }),
  "webhook.disable": entry("Webhook disabled", "webhook", { before: webhookView, after: webhookView }),
  "webhook.enable": entry("Webhook enabled", "webhook", { before: webhookView, after: webhookView }),
  "webhook.rotate_secret": entry("Webhook signing secret rotated", "webhook", {
    before: z.strictObject({ secretPrefix: text }),
    after: z.strictObject({ secretPrefix: text }),
  }),
  "webhook.delete": entry("Webhook deleted", "webhook", { before: webhookView }),
  "webhook.send_test": entry("Webhook test event sent", "webhook", { after: z.strictObject({ eventId: text }) }),

  "user.create": entry("User created", "user", { after: userView }),
  "user.change_role": entry("User's role changed", "user", userChange),
  "user.deactivate": entry("User deactivated", "user", userChange),
  "user.reactivate": entry("User reactivated", "user", userChange),
  "user.force_password_reset": entry("Password reset forced", "user", userChange),
  "user.change_password": entry("Password changed", "user", {
    before: z.strictObject({ mustChangePassword: z.boolean() }),
    after: z.strictObject({ mustChangePassword: z.literal(false), sessionsEnded: count }),
  }),
  "user.change_password_failed": entry("Password change refused: wrong current password", "user", {
    after: z.strictObject({ reason: z.literal("wrong_current_password") }),
  }),

  "denied.permission": entry("Refused: missing permission", "permission", {
    after: z.strictObject({ permission: text, role: text, suppressedBefore: count.optional() }),
  }),
  "denied.upload": entry("Refused: upload", "vendor", {
    after: z.strictObject({ reason: text, message: text, declaredName: text.max(255), declaredSizeBytes: count.nullable().optional(), suppressedBefore: count.optional() }),
  }),

  "settings.update": entry("Settings changed", "settings", { before: settingsSchema, after: settingsSchema }),
  "organisation.rename": entry("Organisation renamed", "settings", { before: z.strictObject({ name: text }), after: z.strictObject({ name: text }) }),
  "organisation.logo_upload": entry("Organisation logo replaced", "settings", {
    before: logo.nullable(),
    after: z.strictObject({ sha256, mimeType: text, bytes: count, width: count, height: count, fileName: text.max(200) }),
  }),
  "organisation.logo_remove": entry("Organisation logo removed", "settings", { before: logo.nullable(), after: z.null() }),

  // A user's own notifications (docs/reminders.md): what they marked read, and whether they take the digest.
  "notification.mark_read": entry("Notifications marked read", "user", { after: z.strictObject({ marked: count, all: z.boolean() }) }),
  "notification.preferences": entry("Notification preferences changed", "user", {
    before: z.strictObject({ digestOptOut: z.boolean() }),
    after: z.strictObject({ digestOptOut: z.boolean() }),
  }),

  "vendor.create": entry("Vendor created", "vendor", { after: vendorView }),
  "vendor.update": entry("Vendor profile changed", "vendor", { before: vendorView, after: vendorView }),
  "vendor.tier_override": entry("Vendor tier overridden", "vendor", { before: vendorTier, after: vendorTier }),
  "vendor.tier_override_cleared": entry("Vendor tier override cleared", "vendor", { before: vendorTier, after: vendorTier }),
  "vendor.import": entry("Vendor imported from a dossier file", "vendor", {
    after: z.strictObject({ name: text, records: count, documents: count }),
  }),
  "vendor.replace_dossier": entry("Vendor's dossier replaced from a file", "vendor", { before: vendorTotals, after: vendorTotals }),
  "vendor.export_dossier": entry("Vendor's dossier exported", "vendor", { after: z.strictObject({ documents: count }) }),
  "import.preview": entry("Spreadsheet uploaded for import (preview)", "spreadsheet_import", {
    after: z.strictObject({ kind: text, fileName: text, format: text, sha256, rows: count, errors: count, creates: count, updates: count }),
  }),
  "import.commit": entry("Spreadsheet import committed", "spreadsheet_import", {
    after: z.strictObject({ kind: text, fileName: text, sha256, creates: count, updates: count }),
  }),
  "import.preview_expired": entry("Uncommitted import preview removed after a day", "spreadsheet_import", {
    after: z.strictObject({ kind: text, fileName: text, sha256, rows: count, previewedAt: instant }),
  }),
  "export.spreadsheet": entry("List exported as a spreadsheet", "spreadsheet_export", {
    after: z.strictObject({ kind: z.enum(["vendors", "findings", "calendar"]), format: z.enum(["csv", "xlsx"]), filter: z.record(z.string(), z.string()) }),
  }),
  "catalogue.import": entry("Controls added to the catalogue", "control_catalogue", { after: z.strictObject({ added: z.array(text) }) }),

  "evidence.upload": entry("Evidence uploaded", "evidence", { after: evidenceUpload }),
  "evidence.download": entry("Evidence downloaded", "evidence"),

  "assessment.create": entry("Assessment created", "assessment", { after: draftScored(z.null()) }),
  "assessment.rescore": entry("Assessment re-scored as a new version", "assessment", { after: draftScored(count) }),
  "assessment.submit": entry("Assessment submitted for review", "assessment", {
    before: stateOnly,
    after: z.strictObject({ state: text, version: count, comment: text.nullable() }),
  }),
  "assessment.sign_off": entry("Assessment signed off", "assessment", {
    before: stateOnly,
    after: z.strictObject({ role: text, decision: text, comment: text.nullable(), state: text, version: count, conditions: count }),
  }),
  "assessment.decide": entry("Assessment decided", "assessment", {
    before: z.strictObject({ state: text, vendorNextAssessmentDue: instant.nullable() }),
    after: z.strictObject({ state: text, version: count, vendorNextAssessmentDue: instant.nullable() }),
  }),
  "assessment.report.download": entry("Assessment PDF downloaded", "assessment", {
    after: z.strictObject({ version: count, fileName: text, bytes: count, sha256: sha256.optional(), generatedAt: z.iso.datetime() }),
  }),
  "risk_acceptance.create": entry("Risk accepted", "risk_acceptance", {
    after: z.strictObject({
      assessmentId: id,
      version: count,
      reason: text,
      expiresOn: day,
      findings: z.array(z.strictObject({ code: text, message: text, subject: z.object({ kind: text, id: text.optional(), label: text.optional() }) })),
    }),
  }),
  "remediation.create": entry("Remediation item created", "remediation", {
    after: z.strictObject({
      title: text,
      findingCode: text.nullable(),
      findingMessage: text.nullable(),
      findingSubject: text.nullable(),
      ownerId: text.nullable(),
      dueDate: text,
      status: text,
      assessmentId: id,
      fromSignOff: text,
    }),
  }),
  "remediation.update": entry("Remediation item changed", "remediation", { before: remediationView, after: remediationView }),

  "legal.signoff": entry("Legal review signed off", "legal_signoff", {
    after: z.strictObject({ legalRevision: count, comment: text.nullable(), legalBlockers: count }),
  }),
  "legal.clause_finder.run": entry("Clause finder run on a contract", "contract_analysis", {
    after: z.strictObject({ documentId: id, fileName: text, sha256, found: z.array(text), notFound: z.array(text), elapsedMs: z.number().nonnegative() }),
  }),
  "legal.clause_finder.accept": entry("Clause finder suggestion accepted", "contract_analysis", { after: clauseDecision("accepted") }),
  "legal.clause_finder.edit": entry("Clause finder suggestion edited and accepted", "contract_analysis", { after: clauseDecision("edited") }),
  "legal.clause_finder.reject": entry("Clause finder suggestion rejected", "contract_analysis", { after: clauseDecision("rejected") }),
  "legal.clause_finder.accept_all": entry("All clause finder suggestions accepted", "contract_analysis", {
    after: z.strictObject({ accepted: z.array(text), skipped: z.array(text), documentId: id }),
  }),

  "pack.export": entry("Audit pack downloaded", "vendor", {
    after: z.strictObject({ pdfs: z.enum(PDF_CHOICES), assessments: z.array(count), evidenceFiles: count, bulkJobId: id.optional() }),
  }),
  "pack.bulk_export": entry("Bulk audit pack export started", "pack_job", {
    after: z.strictObject({ filter: packFilter, pdfs: z.enum(PDF_CHOICES), vendors: count }),
  }),
  "pack.bulk_export.done": entry("Bulk audit pack export finished", "pack_job", { after: z.strictObject({ vendors: count, sha256, sizeBytes: count }) }),
  // `attempt` is absent on events written before exports were retried.
  "pack.bulk_export.failed": entry("Bulk audit pack export failed", "pack_job", { after: z.strictObject({ error: text, attempt: count.optional() }) }),
  "pack.bulk_export.interrupted": entry("Bulk audit pack export interrupted", "pack_job", { after: z.strictObject({ attempt: count, retried: z.boolean() }).optional() }),
  "pack.bulk_download": entry("Bulk audit pack archive downloaded", "pack_job", { after: z.strictObject({ sha256: sha256.nullable(), sizeBytes: count }) }),

  // The daily reminder run on the job queue (docs/reminders.md, "When it runs"); the entity is its UTC day.
  "reminders.run": entry("Daily reminder run finished", "reminder_run", {
    after: z.strictObject({ attempt: count, due: count, created: count, emailsSent: count, emailFailures: count }),
  }),
  "reminders.run.failed": entry("Daily reminder run failed", "reminder_run", { after: z.strictObject({ attempt: count, error: text, retried: z.boolean() }) }),

  "auditlog.export": entry("Audit log exported", "audit_log", {
    after: z.strictObject({ format: z.enum(["csv", "jsonl"]), filter: auditLogFilter }),
  }),
  // Personal iCalendar feeds (README.md, "Renewal calendar"): never the token itself, only its filters.
  "calendar_feed.create": entry("Calendar feed created", "calendar_feed", {
    after: z.strictObject({ filters: calendarFeedFilters, replacedFeeds: count }),
  }),
  "calendar_feed.revoke": entry("Calendar feed revoked", "calendar_feed", { before: z.strictObject({ createdAt: instant }) }),
  "seed.demo_data": entry("Demo data created", "system", { after: z.strictObject({ users: z.array(text), vendors: count }) }),
};

// Dossier records: one create/update/delete action per record kind, written
// by lib/server/services/dossier-records.ts as `dossier.<kind>.<verb>`.
const RECORD_VERBS = { create: "added", update: "changed", delete: "removed" } as const;
type RecordVerb = keyof typeof RECORD_VERBS;
export type DossierRecordAction = `dossier.${AnyRecordKindKey}.${RecordVerb}`;
type DossierRecordEntity = `dossier.${AnyRecordKindKey}`;

/** The action dossier-records.ts writes for `verb` on a record of `kind`. */
export function dossierRecordAction<K extends AnyRecordKindKey, V extends RecordVerb>(kind: K, verb: V): `dossier.${K}.${V}` {
  return `dossier.${kind}.${verb}`;
}

// A new record has no "before", a removed one no "after".
type RecordEntry<V extends RecordVerb> = Entry<
  DossierRecordEntity,
  V extends "create" ? typeof absent : typeof recordFields,
  V extends "delete" ? typeof absent : typeof recordFields
>;
const RECORD_PAYLOADS = {
  create: { after: recordFields },
  update: { before: recordFields, after: recordFields },
  delete: { before: recordFields },
};
type RecordEntries = { [A in DossierRecordAction]: A extends `dossier.${string}.${infer V extends RecordVerb}` ? RecordEntry<V> : never };
// Object.fromEntries forgets which key holds which verb's entry; RECORD_PAYLOADS is that link.
const RECORD_ACTIONS = Object.fromEntries(
  [...RECORD_KIND_KEYS, ...LEGAL_RECORD_KIND_KEYS].flatMap((kind) =>
    (Object.keys(RECORD_VERBS) as RecordVerb[]).map((verb) => [
      dossierRecordAction(kind, verb),
      entry(`${recordKindSpec(kind).label} ${RECORD_VERBS[verb]}`, `dossier.${kind}`, RECORD_PAYLOADS[verb]),
    ]),
  ),
) as unknown as RecordEntries;

type FixedAction = keyof typeof FIXED_ACTIONS;
export type AuditAction = FixedAction | DossierRecordAction;

/** Every audit action, its label, entity type and payload schemas. */
export const AUDIT_CATALOGUE: { [A in FixedAction]: (typeof FIXED_ACTIONS)[A] } & RecordEntries = { ...FIXED_ACTIONS, ...RECORD_ACTIONS };

export const AUDIT_ACTIONS = Object.keys(AUDIT_CATALOGUE).sort() as AuditAction[];
export const auditActionSchema = z.enum(AUDIT_ACTIONS as [AuditAction, ...AuditAction[]]);

type CatalogueEntry<A extends AuditAction> = (typeof AUDIT_CATALOGUE)[A];

/** The entity type an action names. */
export type AuditEntityType<A extends AuditAction> = CatalogueEntry<A>["entityType"];

/**
 * What a caller of recordAudit passes for `action`: `before` and `after`,
 * each required unless the action never writes it (or writes it only sometimes).
 */
export type AuditPayload<A extends AuditAction> = OptionalIfUndefined<{ before: AuditPayloadSide<A, "before">; after: AuditPayloadSide<A, "after"> }>;

/** One side of an action's payload as callers pass it (undefined where the action does not write it). */
export type AuditPayloadSide<A extends AuditAction, S extends "before" | "after"> = z.input<CatalogueEntry<A>[S]>;

type OptionalIfUndefined<T> = { [K in keyof T as undefined extends T[K] ? K : never]?: T[K] } & { [K in keyof T as undefined extends T[K] ? never : K]: T[K] };

export function isAuditAction(value: unknown): value is AuditAction {
  return auditActionSchema.safeParse(value).success;
}

/** The label people read for an action; an action no longer written (older events) shows as itself. */
export function auditActionLabel(action: string): string {
  return isAuditAction(action) ? AUDIT_CATALOGUE[action].label : action;
}

export class AuditPayloadError extends Error {
  constructor(
    readonly action: string,
    readonly issues: string,
  ) {
    super(`Audit event "${action}" does not match the audit catalogue (lib/schemas/audit-actions.ts): ${issues}`);
    this.name = "AuditPayloadError";
  }
}

/**
 * Checks an event against the catalogue: a known action, its entity type,
 * and a before/after of the catalogued shape. Throws AuditPayloadError (a
 * programming error, never user input) otherwise.
 */
export function assertAuditEvent(event: { action: unknown; entityType: unknown; before?: unknown; after?: unknown }): void {
  if (!isAuditAction(event.action)) throw new AuditPayloadError(String(event.action), "unknown action");
  const spec: Entry<string, z.ZodType, z.ZodType> = AUDIT_CATALOGUE[event.action];
  if (event.entityType !== spec.entityType) throw new AuditPayloadError(event.action, `entity type "${String(event.entityType)}", expected "${spec.entityType}"`);
  for (const side of ["before", "after"] as const) {
    const result = spec[side].safeParse(event[side]);
    if (!result.success) throw new AuditPayloadError(event.action, `${side}: ${z.prettifyError(result.error)}`);
  }
}

/** Names people read for the first segment of an action ("vendor.update" → Vendors). */
const GROUP_LABELS: Record<string, string> = {
  auth: "Sign-in",
  user: "Users",
  denied: "Denied attempts",
  settings: "Settings",
  organisation: "Organisation",
  vendor: "Vendors",
  catalogue: "Control catalogue",
  import: "Spreadsheet import",
  export: "Exports",
  dossier: "Dossier records",
  evidence: "Evidence",
  assessment: "Assessments",
  risk_acceptance: "Risk acceptances",
  remediation: "Remediation",
  legal: "Legal",
  pack: "Audit packs",
  auditlog: "Audit log",
  seed: "Demo data",
};

export interface AuditActionGroup {
  /** The filter value selecting the whole group ("vendor.*"). */
  value: `${string}.*`;
  label: string;
  /** Catalogue actions (and, on the page, a narrower "<prefix>.*" typed into the URL). */
  actions: { value: string; label: string }[];
}

/** The catalogue grouped by first segment, for the audit log's action filter. */
export function auditActionGroups(): AuditActionGroup[] {
  const groups = new Map<string, AuditActionGroup>();
  for (const action of AUDIT_ACTIONS) {
    const prefix = action.slice(0, action.indexOf("."));
    const group = groups.get(prefix) ?? { value: `${prefix}.*` as const, label: GROUP_LABELS[prefix] ?? prefix, actions: [] };
    group.actions.push({ value: action, label: AUDIT_CATALOGUE[action].label });
    groups.set(prefix, group);
  }
  return [...groups.values()].sort((a, b) => a.label.localeCompare(b.label));
}

/**
 * A filter on actions: one catalogue action, or "<prefix>.*" for every action
 * under a prefix that the catalogue has ("vendor.*", "dossier.contract.*").
 */
export function isAuditActionFilter(value: string): boolean {
  if (!value.endsWith(".*")) return isAuditAction(value);
  const prefix = value.slice(0, -1);
  return prefix.length > 1 && AUDIT_ACTIONS.some((a) => a.startsWith(prefix));
}
