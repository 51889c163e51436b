// The adversarial suite's own server: `node scripts/start.mjs` (the README's
// start command) on its own port and data directory, so its thousands of
// generated requests never touch the demo data other specs rely on, and the
// "row counts change only for accepted requests" check sees no one else's
// writes. It reuses the build the e2e web server has just made (start.mjs
// skips the build when the sources are unchanged).
//
// Playwright replaces a worker after a failed test; the server outlives the
// worker (its pid is kept in a state file) so the next worker reuses it, and
// the global teardown (teardown.ts) stops it at the end of the run.
//
// ADVERSARIAL_BASE_URL + ADVERSARIAL_DATA_DIR point the suite at a server
// that is already running instead (to replay a failure quickly).
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { E2E_DATA_DIR, E2E_PORT } from "../env";
import { ROOT } from "./targets";

export interface RunningServer {
  base: string;
  dataDir: string;
  pid?: number;
}

export const STATE_FILE = path.resolve(ROOT, `${E2E_DATA_DIR}-adversarial.json`);

async function up(base: string): Promise<boolean> {
  try {
    return (await fetch(`${base}/signin`, { signal: AbortSignal.timeout(5_000) })).status === 200;
  } catch {
    return false;
  }
}

export async function ensureServer(): Promise<RunningServer> {
  if (process.env.ADVERSARIAL_BASE_URL && process.env.ADVERSARIAL_DATA_DIR) {
    return { base: process.env.ADVERSARIAL_BASE_URL.replace(/\/$/, ""), dataDir: path.resolve(ROOT, process.env.ADVERSARIAL_DATA_DIR) };
  }
  if (existsSync(STATE_FILE)) {
    const state = JSON.parse(readFileSync(STATE_FILE, "utf8")) as RunningServer;
    if (await up(state.base)) return state;
  }
  const port = E2E_PORT + 50;
  const dataDir = path.resolve(ROOT, `${E2E_DATA_DIR}-adversarial`);
  // A server that died mid-suite is started again here: keep its log, which says why.
  if (existsSync(path.join(dataDir, "server.log"))) renameSync(path.join(dataDir, "server.log"), `${dataDir}-previous-server.log`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const logFile = path.join(dataDir, "server.log");
  const out = openSync(logFile, "a");
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: ROOT,
    // No daily reminder run: the suite compares row counts before and after each refused request,
    // and a background job writing notifications meanwhile would read as that request's side effect.
    env: { ...process.env, PORT: String(port), ASSAY_DATA_DIR: dataDir, DATABASE_URL: `file:${path.join(dataDir, "assay.db")}`, ASSAY_REMINDERS: "off" },
    stdio: ["ignore", out, out],
    detached: true, // its own process group: teardown ends start.mjs and the `next start` it spawned
  });
  child.unref();
  const state: RunningServer = { base: `http://localhost:${port}`, dataDir, pid: child.pid };
  writeFileSync(STATE_FILE, JSON.stringify(state));
  const deadline = Date.now() + 300_000;
  while (!(await up(state.base))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`the adversarial server did not start:\n${readFileSync(logFile, "utf8").slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return state;
}

/** Stops the server ensureServer started (the process group of start.mjs). */
export function stopServer() {
  if (!existsSync(STATE_FILE)) return;
  const state = JSON.parse(readFileSync(STATE_FILE, "utf8")) as RunningServer;
  rmSync(STATE_FILE, { force: true });
  if (!state.pid) return;
  try {
    process.kill(-state.pid, "SIGTERM");
  } catch {
    /* already gone */
  }
}
