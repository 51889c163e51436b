import Link from "next/link";
import { RatingBadge, ScoreBadge } from "@/components/assessments/badges";
import { SEVERITY_LABELS } from "@/components/dossier/findings-summary";
import { TierBadge } from "@/components/ui/badge";
import { DayText } from "@/components/ui/relative-date";
import { CONTRACT_TYPE_LABELS, type ContractType } from "@/lib/domain/legal/legal-vocabulary";
import type { NoticeDeadlineRow, QueueFindingRow, SignOffWaitingRow } from "@/lib/schemas/views/work-queues";

// The rows of the work queues, each with the action it asks for. Vendor
// names link to the vendor; the action links to where the work is done.

/** The frame every queue table shares: a scrolling wrapper, a caption for screen readers, column headers. */
function QueueTable({ caption, columns, children }: { caption: string; columns: string[]; children: React.ReactNode }) {
  return (
    <div className="table-wrap">
      <table className="data">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

function VendorCell({ vendor, tab = "" }: { vendor: { id: string; name: string }; tab?: string }) {
  return (
    <th scope="row">
      <Link href={`/vendors/${vendor.id}${tab}`}>{vendor.name}</Link>
    </th>
  );
}

export function SignOffWaitingTable({ rows, now, roleLabel }: { rows: SignOffWaitingRow[]; now: Date; roleLabel: string }) {
  return (
    <QueueTable caption={`Assessments waiting for ${roleLabel} sign-off, longest waiting first`} columns={["Vendor", "Tier", "Score", "Submitted", "Action"]}>
      {rows.map((a) => (
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
      ))}
    </QueueTable>
  );
}

export function QueueFindingsTable({ rows, caption, tab, action }: { rows: QueueFindingRow[]; caption: string; tab: string; action: string }) {
  return (
    <QueueTable caption={caption} columns={["Vendor", "Severity", "Finding", "Action"]}>
      {rows.map((f) => (
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
      ))}
    </QueueTable>
  );
}

export function NoticeDeadlineTable({ rows, now }: { rows: NoticeDeadlineRow[]; now: Date }) {
  return (
    <QueueTable caption="Contracts whose notice deadline is near, soonest first" columns={["Vendor", "Contract", "Notice by", "Term ends", "Action"]}>
      {rows.map((c) => (
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
      ))}
    </QueueTable>
  );
}
