// How many refused attempts per actor reach the audit log (README.md "Security defaults",
// denied attempts). Every refusal is counted; at most `perWindow` per actor
// per window are written as events, and the next one written carries the
// number left out in between, so a flood costs the log a bounded number of
// rows and still leaves its size on record. Pure: the caller supplies the time.

export interface DenialAdmission {
  /** Write this one as an audit event. */
  record: boolean;
  /** Refusals by the same actor that were counted but not written since the last written one. */
  suppressedBefore: number;
}

export interface DenialThrottle {
  admit(actorKey: string, nowMs: number): DenialAdmission;
  /** How many actors' windows are held in memory. */
  trackedActors(): number;
}

export function createDenialThrottle({ perWindow, windowMs, maxActors = 10_000 }: { perWindow: number; windowMs: number; maxActors?: number }): DenialThrottle {
  const state = new Map<string, { windowStart: number; written: number; suppressed: number }>();
  return {
    admit(actorKey, nowMs) {
      let entry = state.get(actorKey);
      if (!entry || nowMs - entry.windowStart >= windowMs) {
        entry = { windowStart: nowMs, written: 0, suppressed: entry?.suppressed ?? 0 };
        // Re-inserted so the Map's order is oldest window first, for pruning.
        state.delete(actorKey);
        state.set(actorKey, entry);
        prune(nowMs);
      }
      if (entry.written >= perWindow) {
        entry.suppressed++;
        return { record: false, suppressedBefore: 0 };
      }
      entry.written++;
      const suppressedBefore = entry.suppressed;
      entry.suppressed = 0;
      return { record: true, suppressedBefore };
    },
    trackedActors: () => state.size,
  };

  // Oldest windows first (see the re-insert above). Expired windows go, except
  // those still holding an unreported count; past maxActors, even those go:
  // bounded memory beats an exact count.
  function prune(nowMs: number) {
    for (const [key, entry] of state) {
      const expired = nowMs - entry.windowStart >= windowMs;
      if (state.size > maxActors || (expired && entry.suppressed === 0)) state.delete(key);
      else if (!expired) break;
    }
  }
}
