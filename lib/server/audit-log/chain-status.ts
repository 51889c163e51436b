import type { ChainVerification } from "@/lib/domain/audit/hash-chain";
import type { Actor } from "../actor";
import { requirePermission } from "../authorize";
import { verifyConfiguredAuditChain } from "./verify-chain";

/** The admin page's verdict: the whole chain checked now (settings.read: it reads every event). */
export async function checkAuditChain({ actor }: { actor: Actor }): Promise<{ result: ChainVerification; elapsedMs: number; checkedAt: Date }> {
  requirePermission(actor, "settings.read");
  const checkedAt = new Date();
  const started = performance.now();
  const result = await verifyConfiguredAuditChain();
  return { result, elapsedMs: performance.now() - started, checkedAt };
}
