import { z } from "zod";
import { TIERS, VENDOR_STATUSES } from "@/lib/domain/vocabulary";
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
  sort: z.enum(["name", "tier", "country", "findings", "updated"]).default("name").catch("name"),
  dir: z.enum(["asc", "desc"]).default("asc").catch("asc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  pageSize: z.coerce.number().int().min(5).max(100).default(25).catch(25),
});
export type VendorListQuery = z.infer<typeof vendorListQuerySchema>;
