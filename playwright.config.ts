import { defineConfig } from "@playwright/test";
import path from "node:path";
import { chromiumPath } from "./tests/e2e/chromium-path";
import { E2E_DATA_DIR, E2E_PORT } from "./tests/e2e/env";

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
