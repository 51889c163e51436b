import { z } from "zod";
import { INDUSTRIES, SERVICES, TIERS, VENDOR_STATUSES } from "@/lib/domain/vocabulary";
import { isCountryCode } from "@/lib/domain/reference/countries";

// One schema for the vendor form (zodResolver) and the server action.

const optionalUrl = z
  .string()
  .trim()
  .max(300)
  .refine((v) => v === "" || /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(v), "Enter a full web address, e.g. https://example.com");

export const vendorFieldsSchema = z.object({
  name: z.string().trim().min(1, "Enter the vendor's name").max(200, "Keep the name under 200 characters"),
  legalName: z.string().trim().min(1, "Enter the registered legal name").max(300),
  website: optionalUrl,
  country: z.string().refine((c): boolean => isCountryCode(c), "Choose the country of the vendor's headquarters"),
  services: z.array(z.enum(SERVICES)).min(1, "Choose at least one service"),
  industries: z.array(z.enum(INDUSTRIES)).min(1, "Choose at least one industry served for us"),
  tier: z.enum(TIERS, { message: "Choose a tier" }),
  status: z.enum(VENDOR_STATUSES),
  ownerId: z.string().trim().max(64),
});
export type VendorFields = z.infer<typeof vendorFieldsSchema>;

export const vendorUpdateSchema = vendorFieldsSchema.extend({
  id: z.string().min(1),
  version: z.number().int().positive(),
});
export type VendorUpdate = z.infer<typeof vendorUpdateSchema>;

export const emptyVendorFields: VendorFields = {
  name: "",
  legalName: "",
  website: "",
  country: "",
  services: [],
  industries: [],
  tier: "moderate",
  status: "prospective",
  ownerId: "",
};

export const vendorListQuerySchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  tier: z.enum(TIERS).optional().catch(undefined),
  status: z.enum(VENDOR_STATUSES).optional().catch(undefined),
  country: z.string().length(2).optional().catch(undefined),
  sort: z.enum(["name", "tier", "country", "updated"]).default("name").catch("name"),
  dir: z.enum(["asc", "desc"]).default("asc").catch("asc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  pageSize: z.coerce.number().int().min(5).max(100).default(25).catch(25),
});
export type VendorListQuery = z.infer<typeof vendorListQuerySchema>;
