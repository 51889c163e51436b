// `npm run bench refresh`: the full vendor summary refresh on SQLite, in
// process, as a settings save and the UTC midnight rollover start it, with the
// event loop watched throughout (perf_hooks monitorEventLoopDelay). better-sqlite3
// is synchronous, so the loop's longest delay is the longest any request (even
// /signin) would have waited; `bench http` measures that over HTTP, this without
// a production build. Also prints the rows written (SQLite total_changes(),
// search index triggers included): a refresh writes only the findings that
// changed (lib/server/services/vendor-finding-changes.ts). Each line prints the
// load average: on a shared machine the delay includes time the process was
// not scheduled at all.
import os from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { addDays } from "date-fns";
import { db } from "@/lib/server/db";
import { refreshOutdatedSummaries } from "@/lib/server/services/summary-refresh";
import { seedPortfolio } from "./seed-portfolio";
import { line, ms } from "./stats";

const VENDORS = Number(process.env.BENCH_VENDORS || 10_000);

/**
 * The most CPU time the process used between two ticks of a 5 ms timer: the
 * longest stretch of work the loop ran without a break. Unlike the delay, it
 * leaves out time the process was not scheduled (other load on the machine),
 * though also time spent waiting on the disk inside a statement.
 */
function watchLongestStretch() {
  let last = process.cpuUsage();
  let longest = 0;
  const timer = setInterval(() => {
    const used = process.cpuUsage(last);
    last = process.cpuUsage();
    longest = Math.max(longest, (used.user + used.system) / 1000);
  }, 5);
  return () => {
    clearInterval(timer);
    return longest;
  };
}

async function rowsWritten(): Promise<number> {
  const [row] = await db().$queryRawUnsafe<{ n: number | bigint }[]>("SELECT total_changes() AS n");
  return Number(row!.n);
}

export async function benchSummaryRefresh(now: Date) {
  console.log(`\n## Full summary refresh, SQLite, ${VENDORS.toLocaleString("en")} vendors (event loop watched)`);
  const client = db();
  const owner = await client.user.create({ data: { email: "bench-refresh@assay.local", name: "Bench Admin", role: "admin", passwordHash: "x" } });
  await seedPortfolio({ count: VENDORS, docsPerVendor: 30, now, owner });
  const findings = await client.vendorFinding.count();
  const scenarios: [string, Date][] = [
    // Every summary outdated, no finding changed: what a settings save that changes no rule's outcome costs.
    ["after a settings save", now],
    // The day after: every summary outdated, day-relative findings reworded.
    ["at the next UTC midnight", addDays(now, 1)],
  ];
  for (const [label, at] of scenarios) {
    await client.vendor.updateMany({ data: { findingsAt: null } });
    const written = await rowsWritten();
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const stretch = watchLongestStretch();
    const started = performance.now();
    const cpu = process.cpuUsage();
    const { refreshed, pending } = await refreshOutdatedSummaries({ now: at, budgetMs: 30 * 60_000 });
    const took = performance.now() - started;
    const used = process.cpuUsage(cpu);
    delay.disable();
    const longest = stretch();
    const rows = (await rowsWritten()) - written;
    const load = os.loadavg().map((n) => n.toFixed(2)).join(" / ");
    line(
      `refresh ${label}`,
      `${refreshed.toLocaleString("en")} vendors in ${ms(took)} (cpu ${ms((used.user + used.system) / 1000)}), ${rows.toLocaleString("en")} rows written (${findings.toLocaleString("en")} findings stored)${pending ? `, ${pending} pending` : ""}  (load ${load})`,
    );
    line(
      `  event-loop delay during it`,
      `p50 ${ms(delay.percentile(50) / 1e6)}, p99 ${ms(delay.percentile(99) / 1e6)}, max ${ms(delay.max / 1e6)}; longest stretch on the CPU ${ms(longest)}  (load ${load})`,
      "max < 100 ms",
      delay.max / 1e6 < 100,
    );
  }
}
