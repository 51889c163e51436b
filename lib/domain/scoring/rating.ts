import type { Settings } from "@/lib/schemas/settings";
import { atLeast } from "./format";
import type { Rating, RatingBand } from "./types";

// Rating bands (docs/rules.md §8). Each band's lower bound is a setting; a score
// exactly on a bound belongs to the better band (>= 80 is Low, 79.9 Medium).

const BAND_TEXT: Record<RatingBand, { label: string; shortLabel: string; decision: string }> = {
  low: { label: "Low residual risk", shortLabel: "Low", decision: "Approve" },
  medium: { label: "Medium", shortLabel: "Medium", decision: "Approve with conditions" },
  high: { label: "High", shortLabel: "High", decision: "Approval only with a risk acceptance" },
  critical: { label: "Critical", shortLabel: "Critical", decision: "Reject" },
};

export function ratingFor(score: number, bands: Settings["scoring"]["bands"]): Rating {
  const band: RatingBand = atLeast(score, bands.low)
    ? "low"
    : atLeast(score, bands.medium)
      ? "medium"
      : atLeast(score, bands.high)
        ? "high"
        : "critical";
  const from = band === "critical" ? 0 : bands[band];
  const text = BAND_TEXT[band];
  return { band, label: text.label, shortLabel: text.shortLabel, decision: text.decision, from };
}

export function bandText(band: RatingBand) {
  return BAND_TEXT[band];
}
