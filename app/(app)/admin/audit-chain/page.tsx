import type { Metadata } from "next";
import Link from "next/link";
import { PackSigningKey } from "@/components/audit/pack-signing-key";
import { formatInstantForPeople } from "@/lib/domain/dates";
import { packSigningKeySummary } from "@/lib/server/signing/pack-key-summary";
import { requirePageActor } from "@/lib/server/auth";
import { checkAuditChain } from "@/lib/server/audit-log/chain-status";

export const metadata: Metadata = { title: "Audit chain" };
export const dynamic = "force-dynamic";

/**
 * The audit log's hash chain, checked now, end to end: the same verdict as
 * `npm run cli -- verify-audit-log`. Admin only (it reads every event).
 */
export default async function AuditChainPage() {
  const actor = await requirePageActor("settings.read");
  const { result, elapsedMs, checkedAt } = await checkAuditChain({ actor });

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Audit chain</h1>
          <p className="muted">
            Each audit event stores the SHA-256 of the previous one. Editing, deleting or reordering any row in the database
            breaks the chain at that row.
          </p>
        </div>
      </div>

      {result.ok ? (
        <div className="alert alert-ok" role="status" data-testid="chain-verdict">
          <p><strong>OK: the audit chain is intact.</strong></p>
          <dl className="facts">
            <dt>Events verified</dt>
            <dd data-testid="chain-count">{result.count.toLocaleString("en")}</dd>
            <dt>Head event</dt>
            <dd>{result.headId ?? "none"}</dd>
            <dt>Head hash</dt>
            <dd><code className="sha" data-testid="chain-head">{result.headHash}</code></dd>
          </dl>
        </div>
      ) : (
        <div className="alert alert-error" role="alert" data-testid="chain-verdict">
          <p><strong>BROKEN at audit event {result.brokenAt.id ?? "?"}</strong> ({result.brokenAt.reason})</p>
          <p>{result.message}</p>
          <p>{result.count.toLocaleString("en")} events verified before the break.{" "}
            {result.brokenAt.id !== null ? <Link href={`/audit-log?before=${result.brokenAt.id + 1}`}>Show the log at that event</Link> : null}
          </p>
        </div>
      )}
      <p className="muted small">
        Checked {formatInstantForPeople(checkedAt, { seconds: true })} in {Math.round(elapsedMs)} ms; the same check as{" "}
        <code>npm run cli -- verify-audit-log</code>.
      </p>

      <PackSigningKey {...await packSigningKeySummary()} />
    </>
  );
}
