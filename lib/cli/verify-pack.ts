// `verify-pack <file.zip> [--key public.pem | --fingerprint <sha256 hex>]`
//
// Prints exactly one line. Exit codes:
//   0  verified against the key or fingerprint you supplied
//   1  a problem (the line names the first one: "hash mismatch: evidence/...")
//   2  usage error, or the key file cannot be read
//   3  consistent, but only against the key inside the pack: anyone can make
//      a self-consistent pack, so this is deliberately not 0 (scripts doing
//      `verify-pack x.zip && accept` must not accept it).
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { verifyPack } from "@/lib/server/pack/verify-pack";
import { callerPath, unreadable } from "./cli-io";

export const VERIFY_PACK_USAGE = "usage: verify-pack <file.zip> [--key public.pem | --fingerprint <sha256 hex>]";

export interface CommandIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

const defaultIo: CommandIo = {
  out: (line) => process.stdout.write(line + "\n"),
  err: (line) => process.stderr.write(line + "\n"),
};

export async function verifyPackCommand(args: string[], io: CommandIo = defaultIo): Promise<number> {
  const parsed = parseArgs(args);
  if ("help" in parsed) {
    io.out(VERIFY_PACK_USAGE);
    return 0;
  }
  if ("error" in parsed) {
    io.err(`${parsed.error}\n${VERIFY_PACK_USAGE}`);
    return 2;
  }
  let publicKeyPem: string | undefined;
  if (parsed.keyPath !== undefined) {
    try {
      publicKeyPem = await readFile(callerPath(parsed.keyPath), "utf8");
    } catch (err) {
      io.err(`cannot read --key ${parsed.keyPath}: ${unreadable(err)}`);
      return 2;
    }
  }
  const result = await verifyPack(callerPath(parsed.zipPath), { publicKeyPem, fingerprint: parsed.fingerprint });
  if (!result.ok) {
    io.err(`FAIL ${parsed.zipPath}: ${result.problem}`);
    return 1;
  }
  if (!result.trusted) {
    io.err(
      `UNTRUSTED ${parsed.zipPath}: self-signed check only: ${result.fileCount} files match the manifest, ` +
        `but it is signed by the key inside the pack (${result.keyFingerprint}); supply --key public.pem or --fingerprint to trust it`,
    );
    return 3;
  }
  io.out(`OK ${parsed.zipPath}: ${result.fileCount} files verified, signatures valid (key ${result.keyFingerprint})`);
  return 0;
}

function parseArgs(args: string[]): { zipPath: string; keyPath?: string; fingerprint?: string } | { error: string } | { help: true } {
  let zipPath: string | undefined;
  let keyPath: string | undefined;
  let fingerprint: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    if (flag === "--key" || flag === "--fingerprint") {
      const value = inline ?? args[++i];
      if (value === undefined || value === "") return { error: `${flag} needs a value` };
      if (flag === "--key") keyPath = value;
      else fingerprint = value;
    } else if (flag === "-h" || flag === "--help") {
      return { help: true };
    } else if (arg.startsWith("-")) {
      return { error: `unknown option ${arg}` };
    } else if (zipPath === undefined) {
      zipPath = arg;
    } else {
      return { error: `unexpected argument ${arg}` };
    }
  }
  if (zipPath === undefined) return { error: "missing <file.zip>" };
  if (keyPath !== undefined && fingerprint !== undefined) return { error: "give --key or --fingerprint, not both" };
  return { zipPath, keyPath, fingerprint };
}

// Also runnable on its own: `npx tsx lib/cli/verify-pack.ts pack.zip --key k.pem`.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  verifyPackCommand(process.argv.slice(2)).then((code) => process.exit(code));
}
