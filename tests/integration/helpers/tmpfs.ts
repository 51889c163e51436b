// A small real filesystem that fills up, for full-disk tests. Mounting needs
// root on Linux; elsewhere the caller gets the reason and must report its
// tests as skipped with it (never as passed).
import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

export type SmallDisk = { dir: string; unmount: () => Promise<void> } | { skipped: string };

export async function mountSmallDisk(size = "1m"): Promise<SmallDisk> {
  if (process.platform !== "linux") return { skipped: `not Linux (${process.platform})` };
  if (process.getuid?.() !== 0) return { skipped: "not running as root, so no tmpfs can be mounted" };
  const dir = await mkdtemp(path.join(tmpdir(), "assay-full-disk-"));
  const r = spawnSync("mount", ["-t", "tmpfs", "-o", `size=${size},mode=0700`, "tmpfs", dir], { encoding: "utf8" });
  if (r.status !== 0) {
    await rm(dir, { recursive: true, force: true });
    return { skipped: `mount failed: ${(r.stderr || r.error?.message || "").trim()}` };
  }
  return {
    dir,
    unmount: async () => {
      spawnSync("umount", [dir]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Says loudly, once, that the real-disk tests of this file did not run. */
export function warnSkipped(disk: SmallDisk, what: string): disk is { skipped: string } {
  if (!("skipped" in disk)) return false;
  console.warn(`\n!!! ${what} SKIPPED: ${disk.skipped} !!!\n`);
  return true;
}
