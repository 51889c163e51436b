import type { Finding } from "../finding";
import { REMOTE_SITE_CONTROLS, REMOTE_SITE_CONTROL_LABELS } from "../../dossier-vocabulary";
import { tierSeverity, type FindingRule } from "./context";
import { listInWords, siteLabel, siteLocation } from "../subject-labels";
import { SOURCES } from "./sources";

const ALL_REMOTE_CONTROLS = listInWords(REMOTE_SITE_CONTROLS.map((c) => REMOTE_SITE_CONTROL_LABELS[c]));

/** Delivery sites (docs/rules.md §1): remote agents need EDR, VPN, MFA and VDI. */
export const siteRules: FindingRule = (ctx) => {
  const { sites } = ctx.dossier;
  if (sites.length === 0) {
    return [
      {
        code: "site.none_recorded",
        severity: "low",
        message: "No delivery site is recorded, so certificate scope and remote-agent controls cannot be checked.",
        observed: "no delivery sites",
        threshold: "every site serving us recorded",
        source: SOURCES.sites,
        subject: { kind: "delivery_site" },
      },
    ];
  }
  const findings: Finding[] = [];
  for (const site of sites) {
    if (site.mode !== "remote") continue;
    // An unanswered control counts as absent (docs/rules.md §6: unknown = not in place).
    const missing = REMOTE_SITE_CONTROLS.filter((c) => site[c] !== true).map((c) => REMOTE_SITE_CONTROL_LABELS[c]);
    if (missing.length === 0) continue;
    findings.push({
      code: "site.remote_controls_missing",
      severity: tierSeverity(ctx, "high", "medium"),
      message: `Remote agents at ${siteLocation(site)} lack ${listInWords(missing)}; remote agents need ${ALL_REMOTE_CONTROLS}, or the site is weaker than an on-site floor.`,
      observed: `missing ${listInWords(missing)}`,
      threshold: ALL_REMOTE_CONTROLS,
      source: SOURCES.remoteSite,
      subject: { kind: "delivery_site", id: site.id, label: siteLabel(site) },
    });
  }
  return findings;
};
