import { InstantText } from "@/components/ui/relative-date";
import type { LegalReview } from "@/lib/schemas/views/legal-review";
import { SignOffForm } from "./sign-off-form";

/** Who signed the legal review off and when, or why that sign-off no longer holds. */
export function SignOffPanel({ vendorId, review, blockers, now }: { vendorId: string; review: LegalReview; blockers: number; now: Date }) {
  const { signOff } = review;
  return (
    <section id="section-signoff" className="dossier-section legal-signoff" aria-labelledby="legal-signoff-heading">
      <div className="section-header">
        <h2 id="legal-signoff-heading">Legal sign-off</h2>
        <span className="muted">Legal revision {review.legalRevision}</span>
      </div>
      <div className={`card signoff-state signoff-${signOff.state}`} data-testid="legal-signoff-state">
        {signOff.state === "missing" ? (
          <p><span className="badge status-muted">Not signed off</span> Legal has not signed off this vendor&apos;s review yet.</p>
        ) : null}
        {signOff.state === "current" ? (
          <p>
            <span className="badge status-ok">Signed off</span> by <strong>{signOff.signOff.signedByName}</strong> on <InstantText at={signOff.signOff.signedAt} now={now} /> at revision {signOff.signOff.legalRevision}.
          </p>
        ) : null}
        {signOff.state === "outdated" ? (
          <>
            <p>
              <span className="badge sev-high">Outdated</span>{" "}
              <strong>Outdated since {signOff.changes[0]?.description ?? "a legal change after the sign-off"}</strong>
              {signOff.changes[0] ? <> ({signOff.changes[0].actorName}, <InstantText at={signOff.changes[0].at} now={now} />)</> : null}.
            </p>
            <p className="muted">
              Signed off by {signOff.signOff.signedByName} on <InstantText at={signOff.signOff.signedAt} now={now} relative={false} /> at revision {signOff.signOff.legalRevision}; the review is now at revision {review.legalRevision}.
            </p>
            <details className="signoff-changes" open={signOff.changes.length <= 3}>
              <summary>Changes since the sign-off ({signOff.changes.length}), from the audit log</summary>
              <ol className="plain-list numbered">
                {signOff.changes.map((c) => (
                  <li key={c.auditId}>
                    <InstantText at={c.at} now={now} relative={false} /> · {c.actorName}: {c.description} <span className="muted mono">({c.action})</span>
                  </li>
                ))}
              </ol>
            </details>
          </>
        ) : null}
        {signOff.state !== "missing" && signOff.signOff.comment ? (
          <p className="signoff-comment"><span className="muted">Comment:</span> <span className="pre-line">{signOff.signOff.comment}</span></p>
        ) : null}
        {review.may.signOff && signOff.state !== "current" ? <SignOffForm vendorId={vendorId} legalRevision={review.legalRevision} blockers={blockers} /> : null}
        {!review.may.signOff && signOff.state !== "current" ? <p className="muted">Only a legal user can sign the legal review off.</p> : null}
      </div>
    </section>
  );
}
