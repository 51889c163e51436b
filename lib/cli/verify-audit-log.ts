// `verify-audit-log`: walks the audit hash chain of DATABASE_URL (or the
// default SQLite file). Prints one line: OK with the event count and head
// hash (exit 0), or the first broken event (exit 1).
import { db, disconnectDb } from "@/lib/server/db";
import { describeVerification, verifyAuditChain } from "@/lib/server/audit-log/verify-chain";

export async function verifyAuditLogCommand(): Promise<number> {
  try {
    const result = await verifyAuditChain(db());
    console.log(describeVerification(result));
    return result.ok ? 0 : 1;
  } finally {
    await disconnectDb();
  }
}
