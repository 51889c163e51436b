// One demo vendor carries a risk acceptance that has lapsed while the finding
// it accepted is still open, so the demo shows "risk_acceptance.expired"
// (docs/assessments.md, "Risk acceptance"). It is recorded the way a user
// would record it, through the assessment and risk-acceptance services, only
// with their clock set back: an assessment 40 days ago, accepted for 30 days.
import { addDaysToDay, addDaysToInstant } from "@/lib/domain/dates";
import { findingKey, type Finding } from "@/lib/domain/findings/finding";
import { findingsNeedingAcceptance } from "@/lib/domain/assessments/risk-acceptance";
import { isRole } from "@/lib/domain/accounts/roles";
import type { Actor } from "@/lib/server/actor";
import type { Tx } from "@/lib/server/db";
import { refreshVendorSummary } from "@/lib/server/services/vendor-summaries";
import { createAssessment } from "@/lib/server/services/assessments/create";
import { createRiskAcceptance } from "@/lib/server/services/risk-acceptance";

/** Chosen because its High finding (a remote site without VPN) holds for any `now`. */
export const DEMO_EXPIRED_ACCEPTANCE_VENDOR = "Warta Digital Services";
const RECORDED_DAYS_AGO = 40;
const HELD_FOR_DAYS = 30;

async function demoActor(tx: Tx, email: string): Promise<Actor | null> {
  const user = await tx.user.findUnique({ where: { email } });
  if (!user || !isRole(user.role)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** Returns the acceptance's id, or null when the vendor, the demo users or a High finding is missing, or the vendor already has an acceptance. */
export async function seedExpiredRiskAcceptance(tx: Tx, now: Date): Promise<string | null> {
  const vendor = await tx.vendor.findFirst({ where: { name: DEMO_EXPIRED_ACCEPTANCE_VENDOR, isDemo: true }, select: { id: true } });
  const procurement = await demoActor(tx, "procurement@assay.demo");
  const security = await demoActor(tx, "security@assay.demo");
  if (!vendor || !procurement || !security) return null;
  if ((await tx.riskAcceptance.count({ where: { vendorId: vendor.id } })) > 0) return null;

  const recordedAt = addDaysToInstant(now, -RECORDED_DAYS_AGO);
  const assessment = await createAssessment({ actor: procurement, input: { vendorId: vendor.id }, now: recordedAt }, tx);
  const accepted = findingsNeedingAcceptance(assessment.findings as unknown as Finding[]);
  if (accepted.length === 0) return null;
  const acceptance = await createRiskAcceptance(
    {
      actor: security,
      input: {
        assessmentId: assessment.id,
        findingKeys: accepted.map(findingKey),
        reason: "Remote agents without VPN accepted while the vendor rolls out its always-on VPN client; to be reviewed when the rollout ends.",
        expiresOn: addDaysToDay(recordedAt, HELD_FOR_DAYS),
      },
      now: recordedAt,
    },
    tx,
  );
  // The vendor list reads the stored summary: count the lapsed acceptance now.
  await refreshVendorSummary(tx, vendor.id, now);
  return acceptance.id;
}
