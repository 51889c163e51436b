import type { AnyRecordKindKey } from "@/lib/schemas/dossier-record-kinds";
import type { Tx } from "../db";
import { KINDS_IN_WRITE_ORDER, RECORD_TABLES, columnName, joinListItems, toColumns, toData, type RecordTable } from "./record-tables";

// Reads and writes dossier records of every kind through their typed models
// (record-tables.ts). Callers see one shape, StoredRecord, whatever table a
// kind lives in: the record's validated fields plus its bookkeeping.

export interface StoredRecord {
  id: string;
  vendorId: string;
  kind: AnyRecordKindKey;
  /** The record's fields as its zod schema outputs them (no id). */
  data: Record<string, unknown>;
  version: number;
  createdById: string | null;
  updatedById: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What a dossier is assembled from: a record's fields and identity, without its bookkeeping. */
export type RecordContent = Pick<StoredRecord, "id" | "vendorId" | "kind" | "data" | "version">;

type Row = Record<string, unknown> & { id: string; vendorId: string; version: number; createdById: string | null; updatedById: string | null; createdAt: Date; updatedAt: Date };

/** The slice of a Prisma delegate the store uses; every record model has it. */
interface Delegate {
  findMany(args: object): Promise<Row[]>;
  findFirst(args: object): Promise<Row | null>;
  create(args: object): Promise<Row>;
  createMany(args: object): Promise<{ count: number }>;
  updateMany(args: object): Promise<{ count: number }>;
  deleteMany(args: object): Promise<{ count: number }>;
}

function delegate(client: Tx, model: string): Delegate {
  // One cast for all seventeen models: their delegates differ only in the column types record-tables.ts already maps.
  return (client as unknown as Record<string, Delegate>)[model]!;
}

function joinListRead(table: RecordTable) {
  const list = table.joinList;
  return list ? { [list.relation]: { orderBy: { position: "asc" }, select: { [list.itemColumn]: true } } } : {};
}

function includeOf(table: RecordTable) {
  return table.joinList ? { include: joinListRead(table) } : {};
}

/** Only the columns a record's fields come from, its id, vendor and version: no bookkeeping. */
function contentSelectOf(table: RecordTable) {
  const columns = Object.fromEntries(table.columns.map((spec) => [columnName(spec), true]));
  return { select: { id: true, vendorId: true, version: true, ...columns, ...joinListRead(table) } };
}

function toStored(kind: AnyRecordKindKey, table: RecordTable, row: Row): StoredRecord {
  const { id, vendorId, version, createdById, updatedById, createdAt, updatedAt } = row;
  return { id, vendorId, kind, data: toData(table, row), version, createdById, updatedById, createdAt, updatedAt };
}

function toContent(kind: AnyRecordKindKey, table: RecordTable, row: Row): RecordContent {
  return { id: row.id, vendorId: row.vendorId, kind, data: toData(table, row), version: row.version };
}

const OLDEST_FIRST = [{ createdAt: "asc" }, { id: "asc" }];

type VendorIds = string | readonly string[];

/** Kind by kind (write order), each kind oldest first, `pause` after each table's read. */
async function readRecords<T>(
  client: Tx,
  vendorIds: VendorIds,
  kinds: readonly AnyRecordKindKey[],
  pause: (() => Promise<void>) | undefined,
  shape: (table: RecordTable) => object,
  to: (kind: AnyRecordKindKey, table: RecordTable, row: Row) => T,
): Promise<T[]> {
  const vendorId = typeof vendorIds === "string" ? vendorIds : { in: [...vendorIds] };
  const read = (kind: AnyRecordKindKey) => delegate(client, RECORD_TABLES[kind].model).findMany({ where: { vendorId }, orderBy: OLDEST_FIRST, ...shape(RECORD_TABLES[kind]) });
  const ordered = KINDS_IN_WRITE_ORDER.filter((k) => kinds.includes(k));
  const out: T[] = [];
  if (pause === AT_ONCE) {
    const tables = await Promise.all(ordered.map(read));
    ordered.forEach((kind, i) => tables[i]!.forEach((row) => out.push(to(kind, RECORD_TABLES[kind], row))));
    return out;
  }
  for (const kind of ordered) {
    for (const row of await read(kind)) out.push(to(kind, RECORD_TABLES[kind], row));
    await pause?.();
  }
  return out;
}

/**
 * Passed as `pause`: every table is read at once instead of one after the
 * other. Only for the client itself, never a transaction (one connection, one
 * query at a time): on PostgreSQL the pool serves the reads side by side, so a
 * page that loads a live dossier waits for one round trip, not seventeen.
 */
export const AT_ONCE = async () => {};

/**
 * The records of some vendors, kind by kind (write order), each kind oldest
 * first. Sequential on purpose: `client` is often a transaction, where one
 * connection runs one query at a time. `pause`, when given, runs after each
 * table's read: background work passes a yield to the event loop, so a
 * synchronous driver never holds it for more than one query.
 */
export function listRecords(client: Tx, vendorIds: VendorIds, kinds: readonly AnyRecordKindKey[] = KINDS_IN_WRITE_ORDER, pause?: () => Promise<void>): Promise<StoredRecord[]> {
  return readRecords(client, vendorIds, kinds, pause, includeOf, toStored);
}

/**
 * listRecords without each record's bookkeeping (who and when): what a
 * dossier is assembled from, for loads over many vendors (the summary
 * refresh). Four columns and two dates fewer a row: reading the largest
 * table (300,000 control rows) took about a fifth less time in an
 * interleaved comparison (`npm run bench vendors`, "load all dossiers").
 */
export function listRecordContents(client: Tx, vendorIds: VendorIds, kinds: readonly AnyRecordKindKey[] = KINDS_IN_WRITE_ORDER, pause?: () => Promise<void>): Promise<RecordContent[]> {
  return readRecords(client, vendorIds, kinds, pause, contentSelectOf, toContent);
}

/** One record of the vendor, or null when the id names no record of this kind there. */
export async function findRecord(client: Tx, kind: AnyRecordKindKey, vendorId: string, id: string): Promise<StoredRecord | null> {
  const table = RECORD_TABLES[kind];
  const row = await delegate(client, table.model).findFirst({ where: { id, vendorId }, ...includeOf(table) });
  return row ? toStored(kind, table, row) : null;
}

/** Another record of the vendor whose fields equal `fields` (the "one per …" rules), ignoring `exceptId`. */
export async function findRecordWith(client: Tx, kind: AnyRecordKindKey, vendorId: string, fields: Record<string, unknown>, exceptId?: string) {
  const table = RECORD_TABLES[kind];
  const where: Record<string, unknown> = { vendorId, ...(exceptId ? { NOT: { id: exceptId } } : {}) };
  for (const spec of table.columns) if (spec.field in fields) where[columnName(spec)] = fields[spec.field];
  return delegate(client, table.model).findFirst({ where, select: { id: true } });
}

interface NewRecord {
  kind: AnyRecordKindKey;
  vendorId: string;
  data: Record<string, unknown>;
  actorId: string;
  /** Imports keep a record's id, version and creation time. */
  id?: string;
  version?: number;
  createdAt?: Date;
}

function rowOf(table: RecordTable, record: NewRecord) {
  return {
    ...(record.id ? { id: record.id } : {}),
    vendorId: record.vendorId,
    ...toColumns(table, record.data),
    ...(record.version ? { version: record.version } : {}),
    createdById: record.actorId,
    updatedById: record.actorId,
    ...(record.createdAt ? { createdAt: record.createdAt } : {}),
  };
}

function joinRows(table: RecordTable, ownerId: string, data: Record<string, unknown>) {
  const list = table.joinList!;
  return joinListItems(table, data).map((item, position) => ({ [list.ownerColumn]: ownerId, [list.itemColumn]: item, position }));
}

async function writeJoinList(client: Tx, table: RecordTable, ownerId: string, data: Record<string, unknown>) {
  if (!table.joinList) return;
  const join = delegate(client, table.joinList.joinModel);
  await join.deleteMany({ where: { [table.joinList.ownerColumn]: ownerId } });
  const rows = joinRows(table, ownerId, data);
  if (rows.length > 0) await join.createMany({ data: rows });
}

export async function createRecord(client: Tx, record: NewRecord): Promise<StoredRecord> {
  const table = RECORD_TABLES[record.kind];
  const row = await delegate(client, table.model).create({ data: rowOf(table, record) });
  await writeJoinList(client, table, row.id, record.data);
  return (await findRecord(client, record.kind, record.vendorId, row.id))!;
}

/** Many new records at once (imports), written kind by kind so references resolve. */
export async function createRecords(client: Tx, records: readonly NewRecord[]): Promise<void> {
  for (const kind of KINDS_IN_WRITE_ORDER) {
    const ofKind = records.filter((r) => r.kind === kind);
    if (ofKind.length === 0) continue;
    const table = RECORD_TABLES[kind];
    if (table.joinList) {
      // Join rows need the record's id, which createMany does not return.
      for (const record of ofKind) await createRecord(client, record);
    } else {
      await delegate(client, table.model).createMany({ data: ofKind.map((r) => rowOf(table, r)) });
    }
  }
}

/** Replaces a record's fields if it is still at `version`; 0 when someone else changed it first. */
export async function updateRecord(client: Tx, kind: AnyRecordKindKey, change: { id: string; version: number; data: Record<string, unknown>; actorId: string }): Promise<number> {
  const table = RECORD_TABLES[kind];
  const { count } = await delegate(client, table.model).updateMany({
    where: { id: change.id, version: change.version },
    data: { ...toColumns(table, change.data), version: { increment: 1 }, updatedById: change.actorId },
  });
  if (count > 0) await writeJoinList(client, table, change.id, change.data);
  return count;
}

/** Deletes a record if it is still at `version`; 0 when someone else changed it first. */
export async function deleteRecord(client: Tx, kind: AnyRecordKindKey, id: string, version: number): Promise<number> {
  const { count } = await delegate(client, RECORD_TABLES[kind].model).deleteMany({ where: { id, version } });
  return count;
}

/** Every record of the vendor, citing records first so no reference is left dangling midway. */
export async function deleteVendorRecords(client: Tx, vendorId: string): Promise<void> {
  for (const kind of [...KINDS_IN_WRITE_ORDER].reverse()) await delegate(client, RECORD_TABLES[kind].model).deleteMany({ where: { vendorId } });
}
