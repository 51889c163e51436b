/** Seconds before retry `attempt` (1-based): doubling from `base`, capped, like pg-boss's retryBackoff. */
export function retryDelaySeconds(attempt: number, base = 5, cap = 300): number {
  return Math.min(cap, base * 2 ** Math.max(0, attempt - 1));
}
