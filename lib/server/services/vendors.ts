import type { Actor } from "../actor";
import { recordAudit } from "../audit";
import { requirePermission } from "../authorize";
import { db, type Tx } from "../db";
import { AppError, notFound, staleEdit } from "../errors";
import { inTransaction } from "../transaction";
import { parseInput } from "../validation";
import { TIERS } from "@/lib/domain/vocabulary";
import {
  vendorFieldsSchema,
  vendorUpdateSchema,
  type VendorFields,
  type VendorListQuery,
} from "@/lib/schemas/vendor";

// The columns a vendor's audit before/after records; timestamps are noise.
function auditView(v: { name: string; legalName: string; website: string | null; country: string; services: unknown; industries: unknown; tier: string; status: string; ownerId: string | null; version: number }) {
  const { name, legalName, website, country, services, industries, tier, status, ownerId, version } = v;
  return { name, legalName, website, country, services, industries, tier, status, ownerId, version };
}

function columns(fields: VendorFields) {
  return {
    name: fields.name,
    searchName: fields.name.toLowerCase(),
    legalName: fields.legalName,
    website: fields.website || null,
    country: fields.country,
    services: fields.services,
    industries: fields.industries,
    tier: fields.tier,
    tierRank: TIERS.indexOf(fields.tier),
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
    const vendor = await tx.vendor.create({ data: columns(fields) });
    await recordAudit(tx, actor, {
      action: "vendor.create",
      entityType: "vendor",
      entityId: vendor.id,
      vendorId: vendor.id,
      after: auditView(vendor),
    });
    return vendor;
  });
}

export async function updateVendor({ actor, input }: { actor: Actor; input: unknown }, tx?: Tx) {
  requirePermission(actor, "vendor.update");
  const { id, version, ...fields } = parseInput(vendorUpdateSchema, input);
  return inTransaction(tx, async (tx) => {
    const before = await tx.vendor.findUnique({ where: { id } });
    if (!before) throw notFound("Vendor not found.");
    await assertOwnerExists(tx, fields.ownerId);
    // Compare-and-set on version: a concurrent save makes count 0 instead of overwriting.
    const { count } = await tx.vendor.updateMany({
      where: { id, version },
      data: { ...columns(fields), version: { increment: 1 } },
    });
    if (count === 0) throw staleEdit("vendor");
    const after = await tx.vendor.findUniqueOrThrow({ where: { id } });
    await recordAudit(tx, actor, {
      action: "vendor.update",
      entityType: "vendor",
      entityId: id,
      vendorId: id,
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
}

export async function getVendor({ actor, id }: { actor: Actor; id: string }) {
  requirePermission(actor, "vendor.read");
  const vendor = await db().vendor.findUnique({
    where: { id },
    include: { owner: { select: { id: true, name: true, email: true } } },
  });
  if (!vendor) throw notFound("Vendor not found.");
  return vendor;
}


export async function listVendors({ actor, query }: { actor: Actor; query: VendorListQuery }) {
  requirePermission(actor, "vendor.read");
  const where = {
    ...(query.q ? { searchName: { contains: query.q.toLowerCase() } } : {}),
    ...(query.tier ? { tier: query.tier } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.country ? { country: query.country } : {}),
  };
  const orderBy =
    query.sort === "updated"
      ? [{ updatedAt: query.dir }, { id: "asc" as const }]
      : query.sort === "name"
        ? [{ searchName: query.dir }, { id: "asc" as const }]
        : [{ [query.sort === "tier" ? "tierRank" : query.sort]: query.dir }, { searchName: "asc" as const }, { id: "asc" as const }];
  const [total, rows] = await db().$transaction([
    db().vendor.count({ where }),
    db().vendor.findMany({
      where,
      orderBy,
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      include: { owner: { select: { name: true } } },
    }),
  ]);
  return { total, rows, page: query.page, pageSize: query.pageSize };
}
