// Micro-benchmark of the pure findings engine: findingsFor() over 10,000
// dossiers (the 29 demo dossiers reused round-robin; findingsFor is pure, so
// sharing the objects is fine). Target: 10,000 vendors in under 2 s.
//
//   npx tsx scripts/bench/findings-micro.ts              # timing
//   npx tsx scripts/bench/findings-micro.ts --golden F   # also write every finding to F (JSON)
//   node --cpu-prof --import tsx scripts/bench/findings-micro.ts   # profile
//
// Options: --vendors N (default 10000), --runs N (default 5), --now ISO
// (default the demo anchor; any instant works, dates in the demo are relative).
import fs from "node:fs";
import os from "node:os";
import { findingsFor } from "@/lib/domain/findings/dossier-findings";
import { DEFAULT_SETTINGS } from "@/lib/schemas/settings";
import { DEMO_NOW_ANCHOR, demoDossiers } from "@/prisma/seed/demo-dossiers";
import { ms, percentile } from "./stats";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const VENDORS = Number(arg("vendors") ?? 10_000);
const RUNS = Number(arg("runs") ?? 5);
const TARGET_MS = 2_000;
const now = arg("now") ? new Date(arg("now")!) : DEMO_NOW_ANCHOR;

const demo = demoDossiers(now);
const dossiers = Array.from({ length: VENDORS }, (_, i) => demo[i % demo.length]!);

function runOnce(): number {
  let count = 0;
  for (const d of dossiers) count += findingsFor(d, DEFAULT_SETTINGS, now).length;
  return count;
}

const golden = arg("golden");
if (golden) {
  // Every finding of every demo dossier, for several "now"s, so a refactor
  // can be diffed against the output before it.
  const nows = [now, new Date("2027-06-01T08:30:00Z"), new Date("2026-12-31T00:05:00Z"), new Date("2028-02-29T23:10:00Z")];
  const out = nows.map((n) => ({
    now: n.toISOString(),
    findings: demoDossiers(n).map((d) => findingsFor(d, DEFAULT_SETTINGS, n)),
  }));
  fs.writeFileSync(golden, JSON.stringify(out, null, 1));
  console.log(`wrote ${golden}`);
}

console.log(
  `findingsFor micro-benchmark — node ${process.version}, ${os.cpus().length} cores, ${VENDORS} vendors (${demo.length} demo dossiers round-robin), now ${now.toISOString()}`,
);
const warm = runOnce(); // warm-up (JIT)
const samples: number[] = [];
// CPU time of this process as well: on a busy machine the wall clock also
// counts time spent waiting for a core, the CPU time does not.
const cpuSamples: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const n = runOnce();
  samples.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  cpuSamples.push((c.user + c.system) / 1000);
  if (n !== warm) throw new Error(`finding count changed between runs: ${warm} then ${n}`);
}
samples.sort((a, b) => a - b);
cpuSamples.sort((a, b) => a - b);
const median = percentile(samples, 50);
console.log(`  findings per run        ${warm}`);
console.log(`  runs                    ${samples.map((s) => ms(s)).join(", ")}`);
console.log(`  median                  ${ms(median)}  (${Math.round((VENDORS / median) * 1000).toLocaleString("en-US")} vendors/s)`);
console.log(`  median CPU time         ${ms(percentile(cpuSamples, 50))}  (user + system; includes GC helper threads)`);
const targetMs = (TARGET_MS * VENDORS) / 10_000; // 2 s per 10,000 vendors
console.log(`  target                  ${VENDORS} vendors < ${ms(targetMs)}: ${median < targetMs ? "met" : "MISSED"}`);
