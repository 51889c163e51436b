// Benchmark: `verify-audit-log` over 1,000,000 audit events (target
// under 10 s). The events are realistic (actors, vendors, before/after
// snapshots of a few fields, IPs, user agents) and chained in JS with the
// app's own hashEvent, continuing whatever chain the bench database already
// has; they are written with better-sqlite3 prepared statements in one
// transaction (Prisma's encoding: JSON as text, instants as ISO text), because
// a million Prisma creates would take many minutes. Only the seeding
// bypasses Prisma: the measured check is the app's verifyAuditChain, the
// function behind the CLI and the admin page.
import os from "node:os";
import Database from "better-sqlite3";
import { GENESIS_HASH, hashEvent, type AuditEventHashFields } from "@/lib/domain/audit/hash-chain";
import { db } from "@/lib/server/db";
import { describeVerification, verifyAuditChain, verifyConfiguredAuditChain } from "@/lib/server/audit-log/verify-chain";
import { parallelRangeHashChecker } from "@/lib/server/audit-log/parallel-hash";
import { sqlitePathFromUrl } from "../db/providers.mjs";
import { line, ms } from "./stats";

const EVENTS = Number(process.env.BENCH_AUDIT_EVENTS || 1_000_000);
const ACTIONS = ["vendor.update", "dossier.site.update", "evidence.download", "evidence.upload", "auth.sign_in", "dossier.control.update", "assessment.sign_off", "pack.export"];
const AGENTS = [
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
];

function eventFields(id: number, at: Date): AuditEventHashFields {
  const n = id % 997;
  const action = ACTIONS[id % ACTIONS.length]!;
  const vendorId = `bench-vendor-${id % 5000}`;
  const withSnapshot = action.endsWith(".update") || action === "assessment.sign_off";
  return {
    id,
    at,
    actorId: `bench-user-${id % 40}`,
    actorEmail: `user${id % 40}@bench.assay.local`,
    action,
    entityType: action.split(".")[0]!,
    entityId: `entity-${id}`,
    vendorId,
    before: withSnapshot ? { status: "prospective", tier: "high", headcount: n, city: "Zürich", services: ["chat", "email"], version: n } : null,
    after: withSnapshot ? { status: "active", tier: "critical", headcount: n + 1, city: "Zürich", services: ["chat", "email", "phone"], version: n + 1 } : action === "evidence.upload" ? { fileName: `report-${n}.pdf`, sizeBytes: 1000 + n } : null,
    ip: `10.0.${(id >> 8) & 255}.${id & 255}`,
    userAgent: AGENTS[id % AGENTS.length]!,
  };
}

export async function benchAuditLog(now: Date) {
  console.log(`\n## verify-audit-log over ${EVENTS.toLocaleString("en")} audit events (SQLite; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores)`);
  const client = db();
  const head = await client.auditChainHead.findUnique({ where: { id: 1 } });
  const existing = await client.auditEvent.count();
  let prev = head?.lastHash ?? GENESIS_HASH;
  const firstId = (head?.lastId ?? 0) + 1;

  const sqlite = new Database(sqlitePathFromUrl(process.env.DATABASE_URL!));
  const t0 = performance.now();
  try {
    const insert = sqlite.prepare(
      `INSERT INTO "AuditEvent" ("id","at","actorId","actorEmail","action","entityType","entityId","vendorId","before","after","ip","userAgent","prevHash","hash") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
    );
    const start = now.getTime() - EVENTS * 1000;
    sqlite.transaction(() => {
      for (let i = 0; i < EVENTS; i++) {
        const id = firstId + i;
        const at = new Date(start + i * 1000);
        const f = eventFields(id, at);
        const hash = hashEvent(f, prev);
        insert.run(id, at.toISOString().replace("Z", "+00:00"), f.actorId, f.actorEmail, f.action, f.entityType, f.entityId, f.vendorId, json(f.before), json(f.after), f.ip, f.userAgent, prev, hash);
        prev = hash;
      }
      sqlite
        .prepare(`INSERT INTO "AuditChainHead" ("id","lastId","lastHash") VALUES (1, ?, ?) ON CONFLICT("id") DO UPDATE SET "lastId" = excluded."lastId", "lastHash" = excluded."lastHash"`)
        .run(firstId + EVENTS - 1, prev);
    })();
  } finally {
    sqlite.close();
  }
  line("chained and inserted", `${ms(performance.now() - t0)} (${(existing + EVENTS).toLocaleString("en")} events in the log)`);

  const total = existing + EVENTS;
  const time = async (label: string, fn: () => ReturnType<typeof verifyAuditChain>, runs: number, target: boolean) => {
    const samples: number[] = [];
    const cpu: number[] = [];
    let verdict = "";
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const c = process.cpuUsage();
      const result = await fn();
      samples.push(performance.now() - t);
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
      verdict = describeVerification(result);
      if (!result.ok) break;
    }
    samples.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    const median = samples[Math.floor(samples.length / 2)]!;
    // CPU time (all threads) does not depend on what else the machine runs; wall time does.
    const value = `median ${ms(median)} of ${samples.length} (${Math.round(total / (median / 1000)).toLocaleString("en")} events/s), CPU ${ms(cpu[Math.floor(cpu.length / 2)]!)}`;
    if (!verdict.startsWith("OK")) line(label, verdict.slice(0, 120), target ? "< 10 s" : undefined, false);
    else line(label, value, target ? "< 10 s" : undefined, median < 10_000);
    return verdict;
  };
  const checker = parallelRangeHashChecker();
  const verdict = await time(`verify-audit-log (${checker ? "row hashes in worker threads" : "one thread"})`, () => verifyConfiguredAuditChain({ checkRowHashes: checker ?? undefined }), 3, true);
  if (checker) await time("same, one thread (the admin page)", () => verifyConfiguredAuditChain(), 1, false);
  line("verdict", verdict.length > 90 ? `${verdict.slice(0, 90)}…` : verdict);
  await time("same check read through Prisma (PostgreSQL path)", () => verifyAuditChain(client), 1, false);
}

function json(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}
