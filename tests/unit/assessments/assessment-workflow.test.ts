import { describe, expect, it } from "vitest";
import {
  applyWorkflowEvent,
  decideAssessment,
  pendingSignOffRoles,
  reviewRoleOf,
  type AssessmentState,
  type RecordedSignOff,
  type WorkflowEvent,
} from "@/lib/domain/assessments/assessment-workflow";

// The whole workflow as a table: state and sign-offs so far, the event, and
// the outcome (new state and whether it decided, or the refusal code).

const P: RecordedSignOff = { role: "procurement", decision: "submit" };
const legal = (decision: RecordedSignOff["decision"]): RecordedSignOff => ({ role: "legal", decision });
const security = (decision: RecordedSignOff["decision"]): RecordedSignOff => ({ role: "security", decision });
const submit: WorkflowEvent = { type: "submit" };
const sign = (role: "legal" | "security", decision: "approve" | "approve_with_conditions" | "reject", conditionCount = decision === "approve_with_conditions" ? 1 : 0): WorkflowEvent => ({
  type: "sign_off",
  role,
  decision,
  conditionCount,
});

type Expected = { state: AssessmentState; decided: boolean } | { refused: "INVALID_STATE" | "VALIDATION" };
type Row = [name: string, state: AssessmentState, signOffs: RecordedSignOff[], event: WorkflowEvent, expected: Expected, superseded?: boolean];

const rows: Row[] = [
  ["procurement submits a draft", "draft", [], submit, { state: "in_review", decided: false }],
  ["a draft cannot be signed off", "draft", [], sign("legal", "approve"), { refused: "INVALID_STATE" }],
  ["a review cannot be submitted again", "in_review", [P], submit, { refused: "INVALID_STATE" }],
  ["legal approves first: still in review", "in_review", [P], sign("legal", "approve"), { state: "in_review", decided: false }],
  ["security approves first: still in review", "in_review", [P], sign("security", "approve"), { state: "in_review", decided: false }],
  ["legal rejects first: the decision still waits for security", "in_review", [P], sign("legal", "reject"), { state: "in_review", decided: false }],
  ["all three approve → approved", "in_review", [P, legal("approve")], sign("security", "approve"), { state: "approved", decided: true }],
  ["one approval with conditions → approved with conditions", "in_review", [P, legal("approve_with_conditions")], sign("security", "approve"), { state: "approved_with_conditions", decided: true }],
  ["both with conditions → approved with conditions", "in_review", [P, security("approve_with_conditions")], sign("legal", "approve_with_conditions"), { state: "approved_with_conditions", decided: true }],
  ["security rejects after legal approved → rejected", "in_review", [P, legal("approve")], sign("security", "reject"), { state: "rejected", decided: true }],
  ["reject wins over conditions", "in_review", [P, legal("approve_with_conditions")], sign("security", "reject"), { state: "rejected", decided: true }],
  ["legal rejected earlier, security approves → rejected", "in_review", [P, legal("reject")], sign("security", "approve"), { state: "rejected", decided: true }],
  ["a role signs once", "in_review", [P, legal("approve")], sign("legal", "reject"), { refused: "INVALID_STATE" }],
  ["approve with conditions needs a condition", "in_review", [P], sign("legal", "approve_with_conditions", 0), { refused: "VALIDATION" }],
  ["conditions only go with approve with conditions", "in_review", [P], sign("security", "approve", 2), { refused: "VALIDATION" }],
  ["a decided assessment takes no more sign-offs", "approved", [P, legal("approve"), security("approve")], sign("legal", "reject"), { refused: "INVALID_STATE" }],
  ["a rejected assessment cannot be resubmitted", "rejected", [P, legal("reject"), security("approve")], submit, { refused: "INVALID_STATE" }],
  ["a superseded draft cannot be submitted", "draft", [], submit, { refused: "INVALID_STATE" }, true],
  ["a superseded review takes no sign-off", "in_review", [P], sign("legal", "approve"), { refused: "INVALID_STATE" }, true],
];

describe("applyWorkflowEvent", () => {
  for (const [name, state, signOffs, event, expected, superseded = false] of rows) {
    it(name, () => {
      const outcome = applyWorkflowEvent({ state, signOffs, superseded }, event);
      if ("refused" in expected) {
        expect(outcome.ok).toBe(false);
        if (!outcome.ok) {
          expect(outcome.code).toBe(expected.refused);
          expect(outcome.reason.length).toBeGreaterThan(10);
        }
      } else {
        expect(outcome).toMatchObject({ ok: true, state: expected.state, decided: expected.decided });
      }
    });
  }

  it("the submission is procurement's sign-off", () => {
    expect(applyWorkflowEvent({ state: "draft", signOffs: [], superseded: false }, submit)).toMatchObject({ signOff: { role: "procurement", decision: "submit" } });
  });
});

describe("decideAssessment", () => {
  it("waits for all three roles", () => {
    expect(decideAssessment([legal("reject"), security("reject")])).toBeNull();
    expect(decideAssessment([P, legal("approve")])).toBeNull();
    expect(decideAssessment([P, legal("approve"), security("approve")])).toBe("approved");
  });

  it("lists the roles still to sign in order", () => {
    expect(pendingSignOffRoles([])).toEqual(["procurement", "legal", "security"]);
    expect(pendingSignOffRoles([P, security("approve")])).toEqual(["legal"]);
  });

  it("only legal and security sign off (admin does not: separation of duties)", () => {
    expect(reviewRoleOf("legal")).toBe("legal");
    expect(reviewRoleOf("security")).toBe("security");
    expect(reviewRoleOf("admin")).toBeNull();
    expect(reviewRoleOf("procurement")).toBeNull();
    expect(reviewRoleOf("viewer")).toBeNull();
  });
});
