import type { Metadata } from "next";
import Link from "next/link";
import { EventDiff } from "@/components/audit/event-diff";
import { FilterToolbar } from "@/components/ui/filter-toolbar";
import { InstantText } from "@/components/ui/relative-date";
import { TextField } from "@/components/ui/text-field";
import { auditActionGroups, auditActionLabel, type AuditActionGroup } from "@/lib/schemas/audit-actions";
import { auditFilterParams, auditLogQuerySchema } from "@/lib/schemas/audit-log";
import { firstValues } from "@/lib/schemas/search-params";
import { listAuditEvents } from "@/lib/server/services/audit-events";
import { requirePageActor } from "@/lib/server/auth";

export const metadata: Metadata = { title: "Audit log" };

/**
 * The append-only audit trail (docs/rules.md §10): filtered on the server, newest
 * first, keyset-paginated by event id. Read-only: there is no way to change or
 * remove an event from here, or anywhere else in the app.
 */
export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("auditlog.read");
  const query = auditLogQuerySchema.parse(firstValues(await searchParams));
  const page = await listAuditEvents({ actor, query });
  const now = new Date();
  const filter = auditFilterParams(query);
  const filtered = Object.keys(filter).length > 0;
  const withParams = (extra: Record<string, string>) => `?${new URLSearchParams({ ...filter, ...(query.pageSize !== 50 ? { pageSize: String(query.pageSize) } : {}), ...extra })}`;
  const exportHref = (format: "csv" | "jsonl") => `/api/audit-log/export?${new URLSearchParams({ ...filter, format })}`;

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Audit log</h1>
          <p className="muted">Every change, sign-in and download, hash-chained so that editing, deleting or reordering an entry is detected.</p>
        </div>
        <div className="form-actions">
          <a className="btn" href={exportHref("csv")} download>Export CSV</a>
          <a className="btn" href={exportHref("jsonl")} download>Export JSONL</a>
        </div>
      </div>

      <FilterToolbar label="Filter the audit log" clearHref="/audit-log" filtered={filtered}>
        <TextField id="vendor" name="vendor" label="Vendor" defaultValue={query.vendor ?? ""} placeholder="Name or id" />
        <TextField id="actor" name="actor" label="Actor" defaultValue={query.actor ?? ""} placeholder="E-mail or user id" />
        {/* Grouped options: SelectField has no optgroups. */}
        <div className="field">
          <label htmlFor="action">Action</label>
          <select id="action" name="action" defaultValue={query.action ?? ""}>
            <option value="">Any</option>
            {actionGroups(query.action).map((g) => (
              <optgroup key={g.value} label={g.label}>
                <option value={g.value}>{g.label} (all)</option>
                {g.actions.map((a) => (
                  <option key={a.value} value={a.value}>{a.label}</option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <TextField id="from" name="from" type="date" label="From (UTC)" defaultValue={query.from ?? ""} />
        <TextField id="to" name="to" type="date" label="To (UTC)" defaultValue={query.to ?? ""} />
      </FilterToolbar>

      {page.events.length === 0 ? (
        <div className="card empty"><p>{filtered ? "No audit events match these filters." : "No audit events yet."}</p></div>
      ) : (
        <>
          <div className="table-wrap">
            <table className="data audit-log">
              <caption className="sr-only">Audit events, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">When</th>
                  <th scope="col">Actor</th>
                  <th scope="col">Action</th>
                  <th scope="col">Subject</th>
                  <th scope="col">Change</th>
                </tr>
              </thead>
              <tbody>
                {page.events.map((e) => (
                  <tr key={e.id} data-testid="audit-event">
                    <td className="mono">{e.id}</td>
                    <td><InstantText at={e.at} now={now} seconds precise /></td>
                    <td>
                      {e.actorEmail ?? <span className="muted">{e.actorId ?? "anonymous"}</span>}
                      {e.ip ? <div className="muted small">{e.ip}</div> : null}
                    </td>
                    <td>
                      <div>{auditActionLabel(e.action)}</div>
                      <code className="small">{e.action}</code>
                    </td>
                    <td>
                      <div>{e.entityType}{e.entityId ? <span className="muted mono"> {e.entityId}</span> : null}</div>
                      {e.vendorId ? (
                        <div className="small">
                          {e.vendorName ? <Link href={`/vendors/${e.vendorId}`}>{e.vendorName}</Link> : <span className="muted mono">{e.vendorId}</span>}
                        </div>
                      ) : null}
                    </td>
                    <td><EventDiff before={e.before} after={e.after} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav className="pagination" aria-label="Pagination">
            <span className="muted">Events {page.events[page.events.length - 1]!.id}–{page.events[0]!.id}</span>
            <span className="form-actions">
              {page.newerThan !== null ? (
                <>
                  <Link className="btn btn-small" href={withParams({})}>Newest</Link>
                  <Link className="btn btn-small" href={withParams({ after: String(page.newerThan) })} rel="prev">Newer</Link>
                </>
              ) : null}
              {page.olderThan !== null ? <Link className="btn btn-small" href={withParams({ before: String(page.olderThan) })} rel="next">Older</Link> : null}
            </span>
          </nav>
        </>
      )}
    </>
  );
}

/**
 * The audit catalogue's actions by group, each group also selectable as a
 * whole ("Denied attempts (all)": missing permission, refused upload), so
 * reviewers can look for events before any exist. A narrower group typed
 * into the URL ("dossier.contract.*") is shown as chosen.
 */
function actionGroups(current: string | undefined): AuditActionGroup[] {
  const groups = auditActionGroups();
  if (!current?.endsWith(".*") || groups.some((g) => g.value === current)) return groups;
  return groups.map((g) =>
    current.startsWith(g.value.slice(0, -1)) ? { ...g, actions: [{ value: current, label: `${current.slice(0, -2)} (all)` }, ...g.actions] } : g,
  );
}
