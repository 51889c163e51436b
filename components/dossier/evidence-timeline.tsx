import Link from "next/link";
import { daysBetween, daysUntil, describeRelative, formatDayForPeople, formatIsoDay, yearOfDay } from "@/lib/domain/dates";
import type { VendorDossierView } from "@/lib/schemas/views/vendor-dossier";
import { DayText } from "@/components/ui/relative-date";
import { StatusBadge, type Tone } from "./status-badges";
import { tabHref } from "./tabs";
import { buildTimeline, nextLapse, timelineRange, type TimelineRow } from "./timeline-data";

const TONE_FILL: Record<Tone, { strong: string; light: string }> = {
  ok: { strong: "#067647", light: "#a6e3c1" },
  warn: { strong: "#b54708", light: "#fcd9a8" },
  bad: { strong: "#b42318", light: "#f8c3bd" },
  blocker: { strong: "#8a0c1c", light: "#f4a6ae" },
  muted: { strong: "#667085", light: "#d0d5dd" },
  info: { strong: "#3d5a80", light: "#c7d7fe" },
};

const WIDTH = 960;
const LABEL_W = 250;
const RIGHT_PAD = 16;
const ROW_H = 30;
const TOP = 34;

/** A simple SVG Gantt of evidence validity with today marked. Decorative twin of the table below it. */
function TimelineChart({ rows, now, titleId, descId }: { rows: TimelineRow[]; now: Date; titleId: string; descId: string }) {
  const range = timelineRange(rows, now);
  const rangeDays = daysBetween(range.start, range.end);
  const plotW = WIDTH - LABEL_W - RIGHT_PAD;
  const x = (day: string) => LABEL_W + (daysBetween(range.start, day) / rangeDays) * plotW;
  const height = TOP + rows.length * ROW_H + 12;
  const today = formatIsoDay(now);
  const years: number[] = [];
  for (let y = yearOfDay(range.start); y <= yearOfDay(range.end); y++) years.push(y);
  const quarterTicks = years.length <= 5;

  return (
    <svg className="timeline-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${titleId} ${descId}`} preserveAspectRatio="xMinYMin meet">
      <title id={titleId}>Evidence validity timeline</title>
      <desc id={descId}>
        Bars show when each piece of evidence is valid; the vertical line marks today, {formatDayForPeople(today)}. The table below lists the same dates.
      </desc>
      {/* Year and quarter grid */}
      {years.map((y) => {
        const day = `${y}-01-01`;
        if (daysBetween(day, range.end) < 0) return null;
        return (
          <g key={y}>
            <line x1={x(day)} x2={x(day)} y1={TOP - 8} y2={height - 8} stroke="#d0d5dd" />
            {x(day) < WIDTH - 40 ? <text x={x(day) + 3} y={TOP - 14} fontSize="12" fill="#5b6472">{y}</text> : null}
            {quarterTicks
              ? ["04", "07", "10"].map((m) => (
                  <line key={m} x1={x(`${y}-${m}-01`)} x2={x(`${y}-${m}-01`)} y1={TOP - 4} y2={height - 8} stroke="#eef0f3" />
                ))
              : null}
          </g>
        );
      })}
      {rows.map((row, i) => {
        const y = TOP + i * ROW_H;
        const fill = TONE_FILL[row.state.tone];
        return (
          <g key={row.id}>
            {i % 2 === 0 ? <rect x={0} y={y} width={WIDTH} height={ROW_H} fill="#f8f9fb" /> : null}
            <text x={6} y={y + 19} fontSize="12" fill="#14181f">
              {row.label.length > 36 ? `${row.label.slice(0, 35)}…` : row.label}
            </text>
            {row.spans.map((s, j) => {
              const start = s.start === "" ? range.start : s.start;
              const x0 = Math.max(LABEL_W, x(start));
              const w = Math.max(2, x(s.end) - x0);
              if (s.style === "open") {
                return (
                  <g key={j}>
                    <rect x={x0} y={y + 8} width={w} height={14} fill={fill.light} opacity={0.55} />
                    <rect x={Math.max(x0, x(s.end) - 60)} y={y + 8} width={Math.min(w, 60)} height={14} fill={fill.light} />
                    <line x1={x(s.end)} x2={x(s.end)} y1={y + 5} y2={y + 25} stroke={fill.strong} strokeWidth={2} />
                  </g>
                );
              }
              return (
                <rect key={j} x={x0} y={y + (s.style === "period" ? 6 : 9)} width={w} height={s.style === "period" ? 18 : 12} rx={2} fill={s.style === "period" ? fill.strong : fill.light} stroke={fill.strong} strokeWidth={s.style === "period" ? 0 : 1} />
              );
            })}
            {row.points.map((p) => (
              <path key={p.day + p.meaning} d={`M ${x(p.day)} ${y + 5} l 5 10 l -5 10 l -5 -10 z`} fill={fill.strong} />
            ))}
          </g>
        );
      })}
      {/* Today */}
      <line x1={x(today)} x2={x(today)} y1={TOP - 10} y2={height - 4} stroke="#1f4fd1" strokeWidth={2} strokeDasharray="4 3" />
      <text x={x(today) + 4} y={height - 2} fontSize="12" fontWeight="600" fill="#1f4fd1">Today</text>
    </svg>
  );
}

/**
 * What was valid when and what lapses next: SOC 2 periods (and the months they
 * stay current), ISO certificates, insurance terms and pen tests, as a chart
 * and as a chronological table with exact and relative dates.
 */
export function EvidenceTimeline({ view }: { view: VendorDossierView }) {
  const { dossier, settings, now, vendor } = view;
  const { rows, events } = buildTimeline(dossier, settings, now);
  const next = nextLapse(events, now);
  const today = formatIsoDay(now);
  const firstFuture = events.findIndex((e) => e.day > today);

  return (
    <section className="card evidence-timeline" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Evidence timeline</h2>
      {rows.length === 0 ? (
        <p className="muted">No dated evidence yet: SOC 2 reports, ISO/IEC 27001 certificates, insurance policies and pen tests appear here once recorded.</p>
      ) : (
        <>
          {next ? (
            <p className="next-lapse">
              <strong>Next to lapse:</strong>{" "}
              <Link href={`${tabHref(vendor.id, next.tab)}#${next.anchor}`}>{next.what.replace(/: (expires|last day before it is stale)$/, "")}</Link>{" "}
              — {next.what.endsWith("expires") ? "expires" : "stale after"} <DayText day={next.day} now={now} />
            </p>
          ) : (
            <p className="next-lapse"><StatusBadge tone="bad">Nothing current</StatusBadge> Every recorded piece of evidence has lapsed.</p>
          )}
          <ul className="timeline-legend" aria-label="Chart legend">
            <li><span className="swatch swatch-period" aria-hidden="true" /> SOC 2 audit period</li>
            <li><span className="swatch swatch-valid" aria-hidden="true" /> Valid / counts as current</li>
            <li><span className="swatch swatch-open" aria-hidden="true" /> Insurance in force until expiry (term start not recorded)</li>
            <li><span className="swatch swatch-point" aria-hidden="true" /> Pen test or bridge letter date</li>
            <li><span className="swatch swatch-today" aria-hidden="true" /> Today</li>
            <li>Colour follows the status: green current, amber due or expiring, red stale or expired.</li>
          </ul>
          <div className="timeline-scroll" tabIndex={0} role="region" aria-labelledby="timeline-chart-title">
            <TimelineChart rows={rows} now={now} titleId="timeline-chart-title" descId="timeline-chart-desc" />
          </div>

          <h3 id="timeline-status-heading">Status of each item</h3>
          <div className="table-wrap">
            <table className="data">
              <caption className="sr-only">Evidence validity: each item with its window and status</caption>
              <thead>
                <tr><th scope="col">Evidence</th><th scope="col">From</th><th scope="col">Valid until</th><th scope="col">Status</th></tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const from = row.spans[0]?.start ?? "";
                  const until = row.spans[row.spans.length - 1]?.end ?? "";
                  return (
                    <tr key={row.id}>
                      <th scope="row"><span className="muted">{row.group}</span><br /><Link href={`${tabHref(vendor.id, row.tab)}#${row.anchor}`}>{row.label}</Link></th>
                      <td>{from ? <DayText day={from} now={now} relative={false} /> : <span className="muted">Not recorded</span>}</td>
                      <td><DayText day={until} now={now} /></td>
                      <td><StatusBadge tone={row.state.tone}>{row.state.label}</StatusBadge> <span className="muted">{row.state.detail}</span></td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>

          <details className="timeline-events" open>
            <summary>Every date in order ({events.length})</summary>
            <ol className="event-list">
              {events.map((e, i) => (
                <li key={`${e.rowId}-${e.what}-${i}`} className={`${daysUntil(e.day, now) < 0 ? "past" : "future"}${i === firstFuture ? " first-future" : ""}`}>
                  {i === firstFuture ? <span className="today-divider">Today, {formatDayForPeople(today)}</span> : null}
                  <time dateTime={e.day}>{formatDayForPeople(e.day)}</time>
                  <span className="muted"> ({describeRelative(e.day, now)})</span> — {e.what}
                </li>
              ))}
              {firstFuture === -1 ? <li className="first-future"><span className="today-divider">Today, {formatDayForPeople(today)}</span></li> : null}
            </ol>
          </details>
        </>
      )}
    </section>
  );
}
