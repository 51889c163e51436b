// The REST API's vendor shapes. Inputs reuse the forms' schemas (one schema
// per input); the list filters are the vendor list's own, made strict: the
// page ignores a bad filter value, the API says which one is wrong.
import { z } from "zod";
import { SEVERITIES, TIERS, VENDOR_STATUSES } from "@/lib/domain/vocabulary";
import { vendorFieldsSchema, vendorListQuerySchema, vendorUpdateSchema } from "../vendor";

type Filters = Omit<typeof vendorListQuerySchema.shape, "sort" | "dir" | "page" | "pageSize">;
type Uncaught<T> = T extends z.ZodCatch<infer Inner> ? Inner : T;
const strictFilters = Object.fromEntries(
  Object.entries(vendorListQuerySchema.omit({ sort: true, dir: true, page: true, pageSize: true }).shape).map(([key, field]) => [key, field instanceof z.ZodCatch ? field.unwrap() : field]),
) as unknown as { [K in keyof Filters]: Uncaught<Filters[K]> };

export const apiVendorListQuerySchema = z
  .strictObject({
    ...strictFilters,
    cursor: z.string().max(500).optional().describe("The `nextCursor` of the previous page."),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .describe("Vendor list filters (the same as the vendor list page's), sorted by name.");
export type ApiVendorListQuery = z.infer<typeof apiVendorListQuerySchema>;

export const apiVendorCreateSchema = vendorFieldsSchema;
/** PATCH body: the whole profile plus the version it was read at (optimistic lock: 409 when someone saved meanwhile). */
export const apiVendorUpdateSchema = vendorUpdateSchema.omit({ id: true });

export const apiVendorSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    legalName: z.string().nullable(),
    tier: z.enum(TIERS),
    status: z.enum(VENDOR_STATUSES),
    country: z.string().nullable(),
    version: z.number().int(),
    updatedAt: z.iso.datetime(),
    owner: z.object({ id: z.string(), name: z.string() }).nullable(),
    openFindings: z.object({ blocker: z.number().int(), high: z.number().int(), medium: z.number().int(), low: z.number().int() }),
    soc2: z.object({ state: z.string().nullable(), staleFrom: z.iso.date().nullable() }),
  })
  .describe("A vendor, with the counts of its open findings as of the last summary refresh.");
export type ApiVendor = z.infer<typeof apiVendorSchema>;

export const apiVendorPageSchema = z.object({
  data: z.array(apiVendorSchema),
  nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page."),
});

export const apiFindingSchema = z.object({
  code: z.string(),
  severity: z.enum(SEVERITIES),
  message: z.string(),
  observed: z.string().optional(),
  threshold: z.string().optional(),
  source: z.string(),
  subject: z.object({ kind: z.string(), id: z.string().optional(), label: z.string().optional() }),
});
export const apiFindingListSchema = z.object({ data: z.array(apiFindingSchema) });
