// `export-dossier <vendor-id> [--out file]`
//
// Writes the vendor's dossier in the interchange format (docs/dossier.schema.json)
// to --out, or to stdout. Uses DATABASE_URL like the app.
//
// Exit codes: 0 written; 1 the database failed; 2 bad usage or unknown vendor.
import { writeFile } from "node:fs/promises";
import { db, disconnectDb } from "@/lib/server/db";
import { loadDossier } from "@/lib/server/dossier/load-dossier";
import { callerPath, parseArgs, processIo, type CliIo } from "./cli-io";

export const EXPORT_DOSSIER_USAGE = "usage: export-dossier <vendor-id> [--out dossier.json]";

export async function exportDossierCommand(args: string[], io: CliIo = processIo): Promise<number> {
  const parsed = parseArgs(args, ["out"]);
  if ("error" in parsed) return usage(io, parsed.error);
  if (parsed.help) {
    io.out(EXPORT_DOSSIER_USAGE);
    return 0;
  }
  const [vendorId, ...extra] = parsed.positionals;
  if (!vendorId) return usage(io, "missing <vendor-id>");
  if (extra.length > 0) return usage(io, `unexpected argument ${extra[0]}`);
  try {
    const loaded = await loadDossier(db(), vendorId);
    if (!loaded) {
      io.err(`vendor ${vendorId} not found`);
      return 2;
    }
    const json = `${JSON.stringify(loaded.dossier, null, 2)}\n`;
    if (parsed.options.out === undefined) {
      io.out(json);
    } else {
      await writeFile(callerPath(parsed.options.out), json, "utf8");
      io.err(`wrote ${loaded.dossier.profile.name} (${vendorId}) to ${parsed.options.out}`);
    }
    return 0;
  } catch (error) {
    io.err(`export failed: ${(error as Error).message}`);
    return 1;
  } finally {
    await disconnectDb();
  }
}

function usage(io: CliIo, problem: string): number {
  io.err(`${problem}\n${EXPORT_DOSSIER_USAGE}`);
  return 2;
}
