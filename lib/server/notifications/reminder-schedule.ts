// Runs the reminder job inside the server once a day, at the hour set in
// Settings → reminders (UTC). It checks every few minutes whether today's run
// is due rather than sleeping until the hour, so a changed hour applies the
// same day and a server started after the hour still runs today. Several
// servers may all run it: reminders are recorded and emailed once whatever
// runs (docs/reminders.md). Timers are unref'd and one run happens at a time.
import { formatIsoDay } from "@/lib/domain/dates";
import { reminderRunDue } from "@/lib/domain/reminders/run-due";
import { logger } from "../logger";
import { loadSettings } from "../services/settings";
import { runReminderJob } from "./reminder-job";

const CHECK_INTERVAL_MS = 5 * 60 * 1000;
const FIRST_CHECK_DELAY_MS = 60 * 1000;


const state = globalThis as unknown as { assayReminderSchedule?: { timer: NodeJS.Timeout; running: boolean; lastRunDay: string | null } };

export function startReminderScheduler(): void {
  if (state.assayReminderSchedule || process.env.ASSAY_REMINDERS === "off") return;
  const entry = { timer: setInterval(() => void check(), CHECK_INTERVAL_MS), running: false, lastRunDay: null as string | null };
  entry.timer.unref();
  setTimeout(() => void check(), FIRST_CHECK_DELAY_MS).unref();
  state.assayReminderSchedule = entry;

  async function check(): Promise<void> {
    if (entry.running) return;
    entry.running = true;
    try {
      const now = new Date();
      const { reminders } = await loadSettings();
      if (!reminderRunDue(now, reminders.hourUtc, entry.lastRunDay)) return;
      const result = await runReminderJob({ now });
      entry.lastRunDay = formatIsoDay(now);
      logger.info({ created: result.created, due: result.due, delivery: result.delivery }, "daily reminder job finished");
    } catch (error) {
      logger.error({ err: error }, "the daily reminder job failed; it is tried again in a few minutes");
    } finally {
      entry.running = false;
    }
  }
}
