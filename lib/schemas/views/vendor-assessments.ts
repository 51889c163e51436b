import type { AssessmentState } from "@/lib/domain/assessments/assessment-workflow";
import type { SnapshotFreshness } from "@/lib/domain/assessments/snapshot-freshness";

// The vendor's Assessments tab (services/assessments.ts listVendorAssessments),
// declared here so the tab's components type their props without lib/server.

export interface AssessmentVersionRow {
  id: string;
  version: number;
  state: AssessmentState;
  overall: number;
  rating: string;
  createdAt: Date;
  createdById: string;
  createdByName: string;
  submittedAt: Date | null;
  decidedAt: Date | null;
  nextDueAt: Date | null;
}

export interface RemediationRow {
  id: string;
  version: number;
  title: string;
  findingCode: string | null;
  findingMessage: string | null;
  ownerId: string | null;
  ownerName: string | null;
  /** Calendar day, YYYY-MM-DD. */
  dueDate: string;
  status: string;
  closingEvidenceId: string | null;
  closingEvidenceName: string | null;
  closingNote: string | null;
  assessmentId: string | null;
  assessmentVersion: number | null;
  overdue: boolean;
}

/** Every version newest first, the newest one's freshness against the live dossier, and remediation items. */
export interface VendorAssessments {
  vendor: { id: string; name: string; nextAssessmentDue: Date | null };
  versions: AssessmentVersionRow[];
  freshness: SnapshotFreshness | null;
  remediation: RemediationRow[];
  may: { create: boolean; manageRemediation: boolean };
  /** Who can own a remediation item, and which documents can close one: empty unless the user may manage remediation. */
  users: { id: string; name: string }[];
  documents: { id: string; fileName: string; title: string | null; effectiveDate: string }[];
  now: Date;
}
