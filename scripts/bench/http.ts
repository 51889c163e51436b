// `npm run bench http`: the app as users meet it. A `next start` server over
// HTTP, 10,000 vendors (30 documents each) seeded like real data (summaries
// with legal findings, see seed-portfolio.ts), on SQLite and, where the
// PostgreSQL binaries are installed, on a throwaway cluster. For each page:
// median and p95 at concurrency 1, req/s and p95 at concurrency 10, errors;
// then /signin latency while a full summary refresh runs. Each run prints the
// load average (this machine is shared). Targets print MISSED, never fail.
import { withPostgresDatabase } from "./postgres-database";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createAssessment } from "@/lib/server/services/assessments/create";
import { db, disconnectDb } from "@/lib/server/db";
import { hashPassword } from "@/lib/server/password";
import { hashApiSecret } from "@/lib/server/services/api-tokens";
import { randomBytes } from "node:crypto";
import { migrateDatabase } from "../db/migrations.mjs";
import { benchPortfolioQueries } from "./portfolio";
import { seedPortfolio } from "./seed-portfolio";
import { line, ms, percentile, underConcurrency } from "./stats";

const ROOT = path.resolve(__dirname, "../..");
const VENDORS = Number(process.env.BENCH_VENDORS || 10_000);
const DOCS_PER_VENDOR = 30;
const PASSWORD = "bench-password-123";
const C1_RUNS = Number(process.env.BENCH_HTTP_RUNS || 30);
const C10_REQUESTS = Number(process.env.BENCH_HTTP_C10 || 100);
/** When the server under test started (performance.now()), for the BENCH_VERBOSE timeline. */
let serverStartedAt = 0;

function loadAverage(): string {
  return os.loadavg().map((n) => n.toFixed(2)).join(" / ");
}

export async function benchHttp(now: Date) {
  const providers = (process.env.BENCH_PROVIDERS || "sqlite,postgresql").split(",");
  // runOn points DATABASE_URL at each provider in turn: keep the SQLite file's URL for whichever order.
  const sqliteUrl = process.env.DATABASE_URL!;
  ensureBuild();
  for (const provider of providers) {
    if (provider === "sqlite") {
      await runOn("sqlite", sqliteUrl, now);
    } else if (provider === "postgresql") {
      const ran = await withPostgresDatabase("assay_bench", (url) => runOn("postgresql", url, now));
      if ("skipped" in ran) console.log(`\n## HTTP on PostgreSQL: skipped (${ran.skipped})`);
    }
  }
}

/** `next build` when there is none yet (the bench measures the production server). */
function ensureBuild() {
  if (fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) return;
  console.log("  (no production build: running next build)");
  const result = spawnSync(path.join(ROOT, "node_modules", ".bin", "next"), ["build"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (result.status !== 0) throw new Error("next build failed");
}

async function runOn(provider: string, url: string, now: Date) {
  console.log(`\n## HTTP against next start, ${provider}, ${VENDORS.toLocaleString("en")} vendors (load average ${loadAverage()})`);
  await disconnectDb();
  process.env.DATABASE_URL = url;
  await migrateDatabase(url);
  const t0 = performance.now();
  const client = db();
  const owner = await client.user.create({ data: { email: "bench-http@assay.local", name: "Bench Admin", role: "admin", passwordHash: await hashPassword(PASSWORD) } });
  const seeded = await seedPortfolio({ count: VENDORS, docsPerVendor: DOCS_PER_VENDOR, now, owner });
  const actor = { id: owner.id, email: owner.email, name: owner.name, role: "admin" as const };
  const assessment = await createAssessment({ actor, input: { vendorId: seeded.vendorIds[0]! } });
  // Ten more, never downloaded: the PDF's first-render figure (stored renders, lib/server/pdf/README.md).
  const unrendered: string[] = [];
  for (const vendorId of seeded.vendorIds.slice(2, 12)) unrendered.push((await createAssessment({ actor, input: { vendorId } })).id);
  const blockerFintech = await client.vendor.count({ where: { industries: { some: { industry: "fintech" } }, blockerCount: { gt: 0 } } });
  line("seeded", `${ms(performance.now() - t0)} (${seeded.records.toLocaleString("en")} records, ${seeded.documents.toLocaleString("en")} documents; fintech + has blocker: ${blockerFintech.toLocaleString("en")})`);
  await benchPortfolioQueries(now, `portfolio query, ${provider}`);
  await disconnectDb();

  const port = await freePort();
  const server = startServer(url, port);
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitUntilUp(base, server);
    const cookie = await signIn(base, owner.email);
    const deepPage = Math.ceil((VENDORS / 25) * 0.75);
    // [label, path, p95 target at c=10, median target at c=1 (100 ms unless the issue set another)]
    const pages: [string, string, number, number?][] = [
      ["vendor list", "/vendors", 500],
      ["vendor list, filtered (fintech, blocker)", "/vendors?industry=fintech&blocker=yes&sort=findings&dir=desc", 500],
      [`vendor list, deep page ${deepPage}`, `/vendors?page=${deepPage}`, 500],
      ["vendor page", `/vendors/${seeded.vendorIds[1]}`, 500],
      ["legal queue", "/legal", 500],
      ["procurement queue", "/procurement", 500],
      ["assessment page", `/assessments/${assessment.id}`, 500],
      // The warm-up download stores the render; these downloads are served it (still checked and audited).
      ["assessment PDF (stored render)", `/assessments/${assessment.id}/report.pdf`, 2000],
      ["dashboard", "/dashboard", 500, 200],
      ["calendar, month view", "/calendar?view=month", 500, 200],
      ["calendar, list view", "/calendar?view=list", 500, 200],
      ["global search (results page, common prefix)", "/search?q=co", 500],
      ["global search (box suggestions)", "/api/search?q=co", 500],
      ["notifications", "/notifications", 500],
    ];
    for (const [label, pagePath, p95Target, medianTarget = 100] of pages) {
      if (process.env.BENCH_VERBOSE) console.error(`[bench +${((performance.now() - serverStartedAt) / 1000).toFixed(1)}s] measuring ${label}`);
      const pdf = pagePath.endsWith(".pdf");
      const one = await measure(base, pagePath, cookie, 1, pdf ? Math.ceil(C1_RUNS / 3) : C1_RUNS);
      const ten = await measure(base, pagePath, cookie, 10, pdf ? Math.ceil(C10_REQUESTS / 2) : C10_REQUESTS);
      const errors = one.errors + ten.errors;
      line(`${label} c=1`, `median ${ms(one.median)}, p95 ${ms(one.p95)}  (load ${loadAverage()})`, pdf ? undefined : `median < ${medianTarget} ms`, one.median < medianTarget);
      line(`${label} c=10`, `${ten.perSecond.toFixed(1)} req/s, p95 ${ms(ten.p95)}, errors ${errors}${ten.firstError ? ` (${ten.firstError})` : ""}`, `p95 < ${ms(p95Target)}, 0 errors`, ten.p95 < p95Target && errors === 0);
    }
    await dashboardRecomputed(base, cookie, seeded.vendorIds[0]!);
    await firstRenders(base, cookie, unrendered);
    await apiListVendors(base, owner.id);
    // /signin alone first: on a shared machine its latency under load is the baseline to read the next figure against.
    const idle = await measure(base, "/signin", "", 1, C1_RUNS);
    line("/signin, no refresh running c=1", `median ${ms(idle.median)}, p95 ${ms(idle.p95)}, errors ${idle.errors}  (load ${loadAverage()})`);
    await signinDuringRefresh(base, url, cookie);
  } finally {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
  }
}

/**
 * The dashboard above is mostly served its kept figures (services/kept-per-version.ts):
 * here a summary write before every load makes each one compute them again,
 * as the first load after any change does.
 */
async function dashboardRecomputed(base: string, cookie: string, vendorId: string) {
  const samples: number[] = [];
  let errors = 0;
  for (let i = 0; i < C1_RUNS; i++) {
    await db().vendor.update({ where: { id: vendorId }, data: { findingsAt: new Date() } });
    const r = await timed(base, "/dashboard", cookie);
    samples.push(r.ms);
    if (!r.ok) errors++;
  }
  samples.sort((a, b) => a - b);
  const median = percentile(samples, 50);
  line("dashboard c=1, figures recomputed (a change before each load)", `median ${ms(median)}, p95 ${ms(percentile(samples, 95))}, errors ${errors}  (load ${loadAverage()})`, "median < 200 ms", median < 200 && errors === 0);
}

/**
 * Ten people open ten different assessments' PDFs at the same moment, none
 * rendered before: the worst case, every download a layout on the bounded pool.
 */
async function firstRenders(base: string, cookie: string, assessmentIds: readonly string[]) {
  if (assessmentIds.length === 0) return;
  const results = await Promise.all(assessmentIds.map((id) => timed(base, `/assessments/${id}/report.pdf`, cookie)));
  const samples = results.map((r) => r.ms).sort((a, b) => a - b);
  const errors = results.filter((r) => !r.ok).length;
  line(
    `assessment PDF, ${assessmentIds.length} first renders at once`,
    `median ${ms(percentile(samples, 50))}, max ${ms(samples.at(-1)!)}, errors ${errors}  (load ${loadAverage()})`,
  );
}

/** The REST API's vendor list with a token, 20 clients at once (lib/server/api/README.md). */
async function apiListVendors(base: string, ownerId: string) {
  const secret = `assay_${randomBytes(32).toString("base64url")}`;
  await db().apiToken.create({ data: { name: "bench", role: "viewer", prefix: secret.slice(0, 12), tokenHash: hashApiSecret(secret), createdById: ownerId } });
  await disconnectDb();
  const auth = { authorization: `Bearer ${secret}` };
  const path = "/api/v1/vendors?limit=50&tier=critical";
  const twenty = await measure(base, path, auth, 20, C10_REQUESTS * 2);
  line(`REST API GET ${path} c=20`, `median ${ms(twenty.median)}, p95 ${ms(twenty.p95)}, ${twenty.perSecond.toFixed(1)} req/s, errors ${twenty.errors}${twenty.firstError ? ` (${twenty.firstError})` : ""}  (load ${loadAverage()})`, "p95 < 150 ms, 0 errors", twenty.p95 < 150 && twenty.errors === 0);
}

/** Outdates every summary (as a settings save does), starts the refresh with a list load, and times /signin until it is done. */
async function signinDuringRefresh(base: string, url: string, cookie: string) {
  process.env.DATABASE_URL = url;
  const client = db();
  await client.vendor.updateMany({ data: { findingsAt: null } });
  const started = performance.now();
  const listLoad = timed(base, "/vendors", cookie);
  const samples: number[] = [];
  let errors = 0;
  let pending = VENDORS;
  const deadline = started + 10 * 60_000;
  while (pending > 0 && performance.now() < deadline) {
    const r = await timed(base, "/signin", "");
    samples.push(r.ms);
    if (!r.ok) errors++;
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (samples.length % 10 === 0) pending = await client.vendor.count({ where: { findingsAt: null } });
  }
  const list = await listLoad;
  const took = performance.now() - started;
  await disconnectDb();
  samples.sort((a, b) => a - b);
  line("list load that starts the refresh", `${ms(list.ms)}${list.ok ? "" : " (error)"}`);
  line(
    "/signin during a full summary refresh",
    `${samples.length} requests over ${ms(took)}${pending > 0 ? ` (${pending} still pending)` : ""}: median ${ms(percentile(samples, 50))}, p95 ${ms(percentile(samples, 95))}, max ${ms(samples.at(-1) ?? NaN)}, errors ${errors} (load ${loadAverage()})`,
    "max < 100 ms",
    (samples.at(-1) ?? Infinity) < 100 && errors === 0,
  );
}

async function measure(base: string, pagePath: string, cookie: string | Record<string, string>, concurrency: number, requests: number) {
  await timed(base, pagePath, cookie); // warm
  let firstError = "";
  const { samples, errors, perSecond } = await underConcurrency(concurrency, requests, async () => {
    const r = await timed(base, pagePath, cookie);
    firstError ||= r.error;
    return r.ok;
  });
  return { median: percentile(samples, 50), p95: percentile(samples, 95), perSecond, errors, firstError };
}

async function timed(base: string, pagePath: string, cookie: string | Record<string, string>): Promise<{ ms: number; ok: boolean; error: string }> {
  const headers = typeof cookie === "string" ? (cookie ? { cookie } : {}) : cookie;
  const t0 = performance.now();
  try {
    const res = await fetch(base + pagePath, { headers, redirect: "manual" });
    await res.arrayBuffer();
    return { ms: performance.now() - t0, ok: res.status === 200, error: res.status === 200 ? "" : `HTTP ${res.status}` };
  } catch (error) {
    return { ms: performance.now() - t0, ok: false, error: String(error) };
  }
}

function startServer(url: string, port: number): ChildProcess {
  const dataDir = process.env.ASSAY_DATA_DIR!;
  const server = spawn(path.join(ROOT, "node_modules", ".bin", "next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    // The API's per-token budget is counted on every request (that cost is measured) but set out of reach.
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: url, ASSAY_DATA_DIR: dataDir, NEXTAUTH_URL: `http://127.0.0.1:${port}`, ASSAY_API_REQUESTS_PER_MINUTE: "1000000" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // BENCH_VERBOSE=1: the server's log, each line stamped with the seconds since it started, to
  // line up background work (the reminder run, the sweep, a refresh) with the figures it disturbs.
  const started = performance.now();
  const relay = (chunk: Buffer) => {
    if (!process.env.BENCH_VERBOSE) return;
    for (const text of chunk.toString().split("\n").filter(Boolean)) process.stderr.write(`[server +${((performance.now() - started) / 1000).toFixed(1)}s] ${text.slice(0, 400)}\n`);
  };
  server.stdout?.on("data", relay);
  server.stderr?.on("data", relay);
  serverStartedAt = started;
  return server;
}

async function waitUntilUp(base: string, server: ChildProcess) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited (${server.exitCode})`);
    const r = await timed(base, "/signin", "");
    if (r.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("next start did not answer within 2 minutes");
}

/** next-auth's credentials flow: CSRF token, then the callback; returns the session cookie header. */
async function signIn(base: string, email: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = cookiesOf(csrf);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, json: "true" }),
  });
  const cookie = cookiesOf(res);
  if (!/session-token=/.test(cookie)) throw new Error(`sign-in failed (HTTP ${res.status})`);
  return cookie;
}

function cookiesOf(res: Response): string {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}
