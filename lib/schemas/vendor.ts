import { z } from "zod";
import { EXPIRY_WINDOWS, FINDING_SEVERITIES, PORTFOLIO_BANDS, SCORE_BUCKETS, type ExpiryWindow, type ScoreBucket } from "@/lib/domain/vendors/portfolio";
import { TIERS, VENDOR_STATUSES } from "@/lib/domain/vocabulary";
import { FINDING_DOMAINS } from "@/lib/domain/findings/finding-domains";
import { vendorProfileInputSchema } from "./dossier";

// The vendor form edits the dossier profile (lib/schemas/dossier.ts). The tier
// is not typed in: it is computed from data, access and industry, and changed
// only through an override with a written reason (tierOverrideSchema).

export const vendorFieldsSchema = vendorProfileInputSchema
  .omit({ id: true, tierOverride: true, ownerEmail: true })
  .extend({ ownerId: z.string().trim().max(64) });
export type VendorFieldsInput = z.input<typeof vendorFieldsSchema>;
export type VendorFields = z.infer<typeof vendorFieldsSchema>;

export const vendorUpdateSchema = vendorFieldsSchema.extend({
  id: z.string().min(1),
  version: z.number().int().positive(),
});

export const emptyVendorFields: VendorFieldsInput = {
  name: "",
  legalName: "",
  website: "",
  country: "",
  services: [],
  industries: [],
  dataCategories: [],
  accessLevel: "read_only",
  status: "prospective",
  ownerId: "",
};

export const tierOverrideActionSchema = z.object({
  vendorId: z.string().min(1),
  version: z.number().int().positive(),
  /** null clears the override and returns to the computed tier. */
  override: z
    .object({
      tier: z.enum(TIERS),
      reason: z.string(),
    })
    .nullable(),
});

export const vendorListQuerySchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  tier: z.enum(TIERS).optional().catch(undefined),
  status: z.enum(VENDOR_STATUSES).optional().catch(undefined),
  country: z.string().trim().toUpperCase().length(2).optional().catch(undefined),
  industry: z.string().trim().max(40).optional().catch(undefined),
  blocker: z.enum(["yes", "no"]).optional().catch(undefined),
  soc2: z.enum(["stale", "due", "missing", "current"]).optional().catch(undefined),
  // The dashboard's groups (lib/domain/vendors/portfolio.ts), each a link to exactly its vendors.
  /** Rating band of the latest assessment, or "none" when never assessed. */
  band: z.enum(PORTFOLIO_BANDS).optional().catch(undefined),
  /** At least one open finding of this severity. */
  finding: z.enum(FINDING_SEVERITIES).optional().catch(undefined),
  /** The latest assessment's score lies in the ten-point bucket starting here. */
  score: z.coerce
    .number()
    .refine((n): n is ScoreBucket => (SCORE_BUCKETS as readonly number[]).includes(n))
    .optional()
    .catch(undefined),
  /** The next reassessment is past its day (offboarded vendors are never due). */
  reassessment: z.enum(["overdue"]).optional().catch(undefined),
  /** An open remediation item is past its due date. */
  remediation: z.enum(["overdue"]).optional().catch(undefined),
  /** The latest risk acceptance is past its last day. */
  acceptance: z.enum(["lapsed"]).optional().catch(undefined),
  /** An assessment was created in this month ("YYYY-MM", UTC). */
  assessed: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional().catch(undefined),
  /** An ISO certificate or insurance policy expires, or a SOC 2 report turns stale, between today and this many days ahead. */
  expiring: z.coerce
    .number()
    .refine((n): n is ExpiryWindow => (EXPIRY_WINDOWS as readonly number[]).includes(n))
    .optional()
    .catch(undefined),
  /** The same, on a day of this month ("YYYY-MM"). */
  lapses: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional().catch(undefined),
  /** At least one open finding counting in this scoring domain (lib/domain/findings/finding-domains.ts). */
  domain: z.enum(FINDING_DOMAINS).optional().catch(undefined),
  sort: z.enum(["name", "tier", "country", "findings", "updated"]).default("name").catch("name"),
  dir: z.enum(["asc", "desc"]).default("asc").catch("asc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  pageSize: z.coerce.number().int().min(5).max(100).default(25).catch(25),
});
export type VendorListQuery = z.infer<typeof vendorListQuerySchema>;
