import { EvidenceTimeline } from "@/components/dossier/evidence-timeline";
import { FindingsPanel } from "@/components/dossier/findings-panel";
import { ProfileFacts } from "@/components/dossier/profile-facts";
import { TierPanel } from "@/components/dossier/tier-panel";
import { loadDossierView } from "../load-dossier-view";

export default async function VendorOverviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { view } = await loadDossierView(id);
  return (
    <div className="overview">
      <FindingsPanel vendorId={view.vendor.id} findings={view.findings} />
      <div className="grid-2">
        <TierPanel view={view} />
        <ProfileFacts view={view} />
      </div>
      <EvidenceTimeline view={view} />
    </div>
  );
}
