import { z } from "zod";
import { DATA_CATEGORIES, INDUSTRIES } from "@/lib/domain/vocabulary";

// Organisation settings. Every threshold in ../shared/design/domain.md is a
// default here, never a literal inside a rule, so an admin can tune the policy
// and every finding can quote the threshold it used.

const positiveInt = z.number().int().positive();
const percent = z.number().min(0).max(100);

export const scoringDomainKeys = [
  "assurance",
  "contractual",
  "dataProtection",
  "accessEndpoint",
  "humanProtocols",
  "financial",
] as const;
export type ScoringDomainKey = (typeof scoringDomainKeys)[number];

export const settingsSchema = z.object({
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
    currency: z.string().length(3),
    /** Per-occurrence minimum (minor units) for Critical/High or fintech/healthcare engagements. */
    minimumElevatedMinor: z.number().int().nonnegative(),
    minimumStandardMinor: z.number().int().nonnegative(),
    expiringDays: positiveInt,
  }),
  kpis: z.object({
    phishingWatchPct: percent,
    phishingHighPct: percent,
    meanTimeToEscalateMaxMinutes: z.number().positive(),
    trainingCompletionMinPct: percent,
    privilegeReviewMaxDays: positiveInt,
  }),
  contract: z.object({
    incidentNotificationMaxHours: positiveInt,
    trainingCadenceMaxMonths: positiveInt,
    trainingCadenceSensitiveMaxMonths: positiveInt,
    /** Longest acceptable notice before an audit ("reasonable notice", domain.md §4). */
    auditNoticeMaxDays: positiveInt,
    /** Data categories that make training cadence "sensitive" (financial or health data, domain.md §4). */
    trainingSensitiveDataCategories: z.array(z.enum(DATA_CATEGORIES)),
    /** Industries that make training cadence "sensitive" (fintech/healthcare, domain.md §1 and §4). */
    trainingSensitiveIndustries: z.array(z.enum(INDUSTRIES)),
  }),
  reviews: z.object({
    cadenceElevatedMonths: positiveInt,
    cadenceStandardMonths: positiveInt,
  }),
  scoring: z.object({
    weights: z.record(z.enum(scoringDomainKeys), z.number().min(0).max(100)),
    caps: z.object({ noAssurance: percent, blocker: percent }),
    /** Lower bound of each band: score >= low → Low residual risk, etc. */
    bands: z.object({ low: percent, medium: percent, high: percent }),
  }),
  uploads: z.object({ maxBytes: positiveInt }),
  login: z.object({
    maxFailures: positiveInt,
    windowMinutes: positiveInt,
    lockoutMinutes: positiveInt,
  }),
});
export type Settings = z.infer<typeof settingsSchema>;

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
    caps: { noAssurance: 40, blocker: 50 },
    bands: { low: 80, medium: 60, high: 40 },
  },
  uploads: { maxBytes: 25 * 1024 * 1024 },
  login: { maxFailures: 5, windowMinutes: 15, lockoutMinutes: 15 },
};

/**
 * Stored settings may predate a newer default; fill the gaps from defaults so
 * old rows keep working after an upgrade.
 */
export function resolveSettings(stored: unknown): Settings {
  const merged = deepMerge(DEFAULT_SETTINGS, stored);
  return settingsSchema.parse(merged);
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
