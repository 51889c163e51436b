import { z } from "zod";
import { CONTROL_DOMAINS, CONTROL_IMPORTANCES } from "@/lib/domain/dossier-vocabulary";
import { requiredText } from "./dossier-fields";

// The BPO control pack (docs/rules.md §6) is data, not code: the default lives in
// lib/domain/reference/control-catalogue.json and an admin may extend it. Codes are
// stable keys ("email.dmarc_reject") that assessments and findings refer to.

export const CONTROL_CODE_PATTERN = /^[a-z][a-z0-9_]*\.[a-z0-9_]+$/;

export const controlCatalogueEntrySchema = z.object({
  code: z.string().trim().regex(CONTROL_CODE_PATTERN, "Use a code like access.mfa_everywhere"),
  domain: z.enum(CONTROL_DOMAINS, { error: "Choose the control's domain" }),
  title: requiredText("Enter the control's title", 200),
  description: requiredText("Describe what the control requires", 2000),
  importance: z.enum(CONTROL_IMPORTANCES, { error: "Choose how important the control is" }),
  /** Where the control comes from (standard or regulation). */
  source: z.string().trim().max(200).optional(),
});
export type ControlCatalogueEntry = z.infer<typeof controlCatalogueEntrySchema>;

export const controlCatalogueSchema = z.array(controlCatalogueEntrySchema).superRefine((entries, ctx) => {
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    if (seen.has(entry.code)) {
      ctx.addIssue({ code: "custom", path: [index, "code"], message: `Control code ${entry.code} is listed twice` });
    }
    seen.add(entry.code);
  });
});
export type ControlCatalogue = z.infer<typeof controlCatalogueSchema>;
