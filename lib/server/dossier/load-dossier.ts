import { findingsFor } from "@/lib/domain/findings";
import type { Finding } from "@/lib/domain/finding";
import { summariseVendor } from "@/lib/domain/vendor-summary";
import type { Dossier } from "@/lib/schemas/dossier";
import type { ControlCatalogueEntry } from "@/lib/schemas/control-catalogue";
import type { Settings } from "@/lib/schemas/settings";
import { db, type Tx } from "../db";
import { loadSettings } from "../services/settings";
import { assembleDossier } from "./assemble-dossier";

export async function loadCatalogue(client: Tx = db()): Promise<ControlCatalogueEntry[]> {
  const rows = await client.controlDefinition.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }] });
  return rows.map(({ code, domain, title, description, importance, source }) => ({
    code,
    domain,
    title,
    description,
    importance,
    ...(source ? { source } : {}),
  })) as ControlCatalogueEntry[];
}

/** The vendor's dossier as the domain layer sees it, plus each record's version for editing. */
export async function loadDossier(client: Tx, vendorId: string, catalogue?: ControlCatalogueEntry[]) {
  const vendor = await client.vendor.findUnique({
    where: { id: vendorId },
    include: { owner: { select: { id: true, name: true, email: true } } },
  });
  if (!vendor) return null;
  const [records, documents, entries] = await Promise.all([
    client.dossierRecord.findMany({ where: { vendorId }, orderBy: { createdAt: "asc" } }),
    client.evidenceDocument.findMany({ where: { vendorId }, orderBy: { uploadedAt: "asc" } }),
    catalogue ? Promise.resolve(catalogue) : loadCatalogue(client),
  ]);
  const uploaders = await client.user.findMany({
    where: { id: { in: [...new Set(documents.map((d) => d.uploadedById))] } },
    select: { id: true, email: true },
  });
  const emailOf = new Map(uploaders.map((u) => [u.id, u.email]));
  const dossier = assembleDossier({
    vendor,
    records,
    documents: documents.map((d) => ({ ...d, uploadedBy: emailOf.get(d.uploadedById) ?? "unknown" })),
    catalogue: entries,
  });
  return { vendor, dossier, records, documents };
}

export function computeFindings(dossier: Dossier, settings: Settings, now: Date): Finding[] {
  return findingsFor(dossier, settings, now);
}

/**
 * Recomputes the findings summary stored on the vendor row. Called inside the
 * transaction of every dossier change, so the list never disagrees with the
 * vendor page about what was just saved.
 */
export async function refreshVendorSummary(tx: Tx, vendorId: string, now = new Date()) {
  const settings = await loadSettings(tx);
  const loaded = await loadDossier(tx, vendorId);
  if (!loaded) return;
  const summary = summariseVendor(loaded.dossier, computeFindings(loaded.dossier, settings, now), settings, now);
  await tx.vendor.update({ where: { id: vendorId }, data: { ...summary, findingsAt: now } });
}
