// Read-only view of the adversarial server's own SQLite database (its private
// data directory, so no other spec writes to it). Used to pick real ids for
// generated inputs, and to prove that a refused request changed nothing: the
// suite sends its requests one at a time and compares the audit-log head and
// the row count of every domain table before and after each one.
import Database from "better-sqlite3";

/** Tables that change without a domain mutation: bookkeeping, throttling, session state. */
const BOOKKEEPING = /^(_prisma_migrations|sqlite_sequence|AuditEvent|AuditChainHead)$|throttle|rate|limit|session|denied|attempt/i;
/**
 * Caches the server's maintenance sweep prunes on its own (30 s after start,
 * then every 6 hours): a row may go while a request is in flight, so a
 * refused request is only held to not adding one.
 */
const CACHES = /^AssessmentReportPdf$/;

export interface Snapshot {
  auditHead: number;
  /** Rows of every domain table. */
  rows: number;
  /** Rows of the caches, which may shrink between two snapshots but never grow from a refused request. */
  cacheRows: number;
}

/** Whether anything a request could have written changed between two snapshots (the audit log is checked apart). */
export function rowsChanged(before: Snapshot, after: Snapshot): boolean {
  return after.rows !== before.rows || after.cacheRows > before.cacheRows;
}

const countAll = (tables: string[]) => (tables.length ? tables.map((t) => `(SELECT count(*) FROM "${t}")`).join(" + ") : "0");

export class DbProbe {
  private readonly db: Database.Database;
  private readonly countRows: Database.Statement;
  private readonly countCacheRows: Database.Statement;
  private readonly head: Database.Statement;
  private readonly since: Database.Statement;
  readonly domainTables: string[];

  constructor(file: string) {
    this.db = new Database(file, { readonly: true, fileMustExist: true });
    this.db.pragma("busy_timeout = 5000");
    const tables = this.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    const counted = tables.map((t) => t.name).filter((n) => !BOOKKEEPING.test(n));
    this.domainTables = counted.filter((n) => !CACHES.test(n));
    this.countRows = this.db.prepare(`SELECT ${countAll(this.domainTables)} AS n`);
    const caches = counted.filter((n) => CACHES.test(n));
    if (caches.length === 0) throw new Error(`no table matches ${CACHES}: a renamed cache would no longer be checked`);
    this.countCacheRows = this.db.prepare(`SELECT ${countAll(caches)} AS n`);
    this.head = this.db.prepare('SELECT coalesce(max(id), 0) AS id FROM "AuditEvent"');
    this.since = this.db.prepare('SELECT action FROM "AuditEvent" WHERE id > ? ORDER BY id');
  }

  snapshot(): Snapshot {
    const count = (statement: Database.Statement) => (statement.get() as { n: number }).n;
    return { auditHead: (this.head.get() as { id: number }).id, rows: count(this.countRows), cacheRows: count(this.countCacheRows) };
  }

  actionsSince(auditHead: number): string[] {
    return (this.since.all(auditHead) as { action: string }[]).map((r) => r.action);
  }

  ids(sql: string): string[] {
    return (this.db.prepare(sql).all() as { id: string }[]).map((r) => r.id);
  }

  users(): { id: string; role: string }[] {
    return this.db.prepare('SELECT id, role FROM "User"').all() as { id: string; role: string }[];
  }

  one<T>(sql: string): T | undefined {
    return this.db.prepare(sql).get() as T | undefined;
  }

  close() {
    this.db.close();
  }
}

/** Real ids of every kind, so generated inputs reach the services instead of stopping at "not found". */
export interface KnownIds {
  vendors: string[];
  users: { id: string; role: string }[];
  soc2Records: string[];
  contractRecords: string[];
  documents: string[];
  assessments: string[];
  remediation: string[];
  analyses: string[];
  all: string[];
}

export function knownIds(probe: DbProbe): KnownIds {
  // The first vendor has SOC 2 and contract records, so pages and probes that need both find them.
  const first = probe.one<{ id: string }>(`SELECT s."vendorId" AS id FROM "Soc2Report" s JOIN "Contract" c ON c."vendorId" = s."vendorId" LIMIT 1`)?.id;
  const vendors = probe.ids(`SELECT id FROM "Vendor" ORDER BY CASE WHEN id = '${first ?? ""}' THEN 0 ELSE 1 END, name LIMIT 50`);
  const users = probe.users();
  const soc2Records = probe.ids(`SELECT id FROM "Soc2Report" WHERE "vendorId" = '${vendors[0]}' LIMIT 20`);
  const contractRecords = probe.ids(`SELECT id FROM "Contract" WHERE "vendorId" = '${vendors[0]}' LIMIT 20`);
  const documents = probe.ids('SELECT id FROM "EvidenceDocument" LIMIT 20');
  const assessments = probe.ids('SELECT id FROM "Assessment" LIMIT 20');
  const remediation = probe.ids('SELECT id FROM "RemediationItem" LIMIT 20');
  const analyses = probe.ids('SELECT id FROM "ContractAnalysis" LIMIT 20');
  const all = [...vendors, ...users.map((u) => u.id), ...soc2Records, ...contractRecords, ...documents, ...assessments, ...remediation, ...analyses];
  return { vendors, users, soc2Records, contractRecords, documents, assessments, remediation, analyses, all };
}
