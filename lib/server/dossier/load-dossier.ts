import { findingsFor, sortFindings } from "@/lib/domain/findings";
import { OPEN_REMEDIATION_STATUSES, remediationFindings, type RemediationLike } from "@/lib/domain/remediation";
import { riskAcceptanceFindings, type AcceptedFinding, type RiskAcceptanceLike } from "@/lib/domain/risk-acceptance";
import type { Finding } from "@/lib/domain/finding";
import { legalContextFor } from "@/lib/domain/legal/legal-context";
import { legalFindingsFor } from "@/lib/domain/legal/legal-findings";
import { summariseVendor } from "@/lib/domain/vendor-summary";
import type { Tier } from "@/lib/domain/vocabulary";
import type { Dossier } from "@/lib/schemas/dossier";
import type { ControlCatalogueEntry } from "@/lib/schemas/control-catalogue";
import type { Settings } from "@/lib/schemas/settings";
import { SYSTEM_ACTOR } from "../actor";
import { db, type Tx } from "../db";
import { loadSettings } from "../services/settings";
import { assembleDossier } from "./assemble-dossier";
import { listRecords } from "./record-store";

export async function loadCatalogue(client: Tx = db()): Promise<ControlCatalogueEntry[]> {
  const rows = await client.controlDefinition.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }] });
  return rows.map(({ code, domain, title, description, importance, source }) => ({
    code,
    domain,
    title,
    description,
    importance,
    ...(source ? { source } : {}),
  })) as ControlCatalogueEntry[];
}

/** The vendor's dossier as the domain layer sees it, plus each record's version for editing. */
export async function loadDossier(client: Tx, vendorId: string, catalogue?: ControlCatalogueEntry[]) {
  const vendor = await client.vendor.findUnique({
    where: { id: vendorId },
    include: { owner: { select: { id: true, name: true, email: true } } },
  });
  if (!vendor) return null;
  // Sequential on purpose: `client` is often a transaction, where one connection
  // runs one query at a time (pg warns about concurrent queries on it).
  const records = await listRecords(client, vendorId);
  const documents = await client.evidenceDocument.findMany({ where: { vendorId }, orderBy: { uploadedAt: "asc" } });
  const entries = catalogue ?? (await loadCatalogue(client));
  const uploaders = await client.user.findMany({
    where: { id: { in: [...new Set(documents.map((d) => d.uploadedById))] } },
    select: { id: true, email: true },
  });
  const emailOf = new Map(uploaders.map((u) => [u.id, u.email]));
  const dossier = assembleDossier({
    vendor,
    records,
    // Imports and seeds upload as the system user, which has no user row.
    documents: documents.map((d) => ({ ...d, uploadedBy: emailOf.get(d.uploadedById) ?? (d.uploadedById === SYSTEM_ACTOR.id ? SYSTEM_ACTOR.email : "unknown") })),
    catalogue: entries,
  });
  return { vendor, dossier, records, documents };
}

/**
 * The vendor's findings: the dossier rules plus, when the caller passes the
 * vendor's open remediation items, "remediation.overdue" for each one past its
 * due day, and, given its latest risk acceptance, "risk_acceptance.expired"
 * once that has lapsed with accepted findings still open. Both are workflow
 * data, not part of the dossier interchange format, so they join here at the
 * service layer (lib/domain/remediation.ts, lib/domain/risk-acceptance.ts).
 */
export function computeFindings(
  dossier: Dossier,
  settings: Settings,
  now: Date,
  remediation: readonly RemediationLike[] = [],
  acceptances: readonly RiskAcceptanceLike[] = [],
): Finding[] {
  const findings = findingsFor(dossier, settings, now);
  return withWorkflowFindings(findings, now, remediation, acceptances);
}

/** Dossier findings plus the workflow findings (overdue remediation, expired risk acceptance), sorted. */
export function withWorkflowFindings(findings: Finding[], now: Date, remediation: readonly RemediationLike[], acceptances: readonly RiskAcceptanceLike[]): Finding[] {
  const workflow = [...remediationFindings(remediation, now), ...riskAcceptanceFindings(acceptances, findings, now)];
  return workflow.length === 0 ? findings : sortFindings([...findings, ...workflow]);
}

/** The vendor's remediation items still open (the input of remediation.overdue). */
export async function loadOpenRemediation(client: Tx, vendorId: string): Promise<RemediationLike[]> {
  return client.remediationItem.findMany({
    where: { vendorId, status: { in: [...OPEN_REMEDIATION_STATUSES] } },
    select: { id: true, title: true, status: true, dueDate: true, findingCode: true },
    orderBy: [{ dueDate: "asc" }, { id: "asc" }],
  });
}

type RiskAcceptanceRow = Awaited<ReturnType<Tx["riskAcceptance"]["findFirstOrThrow"]>>;

async function namesById(client: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const users = await client.user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

async function asLike(client: Tx, rows: readonly RiskAcceptanceRow[]): Promise<RiskAcceptanceLike[]> {
  const names = await namesById(client, rows.map((r) => r.acceptedById));
  return rows.map((r) => ({
    id: r.id,
    acceptedByName: names.get(r.acceptedById) ?? "Unknown user",
    reason: r.reason,
    findings: r.findings as unknown as AcceptedFinding[],
    expiresOn: r.expiresOn,
    createdAt: r.createdAt,
  }));
}

/** The risk acceptances recorded on one assessment, oldest first. */
export async function loadAssessmentRiskAcceptances(client: Tx, assessmentId: string): Promise<RiskAcceptanceLike[]> {
  return asLike(client, await client.riskAcceptance.findMany({ where: { assessmentId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }));
}

/** The vendor's newest risk acceptance, as a list of at most one (the input of risk_acceptance.expired). */
export async function loadLatestRiskAcceptance(client: Tx, vendorId: string): Promise<RiskAcceptanceLike[]> {
  const row = await client.riskAcceptance.findFirst({ where: { vendorId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  return row ? asLike(client, [row]) : [];
}

/**
 * Recomputes the findings summary stored on the vendor row. Called inside the
 * transaction of every dossier change, so the list never disagrees with the
 * vendor page about what was just saved.
 */
export async function refreshVendorSummary(tx: Tx, vendorId: string, now = new Date(), preloaded?: Settings, catalogue?: ControlCatalogueEntry[]) {
  const settings = preloaded ?? (await loadSettings(tx));
  const loaded = await loadDossier(tx, vendorId, catalogue);
  if (!loaded) return;
  const remediation = await loadOpenRemediation(tx, vendorId);
  const acceptances = await loadLatestRiskAcceptance(tx, vendorId);
  const summary = summariseVendor(loaded.dossier, computeFindings(loaded.dossier, settings, now, remediation, acceptances), settings, now);
  const legalBlockerCount = legalBlockersOf(loaded.dossier, settings, loaded.vendor.tier as Tier, now);
  await tx.vendor.update({ where: { id: vendorId }, data: { ...summary, legalBlockerCount, findingsAt: now } });
}

/** The legal findings the legal queue judges a vendor by (its own tier, as on the Legal tab). */
export function legalFindingsOf(dossier: Dossier, settings: Settings, tier: Tier, now: Date): Finding[] {
  return legalFindingsFor(dossier.legal, legalContextFor(dossier, settings, tier), settings, now);
}

function legalBlockersOf(dossier: Dossier, settings: Settings, tier: Tier, now: Date): number {
  return legalFindingsOf(dossier, settings, tier, now).filter((f) => f.severity === "blocker").length;
}
