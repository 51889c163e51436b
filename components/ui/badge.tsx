import { TIER_LABELS, type Tier } from "@/lib/domain/vocabulary";

export function TierBadge({ tier }: { tier: string }) {
  const label = TIER_LABELS[tier as Tier] ?? tier;
  return <span className={`badge tier-${tier}`}>{label}</span>;
}

export function Badge({ tone = "muted", children }: { tone?: "ok" | "muted"; children: React.ReactNode }) {
  return <span className={`badge status-${tone}`}>{children}</span>;
}
