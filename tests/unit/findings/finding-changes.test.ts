import { describe, expect, it } from "vitest";
import { findingChanges, type ComputedFindingRow, type StoredFindingRow } from "@/lib/server/services/vendor-finding-changes";

// A refresh writes only the stored findings that differ from what the engine
// computed (vendor-finding-changes.ts): the search index follows every written message.
const NOW = new Date("2026-12-06T00:00:00Z");

function computed(position: number, code: string, message = `${code} message`): ComputedFindingRow {
  return { vendorId: "v1", code, severity: "high", domain: "assurance", message, subjectKind: "soc2", subjectId: `r-${code}`, subjectLabel: null, position, computedAt: NOW };
}

function stored(id: string, row: ComputedFindingRow): StoredFindingRow {
  const { vendorId: _v, computedAt: _c, ...rest } = row;
  return { id, ...rest };
}

/** Applies the changes to `before` as the database would, for checking the outcome rather than the steps. */
function apply(before: StoredFindingRow[], changes: ReturnType<typeof findingChanges>): Omit<StoredFindingRow, "id">[] {
  const rows = new Map(before.map((row) => [row.id, { ...row }]));
  for (const id of changes.delete) rows.delete(id);
  for (const { id, data } of changes.update) {
    const { computedAt: _c, ...columns } = data;
    Object.assign(rows.get(id)!, columns);
  }
  const all = [...rows.values(), ...changes.create.map((row, i) => stored(`new${i}`, row))];
  return all.sort((a, b) => a.position - b.position).map(({ id: _id, ...row }) => row);
}

describe("findingChanges", () => {
  const a = computed(0, "soc2.stale");
  const b = computed(1, "iso.expired");
  const c = computed(2, "pentest.old");

  it("writes nothing when the engine states the same findings", () => {
    expect(findingChanges([stored("1", a), stored("2", b), stored("3", c)], [a, b, c])).toEqual({ create: [], update: [], delete: [] });
  });

  it("moves a finding whose place changed without rewriting its message", () => {
    const changes = findingChanges([stored("1", a), stored("2", b)], [{ ...b, position: 0 }, { ...a, position: 1 }]);
    expect(changes.create).toEqual([]);
    expect(changes.delete).toEqual([]);
    expect(changes.update).toEqual([
      { id: "2", data: { position: 0 } },
      { id: "1", data: { position: 1 } },
    ]);
  });

  it("overwrites only the changed columns of a reworded finding, stamping when it was computed", () => {
    const reworded = { ...b, message: "ISO certificate expired 3 days ago" };
    const changes = findingChanges([stored("1", a), stored("2", b)], [a, reworded]);
    expect(changes).toEqual({ create: [], update: [{ id: "2", data: { message: reworded.message, computedAt: NOW } }], delete: [] });
  });

  it("inserts new findings and deletes the ones gone, ending with exactly the computed rows", () => {
    const before = [stored("1", a), stored("2", b), stored("3", c)];
    const after = [computed(0, "dpa.missing"), computed(1, "soc2.stale"), computed(2, "site.remote"), computed(3, "kpi.missed")];
    const changes = findingChanges(before, after);
    expect(apply(before, changes)).toEqual(after.map((row) => stored("x", row)).map(({ id: _id, ...row }) => row));
    // a moves; of the three new findings two reuse b's and c's rows, one is inserted
    expect(changes.delete).toEqual([]);
    expect(changes.update.map((u) => u.id).sort()).toEqual(["1", "2", "3"]);
    expect(changes.create).toHaveLength(1);
  });

  it("deletes what is no longer found", () => {
    expect(findingChanges([stored("1", a), stored("2", b)], [a])).toEqual({ create: [], update: [], delete: ["2"] });
  });

  it("keeps duplicates apart: two identical findings need two rows", () => {
    const twice = [a, { ...a, position: 1 }];
    const changes = findingChanges([stored("1", a)], twice);
    expect(changes.create).toEqual([{ ...a, position: 1 }]);
    expect(changes.update).toEqual([]);
  });
});
