// The REST API's vendor reads. The list is keyset-paginated on (searchName, id),
// the index the vendor list's name sort uses, so page 400 costs what page 1
// does; the filters are the vendor list's own SQL (vendor-list-sql.ts).
import { Prisma } from "../db";
import type { ApiVendor, ApiVendorListQuery } from "@/lib/schemas/api/vendors";
import type { Actor } from "../actor";
import { requirePermission } from "../authorize";
import { db } from "../db";
import { AppError } from "../errors";
import { VENDOR_LIST_SELECT } from "./vendor-list-select";
import { needsSoc2StaleMonths, vendorListSqlWhere } from "./vendor-list-sql";
import { loadSettings } from "./settings";

interface Cursor {
  name: string;
  id: string;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.name, cursor.id])).toString("base64url");
}

function decodeCursor(raw: string): Cursor {
  try {
    const [name, id] = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as unknown[];
    if (typeof name === "string" && typeof id === "string") return { name, id };
  } catch {
    // falls through to the refusal below
  }
  throw new AppError("VALIDATION", "This cursor is not one the API gave out.", { cursor: "not a cursor from a previous page" });
}

/** The vendor list's columns, plus what an API client needs to page and to write back. */
const VENDOR_SELECT = { ...VENDOR_LIST_SELECT, version: true, searchName: true, owner: { select: { id: true, name: true } } } as const;

type VendorRow = Prisma.VendorGetPayload<{ select: typeof VENDOR_SELECT }>;

export function toApiVendor(v: VendorRow): ApiVendor {
  return {
    id: v.id,
    name: v.name,
    legalName: v.legalName || null,
    tier: v.tier as ApiVendor["tier"],
    status: v.status as ApiVendor["status"],
    country: v.country || null,
    version: v.version,
    updatedAt: v.updatedAt.toISOString(),
    owner: v.owner,
    openFindings: { blocker: v.blockerCount, high: v.highCount, medium: v.mediumCount, low: v.lowCount },
    soc2: { state: v.soc2State, staleFrom: v.soc2StaleFrom ?? null },
  };
}

export async function listVendorsForApi({ actor, query, now = new Date() }: { actor: Actor; query: ApiVendorListQuery; now?: Date }): Promise<{ data: ApiVendor[]; nextCursor: string | null }> {
  requirePermission(actor, "vendor.read");
  const client = db();
  const staleMonths = needsSoc2StaleMonths({ ...query, sort: "name", dir: "asc", page: 1, pageSize: 25 }) ? (await loadSettings(client)).assurance.soc2StaleMonths : 0;
  const where = vendorListSqlWhere({ ...query, sort: "name", dir: "asc", page: 1, pageSize: 25 }, now, staleMonths);
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const keyset = after ? Prisma.sql`AND (v."searchName" > ${after.name} OR (v."searchName" = ${after.name} AND v."id" > ${after.id}))` : Prisma.empty;
  // One query for the page and its owners (every request of every client runs it).
  const rows = await client.$queryRaw<RawVendorRow[]>`
    SELECT ${LIST_COLUMNS}, o."id" AS "ownerId", o."name" AS "ownerName"
    FROM "Vendor" v LEFT JOIN "User" o ON o."id" = v."ownerId"
    WHERE ${where} ${keyset} ORDER BY v."searchName" ASC, v."id" ASC LIMIT ${query.limit + 1}`;
  const page = rows.slice(0, query.limit).map(fromRaw);
  const last = page.at(-1);
  return { data: page.map(toApiVendor), nextCursor: rows.length > query.limit && last ? encodeCursor({ name: last.searchName, id: last.id }) : null };
}

const LIST_COLUMNS = Prisma.raw(
  ["id", "name", "legalName", "tier", "status", "country", "version", "updatedAt", "searchName", "blockerCount", "highCount", "mediumCount", "lowCount", "soc2State", "soc2StaleFrom"]
    .map((column) => `v."${column}"`)
    .join(", "),
);

type RawVendorRow = Omit<VendorRow, "owner" | "updatedAt"> & { updatedAt: Date | string; ownerId: string | null; ownerName: string | null };

/** A raw row as the Prisma select would give it: SQLite answers a raw DateTime as text. */
function fromRaw({ ownerId, ownerName, updatedAt, ...row }: RawVendorRow): VendorRow {
  return { ...row, updatedAt: new Date(updatedAt), owner: ownerId ? { id: ownerId, name: ownerName ?? "" } : null };
}

export async function getVendorForApi({ actor, id }: { actor: Actor; id: string }): Promise<ApiVendor> {
  requirePermission(actor, "vendor.read");
  const vendor = await db().vendor.findUnique({ where: { id }, select: VENDOR_SELECT });
  if (!vendor) throw new AppError("NOT_FOUND", "Vendor not found.");
  return toApiVendor(vendor);
}
