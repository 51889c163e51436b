import type { ReportInput } from "@/lib/domain/assessments/assessment-report";
import type { SignOffDecision, SignOffRole } from "@/lib/domain/assessments/assessment-workflow";
import type { Tx } from "../../db";
import { loadAssessmentRiskAcceptances } from "../../dossier/load-dossier";
import { loadOrganisationBranding } from "../organisation";
import type { SnapshotFreshness } from "@/lib/domain/assessments/snapshot-freshness";
import { freshnessOf, snapshotOf, stateOf, type AssessmentRow } from "./snapshot";
import { namesOf } from "./user-names";

/**
 * The input of the report model for one assessment: the frozen snapshot plus
 * its sign-offs and remediation items. Shared by the assessment page and the
 * PDF, so both print the same report.
 */
export async function loadReportInput(client: Tx, assessmentId: string, generatedAt: Date): Promise<{ input: ReportInput; row: AssessmentRow; freshness: SnapshotFreshness | null } | null> {
  const row = await client.assessment.findUnique({ where: { id: assessmentId } });
  if (!row) return null;
  // The cover names the organisation and says when the dossier has moved on since this snapshot.
  // The live dossier is the longest read: started first, alongside the others.
  const freshnessRead = freshnessOf(client, row);
  freshnessRead.catch(() => undefined); // awaited below; this only keeps an early failure elsewhere from leaving it unhandled
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
  const [organisation, freshness] = await Promise.all([loadOrganisationBranding(client), freshnessRead]);
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
    freshness,
  };
}
