import { CLAUSE_STATUS_LABELS, type ClauseStatus } from "@/lib/domain/legal/legal-vocabulary";

const TONE: Record<ClauseStatus | "unreviewed", string> = {
  present: "status-ok",
  deviating: "sev-medium",
  missing: "sev-high",
  not_applicable: "status-muted",
  unreviewed: "status-muted",
};

/** A clause's computed status in words; the colour only repeats it. */
export function ClauseStatusChip({ status }: { status: ClauseStatus | "unreviewed" }) {
  const label = status === "unreviewed" ? "Not reviewed" : CLAUSE_STATUS_LABELS[status];
  return <span className={`badge clause-status ${TONE[status]}`} data-status={status}>{label}</span>;
}
