// One "server instance" for the three-instance test: works the background job
// queue exactly as a server does from instrumentation.ts (start-workers.ts),
// with its own data directory and the shared database blob store. Prints
// `ready <pid>` once it is working, then runs until killed.
//   node --import tsx job-worker.ts
import { startJobWorkers } from "@/lib/server/jobs/start-workers";

startJobWorkers()
  .then(() => {
    process.stdout.write(`ready ${process.pid}\n`);
    setInterval(() => undefined, 60_000);
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
