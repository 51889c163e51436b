import { SYSTEM_ACTOR } from "@/lib/server/actor";
import { db } from "@/lib/server/db";
import { importDossier } from "@/lib/server/services/import-dossier";
import type { RatingBand } from "@/lib/domain/scoring/types";
import { demoDossiers } from "@/prisma/seed/demo-dossiers";

// Demo dossiers give realistic vendors of every rating (measured with the
// default settings; docs/scoring.md, "Ceilings"): a Low, a Medium, a High
// (a blocker) and a Critical (no assurance for a Critical tier vendor).
// Imported under a new name, as the CLI import does; evidence bytes are not
// needed to score.

export const DEMO_BY_BAND: Record<RatingBand, string> = {
  low: "Northwind Contact Solutions",
  medium: "Cebu Customer Care",
  high: "Bluepeak BPO",
  critical: "CariCare Health Services",
};

export async function importDemoVendor(demoName: string, newName: string, uploadedById: string, now = new Date()) {
  const source = demoDossiers(now).find((d) => d.profile.name === demoName);
  if (!source) throw new Error(`No demo dossier named ${demoName}`);
  return db().$transaction((tx) => importDossier(tx, SYSTEM_ACTOR, { ...source, profile: { ...source.profile, name: newName } }, { uploadedById }), { timeout: 60_000 });
}
