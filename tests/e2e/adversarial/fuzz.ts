// The generated-input run: a fixed number of requests, each built from an
// endpoint's zod schema (zod-arbitrary.ts) with one hostile mutation on top
// (hostile.ts), sent as a random role (or signed out) one at a time, so the
// database can be compared before and after each request.
//
// Deterministic: the same seed and count give the same requests. The seed is
// printed; ADVERSARIAL_SEED=<n> (and ADVERSARIAL_REQUESTS=<n>) replays a run.
import fc from "fast-check";
import { ROLES, type Role } from "@/lib/domain/accounts/roles";
import { can, type Permission } from "@/lib/server/permissions";
import { rowsChanged, type DbProbe, type KnownIds } from "./db-probe";
import { RAW_ACTION_BODIES, encodeReply, mutate, mutationArb, type Mutation } from "./hostile";
import { serverFault, type Client, type Reply } from "./http";
import { ACTIONS, ROUTES, enumeratePages, pageUrl } from "./targets";
import { arbitraryFor } from "./zod-arbitrary";

export const DEFAULT_SEED = 20_261_206;
export const DEFAULT_REQUESTS = 10_000;

type Who = Role | "signed-out";
const WHO: Who[] = [...ROLES, "signed-out"];

interface Plan {
  kind: "action" | "route" | "page" | "raw";
  key: string;
  who: Who;
  mutation: Mutation;
  value: unknown;
  /** Seeds the mutation's choices and the path segment. */
  salt: number;
}

/** Audit actions a refused request may write: the trace of a denied attempt. */
const DENIAL_EVENT = /den(y|ied)|forbidden|refus|reject|throttl|sign_?in|login|failed/i;

export interface FuzzReport {
  seed: number;
  sent: number;
  status: Record<string, number>;
  accepted: number;
  faults: { index: number; label: string; fault: string }[];
  sideEffects: { index: number; label: string; detail: string }[];
  escalations: { index: number; label: string }[];
  seconds: number;
  /** Milliseconds spent per kind of request, to keep the run's cost in view. */
  msByKind: Record<string, number>;
}

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** encodeURIComponent, except that a lone surrogate (which it refuses) goes out as the invalid UTF-8 it would be. */
function encodeAny(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return "%ED%A0%80";
  }
}

const HOSTILE_SEGMENTS = ["%ZZ", "%", "..%2F..%2Fetc%2Fpasswd", "%00", "%E0%A4%A", "a".repeat(3000), "%3Cscript%3E", "__proto__", "constructor", "-1", "NaN", "%F0%9F%92%A9", "%2e%2e"];

function planArbitrary(k: KnownIds, actionKeys: string[], pages: string[]): fc.Arbitrary<Plan> {
  const who = fc.constantFrom(...WHO);
  const salt = fc.integer({ min: 0, max: 2 ** 31 - 1 });
  const actions = actionKeys.map((key) =>
    fc.record({ kind: fc.constant("action" as const), key: fc.constant(key), who, mutation: mutationArb, value: arbitraryFor(ACTIONS[key]!.schema, { ids: k.all }), salt }),
  );
  // Sign-in attempts are few: each failed one counts against this client's throttle, which later sign-ins share.
  const routes = Object.entries(ROUTES).map(([key, r]) => ({
    weight: key.startsWith("POST app/api/auth/") ? 1 : 10,
    arbitrary: fc.record({
      kind: fc.constant("route" as const),
      key: fc.constant(key),
      who,
      mutation: mutationArb,
      value: r.query ? arbitraryFor(r.query, { ids: k.all }) : fc.constant({}),
      salt,
    }),
  }));
  const pageArb = fc.record({ kind: fc.constant("page" as const), key: fc.constantFrom(...pages), who, mutation: fc.constant("none" as Mutation), value: fc.dictionary(fc.constantFrom("q", "tier", "page", "sort", "before", "after", "from", "vendor", "a", "b", "kind"), fc.string({ maxLength: 40 }), { maxKeys: 3 }), salt });
  const raw = fc.record({ kind: fc.constant("raw" as const), key: fc.constantFrom(...actionKeys), who, mutation: fc.constant("none" as Mutation), value: fc.constantFrom(...RAW_ACTION_BODIES), salt });
  return fc.oneof({ weight: 70, arbitrary: fc.oneof(...actions) }, { weight: 18, arbitrary: fc.oneof(...routes) }, { weight: 2, arbitrary: pageArb }, { weight: 6, arbitrary: raw });
}

/** Node's default limit on a request's header block (the request line included): beyond it the server answers 431 and closes. */
const MAX_HEADER_BYTES = 16 * 1024;
/** next.config.js serverActions.bodySizeLimit: beyond it the action is refused (413) before its body is read. */
const MAX_ACTION_BODY_BYTES = 2 * 1024 * 1024;

/**
 * A request too large for the server (a request line past Node's header
 * limit, an action body past Next's) is refused at the socket: the server
 * answers and closes the connection, and a client still writing sees
 * ECONNRESET instead of the answer. Counted as that refusal, but only when the
 * request really was oversized and the server still answers: anything else is
 * a failure with the request named.
 */
async function oversizedRefusal(client: Client, oversized: boolean, status: 413 | 431, error: unknown, label: string): Promise<Reply> {
  const code = (error as { cause?: { code?: string } }).cause?.code;
  if (oversized && (code === "ECONNRESET" || code === "EPIPE") && (await client.request("GET", "/api/health")).status === 200) {
    return { status, headers: new Headers(), body: "" };
  }
  throw new Error(`${label}: ${String(error)} (${String((error as { cause?: unknown }).cause)})`);
}

export async function runFuzz(opts: {
  seed: number;
  count: number;
  known: KnownIds;
  probe: DbProbe;
  clients: Record<Who, Client>;
  actionIds: Map<string, { id: string; page: string }>;
  log: (line: string) => void;
}): Promise<FuzzReport> {
  const { seed, count, known, probe, clients, actionIds } = opts;
  const actionKeys = Object.keys(ACTIONS).filter((key) => actionIds.has(key));
  const pages = enumeratePages().map((p) => pageUrl(p.file, known));
  const plans = fc.sample(planArbitrary(known, actionKeys, pages), { seed, numRuns: count });
  const report: FuzzReport = { seed, sent: 0, status: {}, accepted: 0, faults: [], sideEffects: [], escalations: [], seconds: 0, msByKind: {} };
  const started = Date.now();

  for (const [index, plan] of plans.entries()) {
    const random = mulberry32(plan.salt);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const client = clients[plan.who];
    const before = probe.snapshot();
    const t0 = Date.now();
    let reply: Reply;
    let accepted: boolean;
    let permission: Permission | readonly Permission[] | null = null;
    let label = `#${index} ${plan.who} ${plan.kind} ${plan.key} [${plan.mutation}]`;

    if (plan.kind === "action" || plan.kind === "raw") {
      const { id, page } = actionIds.get(plan.key)!;
      const target = ACTIONS[plan.key]!;
      permission = target.permission;
      const body = plan.kind === "raw" ? String(plan.value) : encodeReply([mutate(keepCheap(plan.key, plan.value, random), plan.mutation, pick)]);
      reply = await client.action(id, pageUrl(`${page}.tsx`, known), body).catch((error: unknown) => oversizedRefusal(client, Buffer.byteLength(body) > MAX_ACTION_BODY_BYTES, 413, error, label));
      accepted = reply.result?.ok === true;
    } else if (plan.kind === "route") {
      const target = ROUTES[plan.key]!;
      permission = target.permission;
      const segment = random() < 0.5 ? pick(known.all.length ? known.all : ["x"]) : random() < 0.5 ? pick(HOSTILE_SEGMENTS) : encodeAny(String(mutate("x", "unicode", pick)));
      const cheapSegment = /report\.pdf|audit-pack\/route/.test(plan.key) && random() < 0.9 ? "no-such-id" : segment;
      const query = new URLSearchParams();
      const value = mutate(plan.value, plan.mutation, pick);
      if (value && typeof value === "object" && !Array.isArray(value)) {
        for (const [k, v] of Object.entries(value)) query.set(k, typeof v === "string" ? v : JSON.stringify(v) ?? "");
      }
      const url = target.path(known, cheapSegment).split("?")[0] + (query.size ? `?${query}` : "");
      label += ` ${url.slice(0, 120)}`;
      const headers: Record<string, string> = { "x-file-name": encodeAny(String(mutate("evidence.txt", "unicode", pick))) };
      if (target.method === "POST" && plan.key.includes("auth")) {
        headers["Content-Type"] = "application/x-www-form-urlencoded";
        reply = await client.request("POST", "/api/auth/callback/credentials", { headers, body: query.toString() });
      } else {
        reply = await client.request(target.method, url, { headers, body: target.method === "POST" ? Buffer.from(`adversarial ${index} ${random()}\n`) : undefined }).catch((error: unknown) =>
          oversizedRefusal(client, Buffer.byteLength(url) > MAX_HEADER_BYTES, 431, error, label),
        );
      }
      accepted = reply.status >= 200 && reply.status < 300;
    } else {
      const query = new URLSearchParams(plan.value as Record<string, string>);
      reply = await client.request("GET", `${plan.key}${query.size ? `?${query}` : ""}`);
      accepted = reply.status < 400;
    }

    report.sent++;
    const kindKey = plan.kind === "route" ? plan.key.split(" ")[1]!.replace(/^app\//, "") : plan.kind;
    report.msByKind[kindKey] = (report.msByKind[kindKey] ?? 0) + (Date.now() - t0);
    report.status[reply.status] = (report.status[reply.status] ?? 0) + 1;
    if (accepted) report.accepted++;
    const fault = serverFault(reply);
    if (fault) report.faults.push({ index, label, fault: `${fault}: ${reply.body.slice(0, 200)}` });

    // A role without the permission must never get through, whatever the input says.
    if (accepted && permission && plan.kind !== "page") {
      const perms = typeof permission === "string" ? [permission] : permission;
      if (plan.who === "signed-out" || !perms.some((p) => can(plan.who as Role, p))) report.escalations.push({ index, label });
    }

    if (accepted) await settle(probe);
    else {
      const after = probe.snapshot();
      const events = probe.actionsSince(before.auditHead).filter((a) => !DENIAL_EVENT.test(a));
      if (rowsChanged(before, after) || events.length) {
        report.sideEffects.push({ index, label, detail: `rows ${before.rows}→${after.rows}, events ${events.join(",") || "none"} (HTTP ${reply.status} ${reply.body.slice(0, 120)})` });
      }
    }
    if ((index + 1) % 1000 === 0) opts.log(`  ${index + 1}/${count} requests, ${report.faults.length} faults, ${((Date.now() - started) / 1000).toFixed(0)}s`);
  }
  report.seconds = (Date.now() - started) / 1000;
  return report;
}

/**
 * Keeps the run's cost flat: a bulk audit-pack job always filters on a name
 * that matches nothing, so an accepted job finishes at once instead of
 * packing every vendor (the job's own behaviour is tested in tests/integration/pack).
 */
function keepCheap(key: string, value: unknown, random: () => number): unknown {
  if (key.endsWith("#startPackJobAction") && value && typeof value === "object") {
    const v = value as { filter?: Record<string, string> };
    return { ...v, filter: { ...(v.filter ?? {}), q: `zz-adversarial-${Math.floor(random() * 1e9)}` } };
  }
  return value;
}

/** After an accepted request, waits for the background work it started (bulk packs) before the next comparison. */
async function settle(probe: DbProbe) {
  for (let i = 0; i < 600; i++) {
    const open = probe.one<{ n: number }>(`SELECT count(*) AS n FROM "PackJob" WHERE status IN ('queued', 'running')`)!.n;
    if (open === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}
