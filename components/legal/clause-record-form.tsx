"use client";

import { useState } from "react";
import { saveLegalRecordAction } from "@/app/(app)/vendors/[id]/legal-actions";
import type { ClauseContext } from "@/lib/domain/legal/clause-deviation";
import type { ClauseCatalogueEntry } from "@/lib/domain/legal/clause-catalogue";
import type { ClauseReviewRow } from "@/lib/schemas/legal";
import type { Settings } from "@/lib/schemas/settings";
import { ClauseForm } from "./clause-form";
import { legalAnchorHref } from "./legal-links";

/** The clause form on its own page: saves the checklist row with the version it was loaded at. */
export function ClauseRecordForm(props: {
  vendorId: string;
  clause: ClauseCatalogueEntry;
  existing?: { id: string; version: number };
  initial?: ClauseReviewRow;
  contracts: { id: string; label: string }[];
  context: Omit<ClauseContext, "clause">;
  settings: Settings;
}) {
  const { vendorId, clause, existing } = props;
  const [baseVersion] = useState(existing?.version);
  return (
    <ClauseForm
      clause={clause}
      contracts={props.contracts}
      initial={props.initial}
      context={props.context}
      settings={props.settings}
      submitLabel="Save clause"
      afterSave={legalAnchorHref(vendorId, clause.code)}
      cancel={{ href: legalAnchorHref(vendorId, clause.code) }}
      submit={(row) => saveLegalRecordAction({ vendorId, kind: "clause", ...(existing ? { id: existing.id, version: baseVersion } : {}), data: row })}
    />
  );
}
