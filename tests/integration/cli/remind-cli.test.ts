// `npm run cli -- remind [--dry-run]` in-process against a real database: the
// dry run counts and records nothing; the real run records (no SMTP_URL here,
// so nothing is emailed) and a second run finds nothing new.
import { beforeAll, expect, it } from "vitest";
import { addDaysToDay, formatIsoDay } from "@/lib/domain/dates";
import { remindCommand } from "@/lib/cli/remind";
import { ensureSettings, makeActor } from "../helpers/fixtures";
import { forEachProvider } from "../helpers/test-database";

function capture() {
  const io = { stdout: "", stderr: "", out: (text: string) => void (io.stdout += `${text}\n`), err: (line: string) => void (io.stderr += `${line}\n`) };
  return io;
}

forEachProvider("remind command", (t) => {
  const previousSmtp = process.env.SMTP_URL;

  beforeAll(async () => {
    delete process.env.SMTP_URL;
    await ensureSettings();
    const owner = await makeActor("procurement");
    const vendor = await t.db.vendor.create({ data: { name: "Cron BPO", searchName: "cron bpo", legalName: "Cron BPO", country: "PH", tier: "low", tierRank: 3, ownerId: owner.id } });
    // Due in 7 days from the real today: the command runs with the real clock.
    await t.db.remediationItem.create({ data: { vendorId: vendor.id, title: "Rotate keys", dueDate: addDaysToDay(formatIsoDay(new Date()), 7) } });
    return () => {
      if (previousSmtp !== undefined) process.env.SMTP_URL = previousSmtp;
    };
  });

  it("--dry-run counts without recording; a run records once; bad usage exits 2", async () => {
    const dry = capture();
    expect(await remindCommand(["--dry-run"], dry)).toBe(0);
    expect(dry.stdout).toContain("Dry run: 1 reminders and alerts apply today, 1 of them not yet recorded.");
    expect(await t.db.notification.count()).toBe(0);

    const run = capture();
    expect(await remindCommand([], run)).toBe(0);
    expect(run.stdout).toContain("Recorded 1 new notifications (1 apply today). Sent 0 emails covering 0 notifications; 1 not emailed");
    expect(await t.db.notification.count()).toBe(1);

    const again = capture();
    expect(await remindCommand([], again)).toBe(0);
    expect(again.stdout).toContain("Recorded 0 new notifications (1 apply today).");

    const bad = capture();
    expect(await remindCommand(["--now"], bad)).toBe(2);
    expect(bad.stderr).toContain("usage: npm run cli -- remind [--dry-run]");
  });
});
