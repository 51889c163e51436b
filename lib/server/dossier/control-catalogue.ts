import catalogueJson from "@/lib/domain/reference/control-catalogue.json";
import { controlCatalogueSchema, type ControlCatalogueEntry } from "@/lib/schemas/control-catalogue";
import type { Tx } from "../db";

/**
 * Adds any default control the database lacks. Existing rows are left alone,
 * so an organisation's own wording or added controls survive upgrades.
 */
export async function ensureControlCatalogue(tx: Tx): Promise<number> {
  const defaults = controlCatalogueSchema.parse(catalogueJson);
  const existing = new Set((await tx.controlDefinition.findMany({ select: { code: true } })).map((c) => c.code));
  const missing = defaults
    .map((entry, index) => ({ ...entry, source: entry.source ?? null, sortOrder: index }))
    .filter((entry) => !existing.has(entry.code));
  if (missing.length > 0) await tx.controlDefinition.createMany({ data: missing });
  return missing.length;
}

/**
 * Adds the controls of an imported dossier's catalogue that the database
 * lacks (an organisation's own controls travel with its exports), after the
 * existing ones. Existing rows keep their wording. Returns the added codes.
 */
export async function addMissingControls(tx: Tx, entries: readonly ControlCatalogueEntry[]): Promise<string[]> {
  const existing = await tx.controlDefinition.findMany({ select: { code: true, sortOrder: true } });
  const known = new Set(existing.map((c) => c.code));
  let next = existing.reduce((max, c) => Math.max(max, c.sortOrder), -1) + 1;
  const missing = entries.filter((e) => !known.has(e.code)).map((e) => ({ ...e, source: e.source ?? null, sortOrder: next++ }));
  if (missing.length > 0) await tx.controlDefinition.createMany({ data: missing });
  return missing.map((m) => m.code);
}
