// The daily reminder run on the job queue (docs/reminders.md, "When it
// runs"), in this process, on both providers: however many checks see the day
// due, one run is sent and runs once; a run that fails is retried by the queue
// after a delay and then finishes. The failure is real: the notifications
// table is renamed away under the run, and back before the retry. The
// in-server schedule sends the run by itself, unless ASSAY_REMINDERS=off.
import { setTimeout as sleep } from "node:timers/promises";
import { beforeAll, expect, it } from "vitest";
import { formatIsoDay } from "@/lib/domain/dates";
import { jobQueue } from "@/lib/server/jobs/job-queue";
import { checkReminderRuns } from "@/lib/server/notifications/reminder-run";
import { startReminderScheduler, stopReminderScheduler } from "@/lib/server/notifications/reminder-schedule";
import { forEachProvider } from "../helpers/test-database";
import { ownerWithReminderToday, remindAtMidnight, waitForRun } from "./reminder-run-fixtures";

forEachProvider("daily reminder run on the job queue", (t) => {
  let ownerId: string;
  beforeAll(async () => {
    await remindAtMidnight(t);
    ownerId = (await ownerWithReminderToday(t)).id;
    // This process works the queue, as every server does (on SQLite a job runs where it was sent anyway).
    await jobQueue().work("reminders.daily");
  });

  it("three checks at once send the day's run once; it runs once and records the reminder", async () => {
    const now = new Date();
    const day = formatIsoDay(now);
    const sent = await Promise.all([checkReminderRuns(now), checkReminderRuns(now), checkReminderRuns(now)]);
    expect(sent.flat()).toEqual([day]);
    const run = await waitForRun(t, day, (r) => r.status === "done");
    expect(run).toMatchObject({ attempts: 1, error: null, due: 1, created: 1 });
    // Later checks that day find it done and send nothing.
    expect(await checkReminderRuns(new Date())).toEqual([]);
    await sleep(500);
    expect(await t.db.reminderRun.findUniqueOrThrow({ where: { day } })).toMatchObject({ status: "done", attempts: 1 });
    expect(await t.db.auditEvent.findMany({ where: { entityId: day }, select: { action: true, after: true } })).toEqual([
      { action: "reminders.run", after: { attempt: 1, due: 1, created: 1, emailsSent: 0, emailFailures: 0 } },
    ]);
    expect(await t.db.notification.count({ where: { userId: ownerId, type: "reminder" } })).toBe(1);
  });

  it("a run that fails goes back on the queue and is retried after a delay", { timeout: 120_000 }, async () => {
    const day = formatIsoDay(new Date());
    await t.db.reminderRun.delete({ where: { day } });
    await t.db.notification.deleteMany({});
    await t.db.$executeRawUnsafe(`ALTER TABLE "Notification" RENAME TO "NotificationAway"`);
    let failedAt: number;
    try {
      expect(await checkReminderRuns(new Date())).toEqual([day]);
      const failed = await waitForRun(t, day, (r) => r.attempts === 1 && r.status === "queued");
      failedAt = Date.now();
      expect(failed.error).toMatch(/Notification/);
    } finally {
      await t.db.$executeRawUnsafe(`ALTER TABLE "NotificationAway" RENAME TO "Notification"`);
    }
    const run = await waitForRun(t, day, (r) => r.status === "done");
    // The queue waited before the retry (5 s, doubling after), and only the retry ran.
    expect(run.finishedAt!.getTime() - failedAt).toBeGreaterThan(3_000);
    expect(run).toMatchObject({ attempts: 2, created: 1 });
    expect(run.error).toMatch(/Notification/);
    const events = await t.db.auditEvent.findMany({ where: { entityId: day, id: { gt: 0 } }, orderBy: { id: "asc" }, select: { action: true, after: true } });
    expect(events.slice(1).map((e) => [e.action, (e.after as { attempt: number }).attempt])).toEqual([
      ["reminders.run.failed", 1],
      ["reminders.run", 2],
    ]);
    expect(await t.db.notification.count({ where: { userId: ownerId, type: "reminder" } })).toBe(1);
  });

  it("the schedule sends the due day's run on its own, and ASSAY_REMINDERS=off leaves it to cron", { timeout: 60_000 }, async () => {
    const day = formatIsoDay(new Date());
    await t.db.reminderRun.delete({ where: { day } });
    const saved = process.env.ASSAY_REMINDERS;
    process.env.ASSAY_REMINDERS = "off";
    try {
      startReminderScheduler({ intervalMs: 50, firstCheckMs: 0 });
      await sleep(1_000);
      expect(await t.db.reminderRun.findUnique({ where: { day } })).toBeNull();
      delete process.env.ASSAY_REMINDERS;
      startReminderScheduler({ intervalMs: 50, firstCheckMs: 0 });
      expect(await waitForRun(t, day, (r) => r.status === "done")).toMatchObject({ attempts: 1 });
    } finally {
      stopReminderScheduler();
      if (saved === undefined) delete process.env.ASSAY_REMINDERS;
      else process.env.ASSAY_REMINDERS = saved;
    }
  });
});
