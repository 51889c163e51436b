import { getPackKey, type PackKeySource } from "./pack-key";
import { PUBLIC_KEY_WELL_KNOWN_PATH } from "./public-key-path";

/** What the signing-key card shows: loaded here so the component stays free of server code. */
export interface PackSigningKeySummary {
  fingerprint: string;
  source: string;
  publicKeyPath: string;
}

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
