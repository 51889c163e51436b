// The audit pack's manifest format, shared by the writer and the verifier.
//
// Trust chain inside a pack (format 1):
//   manifest.sig      Ed25519 over the exact bytes of manifest.json
//   manifest.json     metadata + { path, size, sha256 } of every content file
//   SHA256SUMS.sig    Ed25519 over the exact bytes of SHA256SUMS
//   SHA256SUMS        `sha256sum -c` lines for every content file AND manifest.json
// so an auditor with only openssl and sha256sum verifies SHA256SUMS.sig, then
// runs `sha256sum -c SHA256SUMS`, and has checked every byte (README.txt).
import { z } from "zod";

export const PACK_FORMAT = "assay-audit-pack";
export const PACK_FORMAT_VERSION = 1;

export const MANIFEST_PATH = "manifest.json";
export const MANIFEST_SIG_PATH = "manifest.sig";
export const SUMS_PATH = "SHA256SUMS";
export const SUMS_SIG_PATH = "SHA256SUMS.sig";
export const README_PATH = "README.txt";
export const PUBLIC_KEY_PATH = "signing-key.pub.pem";

/** Written last; not listed in the manifest (they cover it). */
export const CONTROL_PATHS: readonly string[] = [MANIFEST_PATH, MANIFEST_SIG_PATH, SUMS_PATH, SUMS_SIG_PATH];
/** Names the pack builder writes itself; callers' entries may not use them. */
export const RESERVED_PATHS: readonly string[] = [...CONTROL_PATHS, README_PATH, PUBLIC_KEY_PATH];

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const packFileSchema = z.object({
  path: z.string().min(1),
  size: z.number().int().nonnegative(),
  sha256: sha256Hex,
});
export type PackFile = z.infer<typeof packFileSchema>;

export const packManifestSchema = z.object({
  format: z.literal(PACK_FORMAT),
  formatVersion: z.literal(PACK_FORMAT_VERSION),
  vendor: z.object({ id: z.string(), name: z.string() }),
  generatedAt: z.string(),
  generatedBy: z.object({ id: z.string(), email: z.string().nullable().optional(), name: z.string().nullable().optional() }),
  appVersion: z.string(),
  /** Opaque summary of the latest approved assessment, null if none. */
  approvedAssessment: z.unknown(),
  auditChain: z.object({
    algorithm: z.string(),
    /** Head of the whole (global) audit chain when the pack was generated. */
    headHash: z.string(),
    headEventId: z.number().int().nullable(),
  }),
  signature: z.object({
    algorithm: z.literal("Ed25519"),
    /** sha256 of the DER SubjectPublicKeyInfo, hex (see pack-key.ts). */
    publicKeyFingerprint: sha256Hex,
    publicKeyPath: z.string(),
  }),
  files: z.array(packFileSchema),
});
export type PackManifest = z.infer<typeof packManifestSchema>;

/** The manifest's exact bytes: pretty-printed for humans, signed as is. */
export function serializeManifest(manifest: PackManifest): Buffer {
  return Buffer.from(JSON.stringify(manifest, null, 2) + "\n", "utf8");
}

/** GNU coreutils format ("<hex>  <path>"); paths never need escaping (pack-paths.ts). */
export function renderSha256Sums(files: readonly { path: string; sha256: string }[]): Buffer {
  return Buffer.from(files.map((f) => `${f.sha256}  ${f.path}\n`).join(""), "utf8");
}

export function parseSha256Sums(text: string): { path: string; sha256: string }[] | null {
  if (text !== "" && !text.endsWith("\n")) return null;
  const out: { path: string; sha256: string }[] = [];
  for (const line of text.split("\n").slice(0, -1)) {
    const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (!m) return null;
    out.push({ sha256: m[1]!, path: m[2]! });
  }
  return out;
}
