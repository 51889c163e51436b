import { addMonthsToDay, daysUntil, firstDayOfYearAfter, formatIsoDay } from "@/lib/domain/dates";
import { SOC2_TYPE_LABELS } from "@/lib/domain/dossier-vocabulary";
import { insuranceLabel, isoLabel } from "@/lib/domain/findings/subject-labels";
import type { Dossier } from "@/lib/schemas/dossier";
import type { Settings } from "@/lib/schemas/settings";
import { insuranceRecordState, isoRecordState, pentestRecordState, soc2RecordState, type RecordState } from "@/lib/domain/assurance/record-states";
import { recordAnchor, type DossierTab } from "./tabs";

// What was valid when, and what lapses next (the overview's evidence
// timeline). Each piece of evidence becomes one row of spans, and each of its
// key days one event for the chronological list. Validity windows come from
// the same settings the findings use (SOC 2: period end + soc2StaleMonths).

export type SpanStyle = "period" | "valid" | "open";

export interface TimelineSpan {
  start: string;
  end: string;
  style: SpanStyle;
  /** What the span means, for the chart's text alternative. */
  meaning: string;
}

export interface TimelineRow {
  id: string;
  group: "SOC 2" | "ISO/IEC 27001" | "Insurance" | "Pen test";
  label: string;
  tab: DossierTab;
  anchor: string;
  state: RecordState;
  spans: TimelineSpan[];
  /** Point events drawn as ticks (a pen test's date, a bridge letter). */
  points: { day: string; meaning: string }[];
}

export interface TimelineEvent {
  day: string;
  what: string;
  /** Lapses (expiry, staleness): these answer "what expires next". */
  lapse: boolean;
  rowId: string;
  tab: DossierTab;
  anchor: string;
}

export function buildTimeline(dossier: Dossier, settings: Settings, now: Date): { rows: TimelineRow[]; events: TimelineEvent[] } {
  const rows: TimelineRow[] = [];
  const events: TimelineEvent[] = [];
  const event = (row: TimelineRow, day: string, what: string, lapse = false) =>
    events.push({ day, what, lapse, rowId: row.id, tab: row.tab, anchor: row.anchor });

  for (const r of [...dossier.soc2Reports].sort((a, b) => (a.periodEnd < b.periodEnd ? -1 : 1))) {
    const state = soc2RecordState(r, settings, now);
    const label = `SOC 2 ${SOC2_TYPE_LABELS[r.type]} · ${r.auditor}`;
    const row: TimelineRow = {
      id: r.id,
      group: "SOC 2",
      label,
      tab: "assurance",
      anchor: recordAnchor(r.id),
      state,
      spans: [
        { start: r.periodStart, end: r.periodEnd, style: "period", meaning: "audit period" },
        { start: r.periodEnd, end: state.validUntil, style: "valid", meaning: `counts as current for ${settings.assurance.soc2StaleMonths} months after the period end` },
      ],
      points: r.bridgeLetterDate ? [{ day: r.bridgeLetterDate, meaning: "bridge letter" }] : [],
    };
    rows.push(row);
    event(row, r.periodStart, `${label}: audit period starts`);
    event(row, r.periodEnd, `${label}: audit period ends`);
    event(row, r.issueDate, `${label}: report issued`);
    if (r.bridgeLetterDate) event(row, r.bridgeLetterDate, `${label}: bridge letter`);
    event(row, addMonthsToDay(r.periodEnd, settings.assurance.soc2DueMonths), `${label}: due for renewal`);
    event(row, state.validUntil, `${label}: last day before it is stale`, true);
  }

  for (const c of [...dossier.isoCertificates].sort((a, b) => (a.expiryDate < b.expiryDate ? -1 : 1))) {
    const label = isoLabel(c);
    const row: TimelineRow = {
      id: c.id,
      group: "ISO/IEC 27001",
      label,
      tab: "assurance",
      anchor: recordAnchor(c.id),
      state: isoRecordState(c, settings, now),
      spans: [{ start: c.issueDate, end: c.expiryDate, style: "valid", meaning: "certificate valid" }],
      points: [],
    };
    rows.push(row);
    event(row, c.issueDate, `${label}: issued`);
    event(row, c.expiryDate, `${label}: expires`, true);
  }

  for (const p of [...dossier.insurancePolicies].sort((a, b) => (a.expiryDate < b.expiryDate ? -1 : 1))) {
    const label = insuranceLabel(p);
    const row: TimelineRow = {
      id: p.id,
      group: "Insurance",
      label,
      tab: "insurance",
      anchor: recordAnchor(p.id),
      state: insuranceRecordState(p, settings, now),
      // The start of the policy term is not recorded; the bar only claims "in force until".
      spans: [{ start: "", end: p.expiryDate, style: "open", meaning: "in force until expiry (start of term not recorded)" }],
      points: [],
    };
    rows.push(row);
    event(row, p.expiryDate, `${label}: expires`, true);
  }

  for (const t of [...dossier.pentests].sort((a, b) => (a.performedOn < b.performedOn ? -1 : 1))) {
    const state = pentestRecordState(t, settings, now);
    const label = `Pen test${t.provider ? ` · ${t.provider}` : ""}`;
    const row: TimelineRow = {
      id: t.id,
      group: "Pen test",
      label,
      tab: "assurance",
      anchor: recordAnchor(t.id),
      state,
      spans: [{ start: t.performedOn, end: state.validUntil, style: "valid", meaning: `counts as recent for ${settings.assurance.pentestMaxAgeMonths} months` }],
      points: [{ day: t.performedOn, meaning: "test performed" }],
    };
    rows.push(row);
    event(row, t.performedOn, `${label}: test performed`);
    event(row, state.validUntil, `${label}: last day before it is stale`, true);
  }

  events.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.what.localeCompare(b.what)));
  return { rows, events };
}

/** The next lapse from today on (expiry or staleness), if any. */
export function nextLapse(events: readonly TimelineEvent[], now: Date): TimelineEvent | undefined {
  return events.find((e) => e.lapse && daysUntil(e.day, now) >= 0);
}

/** Chart range: every span and today, widened to whole years either side. */
export function timelineRange(rows: readonly TimelineRow[], now: Date): { start: string; end: string } {
  const today = formatIsoDay(now);
  const days = [today, ...rows.flatMap((r) => [...r.spans.flatMap((s) => [s.start, s.end]), ...r.points.map((p) => p.day)])].filter((d) => d !== "");
  const min = days.reduce((a, b) => (a < b ? a : b));
  const max = days.reduce((a, b) => (a > b ? a : b));
  // Some room after today, so "what lapses next" is on the chart.
  const end = addMonthsToDay(today, 6) > max ? addMonthsToDay(today, 6) : max;
  return { start: firstDayOfYearAfter(min, 0), end: firstDayOfYearAfter(end, 1) };
}
