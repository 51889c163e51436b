import { z } from "zod";
import { TIERS } from "@/lib/domain/vocabulary";

/** Why a vendor is in the legal queue; the filter of the same name. */
export const LEGAL_QUEUE_REASONS = ["blocker", "outdated", "unsigned"] as const;
export type LegalQueueReason = (typeof LEGAL_QUEUE_REASONS)[number];

/** The legal queue's URL: filters, order and page, each falling back to its default when malformed. */
export const legalQueueQuerySchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  tier: z.enum(TIERS).optional().catch(undefined),
  reason: z.enum(LEGAL_QUEUE_REASONS).optional().catch(undefined),
  sort: z.enum(["priority", "name", "tier"]).default("priority").catch("priority"),
  dir: z.enum(["asc", "desc"]).default("asc").catch("asc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  pageSize: z.coerce.number().int().min(5).max(100).default(25).catch(25),
});
export type LegalQueueQuery = z.infer<typeof legalQueueQuerySchema>;
