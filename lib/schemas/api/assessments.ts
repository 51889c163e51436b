// The REST API's assessment shapes: the frozen versions the vendor page's
// Assessments tab lists, portfolio-wide or per vendor, newest first.
import { z } from "zod";
import { ASSESSMENT_STATES } from "@/lib/domain/assessments/assessment-workflow";
import { RATING_BANDS } from "@/lib/domain/scoring/types";
import { apiFindingSchema } from "./vendors";
import { pageQueryFields, pageSchema } from "./page";

export const apiVendorAssessmentListQuerySchema = z
  .strictObject({
    state: z.enum(ASSESSMENT_STATES).optional(),
    rating: z.enum(RATING_BANDS).optional(),
    ...pageQueryFields,
  })
  .describe("Assessment filters, newest first.");

export const apiAssessmentListQuerySchema = apiVendorAssessmentListQuerySchema.extend({
  vendorId: z.string().min(1).max(100).optional().describe("Only this vendor's assessments."),
});
export type ApiAssessmentListQuery = z.infer<typeof apiAssessmentListQuerySchema>;

export const apiAssessmentSchema = z
  .object({
    id: z.string(),
    vendor: z.object({ id: z.string(), name: z.string() }),
    version: z.number().int(),
    state: z.enum(ASSESSMENT_STATES),
    overall: z.number(),
    rating: z.enum(RATING_BANDS),
    createdAt: z.iso.datetime(),
    submittedAt: z.iso.datetime().nullable(),
    decidedAt: z.iso.datetime().nullable(),
    nextDueAt: z.iso.datetime().nullable(),
    lockVersion: z.number().int(),
    reportUrl: z.string().describe("The assessment's PDF report (GET, application/pdf)."),
  })
  .describe("A frozen assessment version: its snapshot never changes; its workflow state does.");
export type ApiAssessment = z.infer<typeof apiAssessmentSchema>;

export const apiAssessmentDetailSchema = apiAssessmentSchema
  .extend({
    signOffs: z.array(z.object({ role: z.string(), decision: z.string(), signedAt: z.iso.datetime() })),
    findings: z.array(apiFindingSchema).describe("The findings frozen with the snapshot."),
  })
  .describe("An assessment with its sign-offs and frozen findings.");
export type ApiAssessmentDetail = z.infer<typeof apiAssessmentDetailSchema>;

export const apiAssessmentPageSchema = pageSchema(apiAssessmentSchema);
