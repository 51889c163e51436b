import { logger } from "../logger";
import type { Tx } from "../db";
import { deliverPendingEmails } from "./deliver-emails";
import { recordNotifications } from "./notification-store";

// Sign-off requests (docs/reminders.md, "Sign-off requests"): an assessment
// submitted for review notifies every active legal and security user at once,
// in the same transaction as the submission, so a submission never exists
// without its notices. The email goes out through the same delivery as the
// digest, right after the transaction commits.

const SIGN_OFF_ROLES = ["legal", "security"];

/** Records one sign-off request per legal and security user; returns who was notified. */
export async function recordSignOffRequests(
  tx: Tx,
  { assessmentId, vendorId, version, lockVersion }: { assessmentId: string; vendorId: string; version: number; lockVersion: number },
): Promise<string[]> {
  const [vendor, users] = await Promise.all([
    tx.vendor.findUniqueOrThrow({ where: { id: vendorId }, select: { name: true } }),
    tx.user.findMany({ where: { active: true, role: { in: SIGN_OFF_ROLES } }, select: { id: true }, orderBy: { id: "asc" } }),
  ]);
  await recordNotifications(
    tx,
    users.map((u) => ({
      userId: u.id,
      type: "sign_off_request" as const,
      itemKind: "assessment",
      itemId: assessmentId,
      // Each submission is its own request: a resubmission after a rejection asks again.
      stage: `submitted:${lockVersion}`,
      vendorId,
      vendorName: vendor.name,
      dueDate: null,
      title: `Sign-off requested: ${vendor.name}, assessment v${version}`,
      href: `/assessments/${encodeURIComponent(assessmentId)}`,
    })),
  );
  return users.map((u) => u.id);
}

/** Emails the pending notifications of these users now, without holding up the caller. */
export function emailNow(userIds: string[]): void {
  if (userIds.length === 0 || !process.env.SMTP_URL) return;
  void deliverPendingEmails({ userIds }).catch((error: unknown) => logger.error({ err: error }, "emailing sign-off requests failed; the next reminder run retries"));
}
