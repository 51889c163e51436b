import { z } from "zod";
import { vendorListQuerySchema } from "./vendor";

// Audit pack requests (docs/rules.md §10).

export const PDF_CHOICES = ["latest", "all"] as const;
export type PdfChoice = (typeof PDF_CHOICES)[number];

/** ?pdfs=all|latest on the single-vendor download; anything else means latest. */
export const vendorPackQuerySchema = z.object({
  pdfs: z.enum(PDF_CHOICES).default("latest").catch("latest"),
});

/** The vendor list's filters that make sense for choosing vendors to export. */
export const PACK_FILTER_KEYS = ["q", "tier", "status", "country", "industry", "blocker", "soc2"] as const;

const vendorFilterSchema = vendorListQuerySchema.pick({ q: true, tier: true, status: true, country: true, industry: true, blocker: true, soc2: true });
export type PackVendorFilter = z.infer<typeof vendorFilterSchema>;

/** Starting a bulk export: which vendors, which assessment PDFs. Strict: a bulk job is not started on a misread filter. */
export const packJobInputSchema = z.object({
  filter: z.record(z.string(), z.string()).default({}).transform((raw, ctx) => {
    const unknown = Object.keys(raw).filter((k) => !(PACK_FILTER_KEYS as readonly string[]).includes(k) && raw[k] !== "");
    if (unknown.length) ctx.addIssue({ code: "custom", message: `Unknown filter ${unknown.join(", ")}` });
    const cleaned = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== ""));
    const parsed = vendorFilterSchema.parse(cleaned);
    // The list's schema drops bad values; here a dropped value would widen the export, so refuse it.
    for (const key of Object.keys(cleaned)) {
      if (parsed[key as keyof PackVendorFilter] === undefined) ctx.addIssue({ code: "custom", path: [key], message: `Invalid value for ${key}` });
    }
    return parsed;
  }),
  pdfs: z.enum(PDF_CHOICES).default("latest"),
});
export type PackJobInput = z.input<typeof packJobInputSchema>;
