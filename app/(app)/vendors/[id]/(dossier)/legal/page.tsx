import { LegalTab } from "@/components/legal/legal-tab";
import { getLegalReview } from "@/lib/server/services/legal-view";
import { dossierMetadata, loadDossierView } from "../../load-dossier-view";
import "@/components/legal/legal.css";

export const generateMetadata = ({ params }: { params: Promise<{ id: string }> }) => dossierMetadata(params, "Legal");

export default async function VendorLegalPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { actor, view } = await loadDossierView(id);
  const review = await getLegalReview({ actor, vendorId: view.vendor.id });
  return <LegalTab view={view} review={review} />;
}
