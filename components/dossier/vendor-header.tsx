import Link from "next/link";
import { TierBadge } from "@/components/ui/badge";
import { SEVERITIES, TIER_LABELS, type Tier } from "@/lib/domain/vocabulary";
import type { VendorDossierView } from "@/lib/schemas/views/vendor-dossier";
import { countBySeverity, SEVERITY_LABELS } from "./findings-summary";
import { VendorStatusBadge } from "./status-badges";

/** Name, tier (with the override made obvious), status, owner and the findings tally. */
export function VendorHeader({ view }: { view: VendorDossierView }) {
  const { vendor, tier, findings, may } = view;
  const counts = countBySeverity(findings);
  const overridden = tier.override !== null && tier.effective !== tier.computed;
  return (
    <header className="dossier-header">
      <div className="dossier-header-main">
        <p className="muted breadcrumb"><Link href="/vendors">Vendors</Link> /</p>
        <h1>{vendor.name}</h1>
        <p className="muted legal-name">{vendor.legalName}</p>
        <dl className="header-facts">
          <div>
            <dt>Tier</dt>
            <dd>
              <TierBadge tier={tier.effective} />
              {overridden ? (
                <span className="badge override-marker" title={`Computed tier: ${TIER_LABELS[tier.computed as Tier]}. Overridden by ${tier.override?.by}.`}>
                  Overridden (computed {TIER_LABELS[tier.computed as Tier]})
                </span>
              ) : null}
            </dd>
          </div>
          <div>
            <dt>Status</dt>
            <dd><VendorStatusBadge status={vendor.status} /></dd>
          </div>
          <div>
            <dt>Owner</dt>
            <dd>{vendor.owner ? vendor.owner.name : <span className="muted">No owner</span>}</dd>
          </div>
          <div>
            <dt>Findings</dt>
            <dd>
              {findings.length === 0 ? (
                <span className="badge status-ok">No findings</span>
              ) : (
                <Link href={`/vendors/${vendor.id}#findings`} className="finding-tally" aria-label={`Findings: ${SEVERITIES.map((s) => `${counts[s]} ${SEVERITY_LABELS[s].toLowerCase()}`).join(", ")}. Show them.`}>
                  {SEVERITIES.map((s) => (
                    <span key={s} className={`badge ${counts[s] > 0 ? `sev-${s}` : "status-muted"}`}>
                      {counts[s]} {s === "blocker" ? (counts[s] === 1 ? "blocker" : "blockers") : s}
                    </span>
                  ))}
                </Link>
              )}
            </dd>
          </div>
        </dl>
      </div>
      {may.editProfile ? (
        <Link className="btn" href={`/vendors/${vendor.id}/edit`}>Edit profile</Link>
      ) : null}
    </header>
  );
}
