import { notFound, redirect } from "next/navigation";
import { RecordForm } from "@/components/dossier/record-form";
import { recordFormContext } from "@/components/dossier/record-form-context";
import { editRecordHref, inSentence, sectionAnchor, tabHref, TAB_OF_RECORD_KIND } from "@/components/dossier/tabs";
import { isRecordKind, RECORD_KINDS } from "@/lib/schemas/dossier-record-kinds";
import { requirePageActor } from "@/lib/server/auth";
import { dossierMetadata, loadDossierView } from "../../../../load-dossier-view";

export async function generateMetadata({ params }: { params: Promise<{ id: string; kind: string }> }) {
  const { kind } = await params;
  return dossierMetadata(params, isRecordKind(kind) ? `Add ${inSentence(RECORD_KINDS[kind].label)}` : "Add record");
}

type Props = { params: Promise<{ id: string; kind: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NewRecordPage({ params, searchParams }: Props) {
  const { id, kind } = await params;
  if (!isRecordKind(kind)) notFound();
  // Refused here as well as in the action: a viewer opening this URL gets the 403 page.
  await requirePageActor(RECORD_KINDS[kind].permission);
  const { view } = await loadDossierView(id);
  const returnHref = tabHref(view.vendor.id, TAB_OF_RECORD_KIND[kind]);

  let fixed: Record<string, string> | undefined;
  let fixedText: Record<string, string> | undefined;
  let intro: React.ReactNode = null;
  if (kind === "control") {
    const code = (await searchParams).code;
    const control = view.dossier.controlCatalogue.find((c) => c.code === code);
    if (!control) notFound();
    const assessed = view.dossier.controls.find((c) => c.code === control.code);
    if (assessed) redirect(editRecordHref(view.vendor.id, "control", assessed.id));
    fixed = { code: control.code };
    fixedText = { code: `${control.title} (${control.code})` };
    intro = <p className="muted">{control.description}</p>;
  }

  return (
    <section className="card" aria-label={`Add ${inSentence(RECORD_KINDS[kind].label)}`}>
      {intro}
      <RecordForm
        vendorId={view.vendor.id}
        kind={kind}
        fixed={fixed}
        fixedText={fixedText}
        returnHref={kind === "control" ? returnHref : `${returnHref}#${sectionAnchor(kind)}`}
        {...recordFormContext(view)}
      />
    </section>
  );
}
