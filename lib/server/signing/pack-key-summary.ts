import { getPackKey, type PackKeySource } from "./pack-key";
import type { PackSigningKeySummary } from "@/lib/schemas/views/pack-job";
import { PUBLIC_KEY_WELL_KNOWN_PATH } from "./public-key-path";

export function describeKeySource(source: PackKeySource | string): string {
  switch (source) {
    case "env:ASSAY_SIGNING_KEY_PEM":
      return "ASSAY_SIGNING_KEY_PEM environment variable";
    case "env:ASSAY_SIGNING_KEY_FILE":
      return "file named by ASSAY_SIGNING_KEY_FILE";
    default:
      return "generated into the data directory (keys/, mode 0600)";
  }
}

export async function packSigningKeySummary(): Promise<PackSigningKeySummary> {
  const key = await getPackKey();
  return { fingerprint: key.fingerprint(), source: describeKeySource(key.source), publicKeyPath: PUBLIC_KEY_WELL_KNOWN_PATH };
}
