import { ReviewsTab } from "@/components/dossier/reviews-tab";
import { dossierMetadata, loadDossierView } from "../../load-dossier-view";

export const generateMetadata = ({ params }: { params: Promise<{ id: string }> }) => dossierMetadata(params, "Security reviews");

export default async function VendorReviewsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { view } = await loadDossierView(id);
  return <ReviewsTab view={view} />;
}
