import "server-only";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requirePageActor } from "@/lib/server/auth";
import { AppError } from "@/lib/server/errors";
import { getVendorDossierView } from "@/lib/server/services/dossier-view";

/**
 * The vendor dossier for one request. The layout (header, tabs) and the page
 * both need it; cache() makes them share one load and one `now`, so the
 * header's counts and the page's findings can never disagree.
 */
export const loadDossierView = cache(async (vendorId: string) => {
  const actor = await requirePageActor("vendor.read");
  const view = await getVendorDossierView({ actor, vendorId }).catch((e: unknown) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  return { actor, view };
});

/** "<vendor> · Sites": every tab's title names the vendor (the root layout appends "· Assay"). */
export async function dossierMetadata(params: Promise<{ id: string }>, section: string): Promise<Metadata> {
  const { id } = await params;
  const { view } = await loadDossierView(id);
  return { title: `${view.vendor.name} · ${section}` };
}
