import { addDaysToDay, addMonthsToDay } from "@/lib/domain/dates";
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

interface DatedRow {
  kind: PortfolioDateKind;
  day: string;
  vendorId: string;
  vendorName: string;
  recordId: string;
}

/** One branch of the union: the records of one table whose `column` lies in [from, to] (or [from, to) for SOC 2 period ends). */
function branch(kind: PortfolioDateKind, table: string, column: string, from: string, to: string, take: number, extra = Prisma.empty, upperExclusive = false) {
  const upper = upperExclusive ? Prisma.sql`r.${Prisma.raw(`"${column}"`)} < ${to}` : Prisma.sql`r.${Prisma.raw(`"${column}"`)} <= ${to}`;
  return Prisma.sql`SELECT * FROM (
    SELECT ${kind} AS "kind", r.${Prisma.raw(`"${column}"`)} AS "day", r."vendorId" AS "vendorId", v."name" AS "vendorName", r."id" AS "recordId"
    FROM ${Prisma.raw(`"${table}"`)} r JOIN "Vendor" v ON v."id" = r."vendorId"
    WHERE r.${Prisma.raw(`"${column}"`)} >= ${from} AND ${upper} ${extra}
    ORDER BY r.${Prisma.raw(`"${column}"`)}, r."id" LIMIT ${take}) AS ${Prisma.raw(`"${kind}"`)}`;
}

/**
 * Every dated obligation in the range across the portfolio, soonest first:
 * ISO certificate and insurance expiries, the day each SOC 2 report goes
 * stale (docs/rules.md §2), contract notice deadlines and term ends (signed
 * contracts). One query: a union of range scans on the indexed date columns,
 * at most `take` rows of each kind.
 */
export async function portfolioDates(client: Tx, range: DateRange, settings: Settings, { kinds = PORTFOLIO_DATE_KINDS, take = 500 }: { kinds?: readonly PortfolioDateKind[]; take?: number } = {}): Promise<PortfolioDate[]> {
  const { from, to } = range;
  const months = settings.assurance.soc2StaleMonths;
  const signed = Prisma.sql`AND r."status" = 'signed'`;
  // Stale on day D exactly when the period end is before firstCurrentPeriodEnd(D): so a report
  // turns stale inside the range when it is stale on its last day but was not the day before it began.
  const branches = {
    iso_expiry: () => branch("iso_expiry", "IsoCertificate", "expiryDate", from, to, take),
    insurance_expiry: () => branch("insurance_expiry", "InsurancePolicy", "expiryDate", from, to, take),
    soc2_stale: () => branch("soc2_stale", "Soc2Report", "periodEnd", firstCurrentPeriodEnd(addDaysToDay(from, -1), months), firstCurrentPeriodEnd(to, months), take, Prisma.empty, true),
    contract_notice: () => branch("contract_notice", "Contract", "noticeDeadline", from, to, take, signed),
    contract_term_end: () => branch("contract_term_end", "Contract", "termEnd", from, to, take, signed),
  } satisfies Record<PortfolioDateKind, () => Prisma.Sql>;
  const wanted = PORTFOLIO_DATE_KINDS.filter((k) => kinds.includes(k));
  if (wanted.length === 0) return [];
  const rows = await client.$queryRaw<DatedRow[]>(Prisma.join(wanted.map((k) => branches[k]()), " UNION ALL "));
  return rows
    .map(({ kind, day, vendorId, vendorName, recordId }) => ({ kind, date: kind === "soc2_stale" ? addDaysToDay(addMonthsToDay(day, months), 1) : day, vendorId, vendorName, recordId }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.kind.localeCompare(b.kind) || a.recordId.localeCompare(b.recordId)));
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
