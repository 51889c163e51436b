// `verify-audit-log`: walks the audit hash chain of DATABASE_URL (or the
// default SQLite file). Prints one line: OK with the event count and head
// hash (exit 0), or the first broken event (exit 1).
import { disconnectDb } from "@/lib/server/db";
import { parallelRangeHashChecker } from "@/lib/server/audit-log/parallel-hash";
import { describeVerification, verifyConfiguredAuditChain } from "@/lib/server/audit-log/verify-chain";

export async function verifyAuditLogCommand(): Promise<number> {
  try {
    // Row hashes in worker threads (SQLite), links here: same verdict, a fraction of the time.
    const result = await verifyConfiguredAuditChain({ checkRowHashes: parallelRangeHashChecker() ?? undefined });
    console.log(describeVerification(result));
    return result.ok ? 0 : 1;
  } finally {
    await disconnectDb();
  }
}
