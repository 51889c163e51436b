import { ControlsTab } from "@/components/dossier/controls-tab";
import { dossierMetadata, loadDossierView } from "../../load-dossier-view";

export const generateMetadata = ({ params }: { params: Promise<{ id: string }> }) => dossierMetadata(params, "Controls");

export default async function VendorControlsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { view } = await loadDossierView(id);
  return <ControlsTab view={view} />;
}
