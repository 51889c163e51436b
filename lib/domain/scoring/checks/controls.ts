import { CONTROL_STATUS_LABELS, type ControlStatus } from "../../dossier-vocabulary";
import { SOURCES } from "../../findings/rules/sources";
import { CONTROL_DOMAIN_SCORING } from "../domains";
import type { CheckResult, ScoreCheck } from "../types";
import { makeCheck, type CheckFamily } from "./make-check";

// BPO control pack (docs/rules.md §6): one check per catalogue control, in the
// scoring domain of its control domain (access, endpoint/physical and email →
// access & endpoint; human protocols and governance → human protocols). A
// control with no assessment is unknown, and unknown counts as not in place.

const RESULT: Record<ControlStatus, CheckResult> = {
  in_place: "pass",
  partial: "partial",
  not_in_place: "fail",
  unknown: "unknown",
  not_applicable: "not_applicable",
};

const OBSERVED: Record<ControlStatus, string> = {
  in_place: CONTROL_STATUS_LABELS.in_place.toLowerCase(),
  partial: CONTROL_STATUS_LABELS.partial.toLowerCase(),
  not_in_place: CONTROL_STATUS_LABELS.not_in_place.toLowerCase(),
  unknown: CONTROL_STATUS_LABELS.unknown.toLowerCase(),
  not_applicable: CONTROL_STATUS_LABELS.not_applicable.toLowerCase(),
};

export const controlChecks: CheckFamily = (ctx) => {
  const assessments = new Map<string, (typeof ctx.dossier.controls)[number]>();
  for (const a of ctx.dossier.controls) assessments.set(a.code, a);
  const checks: ScoreCheck[] = [];
  for (const control of ctx.dossier.controlCatalogue) {
    const assessment = assessments.get(control.code);
    const status: ControlStatus = assessment?.status ?? "unknown";
    const base = {
      domain: CONTROL_DOMAIN_SCORING[control.domain],
      code: `control.${control.code}`,
      title: control.title,
      source: control.source ?? SOURCES.controls,
      threshold: `in place (${control.importance}-importance control; partial: half)`,
      subject: { kind: "control", id: control.code, label: control.title },
    };
    checks.push(makeCheck(base, RESULT[status], assessment ? OBSERVED[status] : "not assessed", assessment?.note ? { note: assessment.note } : undefined));
  }
  return checks;
};
