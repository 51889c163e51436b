// `import-dossier <dossier.json> [--update <vendor-id>]`
//
// Creates a vendor from a dossier file, or with --update replaces that
// vendor's whole dossier (profile, document metadata, every record including
// the legal review; see replaceDossier). Acts as the system user and is
// audited like any other change. Prints the vendor id on stdout.
//
// Uploaders and the owner are matched to existing users by e-mail; unknown
// ones become the system user (uploads) or no owner. Controls in the file's
// catalogue that the database lacks are added to the catalogue.
//
// Exit codes: 0 imported; 1 the database failed; 2 bad usage, an invalid
// file (each problem on stderr as "$.json.path: message") or unknown vendor.
import { SYSTEM_ACTOR } from "@/lib/server/actor";
import { disconnectDb } from "@/lib/server/db";
import { importDossierFile } from "@/lib/server/services/dossier-interchange";
import { AppError } from "@/lib/server/errors";
import { dossierSchema } from "@/lib/schemas/dossier";
import { parseArgs, processIo, readValidatedJson, type CliIo } from "./cli-io";

export const IMPORT_DOSSIER_USAGE = "usage: import-dossier <dossier.json> [--update <vendor-id>]";

export async function importDossierCommand(args: string[], io: CliIo = processIo): Promise<number> {
  const parsed = parseArgs(args, ["update"]);
  if ("error" in parsed) return usage(io, parsed.error);
  if (parsed.help) {
    io.out(IMPORT_DOSSIER_USAGE);
    return 0;
  }
  const [file, ...extra] = parsed.positionals;
  if (!file) return usage(io, "missing <dossier.json>");
  if (extra.length > 0) return usage(io, `unexpected argument ${extra[0]}`);

  const loaded = await readValidatedJson(file, dossierSchema);
  if (!loaded.ok) {
    io.err(`dossier ${file} is not valid (${loaded.errors.length} problem${loaded.errors.length === 1 ? "" : "s"}):`);
    for (const e of loaded.errors) io.err(`  ${e}`);
    return 2;
  }
  const dossier = loaded.value;
  const updateId = parsed.options.update;
  try {
    const vendor = await importDossierFile({ actor: SYSTEM_ACTOR, input: dossier, replace: updateId === undefined ? undefined : { vendorId: updateId } });
    io.out(vendor.id);
    io.err(`${updateId === undefined ? "imported" : "updated"} ${vendor.name} as vendor ${vendor.id}`);
    return 0;
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") {
      io.err(`vendor ${updateId} not found`);
      return 2;
    }
    io.err(`import failed: ${(error as Error).message}`);
    return 1;
  } finally {
    await disconnectDb();
  }
}

function usage(io: CliIo, problem: string): number {
  io.err(`${problem}\n${IMPORT_DOSSIER_USAGE}`);
  return 2;
}
