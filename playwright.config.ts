import { defineConfig } from "@playwright/test";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { E2E_DATA_DIR, E2E_PORT } from "./tests/e2e/env";

/**
 * Browser lookup order: an explicit env var, Playwright's own download (on a
 * laptop), then the system Chromium (Debian's package on CI and air-gapped hosts).
 */
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const own = require("playwright-core").chromium.executablePath() as string;
    if (own && fs.existsSync(own)) return undefined; // Playwright finds it itself
  } catch {
    /* not installed: fall through */
  }
  for (const name of ["chromium", "chromium-browser", "google-chrome"]) {
    try {
      return execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).trim() || undefined;
    } catch {
      /* try the next */
    }
  }
  return undefined;
}

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: "list",
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-gpu"],
    },
  },
  projects: [
    { name: "chromium", use: { browserName: "chromium" }, testIgnore: /tests\/e2e\/adversarial\// },
    // HTTP only, against its own server and data directory (tests/e2e/adversarial/server.ts).
    { name: "adversarial", testMatch: /tests\/e2e\/adversarial\/.*\.spec\.ts$/ },
  ],
  // Stops the adversarial suite's own server.
  globalTeardown: "./tests/e2e/adversarial-teardown.ts",
  webServer: {
    // The README's own start command against a throwaway data directory.
    command: "node scripts/start.mjs",
    url: `http://localhost:${E2E_PORT}/signin`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(E2E_PORT),
      ASSAY_DATA_DIR: path.resolve(E2E_DATA_DIR),
      DATABASE_URL: `file:${path.resolve(E2E_DATA_DIR, "assay.db")}`,
      // tests/e2e/webhooks.spec.ts delivers to a receiver it starts on loopback (docs/webhooks.md).
      ASSAY_WEBHOOK_ALLOW_LOOPBACK: "true",
    },
  },
});
