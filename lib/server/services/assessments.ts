import {
  applyWorkflowEvent,
  isAssessmentState,
  pendingSignOffRoles,
  reviewRoleOf,
  type AssessmentState,
  type RecordedSignOff,
  type SignOffDecision,
  type SignOffRole,
} from "@/lib/domain/assessment-workflow";
import { buildAssessmentReport, type AssessmentReport, type ReportInput } from "@/lib/domain/assessment-report";
import { loadOrganisationBranding } from "./organisation";
import { compareAssessments, type AssessmentComparison } from "@/lib/domain/compare-assessments";
import { daysUntil, formatIsoDay } from "@/lib/domain/dates";
import { findingKey, type Finding } from "@/lib/domain/finding";
import { dueDayInstant, nextAssessmentDue } from "@/lib/domain/next-due";
import { OPEN_REMEDIATION_STATUSES } from "@/lib/domain/remediation";
import { scoreVendor } from "@/lib/domain/scoring/score-vendor";
import type { RatingBand, ScoreResult } from "@/lib/domain/scoring/types";
import { allowedDecisions, checkSignOff, findingsNeedingRemediation, type SignOffContext } from "@/lib/domain/sign-off-policy";
import { findingsNeedingAcceptance, latestRiskAcceptanceExpiry } from "@/lib/domain/risk-acceptance";
import { vendorFindingsFor } from "@/lib/domain/scoring/vendor-findings";
import { compareSnapshotWithLive, type SnapshotFreshness } from "@/lib/domain/snapshot-freshness";
import { TIERS, type Tier } from "@/lib/domain/vocabulary";
import {
  compareQuerySchema,
  createAssessmentSchema,
  signOffSchema,
  submitAssessmentSchema,
} from "@/lib/schemas/assessment";
import type { Dossier } from "@/lib/schemas/dossier";
import type { Settings } from "@/lib/schemas/settings";
import type { VendorAssessments } from "@/lib/schemas/views/vendor-assessments";
import type { Actor } from "../actor";
import { recordAudit } from "../audit";
import { notePermissionDenied, requirePermission } from "../authorize";
import { db, Prisma, type Tx } from "../db";
import { loadAssessmentRiskAcceptances, loadDossier, loadLatestRiskAcceptance, loadOpenRemediation, withWorkflowFindings } from "../dossier/load-dossier";
import { AppError, forbidden, notFound, staleEdit } from "../errors";
import { can } from "../permissions";
import { inTransaction } from "../transaction";
import { parseInput } from "../validation";
import { loadSettings } from "./settings";

// Scored assessments (docs/rules.md §8-9). An assessment freezes the
// dossier, the settings, the findings and the score in one transaction; those
// four columns (plus overall and rating, copies of the score) are written by
// createAssessment and by nothing else: the workflow below only touches state,
// timestamps and lockVersion, and re-scoring creates version n+1. Every
// mutation writes its audit event in the same transaction.

type AssessmentRow = Awaited<ReturnType<Tx["assessment"]["findUniqueOrThrow"]>>;

/** The frozen snapshot of a row, typed (the columns were written by freezeSnapshot). */
export function snapshotOf(row: Pick<AssessmentRow, "dossier" | "settings" | "findings" | "score">) {
  return {
    dossier: row.dossier as unknown as Dossier,
    settings: row.settings as unknown as Settings,
    findings: row.findings as unknown as Finding[],
    score: row.score as unknown as ScoreResult,
  };
}

function stateOf(row: { state: string }): AssessmentState {
  if (!isAssessmentState(row.state)) throw new Error(`Unknown assessment state ${row.state}`);
  return row.state;
}

/**
 * Everything an assessment freezes, computed from the live data at `now`:
 * the dossier findings plus the workflow findings (overdue remediation, an
 * expired risk acceptance), the score (its ceilings read all of them: an open
 * high finding is one whether a rule or the workflow raised it) and the next
 * due date.
 */
export async function computeSnapshot(client: Tx, vendorId: string, now: Date) {
  // One query at a time: inside an interactive transaction the connection is shared.
  const loaded = await loadDossier(client, vendorId);
  if (!loaded) return null;
  const settings = await loadSettings(client);
  const remediation = await loadOpenRemediation(client, vendorId);
  const acceptances = await loadLatestRiskAcceptance(client, vendorId);
  const { dossier, vendor } = loaded;
  const findings = withWorkflowFindings(vendorFindingsFor(dossier, settings, now), now, remediation, acceptances);
  const score = scoreVendor(dossier, settings, now, { findings });
  const nextDue = nextAssessmentDue(dossier, settings, now);
  return { vendor, dossier, settings, findings, score, nextDue };
}

/** JSON round trip: exactly what the Json columns will hold (Dates → ISO strings, undefined dropped). */
function asJson<T>(value: T): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

/**
 * Procurement freezes a new version: version n+1 of the vendor's assessments,
 * in draft. Used for the first assessment and for every re-score.
 */
export async function createAssessment({ actor, input, now = new Date() }: { actor: Actor; input: unknown; now?: Date }, tx?: Tx) {
  requirePermission(actor, "assessment.create");
  const { vendorId } = parseInput(createAssessmentSchema, input);
  try {
    return await inTransaction(tx, async (tx) => {
      const snapshot = await computeSnapshot(tx, vendorId, now);
      if (!snapshot) throw notFound("Vendor not found.");
      const previous = await tx.assessment.findFirst({ where: { vendorId }, orderBy: { version: "desc" }, select: { id: true, version: true, state: true } });
      const version = (previous?.version ?? 0) + 1;
      const assessment = await tx.assessment.create({
        data: {
          vendorId,
          version,
          state: "draft",
          dossier: asJson(snapshot.dossier),
          settings: asJson(snapshot.settings),
          findings: asJson(snapshot.findings),
          score: asJson(snapshot.score),
          overall: snapshot.score.final,
          rating: snapshot.score.rating.band,
          createdById: actor.id,
          createdAt: now,
          nextDueAt: dueDayInstant(snapshot.nextDue.date),
        },
      });
      await recordAudit(tx, actor, {
        action: previous ? "assessment.rescore" : "assessment.create",
        entityType: "assessment",
        entityId: assessment.id,
        vendorId,
        after: {
          version,
          previousVersion: previous?.version ?? null,
          state: "draft",
          score: snapshot.score.final,
          rating: snapshot.score.rating.band,
          findings: snapshot.findings.length,
          nextDueAt: snapshot.nextDue.date,
          nextDueBasis: snapshot.nextDue.basis,
        },
      });
      return assessment;
    });
  } catch (error) {
    // Two creations racing for the same version number: the loser hits @@unique([vendorId, version]).
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "Someone else created an assessment of this vendor at the same moment. Reload to see it.");
    }
    throw error;
  }
}

async function loadForWorkflow(tx: Tx, assessmentId: string) {
  const row = await tx.assessment.findUnique({ where: { id: assessmentId }, include: { signOffs: true } });
  if (!row) throw notFound("Assessment not found.");
  const newer = await tx.assessment.count({ where: { vendorId: row.vendorId, version: { gt: row.version } } });
  const signOffs: RecordedSignOff[] = row.signOffs.map((s) => ({ role: s.role as SignOffRole, decision: s.decision as SignOffDecision }));
  return { row, snapshot: { state: stateOf(row), signOffs, superseded: newer > 0 } };
}

function refuse(outcome: { code: "INVALID_STATE" | "VALIDATION"; reason: string }): never {
  throw outcome.code === "VALIDATION" ? new AppError("VALIDATION", outcome.reason, { form: outcome.reason }) : new AppError("INVALID_STATE", outcome.reason);
}

/** Procurement submits a draft for review; the submission is procurement's sign-off. */
export async function submitAssessment({ actor, input, now = new Date() }: { actor: Actor; input: unknown; now?: Date }, tx?: Tx) {
  requirePermission(actor, "assessment.submit");
  const { assessmentId, lockVersion, comment } = parseInput(submitAssessmentSchema, input);
  return inTransaction(tx, async (tx) => {
    const { row, snapshot } = await loadForWorkflow(tx, assessmentId);
    const outcome = applyWorkflowEvent(snapshot, { type: "submit" });
    if (!outcome.ok) refuse(outcome);
    const { count } = await tx.assessment.updateMany({
      where: { id: row.id, lockVersion },
      data: { state: outcome.state, submittedAt: now, lockVersion: { increment: 1 } },
    });
    if (count === 0) throw staleEdit("assessment");
    await tx.assessmentSignOff.create({
      data: { assessmentId: row.id, role: "procurement", decision: "submit", comment, signedById: actor.id, signedAt: now },
    });
    await recordAudit(tx, actor, {
      action: "assessment.submit",
      entityType: "assessment",
      entityId: row.id,
      vendorId: row.vendorId,
      before: { state: row.state },
      after: { state: outcome.state, version: row.version, comment },
    });
    return tx.assessment.findUniqueOrThrow({ where: { id: row.id } });
  });
}

/**
 * Legal or security signs off the version under review. Conditions of an
 * approval with conditions become remediation items at once (they are work
 * whatever the final decision). The third sign-off decides the assessment
 * and moves the vendor's next assessment due date to the assessment's.
 */
export async function signOffAssessment({ actor, input, now = new Date() }: { actor: Actor; input: unknown; now?: Date }, tx?: Tx) {
  // Fail closed before reading the input: only a holder of a sign-off permission gets further.
  if (!can(actor.role, "assessment.signoff.legal") && !can(actor.role, "assessment.signoff.security")) {
    notePermissionDenied(actor, "assessment.signoff.security");
    throw forbidden("Only legal and security sign assessments off.");
  }
  const values = parseInput(signOffSchema, input);
  const role = values.role ?? reviewRoleOf(actor.role);
  if (!role) throw forbidden("Only legal and security sign assessments off.");
  requirePermission(actor, role === "legal" ? "assessment.signoff.legal" : "assessment.signoff.security");
  const today = formatIsoDay(now);
  const fieldErrors: Record<string, string> = {};
  values.conditions.forEach((c, i) => {
    if (c.dueDate < today) fieldErrors[`conditions.${i}.dueDate`] = "The due date cannot be in the past";
  });
  if (Object.keys(fieldErrors).length > 0) throw new AppError("VALIDATION", "Check the highlighted fields.", fieldErrors);

  return inTransaction(tx, async (tx) => {
    const { row, snapshot } = await loadForWorkflow(tx, values.assessmentId);
    const outcome = applyWorkflowEvent(snapshot, { type: "sign_off", role, decision: values.decision, conditionCount: values.conditions.length });
    if (!outcome.ok) refuse(outcome);

    const ownerIds = [...new Set(values.conditions.map((c) => c.ownerId))];
    const owners = await tx.user.findMany({ where: { id: { in: ownerIds }, active: true }, select: { id: true } });
    const frozen = new Map(snapshotOf(row).findings.map((f) => [findingKey(f), f]));
    values.conditions.forEach((c, i) => {
      if (!owners.some((o) => o.id === c.ownerId)) fieldErrors[`conditions.${i}.ownerId`] = "Choose an active user as owner";
      if (c.findingKey && !frozen.has(c.findingKey)) fieldErrors[`conditions.${i}.findingKey`] = "Choose a finding of this assessment";
    });
    if (Object.keys(fieldErrors).length > 0) throw new AppError("VALIDATION", "Check the highlighted fields.", fieldErrors);

    // The band bounds the decision (docs/assessments.md, "What the rating allows"), checked here whatever the form showed.
    const policy = await signOffContextOf(tx, row, now);
    const check = checkSignOff(policy, {
      decision: values.decision,
      comment: values.comment,
      conditionFindingKeys: values.conditions.map((c) => c.findingKey).filter((k): k is string => !!k),
    });
    if (!check.ok) {
      // A refused decision is the headline; a missing comment or condition is shown next to its field.
      throw new AppError("VALIDATION", check.field === "decision" ? check.reason : "Check the highlighted fields.", { [check.field]: check.reason });
    }

    const { count } = await tx.assessment.updateMany({
      where: { id: row.id, lockVersion: values.lockVersion },
      data: { state: outcome.state, lockVersion: { increment: 1 }, ...(outcome.decided ? { decidedAt: now } : {}) },
    });
    if (count === 0) throw staleEdit("assessment");
    try {
      await tx.assessmentSignOff.create({
        data: { assessmentId: row.id, role, decision: values.decision, comment: values.comment, signedById: actor.id, signedAt: now },
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw staleEdit("assessment");
      throw error;
    }
    await recordAudit(tx, actor, {
      action: "assessment.sign_off",
      entityType: "assessment",
      entityId: row.id,
      vendorId: row.vendorId,
      before: { state: row.state },
      after: { role, decision: values.decision, comment: values.comment, state: outcome.state, version: row.version, conditions: values.conditions.length },
    });
    for (const condition of values.conditions) {
      const item = await tx.remediationItem.create({
        data: {
          vendorId: row.vendorId,
          assessmentId: row.id,
          ...findingColumns(condition.findingKey ? frozen.get(condition.findingKey) : undefined),
          title: condition.title,
          ownerId: condition.ownerId,
          dueDate: condition.dueDate,
        },
      });
      await recordAudit(tx, actor, {
        action: "remediation.create",
        entityType: "remediation",
        entityId: item.id,
        vendorId: row.vendorId,
        after: { title: item.title, findingCode: item.findingCode, findingMessage: item.findingMessage, findingSubject: item.findingSubjectLabel, ownerId: item.ownerId, dueDate: item.dueDate, status: item.status, assessmentId: row.id, fromSignOff: role },
      });
    }
    if (outcome.decided) {
      const vendor = await tx.vendor.findUniqueOrThrow({ where: { id: row.vendorId }, select: { nextAssessmentDue: true } });
      await tx.vendor.update({ where: { id: row.vendorId }, data: { nextAssessmentDue: row.nextDueAt } });
      await recordAudit(tx, actor, {
        action: "assessment.decide",
        entityType: "assessment",
        entityId: row.id,
        vendorId: row.vendorId,
        before: { state: "in_review", vendorNextAssessmentDue: vendor.nextAssessmentDue },
        after: { state: outcome.state, version: row.version, vendorNextAssessmentDue: row.nextDueAt },
      });
    }
    return tx.assessment.findUniqueOrThrow({ where: { id: row.id } });
  });
}

/** The finding a remediation item remedies, as columns (code, message, the record it concerns). */
function findingColumns(f: Finding | undefined) {
  return {
    findingCode: f?.code ?? null,
    findingMessage: f?.message ?? null,
    findingSubjectKind: f?.subject.kind ?? null,
    findingSubjectId: f?.subject.id ?? null,
    findingSubjectLabel: f?.subject.label ?? null,
  };
}

/** What the sign-off rule needs: the frozen band and findings, the freshness of the snapshot, the newest risk acceptance. */
async function signOffContextOf(tx: Tx, row: AssessmentRow, now: Date): Promise<SignOffContext> {
  // One query at a time: inside an interactive transaction the connection is shared.
  const live = await loadDossier(tx, row.vendorId);
  const acceptances = await loadAssessmentRiskAcceptances(tx, row.id);
  return {
    band: row.rating as RatingBand,
    stale: dossierChangedSince(row, live?.dossier),
    findings: snapshotOf(row).findings,
    riskAcceptance: acceptances.at(-1) ?? null,
    now,
  };
}

// ---------------------------------------------------------------- reading

async function namesOf(client: Tx, ids: readonly (string | null | undefined)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  const users = wanted.length === 0 ? [] : await client.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true, email: true } });
  return new Map(users.map((u) => [u.id, u]));
}

/**
 * The input of the report model for one assessment: the frozen snapshot plus
 * its sign-offs and remediation items. Shared by the assessment page and the
 * PDF, so both print the same report.
 */
export async function loadReportInput(client: Tx, assessmentId: string, generatedAt: Date): Promise<{ input: ReportInput; row: AssessmentRow } | null> {
  const row = await client.assessment.findUnique({ where: { id: assessmentId } });
  if (!row) return null;
  const [signOffs, remediation, riskAcceptances] = await Promise.all([
    client.assessmentSignOff.findMany({ where: { assessmentId }, orderBy: { signedAt: "asc" } }),
    client.remediationItem.findMany({ where: { assessmentId }, orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }] }),
    loadAssessmentRiskAcceptances(client, assessmentId),
  ]);
  const evidenceIds = remediation.map((r) => r.closingEvidenceId).filter((id): id is string => !!id);
  const [people, evidence] = await Promise.all([
    namesOf(client, [row.createdById, ...signOffs.map((s) => s.signedById), ...remediation.map((r) => r.ownerId)]),
    evidenceIds.length === 0 ? [] : client.evidenceDocument.findMany({ where: { id: { in: evidenceIds } }, select: { id: true, fileName: true, sha256: true } }),
  ]);
  const evidenceById = new Map(evidence.map((e) => [e.id, e]));
  const snapshot = snapshotOf(row);
  // The cover names the organisation and says when the dossier has moved on since this snapshot.
  const [organisation, freshness] = await Promise.all([loadOrganisationBranding(client), freshnessOf(client, row)]);
  return {
    row,
    input: {
      assessment: {
        id: row.id,
        version: row.version,
        state: stateOf(row),
        createdAt: row.createdAt,
        submittedAt: row.submittedAt,
        decidedAt: row.decidedAt,
        nextDueAt: row.nextDueAt,
        createdByName: people.get(row.createdById)?.name ?? "Unknown user",
      },
      ...snapshot,
      signOffs: signOffs.map((s) => ({
        role: s.role as SignOffRole,
        decision: s.decision as SignOffDecision,
        comment: s.comment,
        signedByName: people.get(s.signedById)?.name ?? "Unknown user",
        signedByEmail: people.get(s.signedById)?.email ?? null,
        signedAt: s.signedAt,
      })),
      remediation: remediation.map((r) => ({
        id: r.id,
        title: r.title,
        findingCode: r.findingCode,
        findingMessage: r.findingMessage,
        findingSubjectLabel: r.findingSubjectLabel,
        ownerName: r.ownerId ? (people.get(r.ownerId)?.name ?? "Unknown user") : null,
        dueDate: r.dueDate,
        status: r.status,
        closingNote: r.closingNote,
        closingEvidence: r.closingEvidenceId ? (evidenceById.get(r.closingEvidenceId) ?? null) : null,
      })),
      riskAcceptances,
      generatedAt,
      organisation,
      freshness,
    },
  };
}

/**
 * The dossier changed after the snapshot was taken: a sign-off on it can only
 * be a reject (docs/assessments.md, "What the rating allows"). Settings
 * changes do not count here: the snapshot carries the settings it was judged by.
 */
function dossierChangedSince(row: Pick<AssessmentRow, "dossier" | "settings">, live: Dossier | undefined): boolean {
  if (!live) return false;
  return compareSnapshotWithLive({ dossier: row.dossier, settings: row.settings }, { dossier: live, settings: row.settings }).changedSections.length > 0;
}

/** Live dossier and settings against a snapshot: is the snapshot older than the data? */
async function freshnessOf(client: Tx, row: Pick<AssessmentRow, "vendorId" | "dossier" | "settings">): Promise<SnapshotFreshness | null> {
  const [loaded, settings] = await Promise.all([loadDossier(client, row.vendorId), loadSettings(client)]);
  if (!loaded) return null;
  return compareSnapshotWithLive({ dossier: row.dossier, settings: row.settings }, { dossier: loaded.dossier, settings });
}

export interface AssessmentPermissions {
  submit: boolean;
  signOffAs: "legal" | "security" | null;
  rescore: boolean;
  manageRemediation: boolean;
  acceptRisk: boolean;
}

/** The assessment page: report model, workflow state, what this user may do, and freshness. */
export async function getAssessmentView({ actor, assessmentId, now = new Date() }: { actor: Actor; assessmentId: string; now?: Date }) {
  requirePermission(actor, "assessment.read");
  const client = db();
  const loaded = await loadReportInput(client, assessmentId, now);
  if (!loaded) throw notFound("Assessment not found.");
  const { row, input } = loaded;
  const [vendor, versions, freshness] = await Promise.all([
    client.vendor.findUniqueOrThrow({ where: { id: row.vendorId }, select: { id: true, name: true, tier: true } }),
    client.assessment.findMany({
      where: { vendorId: row.vendorId },
      orderBy: { version: "desc" },
      select: { id: true, version: true, state: true, overall: true, rating: true, createdAt: true },
    }),
    freshnessOf(client, row),
  ]);
  const latest = versions[0]!;
  const superseded = latest.id !== row.id;
  const state = stateOf(row);
  const reviewRole = reviewRoleOf(actor.role);
  const signedRoles = input.signOffs.map((s) => s.role);
  const may: AssessmentPermissions = {
    submit: can(actor.role, "assessment.submit") && state === "draft" && !superseded,
    signOffAs:
      reviewRole && can(actor.role, reviewRole === "legal" ? "assessment.signoff.legal" : "assessment.signoff.security") && state === "in_review" && !superseded && !signedRoles.includes(reviewRole)
        ? reviewRole
        : null,
    rescore: can(actor.role, "assessment.create"),
    manageRemediation: can(actor.role, "remediation.manage"),
    acceptRisk: can(actor.role, "risk.accept") && (state === "draft" || state === "in_review") && !superseded,
  };
  const owners = may.signOffAs
    ? await client.user.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true, role: true } })
    : [];
  const report = buildAssessmentReport(input);
  // What the band allows, from the same rule the sign-off service enforces.
  const policy: SignOffContext = {
    band: row.rating as RatingBand,
    stale: (freshness?.changedSections.length ?? 0) > 0,
    findings: input.findings,
    riskAcceptance: input.riskAcceptances?.at(-1) ?? null,
    now,
  };
  const settings = may.acceptRisk ? await loadSettings(client) : null;
  return {
    assessment: {
      id: row.id,
      vendorId: row.vendorId,
      version: row.version,
      state,
      lockVersion: row.lockVersion,
      createdAt: row.createdAt,
      submittedAt: row.submittedAt,
      decidedAt: row.decidedAt,
      nextDueAt: row.nextDueAt,
    },
    vendor,
    report,
    findings: input.findings,
    pendingRoles: pendingSignOffRoles(input.signOffs),
    versions,
    superseded,
    latestVersion: latest.version,
    freshness,
    may,
    owners,
    decisions: allowedDecisions(policy),
    findingsNeedingRemediation: findingsNeedingRemediation(input.findings).map((f) => findingKey(f)),
    riskAcceptanceForm: settings
      ? {
          candidates: findingsNeedingAcceptance(input.findings).map((f) => ({ key: findingKey(f), message: f.message, severity: f.severity })),
          latestExpiry: latestRiskAcceptanceExpiry(now, settings.signOff.riskAcceptanceMaxDays),
          maxDays: settings.signOff.riskAcceptanceMaxDays,
        }
      : null,
  };
}
export type AssessmentView = Awaited<ReturnType<typeof getAssessmentView>>;

/** The vendor's Assessments tab: every version, freshness of the newest, remediation items. */
export async function listVendorAssessments({ actor, vendorId, now = new Date() }: { actor: Actor; vendorId: string; now?: Date }): Promise<VendorAssessments> {
  requirePermission(actor, "assessment.read");
  const client = db();
  const vendor = await client.vendor.findUnique({ where: { id: vendorId }, select: { id: true, name: true, nextAssessmentDue: true } });
  if (!vendor) throw notFound("Vendor not found.");
  const rows = await client.assessment.findMany({
    where: { vendorId },
    orderBy: { version: "desc" },
    select: { id: true, version: true, state: true, overall: true, rating: true, createdAt: true, createdById: true, submittedAt: true, decidedAt: true, nextDueAt: true },
  });
  const remediation = await client.remediationItem.findMany({
    where: { vendorId },
    orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
    include: { assessment: { select: { version: true } } },
  });
  const closingIds = remediation.map((r) => r.closingEvidenceId).filter((id): id is string => !!id);
  const [people, closing] = await Promise.all([
    namesOf(client, [...rows.map((r) => r.createdById), ...remediation.map((r) => r.ownerId)]),
    closingIds.length === 0 ? [] : client.evidenceDocument.findMany({ where: { id: { in: closingIds } }, select: { id: true, fileName: true } }),
  ]);
  const closingName = new Map(closing.map((d) => [d.id, d.fileName]));
  const latestRow = rows[0] ? await client.assessment.findUniqueOrThrow({ where: { id: rows[0].id }, select: { vendorId: true, dossier: true, settings: true } }) : null;
  const freshness = latestRow ? await freshnessOf(client, latestRow) : null;
  const manageRemediation = can(actor.role, "remediation.manage");
  const [users, documents] = manageRemediation
    ? await Promise.all([
        client.user.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
        client.evidenceDocument.findMany({ where: { vendorId }, orderBy: { uploadedAt: "desc" }, select: { id: true, fileName: true, title: true, effectiveDate: true } }),
      ])
    : [[], []];
  const today = formatIsoDay(now);
  return {
    vendor,
    versions: rows.map((r) => ({ ...r, state: stateOf(r), createdByName: people.get(r.createdById)?.name ?? "Unknown user" })),
    freshness,
    remediation: remediation.map((r) => ({
      id: r.id,
      version: r.version,
      title: r.title,
      findingCode: r.findingCode,
      findingMessage: r.findingMessage,
      ownerId: r.ownerId,
      ownerName: r.ownerId ? (people.get(r.ownerId)?.name ?? "Unknown user") : null,
      dueDate: r.dueDate,
      status: r.status,
      closingEvidenceId: r.closingEvidenceId,
      closingEvidenceName: r.closingEvidenceId ? (closingName.get(r.closingEvidenceId) ?? null) : null,
      closingNote: r.closingNote,
      assessmentId: r.assessmentId,
      assessmentVersion: r.assessment?.version ?? null,
      overdue: (OPEN_REMEDIATION_STATUSES as readonly string[]).includes(r.status) && r.dueDate < today,
    })),
    may: { create: can(actor.role, "assessment.create"), manageRemediation },
    users,
    documents,
    now,
  };
}

/** Two versions of one vendor's assessment side by side. */
export async function compareAssessmentVersions({ actor, input }: { actor: Actor; input: unknown }): Promise<{
  vendor: { id: string; name: string };
  comparison: AssessmentComparison;
  versions: { id: string; version: number }[];
}> {
  requirePermission(actor, "assessment.read");
  const { a, b } = parseInput(compareQuerySchema, input);
  const rows = await db().assessment.findMany({ where: { id: { in: [a, b] } } });
  const first = rows.find((r) => r.id === a);
  const second = rows.find((r) => r.id === b);
  if (!first || !second) throw notFound("Assessment not found.");
  if (first.vendorId !== second.vendorId) throw new AppError("VALIDATION", "Compare two versions of the same vendor's assessment.", { b: "Choose a version of the same vendor" });
  const [vendor, versions] = await Promise.all([
    db().vendor.findUniqueOrThrow({ where: { id: first.vendorId }, select: { id: true, name: true } }),
    db().assessment.findMany({ where: { vendorId: first.vendorId }, orderBy: { version: "desc" }, select: { id: true, version: true } }),
  ]);
  const side = (row: AssessmentRow) => ({ id: row.id, version: row.version, createdAt: row.createdAt, ...snapshotOf(row) });
  return { vendor, comparison: compareAssessments(side(first), side(second)), versions };
}

/** How far ahead "due soon" looks on procurement's landing page. */
export const DUE_SOON_DAYS = 30;
const LIST_LIMIT = 50;

/**
 * Procurement's landing page: vendors whose next assessment is due (or that
 * were never assessed), assessments in review or still in draft, and overdue
 * remediation across all vendors.
 */
export async function getProcurementOverview({ actor, now = new Date() }: { actor: Actor; now?: Date }) {
  requirePermission(actor, "assessment.read");
  const client = db();
  const today = formatIsoDay(now);
  const horizon = new Date(dueDayInstant(today).getTime() + DUE_SOON_DAYS * 86_400_000);
  const activeVendor = { status: { not: "offboarded" } };
  const [dueRows, dueCount, neverRows, neverCount, workflowRows, overdueRows, overdueCount] = await Promise.all([
    client.vendor.findMany({
      where: { ...activeVendor, nextAssessmentDue: { lte: horizon } },
      orderBy: [{ nextAssessmentDue: "asc" }, { searchName: "asc" }],
      take: LIST_LIMIT,
      select: { id: true, name: true, tier: true, nextAssessmentDue: true },
    }),
    client.vendor.count({ where: { ...activeVendor, nextAssessmentDue: { lte: horizon } } }),
    client.vendor.findMany({
      where: { ...activeVendor, nextAssessmentDue: null, assessments: { none: {} } },
      orderBy: [{ tierRank: "asc" }, { searchName: "asc" }],
      take: LIST_LIMIT,
      select: { id: true, name: true, tier: true },
    }),
    client.vendor.count({ where: { ...activeVendor, nextAssessmentDue: null, assessments: { none: {} } } }),
    client.assessment.findMany({
      where: { state: { in: ["draft", "in_review"] } },
      orderBy: [{ createdAt: "asc" }],
      take: 200,
      select: { id: true, vendorId: true, version: true, state: true, overall: true, rating: true, createdAt: true, submittedAt: true, signOffs: { select: { role: true, decision: true } }, vendor: { select: { name: true, tier: true } } },
    }),
    client.remediationItem.findMany({
      where: { status: { in: [...OPEN_REMEDIATION_STATUSES] }, dueDate: { lt: today } },
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
      take: LIST_LIMIT,
      include: { vendor: { select: { id: true, name: true } }, assessment: { select: { version: true } } },
    }),
    client.remediationItem.count({ where: { status: { in: [...OPEN_REMEDIATION_STATUSES] }, dueDate: { lt: today } } }),
  ]);
  // A draft or review that a re-score superseded is no longer the one to act on.
  const latestVersions = await client.assessment.groupBy({
    by: ["vendorId"],
    where: { vendorId: { in: [...new Set(workflowRows.map((r) => r.vendorId))] } },
    _max: { version: true },
  });
  const latestOf = new Map(latestVersions.map((v) => [v.vendorId, v._max.version]));
  const current = workflowRows.filter((r) => latestOf.get(r.vendorId) === r.version);
  const owners = await namesOf(client, overdueRows.map((r) => r.ownerId));
  return {
    today,
    due: {
      rows: dueRows.map((v) => ({
        ...v,
        tier: v.tier as Tier,
        dueDay: formatIsoDay(v.nextAssessmentDue!),
        overdue: daysUntil(v.nextAssessmentDue!, now) < 0,
      })),
      total: dueCount,
    },
    neverAssessed: { rows: neverRows.map((v) => ({ ...v, tier: v.tier as Tier })).sort((a, b) => TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier)), total: neverCount },
    inReview: current
      .filter((r) => r.state === "in_review")
      .map((r) => ({ ...r, pending: pendingSignOffRoles(r.signOffs.map((s) => ({ role: s.role as SignOffRole, decision: s.decision as SignOffDecision }))) })),
    drafts: current.filter((r) => r.state === "draft"),
    overdueRemediation: {
      rows: overdueRows.map((r) => ({ ...r, ownerName: r.ownerId ? (owners.get(r.ownerId)?.name ?? "Unknown user") : null })),
      total: overdueCount,
    },
  };
}

export type { AssessmentReport };
