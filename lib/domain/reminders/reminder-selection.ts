import { daysUntil, type IsoDate } from "@/lib/domain/dates";
import type { Role } from "@/lib/domain/accounts/roles";

// Which dated items are due a reminder today (docs/reminders.md): an item is
// reminded once per stage it reaches. The stages are the organisation's
// reminder windows (Settings → reminders, default 60/30/7 days before the
// date), the day itself, and the day after it ("overdue"). An item first seen
// inside several windows gets only the narrowest one it is in, so a late
// start never sends three reminders at once.

/** The stage a reminder is for; with (user, item) it is the reminder's identity. */
export type ReminderStage = `window:${number}` | "due_today" | "overdue";

export interface DatedItem {
  /** What the date is: "iso_expiry", "remediation_due", … (any kind a source reports). */
  kind: string;
  /** The record the date comes from; (kind, itemId) names the item. */
  itemId: string;
  vendorId: string;
  vendorName: string;
  /** The person who owns it, when someone does (the vendor's owner, or the item's own owner). */
  ownerId: string | null;
  /** "YYYY-MM-DD": the day it lapses or falls due. */
  date: IsoDate;
}

export interface DueReminder {
  item: DatedItem;
  stage: ReminderStage;
  /** Signed days from today to the item's date (negative once overdue). */
  daysLeft: number;
}

/** The windows in the order they are checked: narrowest first, duplicates and non-positive values dropped. */
export function normaliseWindows(windows: readonly number[]): number[] {
  return [...new Set(windows.filter((w) => Number.isInteger(w) && w > 0))].sort((a, b) => a - b);
}

/** The stage an item dated `date` is in on `now`'s day, or null while it is further away than every window. */
export function reminderStage(date: IsoDate, now: Date, windows: readonly number[]): ReminderStage | null {
  const days = daysUntil(date, now);
  if (days < 0) return "overdue";
  if (days === 0) return "due_today";
  const narrowest = normaliseWindows(windows).find((w) => days <= w);
  return narrowest === undefined ? null : `window:${narrowest}`;
}

/** Every item that is in a reminder stage on `now`'s day, with that stage. */
export function selectDueReminders(items: readonly DatedItem[], now: Date, windows: readonly number[]): DueReminder[] {
  const out: DueReminder[] = [];
  for (const item of items) {
    const stage = reminderStage(item.date, now, windows);
    if (stage) out.push({ item, stage, daysLeft: daysUntil(item.date, now) });
  }
  return out;
}

/** How far back "went overdue" reaches: an item lapsed longer ago than the widest window is old news, not a reminder. */
export function reminderSpan(windows: readonly number[]): { daysBack: number; daysAhead: number } {
  const widest = normaliseWindows(windows).at(-1) ?? 0;
  return { daysBack: widest, daysAhead: widest };
}

/**
 * Who hears about an item nobody owns: the role whose job the date is
 * (docs/rules.md, roles). Kinds this table does not know (a source added a
 * new kind) go to procurement, which owns the vendor relationship.
 */
const RESPONSIBLE_ROLE: Record<string, Role> = {
  soc2_stale: "security",
  iso_expiry: "security",
  pentest_age: "security",
  risk_acceptance_expiry: "security",
  blocker: "security",
  insurance_expiry: "procurement",
  remediation_due: "procurement",
  reassessment_due: "procurement",
  contract_notice: "legal",
  contract_term_end: "legal",
};

export function responsibleRole(kind: string): Role {
  return RESPONSIBLE_ROLE[kind] ?? "procurement";
}

const KIND_LABELS: Record<string, string> = {
  soc2_stale: "SOC 2 report goes stale",
  iso_expiry: "ISO 27001 certificate expires",
  insurance_expiry: "Cyber insurance expires",
  contract_notice: "Contract notice deadline",
  contract_term_end: "Contract term ends",
  remediation_due: "Remediation item due",
  risk_acceptance_expiry: "Risk acceptance lapses",
  reassessment_due: "Reassessment due",
};

/** A label for people; an unknown kind is spelled out from its key ("pentest_age" → "Pentest age"). */
export function reminderKindLabel(kind: string): string {
  const known = KIND_LABELS[kind];
  if (known) return known;
  const words = kind.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "in 30 days", "today", "3 days ago": how the digest states an item's date. */
export function describeDaysLeft(daysLeft: number): string {
  if (daysLeft === 0) return "today";
  const n = Math.abs(daysLeft);
  const unit = n === 1 ? "day" : "days";
  return daysLeft > 0 ? `in ${n} ${unit}` : `${n} ${unit} ago`;
}

/** The vendor page tab that shows an item of this kind; unknown kinds open the vendor's overview. */
const TAB_OF_KIND: Record<string, string> = {
  soc2_stale: "assurance",
  iso_expiry: "assurance",
  pentest_age: "assurance",
  insurance_expiry: "insurance",
  contract_notice: "legal",
  contract_term_end: "legal",
  remediation_due: "assessments",
  risk_acceptance_expiry: "assessments",
  reassessment_due: "assessments",
};

/** The in-app path of the record an item's reminder is about. */
export function reminderHref(kind: string, vendorId: string): string {
  const tab = TAB_OF_KIND[kind];
  return `/vendors/${encodeURIComponent(vendorId)}${tab ? `/${tab}` : ""}`;
}

/** The sentence a reminder shows: what happens, to which vendor, and when (names and dates only). */
export function reminderTitle(reminder: DueReminder): string {
  const { item, daysLeft } = reminder;
  const when = daysLeft < 0 ? `overdue since ${item.date}` : daysLeft === 0 ? `today (${item.date})` : `${describeDaysLeft(daysLeft)} (${item.date})`;
  return `${reminderKindLabel(item.kind)}: ${item.vendorName}, ${when}`;
}
