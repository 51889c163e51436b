import { InsuranceTab } from "@/components/dossier/insurance-tab";
import { dossierMetadata, loadDossierView } from "../../load-dossier-view";

export const generateMetadata = ({ params }: { params: Promise<{ id: string }> }) => dossierMetadata(params, "Insurance");

export default async function VendorInsurancePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { view } = await loadDossierView(id);
  return <InsuranceTab view={view} />;
}
