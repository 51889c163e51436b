import type { Finding } from "@/lib/domain/finding";
import { legalContextFor } from "@/lib/domain/legal/legal-context";
import { legalFindingsFor } from "@/lib/domain/legal/legal-findings";
import { LEGAL_RECORD_KIND_KEYS } from "@/lib/schemas/dossier-record-kinds";
import { TIERS, type Tier } from "@/lib/domain/vocabulary";
import type { Actor } from "../actor";
import { requirePermission } from "../authorize";
import { db } from "../db";
import { assembleDossier } from "../dossier/assemble-dossier";
import { changesSince, type LegalChange } from "./legal-signoff";
import { loadSettings } from "./settings";

// Legal's work queue (issue 4): vendors whose legal review is missing, is
// outdated by a change since the sign-off, or has legal blockers. Only the
// records the legal rules read are loaded (legal kinds and delivery sites),
// in three queries whatever the number of vendors.

export interface LegalQueueRow {
  vendor: { id: string; name: string; country: string; tier: Tier; status: string };
  signOff: { signedAt: Date; legalRevision: number } | null;
  /** Set when a change since the sign-off outdated it: the first such change, and how many there were. */
  outdated: { first: LegalChange; count: number } | null;
  findings: Finding[];
  blockers: number;
}

export async function listLegalQueue({ actor, now = new Date() }: { actor: Actor; now?: Date }): Promise<LegalQueueRow[]> {
  requirePermission(actor, "legal.manage");
  const client = db();
  // Offboarded vendors no longer need a legal review to work with us.
  const vendors = await client.vendor.findMany({
    where: { status: { not: "offboarded" } },
    include: { owner: { select: { email: true } } },
    orderBy: [{ tierRank: "asc" }, { searchName: "asc" }],
  });
  const ids = vendors.map((v) => v.id);
  const [records, signOffs, settings] = await Promise.all([
    client.dossierRecord.findMany({ where: { vendorId: { in: ids }, kind: { in: [...LEGAL_RECORD_KIND_KEYS, "site"] } }, orderBy: { createdAt: "asc" } }),
    client.legalSignOff.findMany({ where: { vendorId: { in: ids } }, orderBy: [{ signedAt: "desc" }, { id: "desc" }] }),
    loadSettings(client),
  ]);
  const recordsOf = new Map<string, typeof records>();
  for (const r of records) recordsOf.set(r.vendorId, [...(recordsOf.get(r.vendorId) ?? []), r]);
  const latestSignOff = new Map<string, (typeof signOffs)[number]>();
  for (const s of signOffs) if (!latestSignOff.has(s.vendorId)) latestSignOff.set(s.vendorId, s);

  const rows: LegalQueueRow[] = [];
  for (const vendor of vendors) {
    const dossier = assembleDossier({ vendor, records: recordsOf.get(vendor.id) ?? [], documents: [], catalogue: [] });
    const tier = vendor.tier as Tier;
    const findings = legalFindingsFor(dossier.legal, legalContextFor(dossier, settings, tier), settings, now);
    const blockers = findings.filter((f) => f.severity === "blocker").length;
    const signOff = latestSignOff.get(vendor.id) ?? null;
    const isOutdated = signOff !== null && signOff.legalRevision < vendor.legalRevision;
    if (signOff && !isOutdated && blockers === 0) continue;
    let outdated: LegalQueueRow["outdated"] = null;
    if (signOff && isOutdated) {
      const changes = await changesSince(client, vendor.id, signOff.signedAt);
      outdated = changes[0] ? { first: changes[0], count: changes.length } : null;
    }
    rows.push({
      vendor: { id: vendor.id, name: vendor.name, country: vendor.country, tier, status: vendor.status },
      signOff: signOff ? { signedAt: signOff.signedAt, legalRevision: signOff.legalRevision } : null,
      outdated: isOutdated ? (outdated ?? { first: unexplained(signOff!.signedAt), count: 1 }) : null,
      findings,
      blockers,
    });
  }
  // Blockers first, then reviews a change has outdated, then reviews never signed off; most critical tier first.
  const rank = (r: LegalQueueRow) => (r.blockers > 0 ? 0 : r.outdated ? 1 : 2);
  return rows.sort((a, b) => rank(a) - rank(b) || TIERS.indexOf(a.vendor.tier) - TIERS.indexOf(b.vendor.tier) || a.vendor.name.localeCompare(b.vendor.name));
}

/** The revision moved but no legal audit event explains it (e.g. events older than the sign-off's clock). */
function unexplained(at: Date): LegalChange {
  return { auditId: 0, at, actorName: "unknown", action: "", description: "a legal change after the sign-off" };
}
