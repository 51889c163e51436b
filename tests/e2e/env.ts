// Shared by playwright.config.ts and the specs: where the e2e server keeps its data.
export const E2E_PORT = Number(process.env.E2E_PORT || 3107);
export const E2E_DATA_DIR = process.env.E2E_DATA_DIR || "test-results/e2e-data";
