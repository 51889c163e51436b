// The per-request cost of server-side sessions: what currentActor reads on
// every request now (the session row with its user, timeouts from a cached
// policy) against what it read before (the user row alone), over a table of
// 10,000 sessions. The idle clock's write happens at most once a minute per
// session and is timed separately.
import { db } from "@/lib/server/db";
import { createSession, resolveSession } from "@/lib/server/services/sessions";
import { line, ms, timeRuns } from "./stats";

const USERS = 200;
const SESSIONS_PER_USER = 50;
const RUNS = 2000;

export async function benchSessions(now: Date) {
  console.log(`\nSessions: per-request check over ${USERS * SESSIONS_PER_USER} sessions (${RUNS} runs)`);
  const client = db();
  await client.orgSettings.upsert({ where: { id: 1 }, create: { id: 1, settings: {} }, update: {} });
  const sessions: { id: string; userId: string }[] = [];
  for (let u = 0; u < USERS; u++) {
    const user = await client.user.create({ data: { email: `bench-session-${u}@bench.assay.local`, name: `Bench ${u}`, role: "viewer", passwordHash: "x" } });
    await client.$transaction(async (tx) => {
      for (let s = 0; s < SESSIONS_PER_USER; s++) sessions.push({ id: await createSession(tx, user.id, now), userId: user.id });
    });
  }
  let i = 0;
  const pick = () => sessions[(i = (i * 7919 + 13) % sessions.length)]!;
  const before = await timeRuns(RUNS, () => client.user.findUnique({ where: { id: pick().userId } }));
  // Within the touch interval: the read path every request takes.
  const after = await timeRuns(RUNS, () => resolveSession(pick().id, now));
  // 61 s later, each session's first request also moves its idle clock: the read plus one write.
  let k = 0;
  const later = new Date(now.getTime() + 61_000);
  const touched = await timeRuns(RUNS, () => resolveSession(sessions[k++]!.id, later));
  line("user row only (before)", `median ${ms(before.median)}, p95 ${ms(before.p95)}`);
  line("session + user, cached policy (after)", `median ${ms(after.median)}, p95 ${ms(after.p95)}`);
  line("added per request", `median ${(after.median - before.median).toFixed(2)} ms`);
  line("with the once-a-minute idle-clock write", `median ${ms(touched.median)}, p95 ${ms(touched.p95)}`);
}
