// `remind [--dry-run]`: runs the daily reminder job once (docs/reminders.md),
// the same job the server schedules, for deployments that prefer cron. It is
// safe to run as often as you like: each reminder is recorded and sent once.
// --dry-run counts what is due and what would be new, and changes nothing.
import { disconnectDb } from "@/lib/server/db";
import { runReminderJob } from "@/lib/server/notifications/reminder-job";
import { processIo, type CliIo } from "./cli-io";

export async function remindCommand(args: string[], io: CliIo = processIo): Promise<number> {
  const unknown = args.filter((a) => a !== "--dry-run");
  if (unknown.length > 0) {
    io.err(`Unknown argument: ${unknown[0]}\nusage: npm run cli -- remind [--dry-run]`);
    return 2;
  }
  const dryRun = args.includes("--dry-run");
  try {
    const result = await runReminderJob({ dryRun });
    if (dryRun) {
      io.out(`Dry run: ${result.due} reminders and alerts apply today, ${result.created} of them not yet recorded. Nothing was recorded or sent.`);
    } else {
      const d = result.delivery!;
      io.out(
        `Recorded ${result.created} new notifications (${result.due} apply today). ` +
          `Sent ${d.emailsSent} emails covering ${d.notificationsEmailed} notifications; ${d.notificationsSkipped} not emailed (digest opt-out, inactive user, or SMTP_URL unset)` +
          (d.failures > 0 ? `; ${d.failures} emails failed and will be retried on the next run.` : "."),
      );
    }
    return result.delivery && result.delivery.failures > 0 ? 1 : 0;
  } finally {
    await disconnectDb();
  }
}
