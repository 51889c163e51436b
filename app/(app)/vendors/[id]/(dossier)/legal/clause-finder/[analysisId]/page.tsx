import Link from "next/link";
import { notFound } from "next/navigation";
import { InstantText } from "@/components/ui/relative-date";
import { ClauseFinderReview } from "@/components/legal/clause-finder-review";
import { contractLabel } from "@/components/legal/legal-format";
import { SccSuggestion } from "@/components/legal/scc-suggestion";
import { clauseFinderHref, legalAnchorHref, legalFormHref } from "@/components/legal/legal-links";
import { legalContextFor } from "@/lib/domain/legal/legal-context";
import type { Tier } from "@/lib/domain/vocabulary";
import { requirePageActor } from "@/lib/server/auth";
import { AppError } from "@/lib/server/errors";
import { can } from "@/lib/server/permissions";
import { getContractAnalysis } from "@/lib/server/services/clause-finder";
import { dossierMetadata, loadDossierView } from "../../../../load-dossier-view";
import "@/components/legal/legal.css";

type Props = { params: Promise<{ id: string; analysisId: string }> };

export const generateMetadata = ({ params }: Props) => dossierMetadata(params, "Clause finder");

export default async function ClauseFinderReviewPage({ params }: Props) {
  const { id, analysisId } = await params;
  const actor = await requirePageActor("legal.manage");
  const { view } = await loadDossierView(id);
  const result = await getContractAnalysis({ actor, vendorId: view.vendor.id, analysisId }).catch((e: unknown) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const context = legalContextFor(view.dossier, view.settings, view.tier.effective as Tier);
  const fileName = result.document?.fileName ?? "the file";
  return (
    <section className="card clause-finder-page" aria-labelledby="finder-title">
      <p><Link href={legalAnchorHref(view.vendor.id)}>← Legal tab</Link></p>
      <h2 id="finder-title">Clause finder: {fileName}</h2>
      <p className="muted">
        {result.data.format.toUpperCase()}{result.data.pageCount ? `, ${result.data.pageCount} pages` : ""}; read by {result.analysis.createdByName} on{" "}
        <InstantText at={result.analysis.createdAt} now={view.now} /> in {(result.data.elapsedMs / 1000).toFixed(1)} s. {result.data.proposals.filter((p) => p.found).length} of{" "}
        {result.data.proposals.length} clauses found.
      </p>
      {result.data.sccs ? <SccSuggestion sccs={result.data.sccs} /> : null}
      <ClauseFinderReview
        analysis={{ id: result.analysis.id, version: result.analysis.version }}
        data={result.data}
        fileName={fileName}
        contractId={result.contractId}
        contracts={result.contracts.map((c) => ({ id: c.id, label: contractLabel(c) }))}
        checklist={result.checklist}
        context={{ dataCategories: context.dataCategories, industries: context.industries, insuranceMinimumMinor: context.insuranceMinimumMinor, currency: context.currency }}
        settings={view.settings}
        canDecide={can(actor.role, "legal.manage")}
        newContractHref={legalFormHref(view.vendor.id, "contract", "new", {
          evidenceId: result.analysis.documentId,
          returnTo: clauseFinderHref(view.vendor.id, result.analysis.id),
        })}
      />
    </section>
  );
}
