import { legalAnchorHref } from "@/components/legal/legal-links";
import type { SearchHit } from "@/lib/schemas/views/search";
import { recordAnchor, tabHref } from "@/components/dossier/tabs";

/** Where a hit opens: the record's row on its vendor's tab (rows carry `record-<id>` / `document-<id>` anchors). */
export function searchHitHref(hit: Pick<SearchHit, "kind" | "id" | "vendorId">): string {
  switch (hit.kind) {
    case "vendor":
      return tabHref(hit.vendorId, "");
    case "contract":
      return legalAnchorHref(hit.vendorId, hit.id);
    case "evidence":
      return `${tabHref(hit.vendorId, "evidence")}#document-${hit.id}`;
    case "remediation":
      return `${tabHref(hit.vendorId, "assessments")}#${recordAnchor(hit.id)}`;
    case "finding":
      return `${tabHref(hit.vendorId, "")}#findings`;
  }
}
