// One server per data directory: a second `npm start` on a directory a live
// server holds is refused before it touches anything, with a message that
// names the holder; a lock left by a killed server is taken over.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirLockedError, LOCK_FILE } from "@/scripts/lib/data-dir-lock.mjs";

const ROOT = path.resolve(__dirname, "../../..");
const LOCK_MODULE = path.join(ROOT, "scripts/lib/data-dir-lock.mjs");
const children: ChildProcess[] = [];
const dirs: string[] = [];

function tempDataDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "assay-lock-test-"));
  dirs.push(dir);
  return dir;
}

/** A separate process that takes the lock the way start.mjs does and keeps it until killed. */
async function holdLockInChild(dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--input-type=module", "-e", `import { acquireDataDirLock } from ${JSON.stringify(LOCK_MODULE)}; acquireDataDirLock(${JSON.stringify(dataDir)}); console.log("locked"); setInterval(() => {}, 1000);`], { stdio: ["ignore", "pipe", "inherit"] });
  children.push(child);
  await new Promise<void>((resolve) => child.stdout!.once("data", () => resolve()));
  return child;
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("data directory lock", () => {
  it("refuses a second start on a data directory a running server holds, and leaves the directory alone", async () => {
    const dataDir = tempDataDir();
    const holder = await holdLockInChild(dataDir);
    const second = spawnSync(process.execPath, [path.join(ROOT, "scripts/start.mjs")], {
      cwd: ROOT,
      env: { ...process.env, ASSAY_DATA_DIR: dataDir, PORT: "3299" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`Another Assay server (pid ${holder.pid}`);
    expect(second.stderr).toContain(dataDir);
    // Refused before migrating: no database was created.
    expect(fs.readdirSync(dataDir)).toEqual([LOCK_FILE]);
  });

  it("takes over a lock whose server was killed, and releases only its own lock", async () => {
    const dataDir = tempDataDir();
    const holder = await holdLockInChild(dataDir);
    holder.kill("SIGKILL");
    await new Promise((resolve) => holder.once("exit", resolve));
    const lock = acquireDataDirLock(dataDir);
    expect(JSON.parse(fs.readFileSync(lock.file, "utf8")).pid).toBe(process.pid);
    // Same process again: refused while held by a live process other than the caller.
    expect(() => acquireDataDirLock(dataDir, { pid: process.ppid })).toThrow(DataDirLockedError);
    lock.release();
    expect(fs.existsSync(lock.file)).toBe(false);
  });

  it("refuses a lock held from another host, whose process it cannot check", () => {
    const dataDir = tempDataDir();
    fs.writeFileSync(path.join(dataDir, LOCK_FILE), JSON.stringify({ pid: 1, host: "other-host", startedAt: "2026-01-01T00:00:00Z" }));
    expect(() => acquireDataDirLock(dataDir)).toThrow(/in use by an Assay server on other-host/);
  });
});
