import { describe, expect, it } from "vitest";
import { notificationDelayHours } from "@/lib/domain/kpis/incident-notification";
import { buildDossier, incident, LOW_PROFILE, MODERATE_PROFILE, securityReview } from "./helpers/dossier-builder";
import { findingsOf, summary, withSettings } from "./helpers/run-findings";

// Contract SLA (seed 000): the vendor notifies us within 24 hours of detection.
// NOW is 15 Mar 2026 12:00 UTC.

describe("notificationDelayHours", () => {
  it.each([
    ["2025-10-02T08:00:00Z", "2025-10-02T14:30:00Z", 6.5],
    ["2025-10-02T08:00:00Z", "2025-10-03T08:00:00Z", 24],
    ["2025-10-02T08:00:00Z", "2025-10-03T10:00:00+02:00", 24], // offsets are instants
    ["2025-10-02T08:00:00Z", undefined, null],
  ])("%s → %s = %s", (detectedAt, notifiedAt, expected) => {
    expect(notificationDelayHours({ detectedAt, notifiedAt })).toBe(expected);
  });
});

describe("incident notification", () => {
  it.each([
    ["exactly 24 hours", "2025-10-03T08:00:00Z", []],
    ["24 hours and 1 minute", "2025-10-03T08:01:00Z", ["incident.notified_late:high"]],
  ])("notified after %s → %j", (_label, notifiedAt, expected) => {
    expect(summary(findingsOf(buildDossier({ incidents: [incident({ notifiedAt })] }), "incident."))).toEqual(expected);
  });

  it("quotes the delay and the SLA", () => {
    const [f] = findingsOf(buildDossier({ incidents: [incident({ notifiedAt: "2025-10-03T14:30:00Z" })] }), "incident.");
    expect(f?.observed).toBe("notified after 30 hours 30 minutes");
    expect(f?.threshold).toBe("within 24 hours");
    expect(f?.source).toContain("GDPR Art. 33");
  });

  it("never rounds a late notice down to the limit", () => {
    const [f] = findingsOf(buildDossier({ incidents: [incident({ notifiedAt: "2025-10-03T08:00:10Z" })] }), "incident.");
    expect(f?.observed).toBe("notified after 24 hours 1 minute");
  });

  it("mentions the GDPR clock when personal data was involved", () => {
    const [f] = findingsOf(
      buildDossier({ incidents: [incident({ notifiedAt: "2025-10-04T08:00:00Z", personalDataInvolved: true })] }),
      "incident.",
    );
    expect(f?.message).toContain("GDPR Art. 33 72-hour clock");
  });

  it.each([
    ["25 hours ago", "2026-03-14T11:00:00Z", ["incident.not_notified:high"]],
    ["exactly 24 hours ago", "2026-03-14T12:00:00Z", ["incident.notification_pending:low"]],
    ["2 hours ago", "2026-03-15T10:00:00Z", ["incident.notification_pending:low"]],
  ])("not notified, detected %s → %j", (_label, detectedAt, expected) => {
    const dossier = buildDossier({ incidents: [incident({ detectedAt, notifiedAt: undefined })] });
    expect(summary(findingsOf(dossier, "incident."))).toEqual(expected);
  });

  it("reads the SLA from settings", () => {
    const settings = withSettings((s) => {
      s.contract.incidentNotificationMaxHours = 48;
    });
    const dossier = buildDossier({ incidents: [incident({ notifiedAt: "2025-10-03T14:30:00Z" })] });
    expect(findingsOf(dossier, "incident.", { settings })).toEqual([]);
  });
});

describe("quarterly security reviews", () => {
  // Critical/High: overdue once more than 3 months since the last review.
  it.each([
    ["2025-12-15", []], // exactly 3 months
    ["2025-12-14", ["review.overdue:medium"]],
  ])("last review %s → %j", (heldOn, expected) => {
    expect(summary(findingsOf(buildDossier({ securityReviews: [securityReview({ heldOn })] }), "review."))).toEqual(expected);
  });

  it("flags a Critical vendor with no review at all", () => {
    expect(summary(findingsOf(buildDossier({ securityReviews: [] }), "review."))).toEqual(["review.none_held:medium"]);
  });

  it("uses the latest review", () => {
    const reviews = [securityReview({ id: "old", heldOn: "2024-01-10" }), securityReview()];
    expect(findingsOf(buildDossier({ securityReviews: reviews }), "review.")).toEqual([]);
  });

  it.each([MODERATE_PROFILE, LOW_PROFILE])("does not require quarterly reviews below High (%j)", (profile) => {
    expect(findingsOf(buildDossier({ profile, securityReviews: [] }), "review.")).toEqual([]);
  });
});
