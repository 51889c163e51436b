// A vendor's whole dossier in the interchange format (docs/dossier.schema.json)
// out of the app and into it, for the REST API and the import-dossier command.
// Exporting hands out the same data as the dossier.json of an audit pack, so
// it needs the same permission (pack.export) and is audited. Importing writes
// every kind of record, so it needs every record permission (import-dossier.ts),
// validates the whole file first (a 400 names each path), adds the file's
// controls the catalogue lacks, and commits in one transaction.
import { dossierSchema, type Dossier } from "@/lib/schemas/dossier";
import type { Actor } from "../actor";
import { recordAudit } from "../audit";
import { requirePermission } from "../authorize";
import { db, type Tx } from "../db";
import { addMissingControls } from "../dossier/control-catalogue";
import { loadDossier } from "../dossier/load-dossier";
import { AppError, notFound } from "../errors";
import type { BlobStore } from "../storage/blob-store";
import { parseInput } from "../validation";
import { importDossier, replaceDossier, requireEveryRecordPermission } from "./import-dossier";

export async function exportVendorDossier({ actor, vendorId }: { actor: Actor; vendorId: string }): Promise<Dossier> {
  requirePermission(actor, "pack.export");
  const loaded = await loadDossier(db(), vendorId);
  if (!loaded) throw notFound("Vendor not found.");
  await db().$transaction((tx) =>
    recordAudit(tx, actor, { action: "vendor.export_dossier", entityType: "vendor", entityId: vendorId, vendorId, after: { documents: loaded.dossier.documents.length } }),
  );
  return loaded.dossier;
}

export interface DossierImport {
  actor: Actor;
  input: unknown;
  /** Replace this vendor's dossier (optionally only if it is still at `version`) instead of creating a vendor. */
  replace?: { vendorId: string; version?: number };
  /** When given, every document of the file must name bytes this store already holds (a dossier carries metadata, not files). */
  store?: BlobStore;
}

/** Creates a vendor from a dossier, or replaces one's; returns the vendor row. */
export async function importDossierFile({ actor, input, replace, store }: DossierImport) {
  requirePermission(actor, replace ? "vendor.update" : "vendor.create");
  requireEveryRecordPermission(actor);
  const dossier = parseInput(dossierSchema, input);
  if (store) await requireStoredFiles(store, dossier);
  return db().$transaction(
    async (tx) => {
      await addControls(tx, actor, dossier);
      const people = await usersByEmail(tx, dossier);
      const owner = dossier.profile.ownerEmail ? people.get(dossier.profile.ownerEmail.toLowerCase()) : undefined;
      const common = { uploadedById: actor.id, uploaderIds: people };
      return replace === undefined
        ? importDossier(tx, actor, dossier, { ...common, ownerId: owner ?? null })
        : replaceDossier(tx, actor, replace.vendorId, dossier, { ...common, ownerId: owner, expectedVersion: replace.version });
    },
    { timeout: 60_000 },
  );
}

async function requireStoredFiles(store: BlobStore, dossier: Dossier) {
  const missing: Record<string, string> = {};
  for (const [i, document] of dossier.documents.entries()) {
    if (!(await store.has(document.sha256))) missing[`documents.${i}.sha256`] = "No stored file has this SHA-256: upload the file to a vendor first.";
  }
  if (Object.keys(missing).length > 0) throw new AppError("VALIDATION", "The dossier names files Assay does not hold.", missing);
}

async function addControls(tx: Tx, actor: Actor, dossier: Dossier) {
  const added = await addMissingControls(tx, dossier.controlCatalogue);
  if (added.length > 0) await recordAudit(tx, actor, { action: "catalogue.import", entityType: "control_catalogue", after: { added } });
}

/** Existing users named in the file (uploaders, owner), by lower-cased e-mail. */
async function usersByEmail(tx: Tx, dossier: Dossier): Promise<Map<string, string>> {
  const emails = [...new Set([...dossier.documents.map((d) => d.uploadedBy), dossier.profile.ownerEmail ?? ""].map((e) => e.toLowerCase()).filter(Boolean))];
  const users = await tx.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } });
  return new Map(users.map((u) => [u.email.toLowerCase(), u.id]));
}
