// A field-level diff of an audit event's before/after snapshots, so a reader
// of the audit log sees "tier: high → critical" instead of two JSON blobs.
// Pure: the audit log screen renders it, a unit test pins it down.
//
// Nested plain objects are walked into dotted paths ("profile.country");
// arrays and scalars are compared as whole values, because an array's
// position rarely means anything to a reader ("services: [chat] → [chat,
// email]" reads better than "services.1 added").

export type DiffKind = "added" | "removed" | "changed";

export interface DiffEntry {
  /** Dotted path of the field, e.g. "tier" or "override.reason". */
  path: string;
  kind: DiffKind;
  before?: unknown;
  after?: unknown;
}

export interface SnapshotDiff {
  entries: DiffEntry[];
  /** Fields present in both snapshots with the same value (not listed). */
  unchanged: number;
}

const MAX_DEPTH = 8;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Compares two snapshots (either may be null/undefined: a creation has no
 * before, a deletion no after). Keys come out in a stable order: the order of
 * `after`, then keys only in `before`.
 */
export function diffSnapshots(before: unknown, after: unknown): SnapshotDiff {
  const entries: DiffEntry[] = [];
  let unchanged = 0;

  function walk(b: unknown, a: unknown, path: string, depth: number): void {
    if (depth < MAX_DEPTH && isPlainObject(b) && isPlainObject(a)) {
      const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))];
      for (const key of keys) {
        const child = path === "" ? key : `${path}.${key}`;
        const inBefore = key in b && b[key] !== undefined;
        const inAfter = key in a && a[key] !== undefined;
        if (inBefore && !inAfter) entries.push({ path: child, kind: "removed", before: b[key] });
        else if (!inBefore && inAfter) entries.push({ path: child, kind: "added", after: a[key] });
        else if (inBefore && inAfter) walk(b[key], a[key], child, depth + 1);
      }
      return;
    }
    if (sameValue(b, a)) unchanged++;
    else entries.push({ path: path === "" ? "(value)" : path, kind: "changed", before: b, after: a });
  }

  const hasBefore = before !== null && before !== undefined;
  const hasAfter = after !== null && after !== undefined;
  if (!hasBefore && !hasAfter) return { entries, unchanged };
  // A creation or deletion lists every field as added or removed.
  walk(hasBefore ? before : isPlainObject(after) ? {} : null, hasAfter ? after : isPlainObject(before) ? {} : null, "", 0);
  return { entries, unchanged };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  return stableJson(a) === stableJson(b);
}

// Key order must not make two equal objects look different.
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    isPlainObject(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v,
  );
}

/** A value as one short line for a table cell: strings bare, everything else as JSON. */
export function formatDiffValue(value: unknown, maxLength = 240): string {
  const text = value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value);
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}
