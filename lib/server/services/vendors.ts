import { formatIsoDay } from "@/lib/domain/dates";
import { computeInherentTier } from "@/lib/domain/vendors/tier";
import { TIERS, type Tier } from "@/lib/domain/vocabulary";
import { tierOverrideSchema } from "@/lib/schemas/dossier";
import {
  tierOverrideActionSchema,
  vendorFieldsSchema,
  vendorUpdateSchema,
  type VendorFields,
  type VendorListQuery,
} from "@/lib/schemas/vendor";
import type { Actor } from "../actor";
import { recordAudit } from "../audit";
import { requirePermission } from "../authorize";
import { db, type Tx } from "../db";
import { refreshVendorSummary } from "./vendor-summaries";
import { AppError, notFound, staleEdit } from "../errors";
import { inTransaction } from "../transaction";
import { parseInput } from "../validation";
import { loadSettings } from "./settings";
import { VENDOR_LIST_SELECT } from "./vendor-list-select";
import { needsSoc2StaleMonths, vendorListSqlOrder, vendorListSqlWhere } from "./vendor-list-sql";
import { createVendorLists, replaceVendorLists, VENDOR_LISTS_INCLUDE, vendorLists, type VendorListRows } from "./vendor-lists";

type VendorRow = Awaited<ReturnType<Tx["vendor"]["findUniqueOrThrow"]>> & VendorListRows;

// The columns a vendor's audit before/after records; timestamps are noise.
export function auditView(v: VendorRow) {
  const { name, legalName, website, country, accessLevel } = v;
  const { tier, computedTier, tierOverrideReason, status, ownerId, version } = v;
  return { name, legalName, website, country, ...vendorLists(v), accessLevel, tier, computedTier, tierOverrideReason, status, ownerId, version };
}

function tierColumns(tier: Tier) {
  return { tier, tierRank: TIERS.indexOf(tier) };
}

/** Profile columns, with the computed tier; an existing override keeps the effective tier. */
export function profileColumns(fields: VendorFields, override: { tier: string } | null) {
  const computed = computeInherentTier(fields).tier;
  return {
    name: fields.name,
    searchName: fields.name.toLowerCase(),
    legalName: fields.legalName,
    website: fields.website ?? null,
    country: fields.country,
    accessLevel: fields.accessLevel,
    computedTier: computed,
    ...tierColumns((override?.tier as Tier | undefined) ?? computed),
    status: fields.status,
    ownerId: fields.ownerId || null,
  };
}

async function assertOwnerExists(tx: Tx, ownerId: string) {
  if (!ownerId) return;
  const owner = await tx.user.findUnique({ where: { id: ownerId } });
  if (!owner || !owner.active) {
    throw new AppError("VALIDATION", "Check the highlighted field.", { ownerId: "Choose an active user as owner" });
  }
}

export async function createVendor({ actor, input }: { actor: Actor; input: unknown }, tx?: Tx) {
  requirePermission(actor, "vendor.create");
  const fields = parseInput(vendorFieldsSchema, input);
  return inTransaction(tx, async (tx) => {
    await assertOwnerExists(tx, fields.ownerId);
    const vendor = await tx.vendor.create({
      data: { ...profileColumns(fields, null), ...createVendorLists(fields) },
      include: VENDOR_LISTS_INCLUDE,
    });
    await recordAudit(tx, actor, {
      action: "vendor.create",
      entityType: "vendor",
      entityId: vendor.id,
      vendorId: vendor.id,
      after: auditView(vendor),
    });
    await refreshVendorSummary(tx, vendor.id);
    return vendor;
  });
}

export async function updateVendor({ actor, input }: { actor: Actor; input: unknown }, tx?: Tx) {
  requirePermission(actor, "vendor.update");
  const { id, version, ...fields } = parseInput(vendorUpdateSchema, input);
  return inTransaction(tx, async (tx) => {
    const before = await tx.vendor.findUnique({ where: { id }, include: VENDOR_LISTS_INCLUDE });
    if (!before) throw notFound("Vendor not found.");
    await assertOwnerExists(tx, fields.ownerId);
    const override = before.tierOverrideReason ? { tier: before.tier } : null;
    // Compare-and-set on version: a concurrent save makes count 0 instead of overwriting.
    const { count } = await tx.vendor.updateMany({
      where: { id, version },
      data: { ...profileColumns(fields, override), version: { increment: 1 } },
    });
    if (count === 0) throw staleEdit("vendor");
    // The lists after the compare-and-set, so a stale save changes nothing.
    const after = await tx.vendor.update({ where: { id }, data: replaceVendorLists(fields), include: VENDOR_LISTS_INCLUDE });
    await recordAudit(tx, actor, {
      action: "vendor.update",
      entityType: "vendor",
      entityId: id,
      vendorId: id,
      before: auditView(before),
      after: auditView(after),
    });
    await refreshVendorSummary(tx, id);
    return after;
  });
}

/** Sets or clears the tier override; setting one needs a written reason. */
export async function overrideVendorTier({ actor, input }: { actor: Actor; input: unknown }, tx?: Tx) {
  requirePermission(actor, "vendor.tier.override");
  const { vendorId, version, override } = parseInput(tierOverrideActionSchema, input);
  const checked = override ? parseInput(tierOverrideSchema, override) : null;
  return inTransaction(tx, async (tx) => {
    const before = await tx.vendor.findUnique({ where: { id: vendorId } });
    if (!before) throw notFound("Vendor not found.");
    const { count } = await tx.vendor.updateMany({
      where: { id: vendorId, version },
      data: {
        ...tierColumns(checked ? checked.tier : (before.computedTier as Tier)),
        tierOverrideReason: checked?.reason ?? null,
        tierOverriddenById: checked ? actor.id : null,
        tierOverriddenAt: checked ? new Date() : null,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw staleEdit("vendor");
    const after = await tx.vendor.findUniqueOrThrow({ where: { id: vendorId } });
    await recordAudit(tx, actor, {
      action: checked ? "vendor.tier_override" : "vendor.tier_override_cleared",
      entityType: "vendor",
      entityId: vendorId,
      vendorId,
      before: { tier: before.tier, computedTier: before.computedTier, tierOverrideReason: before.tierOverrideReason },
      after: { tier: after.tier, computedTier: after.computedTier, tierOverrideReason: after.tierOverrideReason },
    });
    await refreshVendorSummary(tx, vendorId);
    return after;
  });
}

export async function getVendor({ actor, id }: { actor: Actor; id: string }) {
  requirePermission(actor, "vendor.read");
  const vendor = await db().vendor.findUnique({
    where: { id },
    include: { owner: { select: { id: true, name: true, email: true } }, ...VENDOR_LISTS_INCLUDE },
  });
  if (!vendor) throw notFound("Vendor not found.");
  return { ...vendor, ...vendorLists(vendor) };
}

function todayIso(now: Date) {
  return formatIsoDay(now);
}

/**
 * The Prisma form of the profile and summary filters, for bulk audit-pack
 * exports (PACK_FILTER_KEYS). The vendor list itself filters in SQL
 * (vendor-list-sql.ts), which also reads the latest assessment; the two must
 * agree on these seven filters.
 */
export function vendorListWhere(query: VendorListQuery, now = new Date()) {
  const soc2 =
    query.soc2 === "stale"
      ? { soc2StaleFrom: { lte: todayIso(now) } }
      : query.soc2 === "missing"
        ? { soc2State: "missing" }
        : query.soc2 === "due"
          ? { soc2State: "due", soc2StaleFrom: { gt: todayIso(now) } }
          : query.soc2 === "current"
            ? { soc2State: "current", soc2StaleFrom: { gt: todayIso(now) } }
            : {};
  return {
    ...(query.q ? { searchName: { contains: query.q.toLowerCase() } } : {}),
    ...(query.tier ? { tier: query.tier } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.country ? { country: query.country } : {}),
    ...(query.industry ? { industries: { some: { industry: query.industry } } } : {}),
    ...(query.blocker === "yes" ? { blockerCount: { gt: 0 } } : query.blocker === "no" ? { blockerCount: 0 } : {}),
    ...soc2,
  };
}

/** One page of the vendor list: SQL picks and counts the page's ids (vendor-list-sql.ts), then only those rows load. */
export async function listVendors({ actor, query, now = new Date() }: { actor: Actor; query: VendorListQuery; now?: Date }) {
  requirePermission(actor, "vendor.read");
  const client = db();
  const staleMonths = needsSoc2StaleMonths(query) ? (await loadSettings(client)).assurance.soc2StaleMonths : 0;
  const where = vendorListSqlWhere(query, now, staleMonths);
  const [counted, page] = await Promise.all([
    client.$queryRaw<{ total: number | bigint }[]>`SELECT COUNT(*) AS total FROM "Vendor" v WHERE ${where}`,
    client.$queryRaw<{ id: string }[]>`SELECT v."id" AS id FROM "Vendor" v WHERE ${where} ORDER BY ${vendorListSqlOrder(query)} LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
  ]);
  const ids = page.map((r) => r.id);
  const found = ids.length === 0 ? [] : await client.vendor.findMany({
    where: { id: { in: ids } },
    select: VENDOR_LIST_SELECT,
  });
  const byId = new Map(found.map((v) => [v.id, v]));
  // A vendor deleted between the two queries is simply left out of the page.
  const rows = ids.flatMap((id) => byId.get(id) ?? []);
  return { total: Number(counted[0]?.total ?? 0), rows, page: query.page, pageSize: query.pageSize };
}
