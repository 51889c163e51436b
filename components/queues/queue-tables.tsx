import Link from "next/link";
import { RatingBadge, ScoreBadge } from "@/components/assessments/badges";
import { SEVERITY_LABELS } from "@/components/dossier/findings-summary";
import { TierBadge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { DayText } from "@/components/ui/relative-date";
import { CONTRACT_TYPE_LABELS, type ContractType } from "@/lib/domain/legal/legal-vocabulary";
import type { NoticeDeadlineRow, QueueFindingRow, SignOffWaitingRow } from "@/lib/schemas/views/work-queues";

// The rows of the work queues, each with the action it asks for. Vendor
// names link to the vendor; the action links to where the work is done.

function VendorCell({ vendor, tab = "" }: { vendor: { id: string; name: string }; tab?: string }) {
  return (
    <th scope="row">
      <Link href={`/vendors/${vendor.id}${tab}`}>{vendor.name}</Link>
    </th>
  );
}

export function SignOffWaitingTable({ rows, now, roleLabel }: { rows: SignOffWaitingRow[]; now: Date; roleLabel: string }) {
  return (
    <DataTable caption={`Assessments waiting for ${roleLabel} sign-off, longest waiting first`} columns={["Vendor", "Tier", "Score", "Submitted", "Action"]} rows={rows}>
      {(a) => (
        <tr key={a.id} data-vendor={a.vendor.name}>
          <VendorCell vendor={a.vendor} tab="/assessments" />
          <td><TierBadge tier={a.vendor.tier} /></td>
          <td><ScoreBadge score={a.overall} /> <RatingBadge band={a.rating} /></td>
          <td>{a.submittedAt ? <DayText day={a.submittedAt} now={now} /> : "—"}</td>
          <td>
            <Link className="btn btn-small btn-primary" href={`/assessments/${a.id}#sign-off`}>
              Sign off version {a.version}
            </Link>
          </td>
        </tr>
      )}
    </DataTable>
  );
}

export function QueueFindingsTable({ rows, caption, tab, action }: { rows: QueueFindingRow[]; caption: string; tab: string; action: string }) {
  return (
    <DataTable caption={caption} columns={["Vendor", "Severity", "Finding", "Action"]} rows={rows}>
      {(f) => (
        <tr key={f.id} data-vendor={f.vendor.name}>
          <VendorCell vendor={f.vendor} />
          <td><span className={`badge sev-${f.severity}`}>{SEVERITY_LABELS[f.severity]}</span></td>
          <td>{f.message}</td>
          <td>
            <Link className="btn btn-small" href={`/vendors/${f.vendor.id}${tab}`}>
              {action}
            </Link>
          </td>
        </tr>
      )}
    </DataTable>
  );
}

export function NoticeDeadlineTable({ rows, now }: { rows: NoticeDeadlineRow[]; now: Date }) {
  return (
    <DataTable caption="Contracts whose notice deadline is near, soonest first" columns={["Vendor", "Contract", "Notice by", "Term ends", "Action"]} rows={rows}>
      {(c) => (
        <tr key={c.id} data-vendor={c.vendor.name}>
          <VendorCell vendor={c.vendor} />
          <td>{c.title ?? CONTRACT_TYPE_LABELS[c.type as ContractType] ?? c.type}</td>
          <td><DayText day={c.noticeDeadline} now={now} due="deadline" /></td>
          <td>{c.termEnd ? <DayText day={c.termEnd} now={now} relative={false} /> : "—"}</td>
          <td>
            <Link className="btn btn-small" href={`/vendors/${c.vendor.id}/legal`}>
              Decide on renewal
            </Link>
          </td>
        </tr>
      )}
    </DataTable>
  );
}
