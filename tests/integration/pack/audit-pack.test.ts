// An audit pack end to end: built from real files (one of 50 MiB), unzipped
// with the system unzip, verified by verifyPack / the verify-pack command and
// by the exact openssl and sha256sum commands its README gives, then tampered
// with in every way an attacker could, each of which must be caught and named.
import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPackCommand } from "@/lib/cli/verify-pack";
import { CONTROL_PATHS, MANIFEST_PATH, MANIFEST_SIG_PATH, PUBLIC_KEY_PATH, README_PATH, SUMS_PATH, SUMS_SIG_PATH, type PackManifest } from "@/lib/server/pack/manifest";
import { PACK_VERIFY_COMMANDS } from "@/lib/server/pack/readme-text";
import { verifyPack } from "@/lib/server/pack/verify-pack";
import { loadOrCreatePackKey, type PackKey } from "@/lib/server/signing/pack-key";
import {
  BIG_FILE_PATH,
  SOC2_PATH,
  buildFixturePack,
  fixtureEntries,
  flipByteInEntry,
  rewriteZip,
  writeFixtureFiles,
  type FixtureFiles,
} from "./pack-fixtures";

const BIG_SIZE = 50 * 1024 * 1024;

let tmp: string;
let key: PackKey;
let publicKeyFile: string;
let files: FixtureFiles;
let packPath: string;
let manifest: PackManifest;
let unzipped: string;

function sh(command: string, cwd: string): { code: number; out: string } {
  const r = spawnSync("bash", ["-c", command], { cwd, encoding: "utf8" });
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

async function cli(args: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await verifyPackCommand(args, { out: (l) => lines.push(l), err: (l) => lines.push(l) });
  return { code, lines };
}

async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  for (const d of await fs.readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${d.name}` : d.name;
    if (d.isDirectory()) out.push(...(await listFiles(path.join(dir, d.name), rel)));
    else out.push(rel);
  }
  return out;
}

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "assay-pack-"));
  key = await loadOrCreatePackKey({ dataDir: path.join(tmp, "data"), env: {} });
  publicKeyFile = path.join(tmp, "public.pem");
  await fs.writeFile(publicKeyFile, key.publicKeyPem());
  files = await writeFixtureFiles(path.join(tmp, "src"), BIG_SIZE);
  await fs.mkdir(path.join(tmp, "out"));
  packPath = path.join(tmp, "out", "acme.zip");
  manifest = await buildFixturePack(packPath, files, key);
  unzipped = path.join(tmp, "unzipped");
  const r = spawnSync("unzip", ["-q", packPath, "-d", unzipped], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`unzip failed: ${r.stderr}`);
});

afterAll(async () => {
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

describe("a built audit pack", () => {
  it("has a manifest with the metadata and every file's size and SHA-256", async () => {
    expect(manifest).toMatchObject({
      format: "assay-audit-pack",
      formatVersion: 1,
      vendor: { id: "vendor-1", name: "Acme BPO Zürich" },
      generatedAt: "2025-03-04T12:00:00.000Z",
      generatedBy: { id: "user-1", email: "auditor@example.com" },
      appVersion: "0.1.0-test",
      approvedAssessment: { id: "assessment-1", score: 72 },
      auditChain: { headHash: "c".repeat(64), headEventId: 7 },
      signature: { algorithm: "Ed25519", publicKeyFingerprint: key.fingerprint(), publicKeyPath: PUBLIC_KEY_PATH },
    });
    const paths = manifest.files.map((f) => f.path);
    expect(paths).toEqual([README_PATH, PUBLIC_KEY_PATH, ...fixtureEntries(files).map((e) => e.path)]);
    expect(manifest.files.find((f) => f.path === BIG_FILE_PATH)).toEqual({ path: BIG_FILE_PATH, size: BIG_SIZE, sha256: files.bigSha256 });
    // The manifest in the archive is byte-for-byte what buildPack returned.
    const inZip = JSON.parse(await fs.readFile(path.join(unzipped, MANIFEST_PATH), "utf8")) as PackManifest;
    expect(inZip).toEqual(manifest);
  });

  it("extracts with the system unzip to exactly the listed files plus the signatures", async () => {
    expect(spawnSync("unzip", ["-tq", packPath]).status).toBe(0);
    const extracted = (await listFiles(unzipped)).sort();
    expect(extracted).toEqual([...manifest.files.map((f) => f.path), ...CONTROL_PATHS].sort());
    for (const f of manifest.files) {
      expect((await fs.stat(path.join(unzipped, f.path))).size).toBe(f.size);
    }
  });

  it("verifies with the organisation's key", async () => {
    const result = await verifyPack(packPath, { publicKeyPem: key.publicKeyPem() });
    expect(result).toMatchObject({ ok: true, trusted: true, fileCount: manifest.files.length, keyFingerprint: key.fingerprint() });
  });

  it("verify-pack prints one OK line and exits 0 with --key or --fingerprint", async () => {
    const withKey = await cli([packPath, "--key", publicKeyFile]);
    expect(withKey.code).toBe(0);
    expect(withKey.lines).toHaveLength(1);
    expect(withKey.lines[0]).toMatch(/^OK .*acme\.zip: 12 files verified/);

    const withFingerprint = await cli([packPath, `--fingerprint=sha256:${key.fingerprint().toUpperCase()}`]);
    expect(withFingerprint.code).toBe(0);
  });

  it("verify-pack without a key says it is only a self-signed check and does not exit 0", async () => {
    const r = await cli([packPath]);
    expect(r.code).toBe(3);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatch(/^UNTRUSTED .*self-signed check only.*supply --key/);
  });

  it("verify-pack rejects bad usage with exit 2", async () => {
    expect((await cli([])).code).toBe(2);
    expect((await cli([packPath, "--key"])).code).toBe(2);
    expect((await cli([packPath, "--key", path.join(tmp, "nope.pem")])).code).toBe(2);
    expect((await cli([packPath, "--bogus"])).code).toBe(2);
  });

  it("README gives the verification commands, and each one succeeds on the unzipped pack", async () => {
    const readme = await fs.readFile(path.join(unzipped, README_PATH), "utf8");
    for (const command of Object.values(PACK_VERIFY_COMMANDS)) expect(readme).toContain(command);
    expect(readme).toContain(key.fingerprint());

    const fingerprint = sh(PACK_VERIFY_COMMANDS.fingerprint, unzipped);
    expect(fingerprint.out.split(/\s/)[0]).toBe(key.fingerprint());

    for (const command of [PACK_VERIFY_COMMANDS.verifySums, PACK_VERIFY_COMMANDS.verifyManifest]) {
      const r = sh(command, unzipped);
      expect(r, command).toMatchObject({ code: 0 });
      expect(r.out).toContain("Signature Verified Successfully");
    }
    // The same commands with the key from outside the pack, as the README recommends.
    const external = sh(PACK_VERIFY_COMMANDS.verifySums.replace(PUBLIC_KEY_PATH, publicKeyFile), unzipped);
    expect(external.code).toBe(0);

    const sums = sh(PACK_VERIFY_COMMANDS.checkFiles, unzipped);
    expect(sums.code).toBe(0);
    expect(sums.out.trim().split("\n")).toHaveLength(manifest.files.length + 1);
    expect(sums.out).toContain(`${BIG_FILE_PATH}: OK`);
    expect(sums.out).toContain(`${MANIFEST_PATH}: OK`);
  });

  it("the macOS variant of the checksum command works too, where shasum exists", () => {
    if (spawnSync("bash", ["-c", "command -v shasum"]).status !== 0) return;
    expect(sh(PACK_VERIFY_COMMANDS.checkFilesMac, unzipped).code).toBe(0);
  });
});

describe("a tampered pack", () => {
  let n = 0;
  const copyPath = () => path.join(tmp, "out", `tampered-${++n}.zip`);

  async function expectProblem(zip: string, problem: string | RegExp): Promise<void> {
    const result = await verifyPack(zip, { publicKeyPem: key.publicKeyPem() });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatch(typeof problem === "string" ? new RegExp(`^${escape(problem)}`) : problem);
    const r = await cli([zip, "--key", publicKeyFile]);
    expect(r.code).toBe(1);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatch(/^FAIL /);
  }

  it.each([
    ["one byte of the 50 MiB evidence file", BIG_FILE_PATH],
    ["one byte of a small evidence file", SOC2_PATH],
  ])("flipping %s is a hash mismatch naming that file", async (_what, entry) => {
    const zip = copyPath();
    await flipByteInEntry(packPath, zip, entry);
    await expectProblem(zip, `hash mismatch: ${entry}`);
  });

  it("flipping one byte of manifest.json breaks its signature", async () => {
    const zip = copyPath();
    await flipByteInEntry(packPath, zip, MANIFEST_PATH, 40);
    await expectProblem(zip, `bad signature: ${MANIFEST_SIG_PATH}`);
  });

  it("flipping one byte of SHA256SUMS breaks its signature", async () => {
    const zip = copyPath();
    await flipByteInEntry(packPath, zip, SUMS_PATH, 3);
    await expectProblem(zip, `bad signature: ${SUMS_SIG_PATH}`);
  });

  it("an added file is reported as extra", async () => {
    const zip = copyPath();
    await rewriteZip(packPath, zip, { add: { "evil.txt": Buffer.from("planted\n") } });
    await expectProblem(zip, "extra file: evil.txt");
  });

  it("a removed file is reported as missing", async () => {
    const zip = copyPath();
    await rewriteZip(packPath, zip, { drop: ["clause-review.csv"] });
    await expectProblem(zip, "missing file: clause-review.csv");
  });

  it("a removed signature is reported as missing", async () => {
    const zip = copyPath();
    await rewriteZip(packPath, zip, { drop: [MANIFEST_SIG_PATH] });
    await expectProblem(zip, `missing file: ${MANIFEST_SIG_PATH}`);
  });

  it("a file replaced by a rewritten archive is a hash mismatch", async () => {
    const zip = copyPath();
    await rewriteZip(packPath, zip, { replace: { "dossier.json": Buffer.from(JSON.stringify({ name: "Acme BPO", city: "Züric!" })) } });
    await expectProblem(zip, "hash mismatch: dossier.json");
  });

  it("a pack checked with another organisation's key has a bad signature", async () => {
    const other = await loadOrCreatePackKey({ dataDir: path.join(tmp, "other-data"), env: {} });
    const result = await verifyPack(packPath, { publicKeyPem: other.publicKeyPem() });
    expect(result).toMatchObject({ ok: false, problem: expect.stringMatching(/^bad signature/) });
  });

  it("a pack forged and re-signed with an attacker's key is caught by --key and --fingerprint, and is never OK without them", async () => {
    const attacker = await loadOrCreatePackKey({ dataDir: path.join(tmp, "attacker-data"), env: {} });
    const forged = copyPath();
    await buildFixturePack(forged, files, attacker);
    expect(await verifyPack(forged, { publicKeyPem: key.publicKeyPem() })).toMatchObject({ ok: false, problem: expect.stringMatching(/^bad signature/) });
    expect(await verifyPack(forged, { fingerprint: key.fingerprint() })).toMatchObject({ ok: false, problem: expect.stringMatching(/^untrusted key/) });
    expect((await cli([forged])).code).toBe(3);
  });

  it("a second entry with an existing name is reported as a duplicate", async () => {
    const zip = copyPath();
    await rewriteZip(packPath, zip, { add: { "dossier.jsoN": Buffer.from("{}") } });
    await renameInArchive(zip, "dossier.jsoN", "dossier.json");
    await expectProblem(zip, "duplicate file: dossier.json");
  });

  it("an entry whose name climbs out of the folder is refused", async () => {
    const zip = copyPath();
    await rewriteZip(packPath, zip, { add: { "zz/evil.txt": Buffer.from("x") } });
    await renameInArchive(zip, "zz/evil.txt", "../evil.txt");
    await expectProblem(zip, /^invalid archive entry: .*\.\.\/evil\.txt/);
  });

  it("something that is not a zip, or a truncated pack, is reported", async () => {
    const junk = copyPath();
    await fs.writeFile(junk, "not a zip at all");
    await expectProblem(junk, /^not a readable zip archive/);
    const truncated = copyPath();
    const full = await fs.readFile(packPath);
    await fs.writeFile(truncated, full.subarray(0, full.length - 100));
    await expectProblem(truncated, /^not a readable zip archive/);
  });

  describe("checked by hand after unzipping", () => {
    let dir: string;
    beforeAll(async () => {
      dir = path.join(tmp, "unzipped-tampered");
      await fs.cp(unzipped, dir, { recursive: true });
    });

    it("sha256sum -c names a changed evidence file and fails", async () => {
      const file = path.join(dir, SOC2_PATH);
      const bytes = await fs.readFile(file);
      bytes[100] = bytes[100]! ^ 1;
      await fs.writeFile(file, bytes);
      const r = sh(PACK_VERIFY_COMMANDS.checkFiles, dir);
      expect(r.code).not.toBe(0);
      expect(r.out).toContain(`${SOC2_PATH}: FAILED`);
      // The signatures are still fine: they cover the lists, not the file directly.
      expect(sh(PACK_VERIFY_COMMANDS.verifySums, dir).code).toBe(0);
    });

    it("openssl rejects a changed manifest.json, and sha256sum -c flags it too", async () => {
      const file = path.join(dir, MANIFEST_PATH);
      await fs.writeFile(file, (await fs.readFile(file, "utf8")).replace('"score": 72', '"score": 95'));
      const r = sh(PACK_VERIFY_COMMANDS.verifyManifest, dir);
      expect(r.code).not.toBe(0);
      expect(r.out).toContain("Signature Verification Failure");
      expect(sh(PACK_VERIFY_COMMANDS.checkFiles, dir).out).toContain(`${MANIFEST_PATH}: FAILED`);
    });

    it("openssl rejects a SHA256SUMS edited to match a changed file", async () => {
      const evidence = path.join(dir, SOC2_PATH);
      const newHash = sh(`sha256sum '${SOC2_PATH}'`, dir).out.split(" ")[0]!;
      const sumsFile = path.join(dir, SUMS_PATH);
      const sums = await fs.readFile(sumsFile, "utf8");
      const line = sums.split("\n").find((l) => l.endsWith(SOC2_PATH))!;
      await fs.writeFile(sumsFile, sums.replace(line, `${newHash}  ${SOC2_PATH}`));
      expect(await fs.stat(evidence)).toBeTruthy();
      const r = sh(PACK_VERIFY_COMMANDS.verifySums, dir);
      expect(r.code).not.toBe(0);
      expect(r.out).toContain("Signature Verification Failure");
    });
  });
});

/** Patch an entry's name in place (local header and central directory), same length only. */
async function renameInArchive(zip: string, from: string, to: string): Promise<void> {
  const bytes = await fs.readFile(zip);
  const a = Buffer.from(from);
  const b = Buffer.from(to);
  expect(b.length).toBe(a.length);
  let count = 0;
  for (let i = bytes.indexOf(a); i !== -1; i = bytes.indexOf(a, i + 1)) {
    b.copy(bytes, i);
    count++;
  }
  expect(count).toBe(2);
  await fs.writeFile(zip, bytes);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
