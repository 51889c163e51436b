import { notFound } from "next/navigation";
import { DeleteRecordButton } from "@/components/dossier/delete-record-button";
import { RecordForm } from "@/components/dossier/record-form";
import { recordFormContext } from "@/components/dossier/record-form-context";
import { inSentence, tabHref, TAB_OF_RECORD_KIND } from "@/components/dossier/tabs";
import { isRecordKind, RECORD_KINDS } from "@/lib/schemas/dossier-record-kinds";
import { requirePageActor } from "@/lib/server/auth";
import { dossierMetadata, loadDossierView } from "../../../../load-dossier-view";

export async function generateMetadata({ params }: { params: Promise<{ id: string; kind: string }> }) {
  const { kind } = await params;
  return dossierMetadata(params, isRecordKind(kind) ? `Edit ${inSentence(RECORD_KINDS[kind].label)}` : "Edit record");
}

type Props = { params: Promise<{ id: string; kind: string; recordId: string }> };

export default async function EditRecordPage({ params }: Props) {
  const { id, kind, recordId } = await params;
  if (!isRecordKind(kind)) notFound();
  await requirePageActor(RECORD_KINDS[kind].permission);
  const { view } = await loadDossierView(id);
  const list = view.dossier[RECORD_KINDS[kind].dossierKey] as unknown as ({ id: string } & Record<string, unknown>)[];
  const record = list.find((r) => r.id === recordId);
  const meta = view.records.find((r) => r.id === recordId && r.kind === kind);
  if (!record || !meta) notFound();
  const returnHref = tabHref(view.vendor.id, TAB_OF_RECORD_KIND[kind]);

  let fixed: Record<string, string> | undefined;
  let fixedText: Record<string, string> | undefined;
  let intro: React.ReactNode = null;
  if (kind === "control") {
    const control = view.dossier.controlCatalogue.find((c) => c.code === record.code);
    fixed = { code: String(record.code) };
    fixedText = { code: control ? `${control.title} (${control.code})` : String(record.code) };
    intro = control ? <p className="muted">{control.description}</p> : null;
  }
  const { id: _id, ...data } = record;

  return (
    <section className="card" aria-label={`Edit ${inSentence(RECORD_KINDS[kind].label)}`}>
      {intro}
      <RecordForm
        vendorId={view.vendor.id}
        kind={kind}
        existing={{ id: meta.id, version: meta.version }}
        data={data}
        fixed={fixed}
        fixedText={fixedText}
        returnHref={returnHref}
        {...recordFormContext(view)}
      />
      <div className="danger-zone">
        <DeleteRecordButton vendorId={view.vendor.id} kind={kind} id={meta.id} version={meta.version} label={inSentence(RECORD_KINDS[kind].label)} afterDelete={returnHref} />
      </div>
    </section>
  );
}
