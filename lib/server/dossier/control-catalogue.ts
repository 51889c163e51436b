import catalogueJson from "@/prisma/seed/control-catalogue.json";
import { controlCatalogueSchema } from "@/lib/schemas/control-catalogue";
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
