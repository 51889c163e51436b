// The assessment workflow (docs/rules.md §9) as a pure state
// machine: draft → in review → approved / approved with conditions / rejected.
// - Procurement submits; the submission is procurement's part of the sign-off.
// - Legal and security each record one sign-off on the version under review:
//   approve, approve with conditions (at least one condition), or reject.
// - The decision waits for all three roles. Then any reject → rejected; else
//   any conditions → approved with conditions; else approved.
// - Only the newest version of a vendor's assessment moves: once a re-score
//   has made version n+1, version n is superseded and keeps its state.
// The services run every transition through applyWorkflowEvent, so the table
// in tests/unit/assessment-workflow.test.ts is the whole rule.

export const ASSESSMENT_STATES = ["draft", "in_review", "approved", "approved_with_conditions", "rejected"] as const;
export type AssessmentState = (typeof ASSESSMENT_STATES)[number];
export const ASSESSMENT_STATE_LABELS: Record<AssessmentState, string> = {
  draft: "Draft",
  in_review: "In review",
  approved: "Approved",
  approved_with_conditions: "Approved with conditions",
  rejected: "Rejected",
};
export const DECIDED_STATES: readonly AssessmentState[] = ["approved", "approved_with_conditions", "rejected"];

export function isAssessmentState(value: unknown): value is AssessmentState {
  return typeof value === "string" && (ASSESSMENT_STATES as readonly string[]).includes(value);
}

export const SIGN_OFF_ROLES = ["procurement", "legal", "security"] as const;
export type SignOffRole = (typeof SIGN_OFF_ROLES)[number];
export const SIGN_OFF_ROLE_LABELS: Record<SignOffRole, string> = {
  procurement: "Procurement",
  legal: "Legal",
  security: "Security",
};

/** What legal and security may decide. */
export const REVIEW_DECISIONS = ["approve", "approve_with_conditions", "reject"] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
/** Procurement's part is its submission. */
export type SignOffDecision = ReviewDecision | "submit";
export const SIGN_OFF_DECISION_LABELS: Record<SignOffDecision, string> = {
  submit: "Submitted for review",
  approve: "Approve",
  approve_with_conditions: "Approve with conditions",
  reject: "Reject",
};

export interface RecordedSignOff {
  role: SignOffRole;
  decision: SignOffDecision;
}

export interface WorkflowSnapshot {
  state: AssessmentState;
  signOffs: readonly RecordedSignOff[];
  /** A newer version of this vendor's assessment exists. */
  superseded: boolean;
}

export type WorkflowEvent =
  | { type: "submit" }
  | { type: "sign_off"; role: "legal" | "security"; decision: ReviewDecision; conditionCount: number };

export type WorkflowOutcome =
  | {
      ok: true;
      state: AssessmentState;
      /** The sign-off row the event adds. */
      signOff: RecordedSignOff;
      /** True when this event completed the decision. */
      decided: boolean;
    }
  | { ok: false; code: "INVALID_STATE" | "VALIDATION"; reason: string };

function refuse(code: "INVALID_STATE" | "VALIDATION", reason: string): WorkflowOutcome {
  return { ok: false, code, reason };
}

export function applyWorkflowEvent(snapshot: WorkflowSnapshot, event: WorkflowEvent): WorkflowOutcome {
  if (snapshot.superseded) {
    return refuse("INVALID_STATE", "A newer version of this assessment exists; only the newest version can move through the workflow.");
  }
  if (event.type === "submit") {
    if (snapshot.state !== "draft") {
      return refuse("INVALID_STATE", `Only a draft can be submitted; this assessment is ${ASSESSMENT_STATE_LABELS[snapshot.state].toLowerCase()}.`);
    }
    return { ok: true, state: "in_review", signOff: { role: "procurement", decision: "submit" }, decided: false };
  }

  if (snapshot.state !== "in_review") {
    return refuse("INVALID_STATE", `Sign-offs are recorded on a version under review; this assessment is ${ASSESSMENT_STATE_LABELS[snapshot.state].toLowerCase()}.`);
  }
  if (snapshot.signOffs.some((s) => s.role === event.role)) {
    return refuse("INVALID_STATE", `${SIGN_OFF_ROLE_LABELS[event.role]} has already signed this version off.`);
  }
  if (event.decision === "approve_with_conditions" && event.conditionCount === 0) {
    return refuse("VALIDATION", "Approval with conditions needs at least one condition.");
  }
  if (event.decision !== "approve_with_conditions" && event.conditionCount > 0) {
    return refuse("VALIDATION", "Conditions go with an approval with conditions.");
  }
  const signOff: RecordedSignOff = { role: event.role, decision: event.decision };
  const decision = decideAssessment([...snapshot.signOffs, signOff]);
  return { ok: true, state: decision ?? "in_review", signOff, decided: decision !== null };
}

/** The decision once all three roles have signed, otherwise null. */
export function decideAssessment(signOffs: readonly RecordedSignOff[]): AssessmentState | null {
  if (pendingSignOffRoles(signOffs).length > 0) return null;
  if (signOffs.some((s) => s.decision === "reject")) return "rejected";
  if (signOffs.some((s) => s.decision === "approve_with_conditions")) return "approved_with_conditions";
  return "approved";
}

/** Roles still to sign, in the order of SIGN_OFF_ROLES. */
export function pendingSignOffRoles(signOffs: readonly RecordedSignOff[]): SignOffRole[] {
  return SIGN_OFF_ROLES.filter((role) => !signOffs.some((s) => s.role === role));
}

/** The sign-off role a user's role signs as, if any (admin signs nothing: separation of duties). */
export function reviewRoleOf(userRole: string): "legal" | "security" | null {
  return userRole === "legal" || userRole === "security" ? userRole : null;
}
