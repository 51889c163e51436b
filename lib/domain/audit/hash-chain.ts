// Tamper-evident audit trail (docs/rules.md §10): every audit event stores the
// previous event's hash and its own, hash = SHA-256 over the canonical JSON
// (canonical-json.ts) of the hashed fields plus prevHash. Chain format "v1":
//
//   hash = sha256_hex(utf8(canonicalJson({ <AUDIT_HASHED_FIELDS>, prevHash })))
//
// with every field present (undefined and SQL NULL both written as null), so
// an auditor can recompute any row from its CSV/JSONL export. The id is hashed
// so a row cannot be moved to another position, and prevHash links rows so a
// deleted, inserted or reordered row breaks the link at the next row.
//
// What a chain alone cannot show: that rows were cut off the end, or that the
// whole tail was rewritten with fresh hashes. For that compare against an
// anchor kept elsewhere: `expectedHeadHash` (the head row) or `checkpoints`
// (the head hash every audit pack records in its manifest).
//
// Pure: no I/O. node:crypto is used only as a hash function.
import { createHash, hash as oneShotHash } from "node:crypto";
import { canonicalJson, canonicalString, isoUtc } from "./canonical-json";

export const CHAIN_VERSION = "assay-audit-chain-v1";
/** prevHash of the first event ever written. */
export const GENESIS_HASH = "0".repeat(64);

/** Every column of AuditEvent that the hash covers, i.e. all but prevHash/hash. */
export const AUDIT_HASHED_FIELDS = [
  "id",
  "at",
  "actorId",
  "actorEmail",
  "action",
  "entityType",
  "entityId",
  "vendorId",
  "before",
  "after",
  "ip",
  "userAgent",
] as const;

export interface AuditEventHashFields {
  id: number;
  /** A Date, or the exact toISOString() text of one (as in a JSONL export). */
  at: Date | string;
  actorId?: string | null;
  actorEmail?: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  vendorId?: string | null;
  /** Json columns: hashed as the value the database gives back (see canonical-json.ts). */
  before?: unknown;
  after?: unknown;
  ip?: string | null;
  userAgent?: string | null;
}

export interface ChainedAuditEvent extends AuditEventHashFields {
  prevHash: string;
  hash: string;
}

const HASH_RE = /^[0-9a-f]{64}$/;
export function isChainHash(value: unknown): value is string {
  return typeof value === "string" && HASH_RE.test(value);
}

// Keys in canonical (sorted) order with their JSON prefixes, computed once:
// building the string directly is ~2x faster than canonicalJson on a fresh
// object, and a unit test proves both give identical bytes.
const HASH_KEYS: readonly string[] = [...AUDIT_HASHED_FIELDS, "prevHash"].sort();
const KEY_PREFIXES = HASH_KEYS.map((k, i) => (i === 0 ? "{" : ",") + JSON.stringify(k) + ":");

/** The exact string that is hashed; exported for auditors and tests. */
export function auditHashInput(fields: AuditEventHashFields, prevHash: string): string {
  if (!Number.isSafeInteger(fields.id)) throw new TypeError(`audit event id must be an integer, got ${String(fields.id)}`);
  if (!isChainHash(prevHash)) throw new TypeError(`prevHash must be 64 lowercase hex characters (event ${fields.id})`);
  return hashInput(fields, prevHash);
}

// The verifier skips auditHashInput's checks: it only hashes a prevHash equal
// to one it already trusts, and the regex alone cost ~10% of a 1M-row check.
function hashInput(fields: AuditEventHashFields, prevHash: string): string {
  const record = fields as unknown as Record<string, unknown>;
  let out = "";
  for (let i = 0; i < HASH_KEYS.length; i++) {
    const key = HASH_KEYS[i]!;
    out += KEY_PREFIXES[i]! + hashedValue(key === "prevHash" ? prevHash : record[key]);
  }
  return out + "}";
}

// Scalar columns short-cut canonicalJson's dispatch; same bytes either way.
function hashedValue(value: unknown): string {
  if (value === undefined || value === null) return "null";
  if (typeof value === "string") return canonicalString(value);
  if (value instanceof Date) return '"' + isoUtc(value) + '"';
  return canonicalJson(value);
}

const sha256Hex: (s: string) => string =
  typeof oneShotHash === "function"
    ? (s) => oneShotHash("sha256", s, "hex")
    : (s) => createHash("sha256").update(s, "utf8").digest("hex");

/** Hash of one event given the hash of the event before it (GENESIS_HASH for the first). */
export function hashEvent(fields: AuditEventHashFields, prevHash: string): string {
  return sha256Hex(auditHashInput(fields, prevHash));
}

export type ChainBreakReason =
  | "genesis" // first event does not start from GENESIS_HASH (or from opts.start)
  | "prev-mismatch" // prevHash is not the previous row's hash: a row was deleted, inserted or reordered
  | "hash-mismatch" // the row's fields do not hash to its stored hash: the row was edited
  | "out-of-order" // ids not strictly increasing (caller must feed ORDER BY id)
  | "malformed" // the row cannot be hashed at all (bad id, unserialisable Json)
  | "checkpoint-mismatch" // a row hashes fine but differs from an anchor recorded earlier
  | "checkpoint-missing" // an anchored row no longer exists
  | "head-mismatch"; // the last row is not the expected head: rows were cut off the end

export interface ChainBreak {
  /** The first broken event; for a missing checkpoint the id that is gone; null if the chain is empty. */
  id: number | null;
  reason: ChainBreakReason;
}

export type ChainVerification =
  | { ok: true; count: number; headHash: string; headId: number | null }
  /** count = events that verified before the break. */
  | { ok: false; count: number; brokenAt: ChainBreak; message: string };

/**
 * Does the row's stored hash match its own contents and prevHash? No link
 * check. Independent per row, so a verifier can run it in worker threads and
 * pass `rowHashesVerified` to ChainVerifier for the (cheap) link checks.
 */
export function eventHashMatches(event: ChainedAuditEvent): boolean {
  try {
    return Number.isSafeInteger(event.id) && isChainHash(event.prevHash) && sha256Hex(hashInput(event, event.prevHash)) === event.hash;
  } catch {
    return false;
  }
}

export interface ChainVerifyOptions {
  /** Continue from a verified position instead of genesis (incremental checks). */
  start?: { afterId: number; hash: string };
  /** Known (id, hash) anchors, e.g. from earlier audit pack manifests. */
  checkpoints?: Iterable<{ id: number; hash: string }>;
  /** The head recorded outside the chain (head row, last pack); detects truncation. */
  expectedHeadHash?: string;
  /**
   * Every row's eventHashMatches() was already checked elsewhere (in parallel):
   * only check order, links and anchors here. The caller then reports the
   * lower id of the two first failures.
   */
  rowHashesVerified?: boolean;
}

/**
 * Incremental verifier: push events in id order, read result() at the end.
 * Holds O(checkpoints) memory, so it can check millions of rows page by page.
 */
export class ChainVerifier {
  private prevHash: string;
  private lastId: number | null;
  private readonly fromGenesis: boolean;
  private readonly checkpoints: { id: number; hash: string }[];
  private nextCheckpoint = 0;
  private verified = 0;
  private failure: { brokenAt: ChainBreak; message: string } | null = null;

  constructor(private readonly opts: ChainVerifyOptions = {}) {
    this.prevHash = opts.start?.hash ?? GENESIS_HASH;
    this.lastId = opts.start?.afterId ?? null;
    this.fromGenesis = opts.start === undefined;
    this.checkpoints = [...(opts.checkpoints ?? [])].sort((a, b) => a.id - b.id);
    while (this.lastId !== null && this.checkpoints[this.nextCheckpoint] && this.checkpoints[this.nextCheckpoint]!.id <= this.lastId) {
      this.nextCheckpoint++;
    }
  }

  get broken(): boolean {
    return this.failure !== null;
  }

  /** Returns false once the chain is broken; later events are ignored. */
  push(event: ChainedAuditEvent): boolean {
    if (this.failure) return false;
    const id = event.id;
    if (!Number.isSafeInteger(id)) return this.fail(null, "malformed", `audit event with non-integer id ${String(id)}`);
    if (this.lastId !== null && id <= this.lastId) {
      return this.fail(id, "out-of-order", `audit event ${id} comes after event ${this.lastId}; events must be read in id order`);
    }
    const skipped = this.checkpoints[this.nextCheckpoint];
    if (skipped && skipped.id < id) {
      return this.fail(skipped.id, "checkpoint-missing", `audit event ${skipped.id} was recorded in an earlier anchor but no longer exists`);
    }
    if (event.prevHash !== this.prevHash) {
      if (this.verified === 0 && this.fromGenesis) {
        return this.fail(id, "genesis", `audit event ${id} is the first event but does not start from the genesis hash (earlier events deleted, or chain rewritten)`);
      }
      const after = this.lastId === null ? "the start position" : `event ${this.lastId}`;
      return this.fail(id, "prev-mismatch", `audit event ${id}: prevHash does not match the hash of ${after} (an event was deleted, inserted or reordered)`);
    }
    if (!this.opts.rowHashesVerified) {
      let computed: string;
      try {
        computed = sha256Hex(hashInput(event, event.prevHash));
      } catch (err) {
        return this.fail(id, "malformed", `audit event ${id} cannot be hashed: ${(err as Error).message}`);
      }
      if (computed !== event.hash) {
        return this.fail(id, "hash-mismatch", `audit event ${id}: stored hash does not match its contents (the row was edited)`);
      }
    }
    const checkpoint = this.checkpoints[this.nextCheckpoint];
    if (checkpoint && checkpoint.id === id) {
      if (checkpoint.hash !== event.hash) {
        return this.fail(id, "checkpoint-mismatch", `audit event ${id} differs from the hash recorded in an earlier anchor (history was rewritten)`);
      }
      this.nextCheckpoint++;
    }
    this.prevHash = event.hash;
    this.lastId = id;
    this.verified++;
    return true;
  }

  result(): ChainVerification {
    if (this.failure) return { ok: false, count: this.verified, ...this.failure };
    const pending = this.checkpoints[this.nextCheckpoint];
    if (pending) {
      return {
        ok: false,
        count: this.verified,
        brokenAt: { id: pending.id, reason: "checkpoint-missing" },
        message: `audit event ${pending.id} was recorded in an earlier anchor but the log now ends at ${this.lastId ?? "nothing"} (events cut off the end)`,
      };
    }
    const expected = this.opts.expectedHeadHash;
    if (expected !== undefined && expected !== this.prevHash) {
      return {
        ok: false,
        count: this.verified,
        brokenAt: { id: this.lastId, reason: "head-mismatch" },
        message: `the audit log ends at ${this.lastId === null ? "no event" : `event ${this.lastId}`} whose hash is not the recorded head (events cut off the end, or head rewritten)`,
      };
    }
    return { ok: true, count: this.verified, headHash: this.prevHash, headId: this.lastId };
  }

  private fail(id: number | null, reason: ChainBreakReason, message: string): false {
    this.failure = { brokenAt: { id, reason }, message };
    return false;
  }
}

type ChainInput = ChainedAuditEvent | readonly ChainedAuditEvent[];

/**
 * Verify a whole chain read in id order. Accepts single events or batches
 * (pages from the database), sync or async; stops reading at the first break.
 */
export async function verifyChain(
  source: Iterable<ChainInput> | AsyncIterable<ChainInput>,
  opts: ChainVerifyOptions = {},
): Promise<ChainVerification> {
  const verifier = new ChainVerifier(opts);
  for await (const item of source as AsyncIterable<ChainInput>) {
    if (isBatch(item)) {
      for (const event of item) if (!verifier.push(event)) break;
    } else {
      verifier.push(item);
    }
    if (verifier.broken) break;
  }
  return verifier.result();
}

function isBatch(item: ChainInput): item is readonly ChainedAuditEvent[] {
  return Array.isArray(item);
}
