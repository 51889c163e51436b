import { notFound } from "next/navigation";
import { ClauseRecordForm } from "@/components/legal/clause-record-form";
import { ContractForm } from "@/components/legal/contract-form";
import { contractPrefill, prefillNote } from "@/components/legal/contract-prefill";
import { DpaForm } from "@/components/legal/dpa-form";
import { contractLabel, countryLabel } from "@/components/legal/legal-format";
import { SubProcessorForm } from "@/components/legal/subprocessor-form";
import { TransferForm } from "@/components/legal/transfer-form";
import { CLAUSE_CATALOGUE, catalogueEntry } from "@/lib/domain/legal/clause-catalogue";
import { legalContextFor } from "@/lib/domain/legal/legal-context";
import type { Tier } from "@/lib/domain/vocabulary";
import { isLegalRecordKind, LEGAL_RECORD_KINDS } from "@/lib/schemas/dossier-record-kinds";
import type { ClauseReviewRow, ContractInput, DpaInput, SubProcessorInput, TransferMechanismInput } from "@/lib/schemas/legal";
import { requirePageActor } from "@/lib/server/auth";
import { getLegalReview, legalRecordOf } from "@/lib/server/services/legal-view";
import { dossierMetadata, loadDossierView } from "../../../../load-dossier-view";
import "@/components/legal/legal.css";

type Props = { params: Promise<{ id: string; kind: string; key: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props) {
  const { kind } = await params;
  return dossierMetadata(params, isLegalRecordKind(kind) ? LEGAL_RECORD_KINDS[kind].label : "Legal");
}

/** One legal record's form: /legal/contract/new, /legal/clause/<code>, /legal/dpa/current, /legal/transfer/<country>, /legal/subprocessor/<id>. */
export default async function LegalRecordPage({ params, searchParams }: Props) {
  const { id, kind, key: rawKey } = await params;
  if (!isLegalRecordKind(kind)) notFound();
  const actor = await requirePageActor("legal.manage");
  const { view } = await loadDossierView(id);
  const review = await getLegalReview({ actor, vendorId: view.vendor.id });
  const query = await searchParams;
  const key = decodeURIComponent(rawKey);
  const vendorId = view.vendor.id;
  const legal = view.dossier.legal;
  const contracts = legal.contracts.map((c) => ({ id: c.id, label: contractLabel(c) }));
  const record = key === "new" ? undefined : legalRecordOf(review, kind, key);
  const existing = record ? { id: record.id, version: record.version } : undefined;
  const single = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

  let title: string;
  let body: React.ReactNode;
  switch (kind) {
    case "contract": {
      if (key !== "new" && !record) notFound();
      // Only come back to pages of this vendor (never an arbitrary address from the query string).
      const returnTo = single(query.returnTo);
      const safeReturn = returnTo?.startsWith(`/vendors/${vendorId}/legal`) ? returnTo : undefined;
      // A new contract for an uploaded file starts from what the clause finder read in it (latest run first).
      const evidenceId = single(query.evidenceId) ?? "";
      const facts = record || !evidenceId ? undefined : review.analyses.find((a) => a.documentId === evidenceId)?.facts;
      const initial: ContractInput = record ? (record.data as ContractInput) : contractPrefill(facts, evidenceId);
      title = record ? `Edit contract ${contractLabel(record.data as { type: string; title?: string })}` : "Add contract";
      const documents = view.documents.map((d) => ({ id: d.id, label: `${d.fileName}${d.title ? ` (${d.title})` : ""}`, isContract: d.kind === "contract" }));
      const file = facts ? view.documents.find((d) => d.id === evidenceId) : undefined;
      body = (
        <>
          {facts && file ? <p className="hint prefill-note">{prefillNote(file.fileName, facts)}</p> : null}
          <ContractForm vendorId={vendorId} existing={existing} initial={initial} documents={documents} returnTo={safeReturn} />
        </>
      );
      break;
    }
    case "clause": {
      const clause = catalogueEntry(CLAUSE_CATALOGUE, key);
      if (!clause) notFound();
      const context = legalContextFor(view.dossier, view.settings, view.tier.effective as Tier);
      title = `Clause: ${clause.title}`;
      body = (
        <ClauseRecordForm
          vendorId={vendorId}
          clause={clause}
          existing={existing}
          initial={record?.data as ClauseReviewRow | undefined}
          contracts={contracts}
          context={{ dataCategories: context.dataCategories, industries: context.industries, insuranceMinimumMinor: context.insuranceMinimumMinor, currency: context.currency }}
          settings={view.settings}
        />
      );
      break;
    }
    case "dpa": {
      title = "DPA status";
      body = <DpaForm vendorId={vendorId} existing={existing} initial={(record?.data as DpaInput | undefined) ?? { status: "none" }} contracts={contracts} />;
      break;
    }
    case "transfer": {
      if (!/^[A-Z]{2}$/.test(key)) notFound();
      title = `Transfer mechanism: ${countryLabel(key)}`;
      const initial: TransferMechanismInput = (record?.data as TransferMechanismInput | undefined) ?? { country: key, mechanism: "sccs" };
      body = <TransferForm vendorId={vendorId} existing={existing} initial={initial} countryLabel={countryLabel(key)} />;
      break;
    }
    case "subprocessor": {
      if (key !== "new" && !record) notFound();
      title = record ? `Edit sub-processor ${String(record.data.name)}` : "Add sub-processor";
      const initial: SubProcessorInput = (record?.data as SubProcessorInput | undefined) ?? { name: "", service: "", country: "", dataCategories: [], consented: false, notified: false };
      body = <SubProcessorForm vendorId={vendorId} existing={existing} initial={initial} />;
      break;
    }
  }
  return (
    <section className="card legal-form-card" aria-labelledby="legal-form-title">
      <h2 id="legal-form-title">{title}</h2>
      {body}
    </section>
  );
}
