import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { canonicalJson } from "@/lib/domain/audit/canonical-json";
import {
  AUDIT_HASHED_FIELDS,
  ChainVerifier,
  GENESIS_HASH,
  eventHashMatches,
  auditHashInput,
  hashEvent,
  verifyChain,
  type AuditEventHashFields,
  type ChainedAuditEvent,
} from "@/lib/domain/audit/hash-chain";

const T0 = Date.UTC(2025, 2, 1, 9, 0, 0, 0);

function fields(id: number): AuditEventHashFields {
  return {
    id,
    at: new Date(T0 + id * 1000),
    actorId: `user-${id % 3}`,
    actorEmail: `user${id % 3}@example.com`,
    action: id % 2 ? "vendor.update" : "evidence.upload",
    entityType: "Vendor",
    entityId: `vendor-${id % 4}`,
    vendorId: `vendor-${id % 4}`,
    before: id === 1 ? null : { name: "Acme BPO", city: "Zürich", tier: "high", n: id },
    after: { name: "Acme BPO", city: "東京", tier: "critical", n: id + 1, tags: ["🔐", "soc2"] },
    ip: "203.0.113.7",
    userAgent: "Mozilla/5.0",
  };
}

/** A correctly chained log of n events, ids 1..n, as a writer would store it. */
function buildChain(n: number): ChainedAuditEvent[] {
  const events: ChainedAuditEvent[] = [];
  let prev = GENESIS_HASH;
  for (let id = 1; id <= n; id++) {
    const f = fields(id);
    const hash = hashEvent(f, prev);
    events.push({ ...f, prevHash: prev, hash });
    prev = hash;
  }
  return events;
}

describe("hash format", () => {
  it("hashes every AuditEvent column except prevHash/hash, and includes the id", () => {
    expect([...AUDIT_HASHED_FIELDS].sort()).toEqual(
      ["action", "actorEmail", "actorId", "after", "at", "before", "entityId", "entityType", "id", "ip", "userAgent", "vendorId"],
    );
  });

  it("is SHA-256 over canonicalJson of the fields plus prevHash (recomputable by an auditor)", () => {
    const f = fields(7);
    const prev = "ab".repeat(32);
    const expectedInput = canonicalJson({ ...f, prevHash: prev });
    expect(auditHashInput(f, prev)).toBe(expectedInput);
    expect(hashEvent(f, prev)).toBe(createHash("sha256").update(expectedInput, "utf8").digest("hex"));
  });

  it("the fast serialiser gives the same bytes as canonicalJson for arbitrary events", () => {
    const optionalString = fc.option(fc.string(), { nil: null });
    const event = fc.record({
      id: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
      at: fc.date({ noInvalidDate: true }),
      actorId: optionalString,
      actorEmail: optionalString,
      action: fc.string(),
      entityType: fc.string(),
      entityId: optionalString,
      vendorId: optionalString,
      before: fc.option(fc.jsonValue(), { nil: null }),
      after: fc.option(fc.jsonValue(), { nil: null }),
      ip: optionalString,
      userAgent: optionalString,
    });
    fc.assert(
      fc.property(event, (e) => {
        expect(auditHashInput(e, GENESIS_HASH)).toBe(canonicalJson({ ...e, prevHash: GENESIS_HASH }));
      }),
      { numRuns: 500 },
    );
  });

  it("treats undefined and null columns alike (the writer may omit what the database returns as NULL)", () => {
    const withNulls = { ...fields(3), ip: null, userAgent: null, before: null };
    const { ip: _ip, userAgent: _ua, before: _b, ...omitted } = withNulls;
    expect(hashEvent(omitted, GENESIS_HASH)).toBe(hashEvent(withNulls, GENESIS_HASH));
  });

  it("hashes a Date and its ISO text alike, so a JSONL export can be re-verified", () => {
    const f = fields(4);
    expect(hashEvent({ ...f, at: (f.at as Date).toISOString() }, GENESIS_HASH)).toBe(hashEvent(f, GENESIS_HASH));
  });

  it("gives the same hash after a JSON round trip of before/after (what the database returns)", () => {
    const f = { ...fields(5), after: { when: new Date(T0), list: [1, undefined, 3], skip: undefined } };
    const stored = { ...f, after: JSON.parse(JSON.stringify(f.after)) as unknown };
    expect(hashEvent(stored, GENESIS_HASH)).toBe(hashEvent(f, GENESIS_HASH));
  });

  it("rejects a malformed prevHash or id when writing", () => {
    expect(() => hashEvent(fields(1), "xyz")).toThrow(/prevHash/);
    expect(() => hashEvent({ ...fields(1), id: 1.5 }, GENESIS_HASH)).toThrow(/integer/);
  });
});

describe("verifyChain", () => {
  it("accepts a good chain and reports its head", async () => {
    const chain = buildChain(25);
    const result = await verifyChain(chain);
    expect(result).toEqual({ ok: true, count: 25, headHash: chain[24]!.hash, headId: 25 });
  });

  it("accepts an empty log (head = genesis)", async () => {
    expect(await verifyChain([])).toEqual({ ok: true, count: 0, headHash: GENESIS_HASH, headId: null });
  });

  it("accepts batches from a sync or async source", async () => {
    const chain = buildChain(30);
    async function* pages() {
      for (let i = 0; i < chain.length; i += 7) yield chain.slice(i, i + 7);
    }
    expect((await verifyChain(pages())).ok).toBe(true);
    expect((await verifyChain([chain.slice(0, 10), chain.slice(10)])).ok).toBe(true);
  });

  // Each case tampers with the stored rows the way someone with database access could.
  it.each<[string, (c: ChainedAuditEvent[]) => ChainedAuditEvent[], number | null, string]>([
    ["a changed field (actor)", (c) => edit(c, 5, { actorEmail: "someone-else@example.com" }), 5, "hash-mismatch"],
    ["a changed Json value", (c) => edit(c, 9, { after: { ...(c[8]!.after as object), tier: "low" } }), 9, "hash-mismatch"],
    ["a changed timestamp", (c) => edit(c, 3, { at: new Date(T0) }), 3, "hash-mismatch"],
    ["a changed column set to NULL", (c) => edit(c, 6, { ip: null }), 6, "hash-mismatch"],
    ["a changed field with its hash recomputed", (c) => rehash(edit(c, 5, { action: "nothing.to.see" }), 5), 6, "prev-mismatch"],
    ["a deleted event", (c) => c.filter((e) => e.id !== 4), 5, "prev-mismatch"],
    ["the first event deleted", (c) => c.slice(1), 2, "genesis"],
    ["a forged event inserted (later ids renumbered)", (c) => insertForged(c, 5), 6, "prev-mismatch"],
    ["a non-integer id", (c) => [...c.slice(0, 4), { ...c[3]!, id: 4.5 }, ...c.slice(4)], null, "malformed"],
    ["two events' contents swapped (ids kept)", (c) => swapContents(c, 6, 7), 6, "prev-mismatch"],
    ["two events swapped with the prevHash links patched", (c) => patchLinks(swapContents(c, 6, 7)), 6, "hash-mismatch"],
    ["a wrong genesis", (c) => relinkFrom(c.map((e) => (e.id === 1 ? { ...e, prevHash: "1".repeat(64) } : e)), 1, "1".repeat(64)), 1, "genesis"],
    ["events fed out of id order (a duplicated row)", (c) => [...c.slice(0, 2), c[1]!, ...c.slice(2)], 2, "out-of-order"],
  ])("detects %s and names the first broken event", async (_name, tamper, brokenId, reason) => {
    const result = await verifyChain(tamper(buildChain(12)));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.brokenAt).toEqual({ id: brokenId, reason });
    if (brokenId !== null) expect(result.message).toContain(`event ${brokenId}`);
  });

  it("reports how many events verified before the break", async () => {
    const result = await verifyChain(edit(buildChain(10), 8, { action: "x" }));
    expect(result).toMatchObject({ ok: false, count: 7 });
  });

  it("stops reading the source at the first break", async () => {
    const chain = edit(buildChain(20), 3, { action: "x" });
    let pulled = 0;
    function* source() {
      for (const e of chain) {
        pulled++;
        yield e;
      }
    }
    await verifyChain(source());
    expect(pulled).toBe(3);
  });

  it("cannot see a truncated tail by itself, but can against the recorded head", async () => {
    const chain = buildChain(10);
    const truncated = chain.slice(0, 8);
    expect((await verifyChain(truncated)).ok).toBe(true);
    const result = await verifyChain(truncated, { expectedHeadHash: chain[9]!.hash });
    expect(result).toMatchObject({ ok: false, brokenAt: { id: 8, reason: "head-mismatch" } });
  });

  it("detects a rewritten history against checkpoints recorded earlier (e.g. in audit packs)", async () => {
    const chain = buildChain(10);
    const checkpoints = [{ id: 4, hash: chain[3]!.hash }, { id: 9, hash: chain[8]!.hash }];
    expect((await verifyChain(chain, { checkpoints })).ok).toBe(true);

    // Whole tail from event 6 rewritten with valid hashes: only an anchor can tell.
    const rewritten = relinkFrom(edit(chain, 6, { actorEmail: "mallory@example.com" }), 6);
    expect((await verifyChain(rewritten)).ok).toBe(true);
    expect(await verifyChain(rewritten, { checkpoints })).toMatchObject({ ok: false, brokenAt: { id: 9, reason: "checkpoint-mismatch" } });

    // An anchored event deleted and the rest relinked.
    const deleted = relinkFrom(chain.filter((e) => e.id !== 4), 5);
    expect(await verifyChain(deleted, { checkpoints })).toMatchObject({ ok: false, brokenAt: { id: 4, reason: "checkpoint-missing" } });

    // Tail cut below an anchor.
    expect(await verifyChain(chain.slice(0, 7), { checkpoints })).toMatchObject({ ok: false, brokenAt: { id: 9, reason: "checkpoint-missing" } });
  });

  it("continues from a verified position (incremental verification)", async () => {
    const chain = buildChain(10);
    const start = { afterId: 6, hash: chain[5]!.hash };
    expect(await verifyChain(chain.slice(6), { start })).toMatchObject({ ok: true, count: 4, headHash: chain[9]!.hash });
    const bad = await verifyChain(chain.slice(7), { start });
    expect(bad).toMatchObject({ ok: false, brokenAt: { id: 8, reason: "prev-mismatch" } });
  });

  it("splits into per-row hash checks and link checks for parallel verification", async () => {
    const chain = buildChain(10);
    expect(chain.every(eventHashMatches)).toBe(true);
    const edited = edit(chain, 4, { action: "x" });
    expect(edited.map(eventHashMatches).indexOf(false)).toBe(3);
    expect(eventHashMatches({ ...chain[0]!, id: 1.5 })).toBe(false);
    // Links only: an edit that keeps the links intact is not this pass's job...
    expect((await verifyChain(edited, { rowHashesVerified: true })).ok).toBe(true);
    // ...but a deleted row still breaks a link.
    const deleted = chain.filter((e) => e.id !== 4);
    expect(await verifyChain(deleted, { rowHashesVerified: true })).toMatchObject({ ok: false, brokenAt: { id: 5, reason: "prev-mismatch" } });
  });

  it("ignores events pushed after a break", () => {
    const chain = edit(buildChain(5), 2, { action: "x" });
    const v = new ChainVerifier();
    expect(chain.map((e) => v.push(e))).toEqual([true, false, false, false, false]);
    expect(v.result()).toMatchObject({ ok: false, count: 1, brokenAt: { id: 2 } });
  });

  it("any single-field edit anywhere is caught at that event", async () => {
    const chain = buildChain(15);
    const editable = AUDIT_HASHED_FIELDS.filter((f) => f !== "id");
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 15 }), fc.constantFrom(...editable), async (id, field) => {
        const value = field === "at" ? new Date(0) : field === "before" || field === "after" ? { tampered: true } : "tampered";
        const result = await verifyChain(edit(chain, id, { [field]: value }));
        expect(result).toMatchObject({ ok: false, brokenAt: { id, reason: "hash-mismatch" } });
      }),
      { numRuns: 60 },
    );
  });
});

function edit(chain: ChainedAuditEvent[], id: number, patch: Partial<ChainedAuditEvent>): ChainedAuditEvent[] {
  return chain.map((e) => (e.id === id ? { ...e, ...patch } : e));
}

/** Recompute the hash of event `id` only, as an attacker covering one edit would. */
function rehash(chain: ChainedAuditEvent[], id: number): ChainedAuditEvent[] {
  return chain.map((e) => (e.id === id ? { ...e, hash: hashEvent(e, e.prevHash) } : e));
}

/** Recompute prevHash/hash from event `fromId` on, as an attacker rewriting the tail would. */
function relinkFrom(chain: ChainedAuditEvent[], fromId: number, initialPrev?: string): ChainedAuditEvent[] {
  let prev = initialPrev ?? GENESIS_HASH;
  return chain.map((e) => {
    if (e.id < fromId) {
      prev = e.hash;
      return e;
    }
    const relinked = { ...e, prevHash: prev, hash: hashEvent(e, prev) };
    prev = relinked.hash;
    return relinked;
  });
}

/** A valid-looking event inserted at `id`, later rows renumbered but otherwise untouched. */
function insertForged(chain: ChainedAuditEvent[], id: number): ChainedAuditEvent[] {
  const prevHash = chain.find((e) => e.id === id - 1)!.hash;
  const forged = { ...fields(id), action: "forged", id };
  const shifted = chain.filter((e) => e.id >= id).map((e) => ({ ...e, id: e.id + 1 }));
  return [...chain.filter((e) => e.id < id), { ...forged, prevHash, hash: hashEvent(forged, prevHash) }, ...shifted];
}

/** Make every prevHash point at the stored hash of the row before it, leaving hashes alone. */
function patchLinks(chain: ChainedAuditEvent[]): ChainedAuditEvent[] {
  let prev = GENESIS_HASH;
  return chain.map((e) => {
    const patched = { ...e, prevHash: prev };
    prev = e.hash;
    return patched;
  });
}

/** Swap every stored column except id between two rows. */
function swapContents(chain: ChainedAuditEvent[], a: number, b: number): ChainedAuditEvent[] {
  const ea = chain.find((e) => e.id === a)!;
  const eb = chain.find((e) => e.id === b)!;
  return chain.map((e) => (e.id === a ? { ...eb, id: a } : e.id === b ? { ...ea, id: b } : e));
}
