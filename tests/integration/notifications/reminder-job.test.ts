// The reminder job end to end: real database (SQLite and PostgreSQL), real
// SMTP server on loopback, real MIME parsing of what arrived. The expected
// emails are worked out below from the rule (docs/reminders.md): the owner
// (or, without one, the responsible role) hears once per item and stage.
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { addDaysToDay, formatIsoDay } from "@/lib/domain/dates";
import { createPrismaClient } from "@/lib/server/db";
import { deliverPendingEmails } from "@/lib/server/notifications/deliver-emails";
import { createMailer } from "@/lib/server/notifications/mailer";
import { runReminderJob } from "@/lib/server/notifications/reminder-job";
import { ensureSettings, makeActor } from "../helpers/fixtures";
import { forEachProvider } from "../helpers/test-database";
import { startSmtpSink } from "./smtp-sink";

const NOW = new Date("2026-06-10T07:00:00Z");
const TODAY = formatIsoDay(NOW);
const day = (n: number) => addDaysToDay(TODAY, n);
const BASE = "https://assay.example.test";
const SCOPE_TEXT = "Scope text that is evidence content and must never be emailed";

forEachProvider("reminder job", (t) => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let mailer: ReturnType<typeof createMailer>;
  const people = {} as Record<"olive" | "oscar" | "sec" | "legal", { id: string; email: string }>;
  const vendors = {} as Record<"v1" | "v2" | "v3", string>;

  async function vendor(name: string, ownerId: string | null, blockerCount = 0) {
    const v = await t.db.vendor.create({
      data: { name, searchName: name.toLowerCase(), legalName: name, country: "PH", tier: "low", tierRank: 3, ownerId, blockerCount },
    });
    return v.id;
  }
  const iso = (vendorId: string, expiryDate: string) =>
    t.db.isoCertificate.create({
      data: { vendorId, certificateNumber: "ISMS 1", certificationBody: "Body", accredited: true, standardVersion: "2022", issueDate: "2024-01-01", expiryDate, scopeText: SCOPE_TEXT },
    });
  const insurance = (vendorId: string, expiryDate: string) =>
    t.db.insurancePolicy.create({
      data: { vendorId, carrier: "Carrier", policyNumber: "P-1", perOccurrenceMinor: 100n, aggregateMinor: 100n, currency: "USD", expiryDate, additionalInsured: false },
    });

  beforeAll(async () => {
    sink = await startSmtpSink();
    mailer = createMailer(sink.url, "Assay <reminders@assay.test>");
    await ensureSettings();
    for (const [key, role] of [["olive", "procurement"], ["oscar", "procurement"], ["sec", "security"], ["legal", "legal"]] as const) {
      const a = await makeActor(role);
      people[key] = { id: a.id, email: a.email };
    }
    await t.db.notificationPreference.create({ data: { userId: people.oscar.id, digestOptOut: true } });
    vendors.v1 = await vendor("Olive's Vendor", people.olive.id);
    vendors.v2 = await vendor("Nimbus <Support> & Co", null);
    vendors.v3 = await vendor("Oscar's Vendor", people.oscar.id, 2);
    await iso(vendors.v1, day(30)); // Olive: the 30-day window
    await insurance(vendors.v1, day(61)); // outside every window: nothing
    await t.db.remediationItem.create({ data: { vendorId: vendors.v1, title: "Fix MFA", dueDate: day(-1) } }); // no owner of its own: Olive, overdue
    await iso(vendors.v2, day(7)); // no owner: security, the 7-day window
    await insurance(vendors.v2, day(0)); // no owner: procurement (Olive and Oscar), due today
    await t.db.remediationItem.create({ data: { vendorId: vendors.v3, title: "Sign DPA", dueDate: day(59), ownerId: people.legal.id } }); // its own owner: legal, 60-day window
    await t.db.remediationItem.create({ data: { vendorId: vendors.v3, title: "Done already", dueDate: day(7), status: "done" } }); // closed: nothing
  });

  afterAll(async () => {
    mailer?.close?.();
    await sink?.close();
  });

  beforeEach(async () => {
    await t.db.notification.deleteMany();
    sink.messages.length = 0;
  });

  const job = (client = t.db) => runReminderJob({ client, now: NOW, mailer, baseUrl: BASE });
  const byRecipient = () => new Map(sink.messages.map((m) => [m.to.join(","), m.mail]));

  it("emails each person exactly their items, with text and HTML parts linking to the records, and a second run sends nothing", async () => {
    const first = await job();
    // Olive 3 + security 1 + procurement's due-today insurance to Oscar 1 + Oscar's blocker 1 + legal 1.
    expect(first.created).toBe(7);
    expect(first.delivery).toMatchObject({ emailsSent: 4, notificationsEmailed: 6, notificationsSkipped: 1, failures: 0 });
    expect(sink.messages).toHaveLength(4);
    const mails = byRecipient();
    expect([...mails.keys()].sort()).toEqual([people.olive.email, people.oscar.email, people.sec.email, people.legal.email].sort());

    const olive = mails.get(people.olive.email)!;
    expect(olive.from?.value[0]).toMatchObject({ name: "Assay", address: "reminders@assay.test" });
    expect(olive.text).toContain(`ISO 27001 certificate expires: Olive's Vendor, in 30 days (${day(30)})`);
    expect(olive.text).toContain(`Remediation item due: Olive's Vendor, overdue since ${day(-1)}`);
    expect(olive.text).toContain(`Cyber insurance expires: Nimbus <Support> & Co, today (${TODAY})`);
    expect(olive.text).not.toContain(day(61));
    expect(olive.text).toContain(`${BASE}/vendors/${vendors.v1}/assurance`);
    expect(olive.text).toContain(`${BASE}/vendors/${vendors.v1}/assessments`);
    expect(olive.text).toContain(`${BASE}/vendors/${vendors.v2}/insurance`);
    // The HTML part says the same, escaped, with real links.
    expect(olive.html).toContain(`<a href="${BASE}/vendors/${vendors.v2}/insurance">Cyber insurance expires: Nimbus &lt;Support&gt; &amp; Co, today (${TODAY})</a>`);
    expect(olive.html).not.toContain("<Support>");

    const sec = mails.get(people.sec.email)!;
    expect(sec.text).toContain(`ISO 27001 certificate expires: Nimbus <Support> & Co, in 7 days (${day(7)})`);
    expect(sec.text).not.toContain("Olive's Vendor");

    // Oscar opted out of the digest: the due-today insurance is recorded but not emailed; the blocker alert is.
    const oscar = mails.get(people.oscar.email)!;
    expect(oscar.text).toContain("Oscar's Vendor has 2 blocker findings");
    expect(oscar.text).not.toContain("Cyber insurance");
    expect(oscar.subject).toContain("blocker");
    expect(await t.db.notification.count({ where: { userId: people.oscar.id, itemKind: "insurance_expiry", emailState: "skipped" } })).toBe(1);

    const legal = mails.get(people.legal.email)!;
    expect(legal.text).toContain(`Remediation item due: Oscar's Vendor, in 59 days (${day(59)})`);
    expect(legal.text).not.toContain("Done already");

    for (const { mail } of sink.messages) {
      expect(mail.text).not.toContain(SCOPE_TEXT);
      expect(mail.html || "").not.toContain(SCOPE_TEXT);
    }

    const second = await job();
    expect(second.created).toBe(0);
    expect(second.delivery?.emailsSent).toBe(0);
    expect(sink.messages).toHaveLength(4);
  });

  it("a blocker count that rises alerts again; one that stays the same does not", async () => {
    await job();
    sink.messages.length = 0;
    await t.db.vendor.update({ where: { id: vendors.v3 }, data: { blockerCount: 3 } });
    try {
      const rerun = await job();
      expect(rerun.created).toBe(1);
      expect(sink.messages.map((m) => m.to)).toEqual([[people.oscar.email]]);
      expect(sink.messages[0]!.mail.text).toContain("Oscar's Vendor has 3 blocker findings");
    } finally {
      await t.db.vendor.update({ where: { id: vendors.v3 }, data: { blockerCount: 2 } });
    }
  });

  it("with no SMTP configured, reminders are recorded for the bell and nothing is sent", async () => {
    const result = await runReminderJob({ client: t.db, now: NOW, mailer: null, baseUrl: BASE });
    expect(result.created).toBe(7);
    expect(await t.db.notification.count({ where: { readAt: null } })).toBe(7);
    expect(await t.db.notification.count({ where: { emailState: "skipped" } })).toBe(7);
    expect(sink.messages).toHaveLength(0);
  });

  it("a dry run counts what is due and records nothing", async () => {
    const result = await runReminderJob({ client: t.db, now: NOW, dryRun: true, mailer, baseUrl: BASE });
    expect(result).toMatchObject({ due: 7, created: 7, delivery: null });
    expect(await t.db.notification.count()).toBe(0);
    expect(sink.messages).toHaveLength(0);
  });

  it("four runs at once, each with its own database client (four servers), send each reminder once", async () => {
    const others = [createPrismaClient(t.url), createPrismaClient(t.url), createPrismaClient(t.url)];
    sink.slowDown(300);
    try {
      const runs = await Promise.all([job(), ...others.map((c) => job(c))]);
      expect(runs.reduce((sum, r) => sum + r.created, 0)).toBe(7);
      expect(runs.reduce((sum, r) => sum + (r.delivery?.notificationsEmailed ?? 0), 0)).toBe(6);
      expect(await t.db.notification.count()).toBe(7);
      const lines = sink.messages.flatMap((m) => m.mail.text!.split("\n").filter((l) => l.startsWith("- ")).map((l) => `${m.to.join(",")} ${l}`));
      expect(lines).toHaveLength(6);
      expect(new Set(lines).size).toBe(6);
    } finally {
      sink.slowDown(0);
      await Promise.all(others.map((c) => c.$disconnect()));
    }
  });

  it("four deliveries at once against a slow mail server email each pending notification once, and a failed send is retried", async () => {
    // Record everything while the mail server refuses: the claims go back to pending.
    const refused = await runReminderJob({ client: t.db, now: NOW, mailer: { send: () => Promise.reject(new Error("421 try later")) }, baseUrl: BASE });
    expect(refused.delivery).toMatchObject({ emailsSent: 0, failures: 4 });
    expect(await t.db.notification.count({ where: { emailState: "pending" } })).toBe(6);
    const others = [createPrismaClient(t.url), createPrismaClient(t.url), createPrismaClient(t.url)];
    sink.slowDown(300);
    try {
      const runs = await Promise.all([t.db, ...others].map((client) => deliverPendingEmails({ client, mailer, baseUrl: BASE, now: NOW })));
      expect(runs.reduce((sum, r) => sum + r.notificationsEmailed, 0)).toBe(6);
      expect(sink.messages).toHaveLength(4);
      expect(new Set(sink.messages.map((m) => m.to.join(","))).size).toBe(4);
      expect(await t.db.notification.count({ where: { emailState: "sent" } })).toBe(6);
    } finally {
      sink.slowDown(0);
      await Promise.all(others.map((c) => c.$disconnect()));
    }
  });
});
