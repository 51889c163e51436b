// The daily reminder run on three instances sharing one PostgreSQL (docs/
// reminders.md, "When it runs"): three worker processes each check every
// 300 ms whether today's run is due and work the job queue. The day runs
// exactly once; when the instance running it is SIGKILLed mid-run, another
// takes it over and finishes it. The run is held mid-way for real: this test
// locks the notifications table, so the run waits on it until released.
// PostgreSQL only: SQLite serves one instance by design.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { formatIsoDay } from "@/lib/domain/dates";
import { ROOT } from "../cli/run-cli";
import { forEachProvider } from "../helpers/test-database";
import { ownerWithReminderToday, remindAtMidnight, waitForRun } from "./reminder-run-fixtures";

const INSTANCES = 3;

forEachProvider("daily reminder run on three instances", (t) => {
  if (t.provider !== "postgresql") {
    it.skip("needs PostgreSQL: SQLite serves one instance", () => undefined);
    return;
  }
  let sandbox: string;
  let ownerId: string;
  const instances = new Map<number, ChildProcess>();

  function startInstance(n: number): Promise<number> {
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: t.url, ASSAY_DATA_DIR: path.join(sandbox, `instance-${n}`) };
    delete env.ASSAY_REMINDERS;
    delete env.SMTP_URL;
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "tests/integration/notifications/children/reminder-instance.ts")], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
      let stderr = "";
      child.stderr!.setEncoding("utf8").on("data", (c: string) => (stderr += c));
      child.stdout!.setEncoding("utf8").on("data", (c: string) => {
        const m = /^ready (\d+)$/m.exec(c);
        if (m) {
          instances.set(Number(m[1]), child);
          resolve(Number(m[1]));
        }
      });
      child.on("exit", (code, signal) => reject(new Error(`instance ${n} exited (${code ?? signal}) before it was ready: ${stderr}`)));
    });
  }

  const eventsOf = (day: string) => t.db.auditEvent.findMany({ where: { entityId: day }, orderBy: { id: "asc" }, select: { action: true, after: true } });

  beforeAll(async () => {
    sandbox = await mkdtemp(path.join(tmpdir(), "assay-reminder-instances-"));
    await remindAtMidnight(t);
    ownerId = (await ownerWithReminderToday(t)).id;
  }, 60_000);

  afterAll(async () => {
    for (const child of instances.values()) child.kill("SIGKILL");
    if (sandbox) await rm(sandbox, { recursive: true, force: true });
  });

  it("three instances run the day's reminders exactly once", { timeout: 120_000 }, async () => {
    const day = formatIsoDay(new Date());
    await Promise.all(Array.from({ length: INSTANCES }, (_, n) => startInstance(n)));
    const run = await waitForRun(t, day, (r) => r.status === "done");
    expect(run).toMatchObject({ attempts: 1, error: null, due: 1, created: 1 });
    expect([...instances.keys()]).toContain(run.runnerPid);
    // Every instance has checked many times since (every 300 ms): nothing ran again.
    await sleep(3_000);
    expect(await t.db.reminderRun.findUniqueOrThrow({ where: { day } })).toMatchObject({ status: "done", attempts: 1 });
    expect((await eventsOf(day)).map((e) => e.action)).toEqual(["reminders.run"]);
    expect(await t.db.notification.count({ where: { userId: ownerId } })).toBe(1);
  });

  it("the run of a killed instance is taken over by another and finishes once", { timeout: 180_000 }, async () => {
    const day = formatIsoDay(new Date());
    const before = (await eventsOf(day)).length;
    await t.db.notification.deleteMany({});
    const locker = new pg.Client({ connectionString: t.url });
    await locker.connect();
    let victim: number;
    try {
      // Hold the run where it first touches the notifications table.
      await locker.query("BEGIN");
      await locker.query(`LOCK TABLE "Notification" IN ACCESS EXCLUSIVE MODE`);
      await t.db.reminderRun.delete({ where: { day } });
      const running = await waitForRun(t, day, (r) => r.status === "running");
      victim = running.runnerPid!;
      expect(instances.has(victim)).toBe(true);
      instances.get(victim)!.kill("SIGKILL");
      instances.delete(victim);
    } finally {
      await locker.query("COMMIT");
      await locker.end();
    }
    const run = await waitForRun(t, day, (r) => r.status === "done");
    expect(run).toMatchObject({ attempts: 2, created: 1 });
    expect(run.runnerPid).not.toBe(victim);
    expect([...instances.keys()]).toContain(run.runnerPid);
    expect(run.error).toMatch(/Attempt 1 stopped/);
    await sleep(2_000);
    expect(await t.db.reminderRun.findUniqueOrThrow({ where: { day } })).toMatchObject({ status: "done", attempts: 2 });
    const events = (await eventsOf(day)).slice(before);
    expect(events.map((e) => [e.action, (e.after as { attempt: number }).attempt])).toEqual([
      ["reminders.run.failed", 1],
      ["reminders.run", 2],
    ]);
    expect(await t.db.notification.count({ where: { userId: ownerId } })).toBe(1);
  });
});
