// Runs the reminder job once a day, at the hour set in Settings → reminders
// (UTC), through the durable job queue (reminder-run.ts): every instance
// checks every CHECK_INTERVAL_MS whether today's run is due, the first to see
// it due sends it, and one worker runs it; the same check puts back a run
// whose worker died. Checking often rather than sleeping until the hour means
// a changed hour applies the same day and a server started after the hour
// still runs today. ASSAY_REMINDERS=off leaves the schedule to cron
// (`npm run cli -- remind`). Timers are unref'd and one check runs at a time.
import { logger } from "../logger";
import { checkReminderRuns, STALE_AFTER_MS } from "./reminder-run";

/** Half the time after which a silent run is taken over, so a dead worker's run moves on within a minute. */
const CHECK_INTERVAL_MS = STALE_AFTER_MS / 2;
const FIRST_CHECK_DELAY_MS = 60 * 1000;

const state = globalThis as unknown as { assayReminderSchedule?: NodeJS.Timeout };

/** `intervalMs` and `firstCheckMs` for tests, which cannot wait minutes. */
export function startReminderScheduler({ intervalMs = CHECK_INTERVAL_MS, firstCheckMs = FIRST_CHECK_DELAY_MS } = {}): void {
  if (state.assayReminderSchedule || process.env.ASSAY_REMINDERS === "off") return;
  let checking = false;
  const check = async () => {
    if (checking) return;
    checking = true;
    try {
      await checkReminderRuns(new Date());
    } catch (error) {
      logger.error({ err: error }, "checking the daily reminder run failed; it is checked again shortly");
    } finally {
      checking = false;
    }
  };
  state.assayReminderSchedule = setInterval(() => void check(), intervalMs);
  state.assayReminderSchedule.unref();
  setTimeout(() => void check(), firstCheckMs).unref();
}

export function stopReminderScheduler(): void {
  if (state.assayReminderSchedule) clearInterval(state.assayReminderSchedule);
  state.assayReminderSchedule = undefined;
}
