import { VendorAssessmentsTab } from "@/components/assessments/vendor-assessments-tab";
import { listVendorAssessments } from "@/lib/server/services/assessments/list";
import { dossierMetadata, loadDossierView } from "../../load-dossier-view";

export const generateMetadata = ({ params }: { params: Promise<{ id: string }> }) => dossierMetadata(params, "Assessments");

export default async function VendorAssessmentsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { actor, view } = await loadDossierView(id);
  const data = await listVendorAssessments({ actor, vendorId: view.vendor.id, now: view.now });
  return <VendorAssessmentsTab data={data} now={new Date()} />;
}
