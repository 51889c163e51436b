import { addDays, format, parseISO } from "date-fns";
import { addMonthsToDay } from "@/lib/domain/dates";
import { firstCurrentPeriodEnd } from "@/lib/domain/assurance/soc2-status";
import type { Settings } from "@/lib/schemas/settings";
import type { Actor } from "../actor";
import { requirePermission } from "../authorize";
import { db, Prisma, type Tx } from "../db";
import { loadSettings } from "./settings";

// Questions about the whole portfolio, answered by the database over the
// typed dossier tables (prisma/schema.prisma, "the dossier"): each kind of
// date is one range query on an indexed column, so the cost follows the
// number of answers, not the number of vendors.

export const PORTFOLIO_DATE_KINDS = ["iso_expiry", "insurance_expiry", "soc2_stale", "contract_notice", "contract_term_end"] as const;
export type PortfolioDateKind = (typeof PORTFOLIO_DATE_KINDS)[number];

export interface PortfolioDate {
  kind: PortfolioDateKind;
  /** "YYYY-MM-DD": the day the evidence lapses or the deadline falls. */
  date: string;
  vendorId: string;
  vendorName: string;
  /** The dossier record the date comes from. */
  recordId: string;
}

export interface DateRange {
  /** First and last day, inclusive, "YYYY-MM-DD". */
  from: string;
  to: string;
}

const vendorName = { vendor: { select: { name: true } } } as const;

function dayAfter(day: string): string {
  return format(addDays(parseISO(day), 1), "yyyy-MM-dd");
}

function dayBefore(day: string): string {
  return format(addDays(parseISO(day), -1), "yyyy-MM-dd");
}

/**
 * Every dated obligation in the range across the portfolio, soonest first:
 * ISO certificate and insurance expiries, the day each SOC 2 report goes
 * stale (docs/rules.md §2), contract notice deadlines and term ends. At most
 * `take` of each kind.
 */
export async function portfolioDates(client: Tx, range: DateRange, settings: Settings, { kinds = PORTFOLIO_DATE_KINDS, take = 500 }: { kinds?: readonly PortfolioDateKind[]; take?: number } = {}): Promise<PortfolioDate[]> {
  const between = { gte: range.from, lte: range.to };
  const out: PortfolioDate[] = [];
  const add = (kind: PortfolioDateKind, rows: { id: string; vendorId: string; vendor: { name: string }; date: string | null }[]) => {
    for (const row of rows) out.push({ kind, date: row.date!, vendorId: row.vendorId, vendorName: row.vendor.name, recordId: row.id });
  };
  if (kinds.includes("iso_expiry")) {
    const rows = await client.isoCertificate.findMany({ where: { expiryDate: between }, orderBy: [{ expiryDate: "asc" }, { id: "asc" }], take, select: { id: true, vendorId: true, expiryDate: true, ...vendorName } });
    add("iso_expiry", rows.map((r) => ({ ...r, date: r.expiryDate })));
  }
  if (kinds.includes("insurance_expiry")) {
    const rows = await client.insurancePolicy.findMany({ where: { expiryDate: between }, orderBy: [{ expiryDate: "asc" }, { id: "asc" }], take, select: { id: true, vendorId: true, expiryDate: true, ...vendorName } });
    add("insurance_expiry", rows.map((r) => ({ ...r, date: r.expiryDate })));
  }
  if (kinds.includes("soc2_stale")) {
    // Stale on day D exactly when the period end is before firstCurrentPeriodEnd(D): so a report
    // turns stale inside the range when it is stale on its last day but was not the day before it began.
    const months = settings.assurance.soc2StaleMonths;
    const periodEnds = { gte: firstCurrentPeriodEnd(dayBefore(range.from), months), lt: firstCurrentPeriodEnd(range.to, months) };
    const rows = await client.soc2Report.findMany({ where: { periodEnd: periodEnds }, orderBy: [{ periodEnd: "asc" }, { id: "asc" }], take, select: { id: true, vendorId: true, periodEnd: true, ...vendorName } });
    add("soc2_stale", rows.map((r) => ({ ...r, date: dayAfter(addMonthsToDay(r.periodEnd, months)) })));
  }
  if (kinds.includes("contract_notice")) {
    const rows = await client.contract.findMany({ where: { noticeDeadline: between, status: "signed" }, orderBy: [{ noticeDeadline: "asc" }, { id: "asc" }], take, select: { id: true, vendorId: true, noticeDeadline: true, ...vendorName } });
    add("contract_notice", rows.map((r) => ({ ...r, date: r.noticeDeadline })));
  }
  if (kinds.includes("contract_term_end")) {
    const rows = await client.contract.findMany({ where: { termEnd: between, status: "signed" }, orderBy: [{ termEnd: "asc" }, { id: "asc" }], take, select: { id: true, vendorId: true, termEnd: true, ...vendorName } });
    add("contract_term_end", rows.map((r) => ({ ...r, date: r.termEnd })));
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.kind.localeCompare(b.kind) || a.recordId.localeCompare(b.recordId)));
}

/**
 * The vendors whose SOC 2 assurance is stale on `day`: the report currency is
 * judged on (the newest Type II, else the newest of any type, ignoring reports
 * whose period had not ended by then; docs/rules.md §2) ended before
 * firstCurrentPeriodEnd(day). One grouped query over the SOC 2 table.
 */
export async function vendorsWithStaleSoc2(client: Tx, day: string, settings: Settings): Promise<string[]> {
  const cutoff = firstCurrentPeriodEnd(day, settings.assurance.soc2StaleMonths);
  const rows = await client.$queryRaw<{ vendorId: string }[]>(Prisma.sql`
    SELECT "vendorId" FROM "Soc2Report"
    WHERE "periodEnd" <= ${day}
    GROUP BY "vendorId"
    HAVING COALESCE(MAX(CASE WHEN "type" = 'type2' THEN "periodEnd" END), MAX("periodEnd")) < ${cutoff}
    ORDER BY "vendorId"`);
  return rows.map((r) => r.vendorId);
}

/** What the portfolio calendar and dashboard read: dated obligations in a range, for any signed-in role. */
export async function listPortfolioDates({ actor, range, kinds }: { actor: Actor; range: DateRange; kinds?: readonly PortfolioDateKind[] }): Promise<PortfolioDate[]> {
  requirePermission(actor, "vendor.read");
  const client = db();
  return portfolioDates(client, range, await loadSettings(client), { kinds });
}
