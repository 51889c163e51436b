// The events webhooks carry (docs/webhooks.md, "Events"), each described by
// the code that makes the change and recorded in its transaction
// (record-events.ts). Each first asks whether any enabled subscription wants
// the type, so a portfolio without webhooks pays one cached check.
import { diffFindings, EVIDENCE_EXPIRY_KINDS } from "@/lib/domain/webhooks/webhook-events";
import type { DueReminder } from "@/lib/domain/reminders/reminder-selection";
import type { Tx } from "../db";
import type { FindingContent } from "../services/vendor-finding-changes";
import { appBaseUrl } from "../notifications/mailer";
import { recordWebhookEvents, wantsWebhookEvent, type WebhookEventDraft } from "./record-events";


const link = (path: string) => `${appBaseUrl()}${path}`;

async function vendorRef(tx: Tx, vendorId: string) {
  const vendor = await tx.vendor.findUnique({ where: { id: vendorId }, select: { name: true } });
  return { id: vendorId, name: vendor?.name ?? "", url: link(`/vendors/${encodeURIComponent(vendorId)}`) };
}

/**
 * Called where a vendor's stored findings are replaced
 * (services/vendor-summaries.ts) with the rows it read before writing: compares them with
 * the new ones and records "finding.opened" / "finding.resolved".
 */
export async function recordFindingChanges(tx: Tx, vendorId: string, previous: readonly FindingContent[], next: readonly FindingContent[]): Promise<void> {
  const opened = await wantsWebhookEvent(tx, "finding.opened");
  const resolved = await wantsWebhookEvent(tx, "finding.resolved");
  if (!opened && !resolved) return;
  const diff = diffFindings(previous, next);
  if ((!opened || diff.opened.length === 0) && (!resolved || diff.resolved.length === 0)) return;
  const vendor = await vendorRef(tx, vendorId);
  const describe = (f: FindingContent) => ({
    code: f.code,
    severity: f.severity,
    domain: f.domain,
    message: f.message,
    subject: { kind: f.subjectKind, id: f.subjectId, label: f.subjectLabel },
  });
  const drafts: WebhookEventDraft[] = [
    ...(opened ? diff.opened.map((f) => ({ type: "finding.opened" as const, data: { vendor, finding: describe(f) } })) : []),
    ...(resolved ? diff.resolved.map((f) => ({ type: "finding.resolved" as const, data: { vendor, finding: describe(f) } })) : []),
  ];
  await recordWebhookEvents(tx, drafts);
}

/** An assessment moved from one workflow state to another (submitted, signed off, decided). */
export async function recordAssessmentStateChange(tx: Tx, a: { assessmentId: string; vendorId: string; version: number; from: string; to: string }): Promise<void> {
  if (a.from === a.to || !(await wantsWebhookEvent(tx, "assessment.state_changed"))) return;
  const vendor = await vendorRef(tx, a.vendorId);
  await recordWebhookEvents(tx, [
    {
      type: "assessment.state_changed",
      data: { vendor, assessment: { id: a.assessmentId, version: a.version, from: a.from, to: a.to, url: link(`/assessments/${encodeURIComponent(a.assessmentId)}`) } },
    },
  ]);
}

/**
 * Evidence reaching a reminder stage (a window, its day, overdue), from the
 * daily reminder run. The key makes each (item, date, stage) one event,
 * however often the run repeats.
 */
export async function recordEvidenceExpiring(tx: Tx, due: readonly DueReminder[]): Promise<void> {
  const evidence = due.filter((d) => EVIDENCE_EXPIRY_KINDS.includes(d.item.kind));
  if (evidence.length === 0 || !(await wantsWebhookEvent(tx, "evidence.expiring"))) return;
  await recordWebhookEvents(
    tx,
    evidence.map(({ item, stage, daysLeft }) => ({
      type: "evidence.expiring" as const,
      key: `evidence.expiring:${item.kind}:${item.itemId}:${item.date}:${stage}`,
      data: {
        vendor: { id: item.vendorId, name: item.vendorName, url: link(`/vendors/${encodeURIComponent(item.vendorId)}`) },
        evidence: { kind: item.kind, recordId: item.itemId, date: item.date, stage, daysLeft },
      },
    })),
  );
}

/**
 * A legal change moved the vendor's legal revision past its latest sign-off
 * (services/legal-records.ts): the sign-off just became outdated. Once per
 * sign-off: further changes leave it outdated, not newly so.
 */
export async function recordSignOffOutdated(tx: Tx, vendorId: string, legalRevision: number): Promise<void> {
  if (!(await wantsWebhookEvent(tx, "signoff.outdated"))) return;
  const latest = await tx.legalSignOff.findFirst({ where: { vendorId }, orderBy: [{ signedAt: "desc" }, { id: "desc" }], select: { id: true, signedAt: true, legalRevision: true } });
  // Current until this change: its revision was the one just left behind.
  if (!latest || latest.legalRevision < legalRevision - 1 || latest.legalRevision >= legalRevision) return;
  const vendor = await vendorRef(tx, vendorId);
  await recordWebhookEvents(tx, [
    {
      type: "signoff.outdated",
      key: `signoff.outdated:${latest.id}`,
      data: { vendor, signOff: { id: latest.id, signedAt: latest.signedAt.toISOString(), legalRevision: latest.legalRevision }, legalRevision },
    },
  ]);
}
