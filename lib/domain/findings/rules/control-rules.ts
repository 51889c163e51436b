import type { Finding } from "../finding";
import { CONTROL_STATUS_LABELS, type ControlImportance, type ControlStatus } from "../../dossier-vocabulary";
import type { Severity } from "../../vocabulary";
import type { FindingRule } from "./context";
import { SOURCES } from "./sources";

// Severity of a control gap follows the control's importance. A partial
// control is one step lower; the scale bottoms out at low so every gap is
// still listed.
const NOT_IN_PLACE_SEVERITY: Record<ControlImportance, Severity> = {
  critical: "high",
  high: "medium",
  medium: "low",
  low: "low",
};
const PARTIAL_SEVERITY: Record<ControlImportance, Severity> = {
  critical: "medium",
  high: "low",
  medium: "low",
  low: "low",
};

/** Controls whose gap has its own finding code (scoring and filters key on it). */
const DEDICATED_CODES: Record<string, { code: string; source: string }> = {
  "email.dmarc_reject": { code: "control.dmarc_not_reject", source: SOURCES.dmarc },
};

/** "is partial", "is not in place": the state phrase of an assessed gap. */
const STATUS_STATE = Object.fromEntries(
  Object.entries(CONTROL_STATUS_LABELS).map(([status, label]) => [status, `is ${label.toLowerCase()}`]),
) as Record<ControlStatus, string>;

const GAP_CODES: Record<"partial" | "not_in_place" | "unknown", string> = {
  partial: "control.partial",
  not_in_place: "control.not_in_place",
  unknown: "control.unknown",
};

/**
 * BPO control pack (docs/rules.md §6). Every catalogue control is judged; one
 * with no assessment counts as unknown, and unknown counts as not in place.
 */
export const controlRules: FindingRule = (ctx) => {
  const assessments = new Map<string, (typeof ctx.dossier.controls)[number]>();
  for (const a of ctx.dossier.controls) assessments.set(a.code, a);
  const findings: Finding[] = [];
  for (const control of ctx.dossier.controlCatalogue) {
    const assessment = assessments.get(control.code);
    const status: ControlStatus = assessment?.status ?? "unknown";
    if (status === "in_place" || status === "not_applicable") continue;
    const dedicated = DEDICATED_CODES[control.code];
    const severity = status === "partial" ? PARTIAL_SEVERITY[control.importance] : NOT_IN_PLACE_SEVERITY[control.importance];
    const state =
      status === "unknown"
        ? assessment
          ? "is unknown (counted as not in place)"
          : "has not been assessed (counted as not in place)"
        : STATUS_STATE[status];
    findings.push({
      code: dedicated?.code ?? GAP_CODES[status],
      severity,
      message: `${control.title} ${state}; this ${control.importance}-importance control should be in place.${assessment?.note ? ` Note: ${assessment.note}` : ""}`,
      observed: assessment ? CONTROL_STATUS_LABELS[status] : "not assessed",
      threshold: CONTROL_STATUS_LABELS.in_place,
      source: dedicated?.source ?? control.source ?? SOURCES.controls,
      subject: { kind: "control", id: control.code, label: control.title },
    });
  }
  return findings;
};
