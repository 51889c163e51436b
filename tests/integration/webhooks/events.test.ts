// The events webhooks carry (docs/webhooks.md, "Events") are recorded by the
// changes that cause them, in their transaction: findings opening and
// resolving as a vendor's findings are rewritten, an assessment changing
// state, evidence reaching a reminder window (once, however often the daily
// run repeats), and a legal sign-off becoming outdated. Both databases.
import { afterAll, beforeAll, expect, it } from "vitest";
import { findingIdentity } from "@/lib/domain/webhooks/webhook-events";
import { ensureControlCatalogue } from "@/lib/server/dossier/control-catalogue";
import { runReminderJob } from "@/lib/server/notifications/reminder-job";
import { createAssessment } from "@/lib/server/services/assessments/create";
import { submitAssessment } from "@/lib/server/services/assessments/submit";
import { saveDossierRecord } from "@/lib/server/services/dossier-records";
import { signOffLegalReview, getLegalSignOffState } from "@/lib/server/services/legal-signoff";
import { createVendor } from "@/lib/server/services/vendors";
import { createWebhook, setWebhookEnabled } from "@/lib/server/services/webhooks";
import { ensureSettings, firstOfMonthAgo, makeActor, soc2Report, validVendor } from "../helpers/fixtures";
import { forEachProvider } from "../helpers/test-database";

const ALL_EVENTS = ["finding.opened", "finding.resolved", "assessment.state_changed", "evidence.expiring", "signoff.outdated"];

forEachProvider("webhook events", (t) => {
  let admin: Awaited<ReturnType<typeof makeActor>>;
  let all: string;
  let resolvedOnly: string;
  let disabled: string;

  beforeAll(async () => {
    process.env.ASSAY_WEBHOOK_ALLOW_LOOPBACK = "true";
    await ensureSettings();
    await t.db.$transaction((tx) => ensureControlCatalogue(tx));
    admin = await makeActor("admin");
    // Nothing listens there: these tests read the outbox, not the wire.
    all = (await createWebhook({ actor: admin, input: { name: "All", url: "http://127.0.0.1:9/all", events: ALL_EVENTS } })).id;
    resolvedOnly = (await createWebhook({ actor: admin, input: { name: "Resolved", url: "http://127.0.0.1:9/resolved", events: ["finding.resolved"] } })).id;
    disabled = (await createWebhook({ actor: admin, input: { name: "Off", url: "http://127.0.0.1:9/off", events: ALL_EVENTS } })).id;
    await setWebhookEnabled({ actor: admin, input: { id: disabled, version: 1, enabled: false } });
    delete process.env.ASSAY_WEBHOOK_ALLOW_LOOPBACK;
  });

  // Other files share this database: leave no subscription behind to collect their events.
  afterAll(async () => {
    await t.db.webhookSubscription.deleteMany();
  });

  const deliveries = async (subscriptionId: string, eventType: string, vendorId: string) =>
    (await t.db.webhookDelivery.findMany({ where: { subscriptionId, eventType }, orderBy: { createdAt: "asc" } }))
      .map((d) => JSON.parse(d.payload) as { id: string; type: string; data: { vendor: { id: string; name: string }; [k: string]: unknown } })
      .filter((p) => p.data.vendor.id === vendorId);
  const findingsOf = async (vendorId: string) => t.db.vendorFinding.findMany({ where: { vendorId } });
  const identities = (rows: { code: string; subjectKind: string; subjectId: string | null }[]) => rows.map(findingIdentity).sort();

  it("records each finding that opens and each that resolves, for the subscriptions that want them", async () => {
    const vendor = await createVendor({ actor: await makeActor("procurement"), input: { ...validVendor, name: "Hooked Findings Ltd" } });
    const before = await findingsOf(vendor.id);
    expect(before.length).toBeGreaterThan(0);
    const opened = await deliveries(all, "finding.opened", vendor.id);
    const asFindings = (events: Awaited<typeof opened>) =>
      events.map((e) => {
        const f = e.data.finding as { code: string; subject: { kind: string; id: string | null } };
        return { code: f.code, subjectKind: f.subject.kind, subjectId: f.subject.id };
      });
    expect(identities(asFindings(opened))).toEqual(identities(before));
    expect(opened[0]!.data.vendor.name).toBe("Hooked Findings Ltd");
    expect(await deliveries(resolvedOnly, "finding.opened", vendor.id)).toHaveLength(0);
    expect(await t.db.webhookDelivery.count({ where: { subscriptionId: disabled } })).toBe(0);

    // A current SOC 2 report resolves the findings about its absence.
    await saveDossierRecord({ actor: await makeActor("security"), input: { vendorId: vendor.id, kind: "soc2", data: soc2Report(2) } });
    const after = await findingsOf(vendor.id);
    const gone = before.filter((f) => !identities(after).includes(findingIdentity(f)));
    const added = after.filter((f) => !identities(before).includes(findingIdentity(f)));
    expect(gone.length).toBeGreaterThan(0);
    for (const sub of [all, resolvedOnly]) expect(identities(asFindings(await deliveries(sub, "finding.resolved", vendor.id)))).toEqual(identities(gone));
    expect(identities(asFindings(await deliveries(all, "finding.opened", vendor.id)))).toEqual(identities([...before, ...added]));
    // One event id per event, shared by every subscription that receives it.
    const ids = (await deliveries(all, "finding.resolved", vendor.id)).map((e) => e.id).sort();
    expect((await deliveries(resolvedOnly, "finding.resolved", vendor.id)).map((e) => e.id).sort()).toEqual(ids);
  });

  it("records an assessment's change of state", async () => {
    const procurement = await makeActor("procurement");
    const vendor = await createVendor({ actor: procurement, input: { ...validVendor, name: "Hooked Assessment Ltd" } });
    const draft = await createAssessment({ actor: procurement, input: { vendorId: vendor.id } });
    expect(await deliveries(all, "assessment.state_changed", vendor.id)).toHaveLength(0);
    await submitAssessment({ actor: procurement, input: { assessmentId: draft.id, lockVersion: draft.lockVersion, comment: "Please review" } });
    const [event, ...more] = await deliveries(all, "assessment.state_changed", vendor.id);
    expect(more).toHaveLength(0);
    expect(event!.data.assessment).toMatchObject({ id: draft.id, version: draft.version, from: "draft", to: "in_review" });
  });

  it("records evidence reaching a reminder window once, however often the daily run repeats", async () => {
    const vendor = await createVendor({ actor: await makeActor("procurement"), input: { ...validVendor, name: "Hooked Expiry Ltd" } });
    // Period ended 13 months ago: the report goes stale (14 months, docs/rules.md) within the next month.
    await saveDossierRecord({ actor: await makeActor("security"), input: { vendorId: vendor.id, kind: "soc2", data: { ...soc2Report(13), periodEnd: firstOfMonthAgo(13) } } });
    await runReminderJob({ mailer: null });
    await runReminderJob({ mailer: null });
    const events = await deliveries(all, "evidence.expiring", vendor.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.data.evidence).toMatchObject({ kind: "soc2_stale", stage: expect.stringMatching(/^window:\d+$/) });
    // The dry run records nothing.
    await runReminderJob({ mailer: null, dryRun: true });
    expect(await deliveries(all, "evidence.expiring", vendor.id)).toHaveLength(1);
  });

  it("records a legal sign-off becoming outdated, once per sign-off", async () => {
    const legal = await makeActor("legal");
    const vendor = await createVendor({ actor: await makeActor("procurement"), input: { ...validVendor, name: "Hooked Sign-off Ltd", industries: ["saas"], dataCategories: [], accessLevel: "read_only" } });
    await saveDossierRecord({ actor: legal, input: { vendorId: vendor.id, kind: "contract", data: { type: "msa", status: "draft", renewal: "auto" } } });
    // Changes before any sign-off outdate nothing.
    expect(await deliveries(all, "signoff.outdated", vendor.id)).toHaveLength(0);
    const { legalRevision } = await getLegalSignOffState({ actor: legal, vendorId: vendor.id });
    await signOffLegalReview({ actor: legal, input: { vendorId: vendor.id, legalRevision, comment: "Reviewed." } });
    await saveDossierRecord({ actor: legal, input: { vendorId: vendor.id, kind: "clause", data: { clauseCode: "incident_notification", presence: "missing" } } });
    await saveDossierRecord({ actor: legal, input: { vendorId: vendor.id, kind: "clause", data: { clauseCode: "right_to_audit", presence: "missing" } } });
    const events = await deliveries(all, "signoff.outdated", vendor.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ signOff: { legalRevision }, legalRevision: legalRevision + 1 });
  });
});
