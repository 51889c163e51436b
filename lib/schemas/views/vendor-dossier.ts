import type { Finding } from "@/lib/domain/findings/finding";
import type { Tier } from "@/lib/domain/vocabulary";
import type { Dossier } from "../dossier";
import type { Settings } from "../settings";

// What the vendor pages receive from the server (services/dossier-view.ts).
// Declared here rather than inferred from the service so that components,
// which never import lib/server, can type their props; the service's return
// type is checked against it.

/** The vendor row as the pages show it: identity, owner and the version forms lock on. */
export interface DossierViewVendor {
  id: string;
  name: string;
  legalName: string;
  status: string;
  version: number;
  updatedAt: Date;
  owner: { id: string; name: string; email: string } | null;
}

/** An uploaded evidence file with the name of who uploaded it. */
export interface DossierViewDocument {
  id: string;
  kind: string;
  title: string | null;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  effectiveDate: string;
  uploadedAt: Date;
  uploadedByName: string;
}

/** A stored record's identity and version, for the optimistic lock of its edit form. */
export interface DossierViewRecord {
  id: string;
  kind: string;
  version: number;
  updatedAt: Date;
}

export interface DossierViewTier {
  effective: Tier;
  computed: Tier;
  reasons: string[];
  override: { reason: string; by: string; at: Date | null } | null;
}

/** What the signed-in user may change; the server checks again on every save. */
export interface DossierViewPermissions {
  editProfile: boolean;
  overrideTier: boolean;
  manageAssurance: boolean;
  manageControls: boolean;
  upload: boolean;
}

/**
 * Everything the vendor pages show: the dossier, each record's version, live
 * findings computed at `now`, the tier with its reasons, and what the user may do.
 */
export interface VendorDossierView {
  vendor: DossierViewVendor;
  dossier: Dossier;
  settings: Settings;
  now: Date;
  findings: Finding[];
  records: DossierViewRecord[];
  documents: DossierViewDocument[];
  tier: DossierViewTier;
  may: DossierViewPermissions;
}
