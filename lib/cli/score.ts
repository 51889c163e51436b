// `score <dossier.json> [--now YYYY-MM-DD] [--settings settings.json]`
//
// Prints {"findings": [...], "score": {...}, "records": [...]} as JSON on
// stdout: every finding (dossier and legal), the full score (checks, domains,
// caps, rating and the arithmetic lines), exactly what scoreVendor returns,
// and each evidence record's state as the dossier tabs show it. Pure: no database.
//
// --now      the day to score on (00:00 UTC), or a full ISO instant; default now.
// --settings organisation settings as JSON; missing keys take the defaults
//            (same merge as the stored settings), then the same validation as
//            the admin settings page (weights add up to 100, bands ordered…).
//
// Exit codes: 0 scored; 2 bad usage, or a file that cannot be read, is not
// JSON or fails validation (each problem on stderr as "$.json.path: message").
import { dayStartInstant, isRealIsoDay } from "@/lib/domain/dates";
import { evidenceRecordStates } from "@/lib/domain/assurance/record-states";
import { scoreVendor } from "@/lib/domain/scoring/score-vendor";
import { vendorFindingsFor } from "@/lib/domain/findings/vendor-findings";
import { dossierSchema } from "@/lib/schemas/dossier";
import { DEFAULT_SETTINGS, settingsSchema, withDefaults, type Settings } from "@/lib/schemas/settings";
import { parseArgs, processIo, readJsonFile, readValidatedJson, validate, type CliIo } from "./cli-io";

export const SCORE_USAGE = "usage: score <dossier.json> [--now YYYY-MM-DD] [--settings settings.json]";

export async function scoreCommand(args: string[], io: CliIo = processIo, clock: () => Date = () => new Date()): Promise<number> {
  const parsed = parseArgs(args, ["now", "settings"]);
  if ("error" in parsed) return usage(io, parsed.error);
  if (parsed.help) {
    io.out(SCORE_USAGE);
    return 0;
  }
  const [file, ...extra] = parsed.positionals;
  if (!file) return usage(io, "missing <dossier.json>");
  if (extra.length > 0) return usage(io, `unexpected argument ${extra[0]}`);

  const now = parsed.options.now === undefined ? clock() : parseNow(parsed.options.now);
  if (!now) return usage(io, `--now ${parsed.options.now}: use a date like 2026-11-22 or an ISO instant like 2026-11-22T09:30:00Z`);

  let settings: Settings = DEFAULT_SETTINGS;
  if (parsed.options.settings !== undefined) {
    const raw = await readJsonFile(parsed.options.settings);
    const loaded = raw.ok ? validate(settingsSchema, withDefaults(raw.value)) : raw;
    if (!loaded.ok) return problems(io, `settings ${parsed.options.settings}`, loaded.errors);
    settings = loaded.value;
  }

  const dossier = await readValidatedJson(file, dossierSchema);
  if (!dossier.ok) return problems(io, `dossier ${file}`, dossier.errors);

  const findings = vendorFindingsFor(dossier.value, settings, now);
  const score = scoreVendor(dossier.value, settings, now, { findings });
  // The same record states the Assurance and Insurance tabs show (lib/domain/assurance/record-states.ts).
  const records = evidenceRecordStates(dossier.value, settings, now);
  io.out(JSON.stringify({ findings, score, records }, null, 2));
  return 0;
}

/** "2026-11-22" is that day at 00:00 UTC; a full ISO 8601 instant is taken as is. */
export function parseNow(value: string): Date | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return isRealIsoDay(value) ? dayStartInstant(value) : null;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function usage(io: CliIo, problem: string): number {
  io.err(`${problem}\n${SCORE_USAGE}`);
  return 2;
}

function problems(io: CliIo, what: string, errors: string[]): number {
  io.err(`${what} is not valid (${errors.length} problem${errors.length === 1 ? "" : "s"}):`);
  for (const e of errors) io.err(`  ${e}`);
  return 2;
}
