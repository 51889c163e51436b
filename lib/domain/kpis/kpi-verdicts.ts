import type { KpiPeriod } from "@/lib/schemas/dossier";
import type { Settings } from "@/lib/schemas/settings";
import type { Tone } from "../assurance/record-states";

// KPI verdicts (docs/rules.md §7), from the same settings the KPI findings
// use; the KPI tab only formats them. The findings judge only the latest period; the table
// colours every period the same way so the trend is visible.

export type KpiKey = Exclude<keyof KpiPeriod, "id" | "period">;

export interface KpiVerdict {
  tone: Tone;
  word: string;
}

const num = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 2 });

export function kpiVerdict(key: KpiKey, value: number | undefined, settings: Settings, previous?: number): KpiVerdict {
  const k = settings.kpis;
  if (value === undefined) return { tone: "muted", word: "not reported" };
  switch (key) {
    case "phishingFailurePct":
      if (value > k.phishingHighPct) return { tone: "bad", word: `above ${num(k.phishingHighPct)}%: retrain now` };
      if (value >= k.phishingWatchPct) return { tone: "warn", word: "watch" };
      return { tone: "ok", word: "good" };
    case "escalationRatePct":
      if (previous !== undefined && value < previous) return { tone: "warn", word: `falling (was ${num(previous)}%)` };
      return { tone: "ok", word: previous === undefined ? "first reported" : "holding or rising" };
    case "verificationBypassCount":
      return value > 0 ? { tone: "blocker", word: "target is 0" } : { tone: "ok", word: "none" };
    case "meanTimeToEscalateMinutes":
      return value >= k.meanTimeToEscalateMaxMinutes ? { tone: "bad", word: `target under ${num(k.meanTimeToEscalateMaxMinutes)} min` } : { tone: "ok", word: "good" };
    case "trainingCompletionPct":
      return value < k.trainingCompletionMinPct ? { tone: "bad", word: `below ${num(k.trainingCompletionMinPct)}%` } : { tone: "ok", word: "good" };
    case "privilegeReviewAgeDays":
      return value > k.privilegeReviewMaxDays ? { tone: "bad", word: `over ${k.privilegeReviewMaxDays} days` } : { tone: "ok", word: "good" };
  }
}

export function formatKpi(key: KpiKey, value: number | undefined): string {
  if (value === undefined) return "—";
  if (key.endsWith("Pct")) return `${num(value)}%`;
  if (key === "meanTimeToEscalateMinutes") return `${num(value)} min`;
  if (key === "privilegeReviewAgeDays") return `${num(value)} days`;
  return num(value);
}
