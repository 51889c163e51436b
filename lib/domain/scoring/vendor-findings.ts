import type { Dossier } from "@/lib/schemas/dossier";
import { emptyLegalDossier } from "@/lib/schemas/legal";
import type { Settings } from "@/lib/schemas/settings";
import type { Finding } from "../finding";
import { findingsFor } from "../findings";

/**
 * Every finding for a vendor, legal ones included (the findings engine runs
 * the legal family over dossier.legal). A dossier without a legal section (a
 * snapshot older than the legal review) is judged as one with nothing
 * reviewed, so its missing clauses and DPA still show: unknown is never a pass.
 */
export function vendorFindingsFor(dossier: Dossier, settings: Settings, now: Date): Finding[] {
  const withLegal = (dossier as Partial<Dossier>).legal ? dossier : { ...dossier, legal: emptyLegalDossier() };
  return findingsFor(withLegal, settings, now);
}
