import type { Tier } from "@/lib/domain/vocabulary";
import { LEGAL_RECORD_KIND_KEYS } from "@/lib/schemas/dossier-record-kinds";
import { legalQueueQuerySchema, type LegalQueueQuery } from "@/lib/schemas/legal-queue";
import type { LegalChange } from "@/lib/schemas/views/legal-review";
import type { LegalQueuePage, LegalQueueRow } from "@/lib/schemas/views/legal-queue";
import type { Actor } from "../actor";
import { requirePermission } from "../authorize";
import { db, Prisma } from "../db";
import { assembleDossier } from "../dossier/assemble-dossier";
import { legalFindingsOf } from "../dossier/load-dossier";
import { listRecords } from "../dossier/record-store";
import { keptPerVersion } from "./kept-per-version";
import { changesSince } from "./legal-signoff";
import { loadSettings } from "./settings";
import { VENDOR_LISTS_INCLUDE, withVendorLists } from "./vendor-lists";

// Legal's work queue: vendors whose legal review is missing, is outdated by a
// change since the sign-off, or has legal blockers. Which vendors, in which
// order and how many are answered by SQL over the vendor summary
// (legalBlockerCount, kept by lib/server/services/summary-refresh.ts) and the sign-offs; only
// the page's vendors are then loaded and judged. The count and the order are
// kept per portfolio version, so requests between two changes share one read.

// A sign-off records the vendor's legal revision, and revisions only grow, so
// "no sign-off at the current revision" means "never signed off, or the latest
// sign-off is outdated". Correlated on vendorId: the (vendorId, signedAt) index.
const SIGNED_AT_CURRENT = Prisma.sql`EXISTS (SELECT 1 FROM "LegalSignOff" s WHERE s."vendorId" = v."id" AND s."legalRevision" >= v."legalRevision")`;
const EVER_SIGNED = Prisma.sql`EXISTS (SELECT 1 FROM "LegalSignOff" s WHERE s."vendorId" = v."id")`;
const HAS_BLOCKER = Prisma.sql`v."legalBlockerCount" > 0`;
/** Blockers first, then reviews a change has outdated, then reviews never signed off. */
const PRIORITY = Prisma.sql`CASE WHEN ${HAS_BLOCKER} THEN 0 WHEN ${EVER_SIGNED} THEN 1 ELSE 2 END`;

function queueWhere(query: LegalQueueQuery): Prisma.Sql {
  // Offboarded vendors no longer need a legal review to work with us.
  const conditions = [Prisma.sql`v."status" <> 'offboarded'`, Prisma.sql`(${HAS_BLOCKER} OR NOT ${SIGNED_AT_CURRENT})`];
  if (query.q) conditions.push(Prisma.sql`v."searchName" LIKE ${`%${escapeLike(query.q.toLowerCase())}%`} ESCAPE '\\'`);
  if (query.tier) conditions.push(Prisma.sql`v."tier" = ${query.tier}`);
  if (query.reason === "blocker") conditions.push(HAS_BLOCKER);
  if (query.reason === "outdated") conditions.push(Prisma.sql`${EVER_SIGNED} AND NOT ${SIGNED_AT_CURRENT}`);
  if (query.reason === "unsigned") conditions.push(Prisma.sql`NOT ${EVER_SIGNED}`);
  return Prisma.join(conditions, " AND ");
}

function queueOrder(query: LegalQueueQuery): Prisma.Sql {
  const dir = query.dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  if (query.sort === "name") return Prisma.sql`v."searchName" ${dir}, v."id" ASC`;
  if (query.sort === "tier") return Prisma.sql`v."tierRank" ${dir}, v."searchName" ASC, v."id" ASC`;
  return Prisma.sql`${PRIORITY} ${dir}, v."tierRank" ASC, v."searchName" ASC, v."id" ASC`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function listLegalQueue({ actor, query: input = {}, now = new Date() }: { actor: Actor; query?: Partial<LegalQueueQuery>; now?: Date }): Promise<LegalQueuePage> {
  requirePermission(actor, "legal.manage");
  const query = legalQueueQuerySchema.parse(input);
  // Counting and ordering read every vendor: kept per portfolio version (kept-per-version.ts); the page's rows are judged live.
  const { total, ids } = await keptPerVersion("legal-queue", now, JSON.stringify(query), () => queuePage(query));
  const rows = ids.length === 0 ? [] : await describeRows(ids, now);
  return { rows, total, page: query.page, pageSize: query.pageSize };
}

/** How many vendors the queue holds under the query's filters, and the ids of the page asked for. */
async function queuePage(query: LegalQueueQuery): Promise<{ total: number; ids: string[] }> {
  const client = db();
  const where = queueWhere(query);
  const [counted, page] = await Promise.all([
    client.$queryRaw<{ total: number | bigint }[]>`SELECT COUNT(*) AS total FROM "Vendor" v WHERE ${where}`,
    client.$queryRaw<{ id: string }[]>`SELECT v."id" AS id FROM "Vendor" v WHERE ${where} ORDER BY ${queueOrder(query)} LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
  ]);
  return { total: Number(counted[0]?.total ?? 0), ids: page.map((r) => r.id) };
}

/** The page's vendors with their live legal findings and sign-off state, in the order of `ids` (at most one page). */
async function describeRows(ids: string[], now: Date): Promise<LegalQueueRow[]> {
  const client = db();
  // Only the records the legal rules read: legal kinds and delivery sites.
  const [vendors, records, signOffs, settings] = await Promise.all([
    client.vendor.findMany({ where: { id: { in: ids } }, include: { owner: { select: { email: true } }, ...VENDOR_LISTS_INCLUDE } }),
    listRecords(client, ids, [...LEGAL_RECORD_KIND_KEYS, "site"]),
    client.legalSignOff.findMany({ where: { vendorId: { in: ids } }, orderBy: [{ signedAt: "desc" }, { id: "desc" }] }),
    loadSettings(client),
  ]);
  const vendorOf = new Map(vendors.map((v) => [v.id, v]));
  const recordsOf = new Map<string, typeof records>();
  for (const r of records) recordsOf.set(r.vendorId, [...(recordsOf.get(r.vendorId) ?? []), r]);
  const latestSignOff = new Map<string, (typeof signOffs)[number]>();
  for (const s of signOffs) if (!latestSignOff.has(s.vendorId)) latestSignOff.set(s.vendorId, s);

  const rows: LegalQueueRow[] = [];
  for (const id of ids) {
    const vendor = vendorOf.get(id);
    if (!vendor) continue; // deleted between the two queries
    const tier = vendor.tier as Tier;
    const dossier = assembleDossier({ vendor: withVendorLists(vendor), records: recordsOf.get(id) ?? [], documents: [], catalogue: [] });
    const findings = legalFindingsOf(dossier, settings, tier, now);
    const signOff = latestSignOff.get(id) ?? null;
    const isOutdated = signOff !== null && signOff.legalRevision < vendor.legalRevision;
    let outdated: LegalQueueRow["outdated"] = null;
    if (signOff && isOutdated) {
      const changes = await changesSince(client, id, signOff.signedAt);
      outdated = changes[0] ? { first: changes[0], count: changes.length } : { first: unexplained(signOff.signedAt), count: 1 };
    }
    rows.push({
      vendor: { id, name: vendor.name, country: vendor.country, tier, status: vendor.status },
      signOff: signOff ? { signedAt: signOff.signedAt, legalRevision: signOff.legalRevision } : null,
      outdated,
      findings,
      blockers: findings.filter((f) => f.severity === "blocker").length,
    });
  }
  return rows;
}

/** The revision moved but no legal audit event explains it (e.g. events older than the sign-off's clock). */
function unexplained(at: Date): LegalChange {
  return { auditId: 0, at, actorName: "unknown", action: "", description: "a legal change after the sign-off" };
}
