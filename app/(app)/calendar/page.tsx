import type { Metadata } from "next";
import Link from "next/link";
import { FeedPanel } from "@/components/calendar/feed-panel";
import { MonthGrid, type GridItem } from "@/components/calendar/month-grid";
import styles from "@/components/calendar/calendar.module.css";
import { DataTable } from "@/components/ui/data-table";
import { FilterToolbar } from "@/components/ui/filter-toolbar";
import { DayText } from "@/components/ui/relative-date";
import { SelectField } from "@/components/ui/select-field";
import { CALENDAR_KINDS, CALENDAR_KIND_INFO, CALENDAR_TEAMS, CALENDAR_TEAM_LABELS, monthGridWeeks } from "@/lib/domain/calendar/obligations";
import { addMonthsToDay, formatDayForPeople, formatIsoDay } from "@/lib/domain/dates";
import { TIERS, TIER_LABELS, type Tier } from "@/lib/domain/vocabulary";
import { calendarQuerySchema, type CalendarFilter, type CalendarQuery } from "@/lib/schemas/calendar";
import { firstValues, linkParams } from "@/lib/schemas/search-params";
import { requirePageActor } from "@/lib/server/auth";
import { calendarListPage, calendarMonth, calendarOwners } from "@/lib/server/services/calendar";
import { currentCalendarFeed } from "@/lib/server/services/calendar-feed";
import type { PortfolioDate } from "@/lib/server/services/portfolio-queries";
import { createCalendarFeedAction, revokeCalendarFeedAction } from "./actions";

export const metadata: Metadata = { title: "Renewal calendar" };

const MONTH_NAME = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

function hrefOf(item: PortfolioDate): string {
  return `/vendors/${item.vendorId}/${CALENDAR_KIND_INFO[item.kind].tab}`;
}

function filterText(filter: CalendarFilter, owners: { value: string; label: string }[]): string {
  const parts = [
    filter.owner ? `owner: ${owners.find((o) => o.value === filter.owner)?.label ?? "someone else"}` : null,
    filter.team ? `team: ${CALENDAR_TEAM_LABELS[filter.team]}` : null,
    filter.tier ? `tier: ${TIER_LABELS[filter.tier]}` : null,
    filter.kind ? `kind: ${CALENDAR_KIND_INFO[filter.kind].label}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(", ") : "every date";
}

/** Every dated obligation across the portfolio, as a month or a list, filtered by owner, team, tier and kind (filters in the URL). */
export default async function CalendarPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const actor = await requirePageActor("vendor.read");
  const query = calendarQuerySchema.parse(firstValues(await searchParams));
  const now = new Date();
  const today = formatIsoDay(now);
  const [ownerRows, feed] = await Promise.all([calendarOwners({ actor }), currentCalendarFeed({ actor })]);
  const owners = [{ value: "me", label: "Vendors I own" }, ...ownerRows.filter((o) => o.id !== actor.id).map((o) => ({ value: o.id, label: o.name }))];
  const filters = { owner: query.owner, team: query.team, tier: query.tier, kind: query.kind };
  const filtered = Object.values(filters).some((v) => v !== undefined);
  const params = linkParams({ ...filters, view: query.view, month: query.month });
  const href = (over: Partial<Record<keyof CalendarQuery, string | undefined>>) => `/calendar?${new URLSearchParams(linkParams({ ...params, ...over }))}`;
  const options = {
    teams: CALENDAR_TEAMS.map((t) => ({ value: t, label: CALENDAR_TEAM_LABELS[t] })),
    tiers: TIERS.map((t) => ({ value: t, label: TIER_LABELS[t] })),
    kinds: CALENDAR_KINDS.map((k) => ({ value: k, label: CALENDAR_KIND_INFO[k].label })),
  };

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Renewal calendar</h1>
          <p className="muted">Expiries, staleness dates, notice deadlines, reviews, reassessments and remediation across the portfolio.</p>
        </div>
        <nav className={styles.views} aria-label="Calendar view">
          <Link className="btn" href={href({ view: "month", page: undefined })} aria-current={query.view === "month" ? "page" : undefined}>Month</Link>
          <Link className="btn" href={href({ view: "list", page: undefined })} aria-current={query.view === "list" ? "page" : undefined}>List</Link>
        </nav>
      </div>

      <FilterToolbar label="Filter the calendar" clearHref={`/calendar?view=${query.view}`} filtered={filtered} keep={linkParams({ view: query.view, month: query.month })}>
        <SelectField id="owner" name="owner" label="Owner" defaultValue={query.owner ?? ""} placeholder="Any owner" options={owners} />
        <SelectField id="team" name="team" label="Team" defaultValue={query.team ?? ""} placeholder="Every team" options={options.teams} />
        <SelectField id="tier" name="tier" label="Tier" defaultValue={query.tier ?? ""} placeholder="Any tier" options={options.tiers} />
        <SelectField id="kind" name="kind" label="Kind" defaultValue={query.kind ?? ""} placeholder="Every kind" options={options.kinds} />
      </FilterToolbar>

      {query.view === "month" ? <MonthView query={query} actor={actor} now={now} today={today} href={href} /> : <ListView query={query} actor={actor} now={now} href={href} />}

      <FeedPanel
        feed={feed ? { createdAt: feed.createdAt.toISOString(), lastUsedAt: feed.lastUsedAt?.toISOString() ?? null, filtersText: filterText(feed.filters, owners) } : null}
        initial={filters}
        owners={owners}
        {...options}
        now={now.toISOString()}
        createFeed={createCalendarFeedAction}
        revokeFeed={revokeCalendarFeedAction}
      />
    </>
  );
}

type ViewProps = { query: CalendarQuery; actor: Awaited<ReturnType<typeof requirePageActor>>; now: Date; href: (over: Partial<Record<keyof CalendarQuery, string | undefined>>) => string };

async function MonthView({ query, actor, now, today, href }: ViewProps & { today: string }) {
  const { month, from, items, truncated } = await calendarMonth({ actor, query, now });
  const weeks = monthGridWeeks(month);
  const byDay: Record<string, GridItem[]> = {};
  for (const item of items) (byDay[item.date] ??= []).push({ key: `${item.kind}.${item.recordId}`, label: CALENDAR_KIND_INFO[item.kind].label, vendorName: item.vendorName, href: hrefOf(item) });
  const dayLabels = Object.fromEntries(weeks.flat().map((d) => [d, formatDayForPeople(d)]));
  const title = MONTH_NAME.format(new Date(`${from}T00:00:00Z`));
  return (
    <section aria-labelledby="month-heading">
      <div className={styles.monthNav}>
        <Link className="btn btn-small" href={href({ month: addMonthsToDay(from, -1).slice(0, 7) })} rel="prev">Previous month</Link>
        <h2 id="month-heading" aria-live="polite">{title}</h2>
        <Link className="btn btn-small" href={href({ month: addMonthsToDay(from, 1).slice(0, 7) })} rel="next">Next month</Link>
        {month !== today.slice(0, 7) ? <Link className="btn btn-small" href={href({ month: undefined })}>This month</Link> : null}
      </div>
      <p className="muted">{items.length === 0 ? "Nothing falls due this month with these filters." : `${items.length} ${items.length === 1 ? "date" : "dates"} this month.`} Arrow keys move between days.</p>
      {truncated ? <div className="alert alert-info" role="status">Some kinds have more dates this month than the calendar shows; narrow the filters or use the list view.</div> : null}
      <MonthGrid weeks={weeks} month={month} today={today} items={byDay} dayLabels={dayLabels} caption={`Renewal calendar, ${title}`} />
    </section>
  );
}

async function ListView({ query, actor, now, href }: ViewProps) {
  const { items, hasMore, page, from, to } = await calendarListPage({ actor, query, now });
  return (
    <section aria-labelledby="list-heading">
      <h2 id="list-heading">From {formatDayForPeople(from)} to {formatDayForPeople(to)}</h2>
      {items.length === 0 ? (
        <div className="card empty"><p>No dated obligation matches these filters.</p></div>
      ) : (
        <DataTable columns={["Date", "What", "Vendor", "Tier", "Team"]} rows={items} labelledBy="list-heading" testId="calendar-list">
          {(item) => {
            const info = CALENDAR_KIND_INFO[item.kind];
            return (
              <tr key={`${item.kind}.${item.recordId}`}>
                <td><DayText day={item.date} now={now} due={info.due} /></td>
                <td>{info.label}</td>
                <th scope="row"><Link href={hrefOf(item)}>{item.vendorName}</Link></th>
                <td>{TIER_LABELS[item.vendorTier as Tier] ?? item.vendorTier}</td>
                <td>{CALENDAR_TEAM_LABELS[info.team]}</td>
              </tr>
            );
          }}
        </DataTable>
      )}
      <nav className="pagination" aria-label="Pagination">
        <span className="muted">Page {page}</span>
        <span className="form-actions">
          {page > 1 ? <Link className="btn btn-small" href={href({ page: String(page - 1) })} rel="prev">Previous</Link> : null}
          {hasMore ? <Link className="btn btn-small" href={href({ page: String(page + 1) })} rel="next">Next</Link> : null}
        </span>
      </nav>
    </section>
  );
}
