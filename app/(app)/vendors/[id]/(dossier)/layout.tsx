import type { Metadata } from "next";
import { DossierTabsNav } from "@/components/dossier/dossier-tabs-nav";
import { summariseTabs } from "@/components/dossier/findings-summary";
import { TargetHighlighter } from "@/components/dossier/target-highlighter";
import { VendorHeader } from "@/components/dossier/vendor-header";
import { ExportPackControl } from "@/components/audit/export-pack-control";
import { can } from "@/lib/server/permissions";
import { loadDossierView } from "../load-dossier-view";

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id } = await params;
  const { view } = await loadDossierView(id);
  return { title: view.vendor.name };
}

/**
 * The vendor dossier: one header and a section bar shared by every tab. It
 * sits in a route group so /vendors/[id]/edit keeps its own plain page.
 */
export default async function DossierLayout({ children, params }: Params & { children: React.ReactNode }) {
  const { id } = await params;
  const { actor, view } = await loadDossierView(id);
  return (
    <div className="dossier">
      <VendorHeader view={view} />
      {can(actor.role, "pack.export") ? <div className="dossier-header-actions"><ExportPackControl vendorId={view.vendor.id} /></div> : null}
      <DossierTabsNav vendorId={view.vendor.id} summaries={summariseTabs(view.vendor.id, view.findings)} />
      <div className="dossier-body">{children}</div>
      <TargetHighlighter />
    </div>
  );
}
