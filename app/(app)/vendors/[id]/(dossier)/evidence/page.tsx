import { EvidenceTab } from "@/components/dossier/evidence-tab";
import { dossierMetadata, loadDossierView } from "../../load-dossier-view";

export const generateMetadata = ({ params }: { params: Promise<{ id: string }> }) => dossierMetadata(params, "Evidence");

export default async function VendorEvidencePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { view } = await loadDossierView(id);
  return <EvidenceTab view={view} />;
}
