// Small timing helpers for `npm run bench`: medians and p95 over repeated runs
// (these machines are noisy; a single timing means little).

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export async function timeRuns(runs: number, fn: () => Promise<unknown> | unknown, warmup = 2) {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { median: percentile(samples, 50), p95: percentile(samples, 95), runs };
}

export function ms(n: number): string {
  return n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(1)} ms`;
}

export function line(label: string, value: string, target?: string, ok?: boolean) {
  const verdict = target === undefined ? "" : `  target ${target}: ${ok ? "met" : "MISSED"}`;
  console.log(`  ${label.padEnd(46)} ${value}${verdict}`);
}

/** Calls `fn` `requests` times from `clients` loops at once (sorted samples, one a call); `fn` answers whether the call succeeded. */
export async function underConcurrency(clients: number, requests: number, fn: () => Promise<boolean>) {
  const samples: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < requests) {
        next++;
        const t0 = performance.now();
        const ok = await fn();
        samples.push(performance.now() - t0);
        if (!ok) errors++;
      }
    }),
  );
  const perSecond = samples.length / ((performance.now() - started) / 1000);
  samples.sort((a, b) => a - b);
  return { samples, errors, perSecond };
}
