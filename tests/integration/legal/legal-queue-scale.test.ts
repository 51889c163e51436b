import { beforeAll, expect, it } from "vitest";
import { TIERS } from "@/lib/domain/vocabulary";
import { listLegalQueue } from "@/lib/server/services/legal-queue";
import type { LegalQueueRow } from "@/lib/schemas/views/legal-queue";
import { ensureSettings, makeActor } from "../helpers/fixtures";
import { forEachProvider } from "../helpers/test-database";

// The legal queue above SQLite's parameter limit: it once loaded every vendor
// and passed all their ids in one IN (...) with an orderBy, which Prisma
// cannot split (P2029, an HTTP 500 above 991 vendors), and rendered them all
// on one page. Now SQL selects, orders and pages it.

const VENDORS = 1_250;
type Kind = "blocker" | "signed" | "outdated" | "unsigned" | "offboarded";
const KINDS: Kind[] = ["blocker", "signed", "outdated", "unsigned", "offboarded"];
const kindOf = (i: number) => KINDS[i % KINDS.length]!;
const tierOf = (i: number) => TIERS[Math.floor(i / KINDS.length) % TIERS.length]!;
const nameOf = (i: number) => `Scale ${String(i).padStart(5, "0")}`;
const priorityOf: Partial<Record<Kind, number>> = { blocker: 0, outdated: 1, unsigned: 2 };

forEachProvider("legal queue at more than a thousand vendors", (t) => {
  beforeAll(async () => {
    await ensureSettings();
    const now = new Date();
    const vendors = Array.from({ length: VENDORS }, (_, i) => ({
      id: `scale-${i}`,
      name: nameOf(i),
      searchName: nameOf(i).toLowerCase(),
      legalName: `${nameOf(i)} Ltd`,
      country: "DE",
      tier: tierOf(i),
      tierRank: TIERS.indexOf(tierOf(i)),
      status: kindOf(i) === "offboarded" ? "offboarded" : "active",
      legalBlockerCount: kindOf(i) === "blocker" ? 1 : 0,
      legalRevision: kindOf(i) === "outdated" ? 2 : 1,
      findingsAt: now,
    }));
    for (let i = 0; i < vendors.length; i += 100) await t.db.vendor.createMany({ data: vendors.slice(i, i + 100) });
    const signOffs = vendors
      .map((v, i) => ({ v, kind: kindOf(i) }))
      .filter(({ kind }) => kind === "signed" || kind === "outdated")
      .map(({ v }) => ({ vendorId: v.id, signedById: "someone", comment: "", legalRevision: 1, signedAt: now }));
    for (let i = 0; i < signOffs.length; i += 100) await t.db.legalSignOff.createMany({ data: signOffs.slice(i, i + 100) });
  }, 120_000);

  it("counts, orders and pages the whole queue without loading it", async () => {
    const legal = await makeActor("legal");
    const expected = Array.from({ length: VENDORS }, (_, i) => i).filter((i) => priorityOf[kindOf(i)] !== undefined);
    const seen: LegalQueueRow[] = [];
    let total = -1;
    for (let page = 1; ; page++) {
      const result = await listLegalQueue({ actor: legal, query: { page, pageSize: 100 } });
      total = result.total;
      expect(result.rows.length).toBeLessThanOrEqual(100);
      seen.push(...result.rows);
      if (result.rows.length < 100) break;
    }
    expect(total).toBe(expected.length);
    expect(seen.map((r) => r.vendor.name).sort()).toEqual(expected.map(nameOf).sort());
    // Blockers, then outdated sign-offs, then never signed off; most critical tier first within each.
    const keys = seen.map((r) => {
      const i = Number(r.vendor.name.slice("Scale ".length));
      return [priorityOf[kindOf(i)]!, TIERS.indexOf(tierOf(i)), r.vendor.name] as const;
    });
    for (let k = 1; k < keys.length; k++) {
      const [a, b] = [keys[k - 1]!, keys[k]!];
      expect(a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] < b[2])))).toBe(true);
    }
    const outdated = seen.find((r) => kindOf(Number(r.vendor.name.slice(6))) === "outdated");
    expect(outdated?.signOff?.legalRevision).toBe(1);
    expect(outdated?.outdated).not.toBeNull();
  }, 120_000);

  it("filters by reason, tier and name in SQL", async () => {
    const legal = await makeActor("legal");
    const count = (pred: (i: number) => boolean) => Array.from({ length: VENDORS }, (_, i) => i).filter(pred).length;
    expect((await listLegalQueue({ actor: legal, query: { reason: "blocker" } })).total).toBe(count((i) => kindOf(i) === "blocker"));
    expect((await listLegalQueue({ actor: legal, query: { reason: "outdated" } })).total).toBe(count((i) => kindOf(i) === "outdated"));
    expect((await listLegalQueue({ actor: legal, query: { reason: "unsigned" } })).total).toBe(count((i) => kindOf(i) === "unsigned" || kindOf(i) === "blocker")); // the blocked vendors were never signed off either
    const critical = await listLegalQueue({ actor: legal, query: { tier: "critical", pageSize: 5 } });
    expect(critical.total).toBe(count((i) => priorityOf[kindOf(i)] !== undefined && tierOf(i) === "critical"));
    expect(critical.rows.every((r) => r.vendor.tier === "critical")).toBe(true);
    const one = await listLegalQueue({ actor: legal, query: { q: nameOf(2).toUpperCase() } });
    expect(one.rows.map((r) => r.vendor.name)).toEqual([nameOf(2)]);
    // A LIKE wildcard in the search is text, not a pattern.
    expect((await listLegalQueue({ actor: legal, query: { q: "%" } })).total).toBe(0);
    const byNameDesc = await listLegalQueue({ actor: legal, query: { sort: "name", dir: "desc", pageSize: 5 } });
    const last = Math.max(...Array.from({ length: VENDORS }, (_, i) => i).filter((i) => priorityOf[kindOf(i)] !== undefined));
    expect(byNameDesc.rows[0]?.vendor.name).toBe(nameOf(last));
  }, 120_000);
});
