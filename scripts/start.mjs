// `npm start`: the one command that takes a fresh clone to a running Assay.
// generate client → migrate → seed demo data if empty → build if stale → serve.
// Every step is skipped quickly when there is nothing to do, so a second start
// on an unchanged tree goes straight to serving.
//
// Shutdown: SIGTERM or SIGINT (what Docker, systemd and Ctrl-C send) goes to
// whichever step is running. While serving, Next stops accepting connections
// and lets in-flight requests finish; after ASSAY_SHUTDOWN_GRACE_MS (default
// 25 s) whatever is left is killed, so the process tree always exits.
// Transactions cut short roll back, so a job killed there resumes or is
// recovered on the next start. `npm start` execs this file (package.json) so
// npm's forwarded signal reaches it rather than an intermediate shell.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DataDirLockedError, acquireDataDirLock } from "./lib/data-dir-lock.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const started = Date.now();
const step = (msg) => console.log(`[assay ${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}`);

const port = process.env.PORT || "3000";
// Loopback by default: exposing Assay is a deliberate choice (HOST=0.0.0.0 behind TLS).
const host = process.env.HOST || "127.0.0.1";
process.env.ASSAY_DATA_DIR = path.resolve(root, process.env.ASSAY_DATA_DIR || "data");
process.env.NEXTAUTH_URL ||= `http://localhost:${port}`;

// `--build-only`: generate the clients and build, with the stamp, then stop
// (the Dockerfile bakes the build into the image this way). No database.
const buildOnly = process.argv.includes("--build-only");

const graceMs = Number(process.env.ASSAY_SHUTDOWN_GRACE_MS || 25_000);
if (!Number.isInteger(graceMs) || graceMs < 0) {
  console.error("ASSAY_SHUTDOWN_GRACE_MS must be a whole number of milliseconds.");
  process.exit(2);
}

// One server per data directory (scripts/lib/data-dir-lock.mjs), taken before
// anything touches the database and released when this process exits.
let lock = { release: () => {} };
try {
  if (!buildOnly) lock = acquireDataDirLock(process.env.ASSAY_DATA_DIR);
} catch (error) {
  if (!(error instanceof DataDirLockedError)) throw error;
  console.error(`\n${error.message}\n`);
  process.exit(1);
}
process.on("exit", () => lock.release());

/** The child doing the current step; signals are passed on to it. */
let current = null;
let stopping = null;
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = signal;
    step(`${signal}: stopping (in-flight requests get up to ${graceMs / 1000}s)`);
    if (!current) process.exit(128 + signalNumber(signal));
    current.kill(signal);
    setTimeout(() => {
      step("grace period over; killing what is left");
      current?.kill("SIGKILL");
    }, graceMs).unref();
  });
}

// If whoever started us dies without passing the signal on (a shell between
// npm and this script, a supervisor killed with SIGKILL), we are orphaned:
// stop as if told to, rather than serve on with nobody to stop us.
const parentPid = process.ppid;
setInterval(() => {
  if (process.ppid !== parentPid) process.emit("SIGTERM", "SIGTERM");
}, 1000).unref();

function signalNumber(signal) {
  return { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 }[signal] ?? 0;
}

/** Runs one step to completion; a failed step, or a signal meanwhile, ends the start. */
async function run(cmd, args, extraEnv = {}) {
  const { code, signal } = await new Promise((resolve, reject) => {
    current = spawn(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...extraEnv } });
    current.on("error", reject);
    current.on("exit", (code, signal) => resolve({ code, signal }));
  });
  current = null;
  if (stopping) process.exit(128 + signalNumber(stopping));
  if (code !== 0) {
    console.error(`\n${path.basename(cmd)} ${args.join(" ")} failed (exit ${code ?? signal}).`);
    process.exit(code ?? 1);
  }
}

step("generating the database client (skipped when unchanged)");
await run(process.execPath, ["scripts/db/generate.mjs"]);

if (!buildOnly) {
  step("applying database migrations");
  await run(process.execPath, ["scripts/db/migrate.mjs"]);

  step("seeding demo data if the database is empty");
  await run(bin("tsx"), ["lib/cli/seed.ts", "--if-empty"]);
}

const buildStamp = path.join(root, ".next", "assay-build-stamp");
const sourceHash = hashSources();
const builtHash = fs.existsSync(buildStamp) ? fs.readFileSync(buildStamp, "utf8") : null;
if (builtHash !== sourceHash || !fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
  step(builtHash ? "sources changed since the last build; rebuilding" : "no build yet; building (a minute or two)");
  await run(bin("next"), ["build"], { NODE_ENV: "production" });
  fs.writeFileSync(buildStamp, sourceHash);
} else {
  step("build is up to date");
}
if (buildOnly) process.exit(0);

const url = `http://${host === "127.0.0.1" ? "localhost" : host}:${port}`;
step(`serving Assay on ${url}`);
printDemoLogins();
current = spawn(bin("next"), ["start", "-p", port, "-H", host], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production" },
});
current.on("exit", (code, signal) => {
  current = null;
  if (stopping) step("stopped");
  process.exit(code ?? 128 + signalNumber(signal ?? stopping ?? ""));
});

function printDemoLogins() {
  const file = path.join(process.env.ASSAY_DATA_DIR, "demo-logins.json");
  if (!fs.existsSync(file)) return;
  const logins = JSON.parse(fs.readFileSync(file, "utf8"));
  console.log(`\n  Open ${url} and sign in with a demo login (fictional data):`);
  for (const l of logins) console.log(`    ${l.role.padEnd(12)} ${l.email.padEnd(24)} ${l.password}`);
  console.log(`  Passwords are unique to this installation (kept in ${file}).\n`);
}

/** Content hash of everything that goes into `next build`. */
function hashSources() {
  const hash = crypto.createHash("sha256");
  const inputs = ["app", "components", "lib", "public", "proxy.ts", "instrumentation.ts", "next.config.js", "tsconfig.json", "package-lock.json", "prisma/schema.prisma"];
  const skip = new Set(["node_modules", ".next", "generated"]);
  const walk = (p) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) if (!skip.has(name)) walk(path.join(p, name));
    } else {
      hash.update(path.relative(root, p)).update("\0").update(fs.readFileSync(p)).update("\0");
    }
  };
  for (const input of inputs) walk(path.join(root, input));
  return hash.digest("hex");
}
