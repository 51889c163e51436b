import { DOSSIER_FORMAT_VERSION, type Dossier } from "@/lib/schemas/dossier";
import { LEGAL_RECORD_KINDS, RECORD_KINDS, isLegalRecordKind, isRecordKind } from "@/lib/schemas/dossier-record-kinds";
import type { ControlCatalogueEntry } from "@/lib/schemas/control-catalogue";
import { emptyLegalDossier, type LegalDossier } from "@/lib/schemas/legal";

// Maps database rows to the Dossier interchange shape that the findings
// engine, the score and the export all read. No I/O: the loader fetches rows.

export interface VendorRowForDossier {
  id: string;
  name: string;
  legalName: string;
  website: string | null;
  country: string;
  /** The profile's lists, read from their join tables in saved order (lib/server/services/vendor-lists.ts). */
  services: readonly string[];
  industries: readonly string[];
  dataCategories: readonly string[];
  accessLevel: string;
  status: string;
  tier: string;
  tierOverrideReason: string | null;
  owner: { email: string } | null;
}

export interface DocumentRowForDossier {
  id: string;
  kind: string;
  title: string | null;
  fileName: string;
  sha256: string;
  sizeBytes: number;
  mimeType: string;
  uploadedAt: Date;
  uploadedBy: string;
  effectiveDate: string;
}

export interface DossierRows {
  vendor: VendorRowForDossier;
  records: { id: string; kind: string; data: unknown }[];
  documents: DocumentRowForDossier[];
  catalogue: ControlCatalogueEntry[];
}

export function assembleDossier({ vendor, records, documents, catalogue }: DossierRows): Dossier {
  const dossier = {
    formatVersion: DOSSIER_FORMAT_VERSION,
    profile: {
      id: vendor.id,
      name: vendor.name,
      legalName: vendor.legalName,
      ...(vendor.website ? { website: vendor.website } : {}),
      country: vendor.country,
      services: vendor.services,
      industries: vendor.industries,
      dataCategories: vendor.dataCategories,
      accessLevel: vendor.accessLevel,
      status: vendor.status,
      ...(vendor.owner ? { ownerEmail: vendor.owner.email } : {}),
      ...(vendor.tierOverrideReason ? { tierOverride: { tier: vendor.tier, reason: vendor.tierOverrideReason } } : {}),
    },
    sites: [],
    documents: documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      ...(d.title ? { title: d.title } : {}),
      fileName: d.fileName,
      sha256: d.sha256,
      sizeBytes: d.sizeBytes,
      mimeType: d.mimeType,
      uploadedAt: d.uploadedAt.toISOString(),
      uploadedBy: d.uploadedBy,
      effectiveDate: d.effectiveDate,
    })),
    soc2Reports: [],
    isoCertificates: [],
    pentests: [],
    securityPolicies: [],
    incidentResponsePlans: [],
    continuityPlans: [],
    insurancePolicies: [],
    controlCatalogue: catalogue,
    controls: [],
    kpis: [],
    incidents: [],
    securityReviews: [],
    legal: emptyLegalDossier(),
  } as unknown as Dossier;
  for (const record of records) {
    if (isRecordKind(record.kind)) {
      const list = dossier[RECORD_KINDS[record.kind].dossierKey] as unknown as object[];
      list.push({ ...(record.data as object), id: record.id });
    } else if (isLegalRecordKind(record.kind)) {
      placeLegalRecord(dossier.legal, record.kind, record);
    }
  }
  return dossier;
}

/**
 * Legal records keep their database id where the legal schema has one
 * (contracts, sub-processors: clauses cite contracts by it). Clause rows,
 * transfer rows and the DPA are keyed by clause code, country and vendor, so
 * their id stays in the database and the editing view.
 */
function placeLegalRecord(legal: LegalDossier, kind: keyof typeof LEGAL_RECORD_KINDS, record: { id: string; data: unknown }) {
  const data = record.data as Record<string, unknown>;
  switch (LEGAL_RECORD_KINDS[kind].legalKey) {
    case "contracts":
      legal.contracts.push({ ...data, id: record.id } as LegalDossier["contracts"][number]);
      return;
    case "subProcessors":
      legal.subProcessors.push({ ...data, id: record.id } as LegalDossier["subProcessors"][number]);
      return;
    case "clauseReviews":
      legal.clauseReviews.push(data as LegalDossier["clauseReviews"][number]);
      return;
    case "transferMechanisms":
      legal.transferMechanisms.push(data as LegalDossier["transferMechanisms"][number]);
      return;
    case "dpa":
      // One per vendor (the service enforces it); rows arrive oldest first, so the newest wins.
      legal.dpa = data as LegalDossier["dpa"];
      return;
  }
}
