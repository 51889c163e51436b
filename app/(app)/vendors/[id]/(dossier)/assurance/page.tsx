import { AssuranceTab } from "@/components/dossier/assurance-tab";
import { dossierMetadata, loadDossierView } from "../../load-dossier-view";

export const generateMetadata = ({ params }: { params: Promise<{ id: string }> }) => dossierMetadata(params, "Assurance");

export default async function VendorAssurancePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { view } = await loadDossierView(id);
  return <AssuranceTab view={view} />;
}
