import { createAssessment } from "@/lib/server/services/assessments/create";
import { signOffAssessment } from "@/lib/server/services/assessments/sign-off";
import { submitAssessment } from "@/lib/server/services/assessments/submit";
import { findingKey, type Finding } from "@/lib/domain/findings/finding";
import type { CaseContext, CaseTable } from "./types";

// Assessments, sign-offs and remediation.

async function draft(ctx: CaseContext) {
  const vendor = await ctx.freshVendor();
  return createAssessment({ actor: ctx.actors.procurement, input: { vendorId: vendor.id } });
}

async function inReview(ctx: CaseContext) {
  const a = await draft(ctx);
  return submitAssessment({ actor: ctx.actors.procurement, input: { assessmentId: a.id, lockVersion: a.lockVersion, comment: "Ready for review" } });
}

const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

export const cases: CaseTable = {
  "app/(app)/assessments/actions.ts#createAssessmentAction": {
    kind: "mutation",
    permission: "assessment.create",
    audit: "assessment.create",
    arrange: async (ctx) => ({ input: { vendorId: (await ctx.freshVendor()).id } }),
  },
  "app/(app)/assessments/actions.ts#submitAssessmentAction": {
    kind: "mutation",
    permission: "assessment.submit",
    audit: "assessment.submit",
    arrange: async (ctx) => {
      const a = await draft(ctx);
      return { input: { assessmentId: a.id, lockVersion: a.lockVersion, comment: "" } };
    },
  },
  "app/(app)/assessments/actions.ts#signOffAssessmentAction": {
    // One action, two permissions: legal signs legal's part, security security's.
    variants: (["legal", "security"] as const).map((role) => ({
      label: `as ${role}`,
      kind: "mutation" as const,
      permission: ["assessment.signoff.legal", "assessment.signoff.security"] as const,
      as: role,
      audit: "assessment.sign_off",
      arrange: async (ctx: CaseContext) => {
        const a = await inReview(ctx);
        // A fresh vendor has almost no evidence and is rated Critical: only a reject is allowed (docs/assessments.md).
        return { input: { assessmentId: a.id, lockVersion: a.lockVersion, decision: "reject", comment: "No evidence yet.", conditions: [] } };
      },
    })),
  },
  "app/(app)/assessments/risk-actions.ts#createRiskAcceptanceAction": {
    kind: "mutation",
    permission: "risk.accept",
    audit: "risk_acceptance.create",
    arrange: async (ctx) => {
      const a = await inReview(ctx);
      const findings = a.findings as unknown as Finding[];
      return { input: { assessmentId: a.id, reason: "Accepted while the vendor remediates.", findingKeys: [findingKey(findings[0]!)], expiresOn: inAMonth() } };
    },
  },
  "app/(app)/assessments/actions.ts#updateRemediationAction": {
    kind: "mutation",
    permission: "remediation.manage",
    audit: "remediation.update",
    arrange: async (ctx) => {
      const a = await inReview(ctx);
      await signOffAssessment({
        actor: ctx.actors.security,
        input: { assessmentId: a.id, lockVersion: a.lockVersion, decision: "reject", comment: "MFA for remote agents first.", conditions: [] },
      });
      // Remediation items come from approvals with conditions; the band of a fresh vendor allows none, so the item is made directly.
      await ctx.db.remediationItem.create({ data: { vendorId: a.vendorId, assessmentId: a.id, title: "Enforce MFA for remote agents", ownerId: ctx.actors.security.id, dueDate: inAMonth() } });
      const item = await ctx.db.remediationItem.findFirstOrThrow({ where: { assessmentId: a.id } });
      return { input: { id: item.id, version: item.version, status: "in_progress", ownerId: item.ownerId ?? "", dueDate: item.dueDate } };
    },
  },
};
