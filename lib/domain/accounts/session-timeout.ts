// Session timeouts (ASVS 5.0 V7.3.1 idle, V7.3.2 absolute). Pure: the session
// row's times come from the database and `now` from the caller.

export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
}

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

/** Writing lastSeenAt on every request would make every page a write; once a minute is precise enough. */
export const TOUCH_INTERVAL_MS = 60_000;

export function sessionExpiry(session: SessionTimes, policy: SessionPolicy, now: Date): "idle" | "absolute" | null {
  if (now.getTime() - session.createdAt.getTime() >= policy.absoluteHours * 3_600_000) return "absolute";
  if (now.getTime() - session.lastSeenAt.getTime() >= policy.idleMinutes * 60_000) return "idle";
  return null;
}

export function needsTouch(session: SessionTimes, now: Date): boolean {
  return now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS;
}
