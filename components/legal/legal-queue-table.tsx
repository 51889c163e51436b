import Link from "next/link";
import { InstantText } from "@/components/ui/relative-date";
import { TierBadge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import type { Finding } from "@/lib/domain/findings/finding";
import type { Severity } from "@/lib/domain/vocabulary";
import type { LegalQueueRow } from "@/lib/schemas/views/legal-queue";
import { countryLabel } from "./legal-format";

function severitySummary(findings: readonly Finding[]): string {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return (["high", "medium", "low"] as const).filter((s) => count(s) > 0).map((s) => `${count(s)} ${s}`).join(", ");
}

/** One page of the queue: why each vendor is there, in words, with a link to its Legal tab; headers re-sort the whole queue. */
export function LegalQueueTable({ rows, now, params }: { rows: LegalQueueRow[]; now: Date; params: Record<string, string> }) {
  if (rows.length === 0) {
    return <div className="card empty"><p>Nothing waits for legal: every vendor&apos;s review is signed off, current and free of legal blockers.</p></div>;
  }
  return (
    <DataTable
      className="legal-queue"
      caption="Vendors whose legal review needs attention"
      columns={[{ label: "Vendor", sort: "name" }, { label: "Tier", sort: "tier" }, { label: "Why it is here", sort: "priority" }, "Legal findings", "Last sign-off"]}
      sortParams={params}
      rows={rows}
    >
      {(r) => {
        const blockers = r.findings.filter((f) => f.severity === "blocker");
        const others = r.findings.length - blockers.length;
        return (
          <tr key={r.vendor.id} data-vendor={r.vendor.name}>
            <th scope="row">
              <Link href={`/vendors/${r.vendor.id}/legal`}>{r.vendor.name}</Link>
              <br /><span className="muted">{countryLabel(r.vendor.country)} · {r.vendor.status}</span>
            </th>
            <td><TierBadge tier={r.vendor.tier} /></td>
            <td>
              <ul className="plain-list queue-reasons">
                {blockers.length > 0 ? <li><span className="badge sev-blocker">{blockers.length} legal blocker{blockers.length === 1 ? "" : "s"}</span></li> : null}
                {r.outdated ? (
                  <li>
                    <span className="badge sev-high">Sign-off outdated</span> since {r.outdated.first.description}
                    {r.outdated.count > 1 ? <span className="muted"> (+{r.outdated.count - 1} more change{r.outdated.count === 2 ? "" : "s"})</span> : null}
                  </li>
                ) : null}
                {!r.signOff ? <li><span className="badge status-muted">Not signed off</span></li> : null}
              </ul>
            </td>
            <td>
              {blockers.length > 0 ? (
                <ul className="plain-list small">{blockers.map((f, i) => <li key={`${f.code}-${f.subject.id ?? i}`}>{f.message}</li>)}</ul>
              ) : null}
              {others > 0 ? (
                <span className="muted">
                  {blockers.length > 0 ? `and ${others} other` : `${others}`} finding{others === 1 ? "" : "s"} ({severitySummary(r.findings.filter((f) => f.severity !== "blocker"))})
                </span>
              ) : blockers.length === 0 ? <span className="muted">None</span> : null}
            </td>
            <td>{r.signOff ? <InstantText at={r.signOff.signedAt} now={now} /> : <span className="muted">Never</span>}</td>
          </tr>
        );
      }}
    </DataTable>
  );
}
