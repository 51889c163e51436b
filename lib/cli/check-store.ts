// `check-store [--json]`: reads every evidence file in the configured store
// (ASSAY_EVIDENCE_STORE, ASSAY_DATA_DIR, DATABASE_URL) and compares it with the
// document rows. Exit 0 when consistent, 1 when anything is wrong.
import { db, disconnectDb } from "@/lib/server/db";
import { checkStore, storeProblems } from "@/lib/server/storage/check-store";
import { evidenceStore } from "@/lib/server/storage/evidence-store";
import { type CliIo, processIo } from "./cli-io";

const SHOWN = 100;

export async function checkStoreCommand(args: string[], io: CliIo = processIo): Promise<number> {
  const json = args.includes("--json");
  const unknown = args.filter((a) => a !== "--json");
  if (unknown.length > 0) {
    io.err(`check-store: unexpected argument ${unknown[0]}\nusage: check-store [--json]`);
    return 2;
  }
  try {
    const check = await checkStore({ store: evidenceStore(), client: db() });
    const problems = storeProblems(check);
    if (json) {
      io.out(JSON.stringify({ ok: problems === 0, ...check }, null, 2));
      return problems === 0 ? 0 : 1;
    }
    io.out(`${check.documents} document rows, ${check.blobs} stored blobs, every file read.`);
    const sections: [string, string[]][] = [
      ["rows without bytes", check.rowsWithoutBytes.map((r) => `document ${r.documentId}: ${r.sha256} is missing`)],
      ["bytes without rows", check.bytesWithoutRows.map((b) => `${b.sha256} (${b.sizeBytes} bytes, last written ${b.touchedAt})`)],
      ["hash mismatches", check.hashMismatches.map((m) => `${m.sha256}: ${m.problem}`)],
    ];
    for (const [title, lines] of sections) {
      io.out(`${title}: ${lines.length}`);
      for (const line of lines.slice(0, SHOWN)) io.out(`  ${line}`);
      if (lines.length > SHOWN) io.out(`  … and ${lines.length - SHOWN} more (use --json for all)`);
    }
    io.out(problems === 0 ? "OK: the store matches the document rows." : `PROBLEMS: ${problems}. Bytes without rows younger than an hour may be uploads in flight; older ones are removed by the server's orphan sweep.`);
    return problems === 0 ? 0 : 1;
  } finally {
    await disconnectDb();
  }
}
