// The Ed25519 key that signs audit packs.
//
// Where it comes from, first match wins:
//   1. ASSAY_SIGNING_KEY_PEM   PKCS#8 PEM text (literal "\n" accepted, as env
//                              files often flatten newlines)
//   2. ASSAY_SIGNING_KEY_FILE  path to a PKCS#8 PEM file (e.g. a mounted secret)
//   3. <data dir>/keys/pack-signing-ed25519.pem, generated on first use with
//      mode 0600; data dir = ASSAY_DATA_DIR or ./data.
// Setting both env variables is refused rather than guessed.
//
// Several app instances must share one key (set 1 or 2), otherwise each
// instance signs with its own and auditors see several fingerprints.
// `openssl genpkey -algorithm ed25519 -out key.pem` makes a suitable key.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, sign as cryptoSign, type KeyObject } from "node:crypto";
import { constants as fsConstants, promises as fs } from "node:fs";
import path from "node:path";

export type PackKeySource = "env:ASSAY_SIGNING_KEY_PEM" | "env:ASSAY_SIGNING_KEY_FILE" | "data-dir" | "data-dir:created";

export interface PackKey {
  readonly source: PackKeySource;
  /** Where the private key lives on disk, when it does. */
  readonly keyPath: string | null;
  /** Ed25519 (PureEdDSA) signature over the exact bytes; 64 bytes. */
  sign(data: Uint8Array): Buffer;
  /** SubjectPublicKeyInfo PEM, what `openssl pkeyutl -pubin -inkey` expects. */
  publicKeyPem(): string;
  /** sha256 hex of the DER public key = `openssl pkey -pubin -in key.pem -outform DER | sha256sum`. */
  fingerprint(): string;
}

export interface LoadPackKeyOptions {
  env?: Record<string, string | undefined>;
  /** Overrides ASSAY_DATA_DIR / ./data. */
  dataDir?: string;
}

export const KEY_FILE_NAME = "pack-signing-ed25519.pem";

export class PackKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PackKeyError";
  }
}

export async function loadOrCreatePackKey(opts: LoadPackKeyOptions = {}): Promise<PackKey> {
  const env = opts.env ?? process.env;
  const pemVar = nonEmpty(env.ASSAY_SIGNING_KEY_PEM);
  const fileVar = nonEmpty(env.ASSAY_SIGNING_KEY_FILE);
  if (pemVar && fileVar) throw new PackKeyError("set ASSAY_SIGNING_KEY_PEM or ASSAY_SIGNING_KEY_FILE, not both");
  if (pemVar) {
    const pem = pemVar.includes("\n") ? pemVar : pemVar.replace(/\\n/g, "\n");
    return makeKey(parsePrivateKey(pem, "ASSAY_SIGNING_KEY_PEM"), "env:ASSAY_SIGNING_KEY_PEM", null);
  }
  if (fileVar) {
    const pem = await fs.readFile(fileVar, "utf8").catch((err: NodeJS.ErrnoException) => {
      throw new PackKeyError(`cannot read ASSAY_SIGNING_KEY_FILE ${fileVar}: ${err.code ?? err.message}`);
    });
    return makeKey(parsePrivateKey(pem, fileVar), "env:ASSAY_SIGNING_KEY_FILE", fileVar);
  }

  const dataDir = path.resolve(/*turbopackIgnore: true*/ opts.dataDir ?? nonEmpty(env.ASSAY_DATA_DIR) ?? "data");
  const keyDir = path.join(dataDir, "keys");
  const keyPath = path.join(keyDir, KEY_FILE_NAME);
  const existing = await readKeyFile(keyPath);
  if (existing !== null) return makeKey(parsePrivateKey(existing, keyPath), "data-dir", keyPath);

  await fs.mkdir(keyDir, { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync("ed25519");
  const pem = privateKey.export({ type: "pkcs8", format: "pem" }) as string;
  const created = await createExclusive(keyPath, pem);
  if (!created) {
    // Another process created it between our read and our write: use theirs,
    // so both sign with the same key.
    const theirs = await readKeyFile(keyPath);
    if (theirs === null) throw new PackKeyError(`signing key ${keyPath} vanished while being created`);
    return makeKey(parsePrivateKey(theirs, keyPath), "data-dir", keyPath);
  }
  return makeKey(privateKey, "data-dir:created", keyPath);
}

let cached: Promise<PackKey> | null = null;

/** The process-wide key (env/data dir from process.env), loaded once. */
export function getPackKey(): Promise<PackKey> {
  cached ??= loadOrCreatePackKey().catch((err: unknown) => {
    cached = null; // let a fixed configuration be picked up on the next call
    throw err;
  });
  return cached;
}

/** Fingerprint of a public key (PEM or KeyObject), as PackKey.fingerprint(). */
export function publicKeyFingerprint(key: string | KeyObject): string {
  const keyObject = typeof key === "string" ? createPublicKey(key) : key;
  const der = keyObject.export({ type: "spki", format: "der" });
  return createHash("sha256").update(der).digest("hex");
}

function makeKey(privateKey: KeyObject, source: PackKeySource, keyPath: string | null): PackKey {
  const publicKey = createPublicKey(privateKey);
  const publicPem = publicKey.export({ type: "spki", format: "pem" }) as string;
  const fingerprint = publicKeyFingerprint(publicKey);
  return {
    source,
    keyPath,
    sign: (data) => cryptoSign(null, data, privateKey),
    publicKeyPem: () => publicPem,
    fingerprint: () => fingerprint,
  };
}

function parsePrivateKey(pem: string, origin: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch (err) {
    throw new PackKeyError(`${origin}: not a readable private key PEM (${(err as Error).message})`);
  }
  if (key.asymmetricKeyType !== "ed25519") {
    throw new PackKeyError(`${origin}: pack signing key must be Ed25519, got ${key.asymmetricKeyType ?? "unknown"}`);
  }
  return key;
}

async function readKeyFile(keyPath: string): Promise<string | null> {
  let stat;
  try {
    stat = await fs.stat(keyPath);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
  // Like ssh: a private key others can read is treated as leaked config, not used.
  if (process.platform !== "win32" && (stat.mode & 0o077) !== 0) {
    throw new PackKeyError(`signing key ${keyPath} is readable by group/others (mode ${(stat.mode & 0o777).toString(8)}); run: chmod 600 ${keyPath}`);
  }
  return fs.readFile(keyPath, "utf8");
}

/**
 * Create `target` with `content` only if it does not exist, never leaving a
 * partly written key: write a private temp file, fsync, then hard-link it into
 * place (link fails if the target exists, atomically). Returns false if the
 * target already existed.
 */
async function createExclusive(target: string, content: string): Promise<boolean> {
  const tmp = `${target}.${randomUUID()}.tmp`;
  const handle = await fs.open(tmp, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL, 0o600);
  try {
    await handle.writeFile(content, "utf8");
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.link(tmp, target);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw err;
  } finally {
    await fs.rm(tmp, { force: true });
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== "" ? value : undefined;
}
