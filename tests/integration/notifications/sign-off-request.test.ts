// Submitting an assessment notifies legal and security at once: in the app
// (recorded in the submission's transaction) and by email through the same
// delivery as the digest, against a real SMTP server on loopback.
import { afterAll, beforeAll, expect, it } from "vitest";
import { ensureControlCatalogue } from "@/lib/server/dossier/control-catalogue";
import { createAssessment } from "@/lib/server/services/assessments/create";
import { submitAssessment } from "@/lib/server/services/assessments/submit";
import { ensureSettings, makeActor } from "../helpers/fixtures";
import { forEachProvider } from "../helpers/test-database";
import { buildAssessedVendor } from "../assessments/build-vendor";
import { startSmtpSink } from "./smtp-sink";

forEachProvider("sign-off requests", (t) => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  const previous = { smtp: process.env.SMTP_URL, app: process.env.APP_URL };

  beforeAll(async () => {
    sink = await startSmtpSink();
    process.env.SMTP_URL = sink.url;
    process.env.APP_URL = "https://assay.example.test/";
    await ensureSettings();
    await t.db.$transaction((tx) => ensureControlCatalogue(tx));
  });

  afterAll(async () => {
    for (const [key, value] of [["SMTP_URL", previous.smtp], ["APP_URL", previous.app]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    await sink?.close();
  });

  it("every active legal and security user is notified in the app and by email; nobody else is", async () => {
    const actors = {
      admin: await makeActor("admin"),
      procurement: await makeActor("procurement"),
      legal: await makeActor("legal"),
      security: await makeActor("security"),
      viewer: await makeActor("viewer"),
    };
    const secondLegal = await makeActor("legal");
    const inactiveSecurity = await makeActor("security");
    await t.db.user.update({ where: { id: inactiveSecurity.id }, data: { active: false } });

    const { vendor } = await buildAssessedVendor(actors, "Sign-off Request BPO");
    const draft = await createAssessment({ actor: actors.procurement, input: { vendorId: vendor.id } });
    const before = await t.db.notification.count();
    await submitAssessment({ actor: actors.procurement, input: { assessmentId: draft.id, lockVersion: draft.lockVersion, comment: "Please review" } });

    const recorded = await t.db.notification.findMany({ where: { itemId: draft.id }, orderBy: { userId: "asc" } });
    expect(await t.db.notification.count()).toBe(before + 3);
    expect(recorded.map((n) => n.userId).sort()).toEqual([actors.legal.id, actors.security.id, secondLegal.id].sort());
    for (const n of recorded) {
      expect(n).toMatchObject({ type: "sign_off_request", readAt: null, href: `/assessments/${draft.id}` });
      expect(n.title).toContain("Sign-off Request BPO");
    }

    // The email follows the commit without delaying the submission: wait for it to arrive.
    const deadline = Date.now() + 10_000;
    while (sink.messages.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(sink.messages.map((m) => m.to.join(",")).sort()).toEqual([actors.legal.email, actors.security.email, secondLegal.email].sort());
    for (const { mail } of sink.messages) {
      expect(mail.subject).toBe(`Assay: Sign-off requested: Sign-off Request BPO, assessment v${draft.version}`);
      expect(mail.text).toContain(`https://assay.example.test/assessments/${draft.id}`);
      expect(mail.html).toContain(`href="https://assay.example.test/assessments/${draft.id}"`);
    }
    // Each row is marked sent after its message is accepted, so the last mark may trail the last message.
    const sent = () => t.db.notification.count({ where: { itemId: draft.id, emailState: "sent" } });
    while ((await sent()) < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await sent()).toBe(3);
  });
});
