import { bulkInsert } from "../bulk-insert";
import type { Prisma } from "../db";

// A vendor profile's lists (services, industries, data categories) live in
// join tables (VendorService, VendorIndustry, VendorDataCategory) so the list
// filter and portfolio questions are indexed SQL (README.md, "Data model").
// Every write of the profile goes through here, inside the profile's own
// transaction, and every read flattens the rows back into the string lists the
// profile form, the Dossier and the audit trail have always carried, in the
// order they were saved.

export interface VendorLists {
  services: string[];
  industries: string[];
  dataCategories: string[];
}

/**
 * What to `include` in a vendor query so `vendorLists` can read the lists back.
 * No `orderBy` here: with one, Prisma cannot split the relation query's
 * `IN (…)` over more than 999 vendors on SQLite (P2029); vendorLists sorts.
 */
export const VENDOR_LISTS_INCLUDE = {
  services: { select: { service: true, position: true } },
  industries: { select: { industry: true, position: true } },
  dataCategories: { select: { category: true, position: true } },
} as const satisfies Prisma.VendorInclude;

export interface VendorListRows {
  services: readonly { service: string; position: number }[];
  industries: readonly { industry: string; position: number }[];
  dataCategories: readonly { category: string; position: number }[];
}

function inSavedOrder<T extends { position: number }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => a.position - b.position);
}

export function vendorLists(row: VendorListRows): VendorLists {
  return {
    services: inSavedOrder(row.services).map((r) => r.service),
    industries: inSavedOrder(row.industries).map((r) => r.industry),
    dataCategories: inSavedOrder(row.dataCategories).map((r) => r.category),
  };
}

/** A vendor row with its list relations replaced by the plain lists. */
export function withVendorLists<T extends VendorListRows>(row: T): Omit<T, keyof VendorListRows> & VendorLists {
  return { ...row, ...vendorLists(row) };
}

/** The first occurrence of each value: the primary key allows a value once per vendor. */
function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** Nested `create` for `vendor.create({ data })`. */
export function createVendorLists(lists: VendorLists) {
  return {
    services: { create: distinct(lists.services).map((service, position) => ({ service, position })) },
    industries: { create: distinct(lists.industries).map((industry, position) => ({ industry, position })) },
    dataCategories: { create: distinct(lists.dataCategories).map((category, position) => ({ category, position })) },
  } satisfies Partial<Prisma.VendorCreateInput>;
}

/** Nested writes for `vendor.update({ data })` that replace every list. */
export function replaceVendorLists(lists: VendorLists) {
  const created = createVendorLists(lists);
  return {
    services: { deleteMany: {}, ...created.services },
    industries: { deleteMany: {}, ...created.industries },
    dataCategories: { deleteMany: {}, ...created.dataCategories },
  } satisfies Partial<Prisma.VendorUpdateInput>;
}

/**
 * Bulk form for many vendors at once (spreadsheet imports): replaces the lists
 * of every vendor named, with one delete and one multi-row insert per table.
 * `created`: the vendors were inserted in this transaction, so there is
 * nothing to delete.
 */
export async function writeVendorListsMany(tx: Prisma.TransactionClient, entries: readonly { vendorId: string; lists: VendorLists }[], { created = false } = {}): Promise<void> {
  if (entries.length === 0) return;
  const vendorId = { in: entries.map((e) => e.vendorId) };
  if (!created) await Promise.all([tx.vendorService.deleteMany({ where: { vendorId } }), tx.vendorIndustry.deleteMany({ where: { vendorId } }), tx.vendorDataCategory.deleteMany({ where: { vendorId } })]);
  const rows = <K extends string>(key: keyof VendorLists, column: K) =>
    entries.flatMap((e) => distinct(e.lists[key]).map((value, position) => ({ vendorId: e.vendorId, [column]: value, position }) as { vendorId: string; position: number } & Record<K, string>));
  // Raw multi-row INSERTs: thousands of rows through createMany spend seconds in Prisma's query compiler (bulk-insert.ts).
  await bulkInsert(tx, "VendorService", rows("services", "service"));
  await bulkInsert(tx, "VendorIndustry", rows("industries", "industry"));
  await bulkInsert(tx, "VendorDataCategory", rows("dataCategories", "category"));
}
