import { REMOTE_SITE_CONTROLS, REMOTE_SITE_CONTROL_LABELS } from "../../dossier-vocabulary";
import { listInWords, siteLocation } from "../../findings/subject-labels";
import { SOURCES } from "../../findings/rules/sources";
import { makeCheck, type CheckFamily } from "./make-check";

const ALL_REMOTE_CONTROLS = listInWords(REMOTE_SITE_CONTROLS.map((c) => REMOTE_SITE_CONTROL_LABELS[c]));

/**
 * docs/rules.md §1: remote agents need EDR, VPN, MFA and VDI, or the
 * site is weaker than an on-site floor. An unanswered control counts as absent.
 */
export const remoteSiteChecks: CheckFamily = (ctx) => {
  const { sites } = ctx.dossier;
  const base = {
    domain: "accessEndpoint" as const,
    code: "access.remote_site_controls",
    title: "Remote agents have EDR, VPN, MFA and VDI",
    source: SOURCES.remoteSite,
    threshold: `${ALL_REMOTE_CONTROLS} at every remote site`,
    subject: { kind: "delivery_site" },
  };
  if (sites.length === 0) return [makeCheck(base, "unknown", "no delivery site recorded")];
  const remote = sites.filter((s) => s.mode === "remote");
  if (remote.length === 0) return [makeCheck(base, "not_applicable", "every site is an on-site floor")];
  const gaps = remote
    .map((s) => ({ site: s, missing: REMOTE_SITE_CONTROLS.filter((c) => s[c] !== true).map((c) => REMOTE_SITE_CONTROL_LABELS[c]) }))
    .filter((g) => g.missing.length > 0);
  if (gaps.length === 0) {
    return [makeCheck(base, "pass", `${remote.length} remote site${remote.length === 1 ? "" : "s"}, all with ${ALL_REMOTE_CONTROLS}`)];
  }
  const observed = gaps.map((g) => `${siteLocation(g.site)} lacks ${listInWords(g.missing)}`).join("; ");
  return [makeCheck(base, "fail", observed)];
};
