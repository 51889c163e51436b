import { z } from "zod";
import { DATA_CATEGORIES, INDUSTRIES } from "@/lib/domain/vocabulary";

// Organisation settings. Every threshold in docs/rules.md is a
// default here, never a literal inside a rule, so an admin can tune the policy
// and every finding can quote the threshold it used.

// Messages are written for the admin settings form, which validates with this
// same schema (zodResolver) before the server does it again.
const positiveInt = z
  .number({ error: "Enter a number" })
  .int("Use a whole number")
  .positive("Must be at least 1");
const percent = z
  .number({ error: "Enter a number" })
  .min(0, "Cannot be below 0")
  .max(100, "Cannot be above 100");
/** Weights, caps and band limits: 0-100 with at most one decimal, so sums and displayed scores stay exact. */
const scorePoints = percent.refine((n) => Math.abs(n * 10 - Math.round(n * 10)) < 1e-9, "Use at most one decimal place");
const money = z
  .number({ error: "Enter an amount" })
  .int("Use a whole number of cents")
  .nonnegative("Cannot be negative");

export const scoringDomainKeys = [
  "assurance",
  "contractual",
  "dataProtection",
  "accessEndpoint",
  "humanProtocols",
  "financial",
] as const;
export type ScoringDomainKey = (typeof scoringDomainKeys)[number];

const settingsShape = z.object({
  assurance: z.object({
    /** SOC 2 is stale when more than this many months passed since period end. */
    soc2StaleMonths: positiveInt,
    /** From this many months on, SOC 2 is due for renewal. */
    soc2DueMonths: positiveInt,
    /** A SOC 2 gap since period end (or since the last bridge letter) longer than this needs a bridge letter. */
    soc2BridgeLetterGapMonths: positiveInt,
    isoExpiringDays: positiveInt,
    pentestMaxAgeMonths: positiveInt,
    incidentResponseTestMaxAgeMonths: positiveInt,
  }),
  insurance: z.object({
    currency: z
      .string({ error: "Enter a currency code" })
      .regex(/^[A-Z]{3}$/, "Use a three-letter currency code in capitals, e.g. USD"),
    /** Per-occurrence minimum (minor units) for Critical/High or fintech/healthcare engagements. */
    minimumElevatedMinor: money,
    minimumStandardMinor: money,
    expiringDays: positiveInt,
  }),
  kpis: z.object({
    phishingWatchPct: percent,
    phishingHighPct: percent,
    meanTimeToEscalateMaxMinutes: z.number({ error: "Enter a number" }).positive("Must be more than 0"),
    trainingCompletionMinPct: percent,
    privilegeReviewMaxDays: positiveInt,
  }),
  contract: z.object({
    incidentNotificationMaxHours: positiveInt,
    trainingCadenceMaxMonths: positiveInt,
    trainingCadenceSensitiveMaxMonths: positiveInt,
    /** Longest acceptable notice before an audit ("reasonable notice", docs/rules.md §4). */
    auditNoticeMaxDays: positiveInt,
    /** Data categories that make training cadence "sensitive" (financial or health data, docs/rules.md §4). */
    trainingSensitiveDataCategories: z.array(z.enum(DATA_CATEGORIES)),
    /** Industries that make training cadence "sensitive" (fintech/healthcare, docs/rules.md §1 and §4). */
    trainingSensitiveIndustries: z.array(z.enum(INDUSTRIES)),
  }),
  reviews: z.object({
    cadenceElevatedMonths: positiveInt,
    cadenceStandardMonths: positiveInt,
  }),
  scoring: z.object({
    /** Per scoring domain, 0-100; they must add up to 100 (checked below). */
    weights: z.record(z.enum(scoringDomainKeys), scorePoints),
    /**
     * Ceilings on the final score (docs/scoring.md, "Ceilings"): the worst open
     * finding bounds the band. Each must lie strictly inside its band (checked below).
     */
    caps: z.object({
      /** Any open high finding: at most Medium. */
      highFinding: scorePoints,
      /** Any open blocker: at most High. */
      blocker: scorePoints,
      /** No independent assurance, Moderate/Low tier: at most High. */
      noAssurance: scorePoints,
      /** No independent assurance, Critical/High tier: at most Critical. */
      noAssuranceElevated: scorePoints,
    }),
    /** Lower bound of each band: score >= low → Low residual risk, etc. */
    bands: z.object({ low: scorePoints, medium: scorePoints, high: scorePoints }),
  }),
  /** The sign-off bounds (docs/assessments.md, "What the rating allows"). */
  signOff: z.object({
    /** Longest a risk acceptance may hold, in days from the day it is recorded. */
    riskAcceptanceMaxDays: positiveInt,
  }),
  uploads: z.object({ maxBytes: positiveInt }),
  // Sign-in throttling (README.md, "Security defaults"): hard blocks apply to one client,
  // never to the account as a whole, so nobody can lock someone else out.
  login: z.object({
    clientAccountMaxFailures: positiveInt,
    clientMaxFailures: positiveInt,
    windowMinutes: positiveInt,
    blockMinutes: positiveInt,
    accountFailuresBeforeDelay: positiveInt,
    maxDelaySeconds: positiveInt.max(30, "At most 30 seconds"),
  }),
  // Reminders and notifications (docs/reminders.md).
  reminders: z.object({
    /** Days before an item's date at which its owner is reminded; each item is reminded once per window. */
    // NaN (what the form makes of "abc") passes the element check so the list-level check below
    // reports it once, at the field itself, rather than at an index the form has no input for.
    windowsDays: z
      .array(z.union([z.number(), z.nan()], { error: "Enter whole numbers of days" }), { error: "Enter whole numbers of days" })
      .superRefine((days, ctx) => {
        const message = reminderWindowsIssue(days);
        if (message) ctx.addIssue({ code: "custom", message });
      }),
    /** The hour (UTC, 0-23) at which the server runs the daily reminder job. */
    hourUtc: z.number({ error: "Enter a number" }).int("Use a whole hour").min(0, "Use an hour from 0 to 23").max(23, "Use an hour from 0 to 23"),
  }),
  sessions: z.object({
    idleMinutes: positiveInt,
    // The session cookie itself expires after 24 hours (lib/server/auth.ts).
    absoluteHours: positiveInt.max(24, "At most 24 hours"),
  }),
});

/** Why a list of reminder windows is refused, or null: 1 to 6 distinct whole numbers of days, 1 to 365. */
export function reminderWindowsIssue(days: readonly number[]): string | null {
  if (days.length === 0) return "Enter at least one window, e.g. 60, 30, 7";
  if (days.length > 6) return "At most 6 windows";
  if (days.some((d) => !Number.isInteger(d) || d < 1 || d > 365)) return "Each window is a whole number of days from 1 to 365";
  if (new Set(days).size !== days.length) return "Each window only once";
  return null;
}

/** Settings with the rules between fields; the admin form and updateSettings both validate with it. */
export const settingsSchema = settingsShape.superRefine((s, ctx) => {
  for (const issue of settingsIssues(s)) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
});
export type Settings = z.infer<typeof settingsSchema>;

/** Sum of the scoring weights, rounded to one decimal (weights have at most one). */
export function weightTotal(weights: Settings["scoring"]["weights"]): number {
  return Math.round(scoringDomainKeys.reduce((sum, key) => sum + weights[key], 0) * 10) / 10;
}

/**
 * Rules between fields: weights add up to 100 (docs/rules.md §8: the score is a
 * weighted mean over 100), bands strictly ordered so they never overlap, and
 * each "watch" level below its "act" level so both findings can fire.
 */
function settingsIssues(s: z.infer<typeof settingsShape>): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const total = weightTotal(s.scoring.weights);
  if (total !== 100) {
    issues.push({ path: ["scoring", "weights"], message: `The weights must add up to 100; they add up to ${total}.` });
  }
  const { low, medium, high } = s.scoring.bands;
  if (!(medium < low)) {
    issues.push({ path: ["scoring", "bands", "medium"], message: `Medium must start below Low (${low}); bands cannot overlap.` });
  }
  if (!(high < medium)) {
    issues.push({ path: ["scoring", "bands", "high"], message: `High must start below Medium (${medium}); bands cannot overlap.` });
  }
  for (const issue of capIssues(s.scoring)) issues.push(issue);
  if (s.assurance.soc2DueMonths > s.assurance.soc2StaleMonths) {
    issues.push({ path: ["assurance", "soc2DueMonths"], message: `Renewal must fall due no later than the report goes stale (${s.assurance.soc2StaleMonths} months).` });
  }
  if (s.kpis.phishingWatchPct > s.kpis.phishingHighPct) {
    issues.push({ path: ["kpis", "phishingWatchPct"], message: `The watch level cannot be above the retraining level (${s.kpis.phishingHighPct}%).` });
  }
  if (s.insurance.minimumStandardMinor > s.insurance.minimumElevatedMinor) {
    issues.push({ path: ["insurance", "minimumStandardMinor"], message: "The standard minimum cannot be above the elevated minimum." });
  }
  if (s.contract.trainingCadenceSensitiveMaxMonths > s.contract.trainingCadenceMaxMonths) {
    issues.push({ path: ["contract", "trainingCadenceSensitiveMaxMonths"], message: `Sensitive data needs training at least as often as the standard cadence (${s.contract.trainingCadenceMaxMonths} months).` });
  }
  if (s.reviews.cadenceElevatedMonths > s.reviews.cadenceStandardMonths) {
    issues.push({ path: ["reviews", "cadenceElevatedMonths"], message: `Critical/High vendors cannot be reviewed less often than the others (${s.reviews.cadenceStandardMonths} months).` });
  }
  if (s.sessions.idleMinutes > s.sessions.absoluteHours * 60) {
    issues.push({ path: ["sessions", "idleMinutes"], message: `The idle timeout cannot be longer than the absolute timeout (${s.sessions.absoluteHours} hours).` });
  }
  return issues;
}

/**
 * Each ceiling lands strictly inside the band it names (docs/scoring.md,
 * "Ceilings"): a "Medium at most" ceiling of 80 would be Low, one of 55 would
 * be High, and either would silently change the policy.
 */
function capIssues(scoring: z.infer<typeof settingsShape>["scoring"]): { path: (string | number)[]; message: string }[] {
  const { low, medium, high } = scoring.bands;
  const inside: { key: keyof typeof scoring.caps; band: string; from: number; below: number }[] = [
    { key: "highFinding", band: "Medium", from: medium, below: low },
    { key: "blocker", band: "High", from: high, below: medium },
    { key: "noAssurance", band: "High", from: high, below: medium },
    { key: "noAssuranceElevated", band: "Critical", from: 0, below: high },
  ];
  return inside
    // A value outside 0-100 already carries its own field error.
    .filter(({ key }) => scoring.caps[key] >= 0 && scoring.caps[key] <= 100)
    .filter(({ key, from, below }) => !(scoring.caps[key] >= from && scoring.caps[key] < below))
    .map(({ key, band, from, below }) => ({
      path: ["scoring", "caps", key],
      message: `This ceiling must lie inside the ${band} band: at least ${from} and below ${below}.`,
    }));
}

export const DEFAULT_SETTINGS: Settings = {
  assurance: {
    soc2StaleMonths: 14,
    soc2DueMonths: 12,
    soc2BridgeLetterGapMonths: 3,
    isoExpiringDays: 90,
    pentestMaxAgeMonths: 12,
    incidentResponseTestMaxAgeMonths: 12,
  },
  insurance: {
    currency: "USD",
    minimumElevatedMinor: 5_000_000_00,
    minimumStandardMinor: 2_000_000_00,
    expiringDays: 60,
  },
  kpis: {
    phishingWatchPct: 5,
    phishingHighPct: 15,
    meanTimeToEscalateMaxMinutes: 10,
    trainingCompletionMinPct: 95,
    privilegeReviewMaxDays: 90,
  },
  contract: {
    incidentNotificationMaxHours: 24,
    trainingCadenceMaxMonths: 12,
    trainingCadenceSensitiveMaxMonths: 3,
    auditNoticeMaxDays: 30,
    trainingSensitiveDataCategories: ["payment_card", "health"],
    trainingSensitiveIndustries: ["fintech", "healthcare"],
  },
  reviews: { cadenceElevatedMonths: 3, cadenceStandardMonths: 12 },
  scoring: {
    weights: {
      assurance: 25,
      contractual: 20,
      dataProtection: 15,
      accessEndpoint: 15,
      humanProtocols: 15,
      financial: 10,
    },
    caps: { highFinding: 79.9, blocker: 59, noAssurance: 59, noAssuranceElevated: 39 },
    bands: { low: 80, medium: 60, high: 40 },
  },
  signOff: { riskAcceptanceMaxDays: 90 },
  uploads: { maxBytes: 25 * 1024 * 1024 },
  login: {
    clientAccountMaxFailures: 5,
    clientMaxFailures: 30,
    windowMinutes: 15,
    blockMinutes: 15,
    accountFailuresBeforeDelay: 10,
    maxDelaySeconds: 8,
  },
  reminders: { windowsDays: [60, 30, 7], hourUtc: 6 },
  sessions: { idleMinutes: 30, absoluteHours: 8 },
};

/**
 * Stored settings may predate a newer default; fill the gaps from defaults so
 * old rows keep working after an upgrade.
 */
export function resolveSettings(stored: unknown): Settings {
  return settingsSchema.parse(withDefaults(stored));
}

/** Partial settings (a stored row, a --settings file) with every missing key taken from the defaults. */
export function withDefaults(partial: unknown): unknown {
  return deepMerge(DEFAULT_SETTINGS, partial);
}

function deepMerge<T>(base: T, patch: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(patch)) {
    return (patch === undefined ? base : patch) as T;
  }
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    out[k] = k in out ? deepMerge(out[k], v) : v;
  }
  return out as T;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
