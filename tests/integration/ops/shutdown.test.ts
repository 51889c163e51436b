// The real `npm start`, stopped the way Docker, systemd or a supervisor stop
// it: SIGTERM to the npm process. A request in flight at that moment gets its
// complete answer, then the port closes and no process of the tree is left.
// While it runs, a second `npm start` on the same data directory is refused.
// Builds Next first when the build is stale (minutes), like `npm start` does.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../../..");
const PORT = Number(process.env.E2E_PORT || 3207);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "assay-shutdown-test-"));
let server: ChildProcess | undefined;
let output = "";

afterAll(() => {
  if (server?.exitCode === null) server.kill("SIGKILL");
  for (const pid of treePids) if (isRunning(pid)) process.kill(pid, "SIGKILL");
  fs.rmSync(dataDir, { recursive: true, force: true });
});

let treePids: number[] = [];

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Every descendant of `pid` (ps, one level at a time). */
function descendants(pid: number): number[] {
  const children = spawnSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" })
    .stdout.split("\n")
    .map((s) => Number(s.trim()))
    .filter((n) => n > 0);
  return children.flatMap((child) => [child, ...descendants(child)]);
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}; server output:\n${output.slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function portOpen(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(PORT, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

describe("npm start and SIGTERM", () => {
  it("finishes the in-flight request, closes the port, leaves no process behind", async () => {
    server = spawn("npm", ["start"], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(PORT), ASSAY_DATA_DIR: dataDir, DATABASE_URL: `file:${path.join(dataDir, "assay.db")}`, ASSAY_SHUTDOWN_GRACE_MS: "20000" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    server.stdout!.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    server.stderr!.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    await waitFor("the server to answer /api/health", async () => ((await fetch(`http://127.0.0.1:${PORT}/api/health`)).ok ? true : undefined), 900_000);

    // A second server on the same data directory is refused with a clear message.
    const second = spawnSync(process.execPath, ["scripts/start.mjs"], { cwd: ROOT, env: { ...process.env, PORT: String(PORT + 1), ASSAY_DATA_DIR: dataDir }, encoding: "utf8", timeout: 60_000 });
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(/Another Assay server \(pid \d+, started .*\) is already using the data directory/);

    treePids = [server.pid!, ...descendants(server.pid!)];
    expect(treePids.length).toBeGreaterThanOrEqual(3); // npm, start.mjs, next-server

    // A slow client: the request is under way (headers sent, half the body) when SIGTERM arrives.
    const body = "csrfToken=x&email=nobody%40example.test&password=wrong-password";
    const socket = net.connect(PORT, "127.0.0.1");
    await new Promise((resolve) => socket.once("connect", resolve));
    let response = "";
    socket.setEncoding("utf8").on("data", (chunk: string) => (response += chunk));
    const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
    socket.write(
      `POST /api/auth/callback/credentials HTTP/1.1\r\nHost: localhost:${PORT}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.slice(0, 10)}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    const exited = new Promise<void>((resolve) => server!.once("exit", () => resolve()));
    process.kill(server.pid!, "SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 1500));
    socket.write(body.slice(10)); // write, not end: a half-closed socket is dropped by the server
    await closed;
    expect(response).toMatch(/^HTTP\/1\.1 (2|3|4)\d\d /);

    await exited;
    await waitFor("the port to close", async () => ((await portOpen()) ? undefined : true), 30_000);
    await waitFor("every process of the tree to exit", async () => (treePids.some(isRunning) ? undefined : true), 30_000);
    expect(output).toContain("SIGTERM: stopping");
    // The data directory lock went with the server.
    expect(fs.existsSync(path.join(dataDir, "assay.lock"))).toBe(false);
  }, 1_200_000);
});
