import { TierBadge } from "@/components/ui/badge";
import { formatMoney } from "@/lib/domain/money";
import { insuranceMinimum, reviewCadenceMonths } from "@/lib/domain/vendors/tier";
import { isElevatedTier, TIER_LABELS, type Tier } from "@/lib/domain/vocabulary";
import type { VendorDossierView } from "@/lib/schemas/views/vendor-dossier";
import { InstantText } from "@/components/ui/relative-date";
import { TierOverrideForm } from "./tier-override-form";

/**
 * The inherent tier: what applies, what the profile computes and why, and any
 * override with who made it, when and why (the override never hides the
 * computed tier).
 */
export function TierPanel({ view }: { view: VendorDossierView }) {
  const { tier, vendor, settings, dossier, now, may } = view;
  const effective = tier.effective;
  const computed = tier.computed as Tier;
  const override = tier.override;
  const differs = override !== null && effective !== computed;
  const minimum = insuranceMinimum(effective, dossier.profile.industries, settings);
  const cadence = reviewCadenceMonths(effective, settings);
  return (
    <section className="card tier-panel" aria-labelledby="tier-heading">
      <h2 id="tier-heading">Inherent risk tier</h2>
      <dl className="facts">
        <dt>Tier that applies</dt>
        <dd>
          <TierBadge tier={effective} /> {differs ? <span className="badge override-marker">Overridden</span> : <span className="muted">computed from the profile</span>}
        </dd>
        <dt>Computed tier</dt>
        <dd><TierBadge tier={computed} /></dd>
      </dl>
      <h3>Why the profile gives {TIER_LABELS[computed]}</h3>
      <ul className="reasons">
        {tier.reasons.map((r) => <li key={r}>{r.charAt(0).toUpperCase() + r.slice(1)}</li>)}
      </ul>
      {override ? (
        <div className="override-box" aria-labelledby="override-heading">
          <h3 id="override-heading">
            Override to {TIER_LABELS[effective]}
            {!differs ? <span className="muted"> (now the same as the computed tier)</span> : null}
          </h3>
          <p>
            By <strong>{override.by}</strong>
            {override.at ? <>, <InstantText at={override.at} now={now} /></> : null}
          </p>
          <blockquote className="override-reason">{override.reason}</blockquote>
        </div>
      ) : null}
      <h3>What the {TIER_LABELS[effective]} tier sets</h3>
      <ul className="reasons">
        <li>Insurance minimum: {formatMoney(minimum.minimumMinor, minimum.currency)} per occurrence ({minimum.basis})</li>
        <li>Review cadence: every {cadence === 12 ? "year" : cadence === 3 ? "quarter" : `${cadence} months`}</li>
        <li>
          {isElevatedTier(effective)
            ? "Evidence: only a current SOC 2 Type II report satisfies the SOC 2 requirement"
            : "Evidence: the strict Critical/High rule (a current SOC 2 Type II report) does not apply"}
        </li>
      </ul>
      {may.overrideTier ? (
        <TierOverrideForm vendorId={vendor.id} version={vendor.version} current={override ? { tier: effective, reason: override.reason } : null} computed={computed} />
      ) : null}
    </section>
  );
}
