import fs from "node:fs";
import path from "node:path";

/**
 * Where Assay keeps its SQLite database, secrets and evidence: ASSAY_DATA_DIR
 * or ./data, as an absolute path. Created owner-only (0700) because it holds
 * vendors' security evidence and the session signing secret.
 */
export function dataDir(): string {
  const dir = path.resolve(/*turbopackIgnore: true*/ process.env.ASSAY_DATA_DIR || "./data");
  // recursive mkdir is a no-op when it exists and never loosens an existing dir.
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}
