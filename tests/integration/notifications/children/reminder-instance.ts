// One "server instance" for the reminder run test: works the job queue and
// checks the daily reminder run as a server does from instrumentation.ts
// (start-workers.ts, reminder-schedule.ts), checking every 300 ms instead of
// every 15 s. Prints `ready <pid>` once it is working, then runs until killed.
//   node --import tsx reminder-instance.ts
import { startJobWorkers } from "@/lib/server/jobs/start-workers";
import { startReminderScheduler } from "@/lib/server/notifications/reminder-schedule";

startJobWorkers()
  .then(() => {
    startReminderScheduler({ intervalMs: 300, firstCheckMs: 0 });
    process.stdout.write(`ready ${process.pid}\n`);
    setInterval(() => undefined, 60_000);
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
