// One line per legal audit event ("Incident notification SLA: hours 24 → 72"),
// so a reviewer sees why a sign-off became outdated without reading JSON.
// Pure: the audit event's action, before and after are all it needs.
import { formatMoney } from "@/lib/domain/money";
import { CLAUSE_CATALOGUE, catalogueEntry } from "./clause-catalogue";
import { CLAUSE_STATUS_LABELS, CONTRACT_TYPE_LABELS, TRANSFER_MECHANISM_LABELS, type ContractType, type TransferMechanism } from "./legal-vocabulary";

/** Audit actions of legal records (dossier-records.ts writes `dossier.<kind>.<verb>`). */
export const LEGAL_AUDIT_KINDS = ["contract", "clause", "dpa", "transfer", "subprocessor"] as const;
export const LEGAL_AUDIT_PREFIXES = LEGAL_AUDIT_KINDS.map((k) => `dossier.${k}.`);

export function isLegalChangeAction(action: string): boolean {
  return LEGAL_AUDIT_PREFIXES.some((p) => action.startsWith(p));
}

type Data = Record<string, unknown>;

const FIELD_LABELS: Record<string, string> = {
  presence: "presence",
  hours: "hours",
  days: "days' notice",
  months: "months",
  auditScope: "audit scope",
  reviewerNote: "note",
  citation: "citation",
  status: "status",
  type: "type",
  title: "title",
  effectiveDate: "effective date",
  termEnd: "term end",
  renewal: "renewal",
  noticePeriodDays: "notice period (days)",
  governingLaw: "governing law",
  evidenceId: "signed file",
  signedDate: "signed on",
  version: "version",
  contractId: "contract",
  mechanism: "mechanism",
  sccModule: "SCC module",
  tiaDate: "transfer impact assessment",
  note: "note",
  name: "name",
  service: "service",
  country: "country",
  dataCategories: "data categories",
  consented: "consented",
  notified: "notified",
};

function show(key: string, value: unknown): string {
  if (value === undefined || value === null || value === "") return "none";
  if (key === "presence" && typeof value === "string") return CLAUSE_STATUS_LABELS[value as keyof typeof CLAUSE_STATUS_LABELS] ?? value;
  if (key === "mechanism" && typeof value === "string") return TRANSFER_MECHANISM_LABELS[value as TransferMechanism] ?? value;
  if (key === "citation" && typeof value === "object") {
    const c = value as { section?: string; page?: number };
    return [c.section, c.page ? `p. ${c.page}` : undefined].filter(Boolean).join(", ") || "cited";
  }
  if (key === "reviewerNote" || key === "note") return "edited";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value)) return value.join(", ") || "none";
  return String(value);
}

/** "hours 24 → 72; note edited" for the fields that differ. */
export function describeFieldChanges(before: Data | undefined, after: Data | undefined): string[] {
  const b = before ?? {};
  const a = after ?? {};
  const out: string[] = [];
  const money = (d: Data) => (typeof d.amountMinor === "number" && typeof d.currency === "string" ? formatMoney(d.amountMinor, d.currency) : undefined);
  // A new record has no "before": list its values instead of "none → …".
  const created = before === undefined;
  if (money(b) !== money(a)) out.push(created ? `amount ${money(a)}` : `amount ${money(b) ?? "none"} → ${money(a) ?? "none"}`);
  for (const key of Object.keys(FIELD_LABELS)) {
    if (JSON.stringify(b[key]) === JSON.stringify(a[key])) continue;
    const label = FIELD_LABELS[key];
    if (key === "reviewerNote" || key === "note") out.push(`${label} ${a[key] === undefined ? "removed" : b[key] === undefined ? "added" : "edited"}`);
    else out.push(created ? `${label} ${show(key, a[key])}` : `${label} ${show(key, b[key])} → ${show(key, a[key])}`);
  }
  return out;
}

function subjectOf(kind: string, data: Data): string {
  switch (kind) {
    case "clause":
      return catalogueEntry(CLAUSE_CATALOGUE, String(data.clauseCode))?.title ?? `Clause ${String(data.clauseCode ?? "")}`;
    case "contract":
      return `Contract “${String(data.title ?? CONTRACT_TYPE_LABELS[data.type as ContractType] ?? "contract")}”`;
    case "dpa":
      return "DPA status";
    case "transfer":
      return `Transfer mechanism for ${String(data.country ?? "?")}`;
    case "subprocessor":
      return `Sub-processor “${String(data.name ?? "?")}”`;
    default:
      return kind;
  }
}

/** A sentence for one legal audit event, or null for any other event. */
export function describeLegalChange(event: { action: string; before?: unknown; after?: unknown }): string | null {
  if (!isLegalChangeAction(event.action)) return null;
  const [, kind = "", verb = ""] = event.action.split(".");
  const before = (event.before ?? undefined) as Data | undefined;
  const after = (event.after ?? undefined) as Data | undefined;
  const subject = subjectOf(kind, after ?? before ?? {});
  if (verb === "delete") return `${subject} removed`;
  if (verb === "create" && !before) {
    const details = kind === "clause" || kind === "dpa" || kind === "transfer" ? describeFieldChanges(undefined, after) : [];
    return details.length > 0 ? `${subject} recorded: ${details.join("; ")}` : `${subject} added`;
  }
  const changes = describeFieldChanges(before, after);
  return changes.length > 0 ? `${subject}: ${changes.join("; ")}` : `${subject} saved without changes`;
}
