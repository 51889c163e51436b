// The pack signing key: generated once into the data directory with private
// permissions, or taken from the environment; its signatures and fingerprint
// agree with openssl.
import { spawnSync } from "node:child_process";
import { generateKeyPairSync, verify } from "node:crypto";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KEY_FILE_NAME, PackKeyError, loadOrCreatePackKey, publicKeyFingerprint } from "@/lib/server/signing/pack-key";

let tmp: string;
let n = 0;
const freshDir = () => path.join(tmp, `data-${++n}`);

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "assay-key-"));
});
afterAll(async () => {
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

function ed25519Pem(): string {
  return generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }) as string;
}

describe("loadOrCreatePackKey", () => {
  it("creates the key on first use with mode 0600, then reuses it", async () => {
    const dataDir = freshDir();
    const first = await loadOrCreatePackKey({ dataDir, env: {} });
    expect(first.source).toBe("data-dir:created");
    const keyPath = path.join(dataDir, "keys", KEY_FILE_NAME);
    expect(first.keyPath).toBe(keyPath);
    expect((await fs.stat(keyPath)).mode & 0o777).toBe(0o600);
    expect((await fs.stat(path.dirname(keyPath))).mode & 0o077).toBe(0);

    const again = await loadOrCreatePackKey({ dataDir, env: {} });
    expect(again.source).toBe("data-dir");
    expect(again.fingerprint()).toBe(first.fingerprint());
  });

  it("uses ASSAY_DATA_DIR when no directory is passed", async () => {
    const dataDir = freshDir();
    const key = await loadOrCreatePackKey({ env: { ASSAY_DATA_DIR: dataDir } });
    expect(key.keyPath).toBe(path.join(dataDir, "keys", KEY_FILE_NAME));
  });

  it("gives every concurrent first caller the same key", async () => {
    const dataDir = freshDir();
    const keys = await Promise.all(Array.from({ length: 8 }, () => loadOrCreatePackKey({ dataDir, env: {} })));
    expect(new Set(keys.map((k) => k.fingerprint())).size).toBe(1);
    expect((await fs.readdir(path.join(dataDir, "keys"))).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("refuses a key file that group or others can read", async () => {
    const dataDir = freshDir();
    const key = await loadOrCreatePackKey({ dataDir, env: {} });
    await fs.chmod(key.keyPath!, 0o644);
    await expect(loadOrCreatePackKey({ dataDir, env: {} })).rejects.toThrow(/chmod 600/);
  });

  it("takes a PEM from ASSAY_SIGNING_KEY_PEM, with real or escaped newlines", async () => {
    const pem = ed25519Pem();
    const dataDir = freshDir();
    const a = await loadOrCreatePackKey({ dataDir, env: { ASSAY_SIGNING_KEY_PEM: pem } });
    const b = await loadOrCreatePackKey({ dataDir, env: { ASSAY_SIGNING_KEY_PEM: pem.replace(/\n/g, "\\n") } });
    expect(a.source).toBe("env:ASSAY_SIGNING_KEY_PEM");
    expect(b.fingerprint()).toBe(a.fingerprint());
    await expect(fs.stat(dataDir)).rejects.toThrow(); // nothing written to the data dir
  });

  it("takes a key file from ASSAY_SIGNING_KEY_FILE (made by openssl genpkey)", async () => {
    const file = path.join(tmp, "openssl-key.pem");
    const gen = spawnSync("openssl", ["genpkey", "-algorithm", "ed25519", "-out", file], { encoding: "utf8" });
    expect(gen.status, gen.stderr).toBe(0);
    const key = await loadOrCreatePackKey({ env: { ASSAY_SIGNING_KEY_FILE: file } });
    expect(key.source).toBe("env:ASSAY_SIGNING_KEY_FILE");
    const pub = spawnSync("openssl", ["pkey", "-in", file, "-pubout"], { encoding: "utf8" }).stdout;
    expect(publicKeyFingerprint(pub)).toBe(key.fingerprint());
  });

  it.each([
    ["both variables set", () => ({ ASSAY_SIGNING_KEY_PEM: ed25519Pem(), ASSAY_SIGNING_KEY_FILE: "/x" }), /not both/],
    ["an RSA key", () => ({ ASSAY_SIGNING_KEY_PEM: generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs8", format: "pem" }) as string }), /must be Ed25519/],
    ["garbage", () => ({ ASSAY_SIGNING_KEY_PEM: "-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----\n" }), /not a readable private key/],
    ["a missing key file", () => ({ ASSAY_SIGNING_KEY_FILE: "/definitely/not/here.pem" }), /cannot read ASSAY_SIGNING_KEY_FILE/],
  ])("refuses %s", async (_name, env, message) => {
    await expect(loadOrCreatePackKey({ dataDir: freshDir(), env: env() })).rejects.toThrow(PackKeyError);
    await expect(loadOrCreatePackKey({ dataDir: freshDir(), env: env() })).rejects.toThrow(message);
  });

  it("signs so that node and openssl verify, and its fingerprint is openssl's", async () => {
    const key = await loadOrCreatePackKey({ dataDir: freshDir(), env: {} });
    const data = Buffer.from("manifest bytes\n");
    const sig = key.sign(data);
    expect(sig).toHaveLength(64);
    expect(verify(null, data, key.publicKeyPem(), sig)).toBe(true);

    const dir = await fs.mkdtemp(path.join(tmp, "openssl-"));
    await fs.writeFile(path.join(dir, "pub.pem"), key.publicKeyPem());
    await fs.writeFile(path.join(dir, "data"), data);
    await fs.writeFile(path.join(dir, "data.sig"), sig);
    const ok = spawnSync("openssl", ["pkeyutl", "-verify", "-pubin", "-inkey", "pub.pem", "-rawin", "-in", "data", "-sigfile", "data.sig"], { cwd: dir, encoding: "utf8" });
    expect(ok.status, ok.stderr).toBe(0);
    const fp = spawnSync("bash", ["-c", "openssl pkey -pubin -in pub.pem -outform DER | sha256sum"], { cwd: dir, encoding: "utf8" });
    expect(fp.stdout.split(" ")[0]).toBe(key.fingerprint());
  });
});
