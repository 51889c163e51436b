import type { AnyRecordKindKey } from "@/lib/schemas/dossier-record-kinds";
import { contractNoticeDeadline } from "@/lib/domain/legal/contract-dates";

// How each dossier record kind is stored: which Prisma model holds it and how
// the fields of its zod schema map to typed columns (prisma/schema.prisma,
// "the dossier"). The mapping is data, so reading and writing every kind goes
// through the same few functions in record-store.ts.
//
// Columns carry the field's own name unless `column` says otherwise. Field
// paths with a dot ("citation.contractId") are a nested object flattened into
// columns. A null column is an absent optional field, as zod's output has it.

export type ColumnCodec =
  /** Text, whole or decimal number, boolean: stored as is. */
  | "value"
  /** A short list kept as a Json array. */
  | "json"
  /** Integer minor units in a BigInt column; zod caps them at Number.MAX_SAFE_INTEGER. */
  | "money"
  /** An instant: ISO 8601 text in the record, DateTime in the column. */
  | "instant";

export interface ColumnSpec {
  field: string;
  column?: string;
  codec?: ColumnCodec;
}

/** A list field kept as rows of a join table, in order (ISO certificate → covered sites). */
export interface JoinListSpec {
  field: string;
  /** The relation on the record's model, and the join model's delegate. */
  relation: string;
  joinModel: string;
  /** Join-table columns: the record's id, the listed id, and the position. */
  ownerColumn: string;
  itemColumn: string;
}

export interface RecordTable {
  /** The Prisma client delegate (prisma/schema.prisma model, first letter lower-cased). */
  model: string;
  columns: readonly ColumnSpec[];
  joinList?: JoinListSpec;
  /** Columns computed from the record on every write, never read back into it. */
  derived?: (data: Record<string, unknown>) => Record<string, unknown>;
}

const value = (...fields: string[]): ColumnSpec[] => fields.map((field) => ({ field }));
const json = (...fields: string[]): ColumnSpec[] => fields.map((field) => ({ field, codec: "json" as const }));
const money = (...fields: string[]): ColumnSpec[] => fields.map((field) => ({ field, codec: "money" as const }));
const instant = (...fields: string[]): ColumnSpec[] => fields.map((field) => ({ field, codec: "instant" as const }));

export const RECORD_TABLES: Record<AnyRecordKindKey, RecordTable> = {
  site: { model: "deliverySite", columns: value("country", "city", "mode", "headcount", "edr", "vpn", "mfa", "vdi") },
  soc2: {
    model: "soc2Report",
    columns: [...value("type", "periodStart", "periodEnd", "issueDate", "auditor", "opinion", "exceptionCount", "bridgeLetterDate", "evidenceId"), ...json("carvedOutSubservices")],
  },
  iso: {
    model: "isoCertificate",
    columns: value("certificateNumber", "certificationBody", "accredited", "standardVersion", "issueDate", "expiryDate", "scopeText", "evidenceId"),
    joinList: { field: "coveredSiteIds", relation: "coveredSites", joinModel: "isoCertificateSite", ownerColumn: "certificateId", itemColumn: "siteId" },
  },
  pentest: { model: "pentest", columns: value("performedOn", "provider", "scope", "openCriticalHigh", "evidenceId") },
  security_policy: { model: "securityPolicy", columns: value("title", "approvedOn", "evidenceId") },
  ir_plan: { model: "incidentResponsePlan", columns: value("lastTestedOn", "evidenceId") },
  bcp: { model: "continuityPlan", columns: value("lastTestedOn", "evidenceId") },
  insurance: {
    model: "insurancePolicy",
    columns: [...value("carrier", "policyNumber", "currency", "expiryDate", "additionalInsured", "evidenceId"), ...money("perOccurrenceMinor", "aggregateMinor")],
  },
  control: { model: "controlAssessment", columns: value("code", "status", "note", "evidenceId") },
  kpi: {
    model: "kpiPeriod",
    columns: value("period", "phishingFailurePct", "escalationRatePct", "verificationBypassCount", "meanTimeToEscalateMinutes", "trainingCompletionPct", "privilegeReviewAgeDays"),
  },
  incident: { model: "incident", columns: [...instant("detectedAt", "notifiedAt"), ...value("severity", "summary", "personalDataInvolved")] },
  review: { model: "securityReview", columns: [...value("heldOn", "notes"), ...json("attendees", "followUps")] },
  contract: {
    model: "contract",
    columns: value("type", "title", "status", "effectiveDate", "termEnd", "renewal", "noticePeriodDays", "governingLaw", "evidenceId"),
    derived: (data) => ({ noticeDeadline: contractNoticeDeadline(data as { termEnd?: string; noticePeriodDays?: number }) ?? null }),
  },
  clause: {
    model: "clauseReview",
    columns: [
      ...value("clauseCode", "presence", "hours", "days", "months", "currency", "auditScope", "reviewerNote"),
      { field: "citation.contractId", column: "citationContractId" },
      { field: "citation.section", column: "citationSection" },
      { field: "citation.page", column: "citationPage" },
      ...money("amountMinor"),
    ],
  },
  // `version` is the DPA's own label; the row's `version` is its lock.
  dpa: { model: "dpaStatus", columns: [...value("status", "signedDate", "contractId"), { field: "version", column: "dpaVersion" }] },
  transfer: { model: "transferMechanism", columns: value("country", "mechanism", "sccModule", "tiaDate", "note") },
  subprocessor: { model: "subProcessor", columns: [...value("name", "service", "country", "consented", "notified"), ...json("dataCategories")] },
};

/**
 * The order kinds are written in, so every reference points at a row that is
 * already there (an ISO certificate lists sites; clause rows and the DPA cite
 * contracts). Deleting goes the other way round.
 */
export const KINDS_IN_WRITE_ORDER: readonly AnyRecordKindKey[] = [
  "site",
  "contract",
  "soc2",
  "iso",
  "pentest",
  "security_policy",
  "ir_plan",
  "bcp",
  "insurance",
  "control",
  "kpi",
  "incident",
  "review",
  "clause",
  "dpa",
  "transfer",
  "subprocessor",
];

export function columnName(spec: ColumnSpec): string {
  return spec.column ?? spec.field;
}

function readPath(data: Record<string, unknown>, path: string): unknown {
  let current: unknown = data;
  for (const key of path.split(".")) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function writePath(data: Record<string, unknown>, keys: readonly string[], value: unknown) {
  let target = data;
  for (const key of keys.slice(0, -1)) {
    target[key] ??= {};
    target = target[key] as Record<string, unknown>;
  }
  target[keys[keys.length - 1]!] = value;
}

function encode(codec: ColumnCodec, value: unknown): unknown {
  if (value === undefined || value === null) return codec === "json" ? [] : null;
  if (codec === "money") return BigInt(value as number);
  if (codec === "instant") return new Date(value as string);
  return value;
}

function decode(codec: ColumnCodec, value: unknown): unknown {
  if (codec === "money") return Number(value as bigint);
  if (codec === "instant") return (value as Date).toISOString();
  return value;
}

/** A validated record's fields as the columns of its model (join lists excluded). */
export function toColumns(table: RecordTable, data: Record<string, unknown>): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  for (const spec of table.columns) columns[columnName(spec)] = encode(spec.codec ?? "value", readPath(data, spec.field));
  return { ...columns, ...table.derived?.(data) };
}

interface ReadStep {
  column: string;
  codec: ColumnCodec;
  /** The field's path, split once: a portfolio load reads ~550,000 rows. */
  keys: readonly string[];
}

const readSteps = new WeakMap<RecordTable, readonly ReadStep[]>();

function readStepsOf(table: RecordTable): readonly ReadStep[] {
  let steps = readSteps.get(table);
  if (!steps) {
    steps = table.columns.map((spec) => ({ column: columnName(spec), codec: spec.codec ?? "value", keys: spec.field.split(".") }));
    readSteps.set(table, steps);
  }
  return steps;
}

/** A row of the model as the record its zod schema describes: null columns are absent fields. */
export function toData(table: RecordTable, row: Record<string, unknown>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const step of readStepsOf(table)) {
    const stored = row[step.column];
    if (stored === null || stored === undefined) continue;
    const value = step.codec === "value" ? stored : decode(step.codec, stored);
    if (step.keys.length === 1) data[step.keys[0]!] = value;
    else writePath(data, step.keys, value);
  }
  const list = table.joinList;
  if (list) data[list.field] = ((row[list.relation] ?? []) as Record<string, string>[]).map((item) => item[list.itemColumn]);
  return data;
}

/** The ids a record lists in its join list, in order. */
export function joinListItems(table: RecordTable, data: Record<string, unknown>): string[] {
  return table.joinList ? ((data[table.joinList.field] as string[] | undefined) ?? []) : [];
}
