// Portfolio questions answered in SQL over the typed dossier tables must agree
// with the rules applied record by record: each answer is checked against a
// brute-force walk over every loaded dossier, using the domain's own
// functions day by day, on the demo portfolio.
import { addDays, format, parseISO } from "date-fns";
import { beforeAll, expect, it } from "vitest";
import { seedDemoData } from "@/lib/cli/seed";
import { soc2CurrencyState, soc2Status } from "@/lib/domain/assurance/soc2-status";
import type { Dossier } from "@/lib/schemas/dossier";
import { DEFAULT_SETTINGS } from "@/lib/schemas/settings";
import { loadDossier } from "@/lib/server/dossier/load-dossier";
import { portfolioDates, vendorsWithStaleSoc2, type PortfolioDate } from "@/lib/server/services/portfolio-queries";
import { forEachProvider } from "../helpers/test-database";

const NOW = new Date("2026-12-06T10:00:00Z");
const FROM = "2026-09-01";
const TO = "2027-12-31";

const day = (d: string, n = 0) => format(addDays(parseISO(d), n), "yyyy-MM-dd");
const at = (d: string) => new Date(`${d}T12:00:00Z`);
function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = day(d, 1)) out.push(d);
  return out;
}

forEachProvider("portfolio queries in SQL", (t) => {
  const dossiers: { id: string; name: string; dossier: Dossier }[] = [];
  beforeAll(async () => {
    expect(await seedDemoData({ now: NOW })).toBe("seeded");
    for (const v of await t.db.vendor.findMany({ select: { id: true, name: true } })) {
      const loaded = await t.db.$transaction((tx) => loadDossier(tx, v.id));
      dossiers.push({ id: v.id, name: v.name, dossier: loaded!.dossier });
    }
  });

  function bruteForce(): PortfolioDate[] {
    const out: PortfolioDate[] = [];
    const push = (kind: PortfolioDate["kind"], date: string | undefined, v: (typeof dossiers)[number], recordId: string) => {
      if (date !== undefined && date >= FROM && date <= TO) out.push({ kind, date, vendorId: v.id, vendorName: v.name, recordId });
    };
    const days = daysBetween(day(FROM, -1), TO);
    for (const v of dossiers) {
      for (const c of v.dossier.isoCertificates) push("iso_expiry", c.expiryDate, v, c.id);
      for (const p of v.dossier.insurancePolicies) push("insurance_expiry", p.expiryDate, v, p.id);
      for (const r of v.dossier.soc2Reports) {
        // The first day the rules call this report stale.
        const firstStale = days.find((d, i) => i > 0 && soc2CurrencyState(r, DEFAULT_SETTINGS, at(d)) === "stale" && soc2CurrencyState(r, DEFAULT_SETTINGS, at(days[i - 1]!)) !== "stale");
        push("soc2_stale", firstStale, v, r.id);
      }
      for (const c of v.dossier.legal.contracts.filter((c) => c.status === "signed")) {
        push("contract_term_end", c.termEnd, v, c.id);
        if (c.termEnd) push("contract_notice", day(c.termEnd, -(c.noticePeriodDays ?? 0)), v, c.id);
      }
    }
    return out;
  }

  it("lists every expiry, staleness date and notice deadline in a range, as the rules date them", async () => {
    const expected = bruteForce();
    expect(new Set(expected.map((d) => d.kind)).size, "the demo portfolio has dates of every kind in the range").toBe(5);
    const actual = await portfolioDates(t.db, { from: FROM, to: TO }, DEFAULT_SETTINGS);
    const key = (d: PortfolioDate) => `${d.date} ${d.kind} ${d.recordId}`;
    expect(actual.map(key)).toEqual(expected.map(key).sort());
    expect(actual.every((d) => dossiers.find((v) => v.id === d.vendorId)?.name === d.vendorName)).toBe(true);
  });

  it("answers 'SOC 2 stale as of a date' exactly as the SOC 2 rules judge each vendor", async () => {
    for (const asOf of ["2026-06-30", "2026-12-06", "2027-03-31", "2027-09-15"]) {
      const expected = dossiers.filter((v) => soc2Status(v.dossier, DEFAULT_SETTINGS, at(asOf)).state === "stale").map((v) => v.id).sort();
      expect(await vendorsWithStaleSoc2(t.db, asOf, DEFAULT_SETTINGS), asOf).toEqual(expected);
    }
  });
});

