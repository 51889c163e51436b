import { verifyChain, type ChainedAuditEvent, type ChainVerification } from "@/lib/domain/audit-chain/chain";
import type { PrismaClient } from "../db";

const PAGE = 5_000;

/**
 * Walks the whole audit log in id order, page by page (memory stays flat for
 * millions of rows), and checks every hash and link. The head row, written in
 * the same transaction as every event, is the expected end of the chain, so
 * events cut off the end are detected too.
 */
export async function verifyAuditChain(client: PrismaClient): Promise<ChainVerification> {
  const head = await client.auditChainHead.findUnique({ where: { id: 1 } });
  async function* pages(): AsyncGenerator<ChainedAuditEvent[]> {
    let after = 0;
    for (;;) {
      const rows = await client.auditEvent.findMany({ where: { id: { gt: after } }, orderBy: { id: "asc" }, take: PAGE });
      if (rows.length === 0) return;
      yield rows as unknown as ChainedAuditEvent[];
      after = rows[rows.length - 1]!.id;
    }
  }
  return verifyChain(pages(), head ? { expectedHeadHash: head.lastHash } : {});
}

export function describeVerification(result: ChainVerification): string {
  return result.ok
    ? `OK: ${result.count} audit events, head ${result.headHash}`
    : `BROKEN at audit event ${result.brokenAt.id ?? "?"} (${result.brokenAt.reason}): ${result.message}`;
}
