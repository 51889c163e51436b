import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { chromium } from "@playwright/test";

/**
 * Browser lookup order: an explicit env var, Playwright's own download (on a
 * laptop), then the system Chromium (Debian's package on CI and air-gapped hosts).
 * Undefined: Playwright finds its own download, or there is no browser at all
 * (`hasChromium` tells which).
 */
export function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (playwrightsOwn()) return undefined; // Playwright finds it itself
  for (const name of ["chromium", "chromium-browser", "google-chrome"]) {
    try {
      return execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).trim() || undefined;
    } catch {
      /* try the next */
    }
  }
  return undefined;
}

export function hasChromium(): boolean {
  return chromiumPath() !== undefined || playwrightsOwn();
}

function playwrightsOwn(): boolean {
  try {
    const own = chromium.executablePath();
    return Boolean(own && fs.existsSync(own));
  } catch {
    return false; // no download for this platform
  }
}
