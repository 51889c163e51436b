import { diffSnapshots, formatDiffValue, type DiffKind } from "@/lib/domain/audit/audit-diff";

const KIND_LABEL: Record<DiffKind, string> = { added: "added", removed: "removed", changed: "changed" };

/** An audit event's before/after as a field-level diff: one row per added, removed or changed field. */
export function EventDiff({ before, after }: { before: unknown; after: unknown }) {
  const { entries, unchanged } = diffSnapshots(before, after);
  if (entries.length === 0) {
    return <span className="muted">{unchanged > 0 ? "No field changed" : "—"}</span>;
  }
  return (
    <details className="event-diff" open={entries.length <= 4}>
      <summary>
        {entries.length} field{entries.length === 1 ? "" : "s"} {summaryVerb(entries.map((e) => e.kind))}
        {unchanged > 0 ? <span className="muted"> ({unchanged} unchanged)</span> : null}
      </summary>
      <table className="diff-table">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.path} className={`diff-${e.kind}`}>
              <th scope="row">
                <code>{e.path}</code> <span className="sr-only">{KIND_LABEL[e.kind]}</span>
                <span className={`diff-kind diff-kind-${e.kind}`} aria-hidden="true">{KIND_LABEL[e.kind]}</span>
              </th>
              <td className="diff-before">{e.kind === "added" ? <span className="muted">—</span> : <code>{formatDiffValue(e.before)}</code>}</td>
              <td className="diff-after">{e.kind === "removed" ? <span className="muted">—</span> : <code>{formatDiffValue(e.after)}</code>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function summaryVerb(kinds: DiffKind[]): string {
  const set = new Set(kinds);
  if (set.size === 1) return [...set][0]!;
  return "changed";
}
