import { DOSSIER_FORMAT_VERSION, dossierSchema, type Dossier } from "./dossier";

// The dossier an assessment froze is read back through the schema of the
// format it was written in (its `formatVersion`), never cast: a snapshot
// written by another release, or damaged, is reported as such instead of
// feeding the report and the PDF something they do not understand. A new
// format version adds its schema here (and, if older snapshots must keep
// opening, a reader that upgrades them).

const SNAPSHOT_DOSSIER_SCHEMAS: Readonly<Record<number, typeof dossierSchema>> = { [DOSSIER_FORMAT_VERSION]: dossierSchema };

export class SnapshotFormatError extends Error {}

export function parseSnapshotDossier(raw: unknown): Dossier {
  const version = raw !== null && typeof raw === "object" ? (raw as { formatVersion?: unknown }).formatVersion : undefined;
  const schema = typeof version === "number" ? SNAPSHOT_DOSSIER_SCHEMAS[version] : undefined;
  if (!schema) throw new SnapshotFormatError(`The assessment's frozen dossier is in format ${String(version)}, which this release cannot read.`);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SnapshotFormatError(`The assessment's frozen dossier does not match format ${version}: ${issue?.path.join(".") ?? ""} ${issue?.message ?? ""}`.trim());
  }
  return parsed.data;
}
