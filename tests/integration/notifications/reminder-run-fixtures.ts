// Shared by the reminder run tests (reminder-run*.test.ts).
import { setTimeout as sleep } from "node:timers/promises";
import { formatIsoDay } from "@/lib/domain/dates";
import { DEFAULT_SETTINGS } from "@/lib/schemas/settings";
import { makeActor } from "../helpers/fixtures";
import type { TestDatabase } from "../helpers/test-database";

/** Settings whose reminder hour has always passed, so today's run is due whenever the test runs. */
export async function remindAtMidnight(t: TestDatabase) {
  const settings = { ...DEFAULT_SETTINGS, reminders: { ...DEFAULT_SETTINGS.reminders, hourUtc: 0 } };
  await t.db.orgSettings.upsert({ where: { id: 1 }, create: { id: 1, settings }, update: { settings } });
}

/** A vendor whose owner has an insurance policy expiring today: the run records one reminder for them. */
export async function ownerWithReminderToday(t: TestDatabase) {
  const owner = await makeActor("procurement");
  const vendor = await t.db.vendor.create({ data: { name: "Run Vendor", searchName: "run vendor", legalName: "Run Vendor Ltd", country: "PH", tier: "low", tierRank: 3, ownerId: owner.id } });
  await t.db.insurancePolicy.create({
    data: { vendorId: vendor.id, carrier: "Carrier", policyNumber: "P-1", perOccurrenceMinor: 100n, aggregateMinor: 100n, currency: "USD", expiryDate: formatIsoDay(new Date()), additionalInsured: false },
  });
  return owner;
}

export async function waitForRun(t: TestDatabase, day: string, done: (run: { status: string; attempts: number }) => boolean, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await t.db.reminderRun.findUnique({ where: { day } });
    if (run && done(run)) return run;
    if (Date.now() > deadline) throw new Error(`the reminder run of ${day} is still ${JSON.stringify(run)} after ${timeoutMs} ms`);
    await sleep(100);
  }
}
