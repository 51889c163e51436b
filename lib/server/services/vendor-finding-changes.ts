// What a summary refresh must write to bring a vendor's stored findings
// (VendorFinding) to what the engine computed, instead of deleting and
// re-inserting them all. Most refreshes (a settings save that changes nothing
// for this vendor, the daily rollover for most findings) find the same
// findings: rewriting them anyway wrote every row and, on SQLite, its search
// index entry (lib/server/search/README.md) through the table's triggers, and
// on synchronous better-sqlite3 that writing is time the event loop waits.
// Pure: the caller reads the stored rows and applies the changes.

/** The columns that make up a finding as the engine states it. */
export interface FindingContent {
  code: string;
  severity: string;
  domain: string;
  message: string;
  subjectKind: string;
  subjectId: string | null;
  subjectLabel: string | null;
}
export const FINDING_CONTENT: readonly (keyof FindingContent)[] = ["code", "severity", "domain", "message", "subjectKind", "subjectId", "subjectLabel"];

export type ComputedFindingRow = FindingContent & { vendorId: string; position: number; computedAt: Date };
export type StoredFindingRow = FindingContent & { id: string; position: number };

export interface FindingChanges {
  create: ComputedFindingRow[];
  /** Only the columns that differ, so an unchanged message never touches the search index. */
  update: { id: string; data: Partial<Omit<ComputedFindingRow, "vendorId">> }[];
  delete: string[];
}

function contentKey(row: FindingContent): string {
  return JSON.stringify(FINDING_CONTENT.map((column) => row[column]));
}

/**
 * The fewest row writes that turn `stored` into `computed`: a finding stated
 * exactly as before keeps its row (its position is corrected if it moved, and
 * its computedAt stays: when the engine first stated it so); a changed one
 * overwrites a row no longer needed (only the columns that differ); the rest
 * are inserted or deleted.
 */
export function findingChanges(stored: readonly StoredFindingRow[], computed: readonly ComputedFindingRow[]): FindingChanges {
  const unmatched = new Map<string, StoredFindingRow[]>();
  for (const row of stored) (unmatched.get(contentKey(row)) ?? unmatched.set(contentKey(row), []).get(contentKey(row))!).push(row);
  const changes: FindingChanges = { create: [], update: [], delete: [] };
  const fresh: ComputedFindingRow[] = [];
  for (const row of computed) {
    const same = unmatched.get(contentKey(row))?.shift();
    if (!same) fresh.push(row);
    else if (same.position !== row.position) changes.update.push({ id: same.id, data: { position: row.position } });
  }
  const reusable = [...unmatched.values()].flat().sort((a, b) => a.position - b.position);
  for (const row of fresh) {
    const old = reusable.shift();
    if (!old) {
      changes.create.push(row);
      continue;
    }
    const data: FindingChanges["update"][number]["data"] = { computedAt: row.computedAt };
    for (const column of [...FINDING_CONTENT, "position"] as const) if (old[column] !== row[column]) Object.assign(data, { [column]: row[column] });
    changes.update.push({ id: old.id, data });
  }
  changes.delete = reusable.map((row) => row.id);
  return changes;
}
