import { z } from "zod";

// Legal's sign-off of a vendor's legal review.
// The revision is the vendor's legal revision the reviewer looked at: the
// server refuses a sign-off of a review that changed since (optimistic lock).

export const legalSignOffFormSchema = z.object({
  comment: z.string().trim().max(4000, "Keep the comment under 4000 characters"),
});
export type LegalSignOffFormInput = z.input<typeof legalSignOffFormSchema>;

export const legalSignOffInputSchema = legalSignOffFormSchema.extend({
  vendorId: z.string().trim().min(1),
  legalRevision: z.number().int().min(0),
});
export type LegalSignOffInput = z.input<typeof legalSignOffInputSchema>;
