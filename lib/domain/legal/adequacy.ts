// EU adequacy decisions and the EU/EEA list, kept as data with its source
// and date (docs/rules.md §5: "keep the adequacy list as data").
import { z } from "zod";
import adequacyJson from "@/lib/domain/reference/adequacy-decisions.json";

const country = z.string().regex(/^[A-Z]{2}$/);

export const adequacyDecisionSchema = z.object({
  country,
  name: z.string(),
  decision: z.string(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  source: z.string(),
  scope: z.string(),
  /** The decision covers only some recipients (e.g. DPF-certified US organisations): check the importer. */
  requiresImporterCheck: z.boolean(),
  validUntil: z.string().optional(),
  note: z.string().optional(),
});
export type AdequacyDecision = z.infer<typeof adequacyDecisionSchema>;

export const adequacyReferenceSchema = z.object({
  source: z.string(),
  asOf: z.string(),
  legalBasis: z.string(),
  euEea: z.object({ eu: z.array(country).length(27), eeaNonEu: z.array(country), note: z.string().optional() }),
  decisions: z.array(adequacyDecisionSchema),
  notableWithoutDecision: z.array(z.object({ country, name: z.string(), note: z.string() })).default([]),
  outOfScope: z.string().optional(),
});
export type AdequacyReference = z.infer<typeof adequacyReferenceSchema>;

export const ADEQUACY_REFERENCE: AdequacyReference = adequacyReferenceSchema.parse(adequacyJson);

/** "UK" is a common way to write GB; everything else must already be ISO alpha-2. */
export function normaliseCountry(code: string): string {
  const c = code.trim().toUpperCase();
  return c === "UK" ? "GB" : c === "EL" ? "GR" : c;
}

export function isEuEea(reference: AdequacyReference, code: string): boolean {
  const c = normaliseCountry(code);
  return reference.euEea.eu.includes(c) || reference.euEea.eeaNonEu.includes(c);
}

export function adequacyDecisionFor(reference: AdequacyReference, code: string): AdequacyDecision | undefined {
  const c = normaliseCountry(code);
  return reference.decisions.find((d) => d.country === c);
}
