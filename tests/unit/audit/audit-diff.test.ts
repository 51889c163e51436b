import { describe, expect, it } from "vitest";
import { diffSnapshots, formatDiffValue } from "@/lib/domain/audit/audit-diff";
import { auditEventCsvLine, auditEventJsonLine, csvCell } from "@/lib/server/audit-log/event-format";
import { eventHashMatches, hashEvent, GENESIS_HASH } from "@/lib/domain/audit/hash-chain";

describe("diffSnapshots", () => {
  it.each([
    ["a creation lists every field as added", null, { name: "Acme", tier: "high" }, [
      { path: "name", kind: "added", after: "Acme" },
      { path: "tier", kind: "added", after: "high" },
    ], 0],
    ["a deletion lists every field as removed", { name: "Acme" }, null, [{ path: "name", kind: "removed", before: "Acme" }], 0],
    ["changed, added and removed keys; equal ones only counted", { tier: "high", name: "Acme", reason: "x" }, { tier: "critical", name: "Acme", owner: "u1" }, [
      { path: "tier", kind: "changed", before: "high", after: "critical" },
      { path: "owner", kind: "added", after: "u1" },
      { path: "reason", kind: "removed", before: "x" },
    ], 1],
    ["nested objects become dotted paths", { override: { tier: "high", reason: "a" } }, { override: { tier: "high", reason: "b" } }, [
      { path: "override.reason", kind: "changed", before: "a", after: "b" },
    ], 1],
    ["arrays compare as whole values", { services: ["chat"] }, { services: ["chat", "email"] }, [
      { path: "services", kind: "changed", before: ["chat"], after: ["chat", "email"] },
    ], 0],
    ["key order inside values does not count as a change", { v: [{ a: 1, b: 2 }] }, { v: [{ b: 2, a: 1 }] }, [], 1],
    ["null to a value is a change, not an addition", { website: null }, { website: "https://x.example" }, [
      { path: "website", kind: "changed", before: null, after: "https://x.example" },
    ], 0],
    ["a scalar snapshot", null, "note", [{ path: "(value)", kind: "changed", before: null, after: "note" }], 0],
  ])("%s", (_name, before, after, entries, unchanged) => {
    expect(diffSnapshots(before, after)).toEqual({ entries, unchanged });
  });

  it("nothing on either side is no diff", () => {
    expect(diffSnapshots(null, undefined)).toEqual({ entries: [], unchanged: 0 });
  });

  it("formats values for a table cell, truncating long ones", () => {
    expect(formatDiffValue("plain")).toBe("plain");
    expect(formatDiffValue(["a", 1])).toBe('["a",1]');
    expect(formatDiffValue("x".repeat(500), 10)).toBe("xxxxxxxxx…");
  });
});

describe("audit event export lines", () => {
  const fields = {
    id: 7,
    at: new Date("2026-02-03T04:05:06.789Z"),
    actorId: "u1",
    actorEmail: "sam@assay.demo",
    action: "vendor.update",
    entityType: "vendor",
    entityId: "v1",
    vendorId: "v1",
    before: { tier: "high" },
    after: { tier: "critical", note: 'said "yes", then\nno' },
    ip: null,
    userAgent: "=HYPERLINK(\"http://evil\")",
  };
  const event = { ...fields, prevHash: GENESIS_HASH, hash: hashEvent(fields, GENESIS_HASH) };

  it("JSONL keeps every hashed field exactly, so the row re-hashes from the file alone", () => {
    const parsed = JSON.parse(auditEventJsonLine(event)) as typeof event;
    expect(Object.keys(parsed)).toEqual(["id", "at", "actorId", "actorEmail", "action", "entityType", "entityId", "vendorId", "before", "after", "ip", "userAgent", "prevHash", "hash"]);
    expect(parsed.at).toBe("2026-02-03T04:05:06.789Z");
    expect(parsed.ip).toBeNull();
    expect(eventHashMatches(parsed)).toBe(true);
  });

  it("CSV quotes per RFC 4180 and neutralises spreadsheet formulas", () => {
    const line = auditEventCsvLine(event);
    expect(line.endsWith("\r\n")).toBe(true);
    expect(line).toContain(`"{""tier"":""critical"",""note"":""said \\""yes\\"", then\\nno""}"`);
    expect(line).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell("-5 + 3")).toBe("'-5 + 3");
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(null)).toBe("");
    expect(csvCell("a,b")).toBe('"a,b"');
  });
});
