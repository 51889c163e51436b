// A frozen dossier is read through the schema of its format version, so a
// snapshot from an unknown format or a damaged one is refused with a reason
// instead of reaching the report as something it is not.
import { describe, expect, it } from "vitest";
import { parseSnapshotDossier, SnapshotFormatError } from "@/lib/schemas/assessment-snapshot";
import { demoDossiers } from "@/prisma/seed/demo-dossiers";

const NOW = new Date("2026-12-06T10:00:00Z");
const frozen = () => JSON.parse(JSON.stringify(demoDossiers(NOW)[0])) as Record<string, unknown>;

describe("reading an assessment's frozen dossier", () => {
  it("reads a snapshot of the current format back unchanged", () => {
    const raw = frozen();
    expect(parseSnapshotDossier(raw)).toEqual(raw);
  });

  it("refuses a format it does not know, naming it", () => {
    expect(() => parseSnapshotDossier({ ...frozen(), formatVersion: 99 })).toThrow(new SnapshotFormatError("The assessment's frozen dossier is in format 99, which this release cannot read."));
    expect(() => parseSnapshotDossier(null)).toThrow(SnapshotFormatError);
  });

  it("refuses a damaged snapshot, saying where", () => {
    const raw = frozen();
    (raw.soc2Reports as Record<string, unknown>[])[0]!.periodEnd = "not a date";
    expect(() => parseSnapshotDossier(raw)).toThrow(/soc2Reports\.0\.periodEnd/);
  });
});
