import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir } from "./data-dir";

let cached: string | undefined;

/**
 * The JWT signing secret: from AUTH_SECRET / NEXTAUTH_SECRET, otherwise a random
 * one generated on first start into the data directory (mode 0600). There is
 * no hard-coded fallback: a guessable secret would let anyone mint sessions.
 */
export function authSecret(): string {
  if (cached) return cached;
  const fromEnv = process.env.AUTH_SECRET || process.env.NEXTAUTH_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error("AUTH_SECRET must be at least 32 characters.");
    return (cached = fromEnv);
  }
  const file = path.join(dataDir(), "auth-secret");
  try {
    // "wx" fails if another process created it first; then we read theirs.
    fs.writeFileSync(file, randomBytes(48).toString("base64url"), { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const secret = fs.readFileSync(file, "utf8").trim();
  if (secret.length < 32) throw new Error(`${file} is too short to be a secret; delete it to regenerate.`);
  return (cached = secret);
}
