import { KpisTab } from "@/components/dossier/kpis-tab";
import { dossierMetadata, loadDossierView } from "../../load-dossier-view";

export const generateMetadata = ({ params }: { params: Promise<{ id: string }> }) => dossierMetadata(params, "KPIs and incidents");

export default async function VendorKpisPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { view } = await loadDossierView(id);
  return <KpisTab view={view} />;
}
