// `npm run cli -- <command> [args]`: Assay's command line. Each command is a
// module exporting a function that takes its arguments and returns an exit
// code; this file only dispatches, so adding a command is one line here.
//
// Exit codes: 0 ok, 1 a problem found (verification failed…), 2 bad usage or input.

type Command = { summary: string; run: (args: string[]) => Promise<number> };

const COMMANDS: Record<string, Command> = {
  "verify-audit-log": {
    summary: "verify-audit-log                          walk the audit hash chain; OK with count and head, or the first broken event",
    run: async () => (await import("./verify-audit-log")).verifyAuditLogCommand(),
  },
  "verify-pack": {
    summary: "verify-pack <file.zip> [--key public.pem]   check an audit pack's signature and every file's hash",
    run: async (args) => (await import("./verify-pack")).verifyPackCommand(args),
  },
  "check-store": {
    summary: "check-store [--json]                      read every evidence file: rows without bytes, bytes without rows, hash mismatches",
    run: async (args) => (await import("./check-store")).checkStoreCommand(args),
  },
  score: {
    summary: "score <dossier.json> [--now YYYY-MM-DD] [--settings settings.json]   print the findings and the full score as JSON",
    run: async (args) => (await import("./score")).scoreCommand(args),
  },
  "export-dossier": {
    summary: "export-dossier <vendor-id> [--out file]   write a vendor's dossier JSON (docs/dossier.schema.json)",
    run: async (args) => (await import("./export-dossier")).exportDossierCommand(args),
  },
  "find-clauses": {
    summary: "find-clauses <file.pdf|docx|md|html|txt> [--json]   propose every catalogue clause of a contract file (docs/clause-finder-cli.md)",
    run: async (args) => (await import("./find-clauses")).findClausesCommand(args),
  },
  "import-dossier": {
    summary: "import-dossier <dossier.json> [--update <vendor-id>]   create a vendor from a dossier, or replace one's dossier",
    run: async (args) => (await import("./import-dossier")).importDossierCommand(args),
  },
  remind: {
    summary: "remind [--dry-run]                        run the daily reminder job once: record due reminders and email them (docs/reminders.md)",
    run: async (args) => (await import("./remind")).remindCommand(args),
  },
  backup: {
    summary: "backup <dir>                              consistent online backup: database, evidence files, auth secret and signing key",
    run: async (args) => (await import("./backup")).backupCommand(args),
  },
  restore: {
    summary: "restore <dir>                             restore a backup into an empty data dir and database, then verify it",
    run: async (args) => (await import("./backup")).restoreCommand(args),
  },
};


async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    console.error(name ? `Unknown command: ${name}\n` : "");
    console.error("usage: npm run cli -- <command> [args]\n\ncommands:");
    for (const c of Object.values(COMMANDS)) console.error(`  ${c.summary}`);
    return 2;
  }
  return command.run(args);
}

main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
