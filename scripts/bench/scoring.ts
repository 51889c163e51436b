// Benchmark: scoreVendor throughput. 10,000 dossiers (the demo
// dossiers cloned round-robin, so no two calls share objects), each scored
// with its findings computed inside the call, exactly as an assessment does.
// Median of 5 runs after a warm-up. Target: 10,000 scores in under 3 s.
import { scoreVendor } from "@/lib/domain/scoring/score-vendor";
import type { Dossier } from "@/lib/schemas/dossier";
import { DEFAULT_SETTINGS } from "@/lib/schemas/settings";
import { demoDossiers } from "@/prisma/seed/demo-dossiers";
import { line, ms, percentile } from "./stats";

const VENDORS = Number(process.env.BENCH_SCORES || 10_000);
const RUNS = 5;
const TARGET_MS = 3_000;

export async function benchScoring(now: Date): Promise<{ medianMs: number; perSecond: number }> {
  console.log(`\n## scoreVendor (${VENDORS.toLocaleString("en")} dossiers, median of ${RUNS} runs)`);
  const templates = demoDossiers(now);
  const dossiers: Dossier[] = Array.from({ length: VENDORS }, (_, i) => structuredClone(templates[i % templates.length]!));

  let checksum = 0;
  const runOnce = () => {
    let sum = 0;
    for (const d of dossiers) sum += scoreVendor(d, DEFAULT_SETTINGS, now).final;
    return sum;
  };
  checksum = runOnce(); // warm-up (JIT); also the reference result
  const samples: number[] = [];
  const cpuSamples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const sum = runOnce();
    samples.push(performance.now() - t0);
    const c1 = process.cpuUsage(c0);
    cpuSamples.push((c1.user + c1.system) / 1000);
    // Deterministic: every run must give the same scores.
    if (sum !== checksum) throw new Error(`scores changed between runs: ${checksum} then ${sum}`);
  }
  samples.sort((a, b) => a - b);
  cpuSamples.sort((a, b) => a - b);
  const median = percentile(samples, 50);
  const perSecond = Math.round((VENDORS / median) * 1000);
  line("runs (wall clock)", samples.map((s) => ms(s)).join(", "));
  // CPU time of this process: on a busy shared machine the wall clock mostly measures the neighbours.
  line("median CPU time", ms(percentile(cpuSamples, 50)));
  line(
    `${VENDORS.toLocaleString("en")} scores, median`,
    `${ms(median)} (${perSecond.toLocaleString("en")} vendors/s)`,
    `< ${ms((TARGET_MS * VENDORS) / 10_000)}`,
    median < (TARGET_MS * VENDORS) / 10_000,
  );
  return { medianMs: median, perSecond };
}
