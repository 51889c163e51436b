import type { SnapshotFreshness } from "@/lib/domain/assessments/snapshot-freshness";
import { CreateAssessmentButton } from "./create-assessment-button";

/**
 * Says whether the newest snapshot still matches the live dossier and
 * settings; when it does not, names what changed and offers a re-score
 * (version n+1; the old version stays as it was).
 */
export function StaleSnapshotNotice({
  freshness,
  version,
  vendorId,
  mayRescore,
  superseded = false,
}: {
  freshness: SnapshotFreshness;
  version: number;
  vendorId: string;
  mayRescore: boolean;
  superseded?: boolean;
}) {
  if (!freshness.stale) {
    return (
      <p className="assess-fresh" data-testid="snapshot-fresh">
        <span className="badge status-ok">Up to date</span> Version {version} matches the live dossier and settings.
      </p>
    );
  }
  const changes = [...freshness.changedSections, ...(freshness.settingsChanged ? ["Organisation settings"] : [])];
  return (
    <div className="alert alert-info assess-stale" role="status" data-testid="snapshot-stale">
      <p>
        <strong>The snapshot of version {version} is older than the live data.</strong> Changed since it was frozen: {changes.join(", ")}.
        {superseded ? " A newer version exists." : " Its score and findings describe the dossier as it was then."}
      </p>
      {mayRescore && !superseded ? <CreateAssessmentButton vendorId={vendorId} label={`Re-score (version ${version + 1})`} /> : null}
    </div>
  );
}
