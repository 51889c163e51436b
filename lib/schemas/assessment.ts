import { z } from "zod";
import { REVIEW_DECISIONS } from "@/lib/domain/assessments/assessment-workflow";
import { isRealIsoDay } from "@/lib/domain/dates";
import { REMEDIATION_STATUSES } from "@/lib/domain/assessments/remediation";

// Assessment and remediation payloads, shared by the forms (zodResolver) and
// the services (parseInput), so both refuse the same input the same way.

const id = z.string().trim().min(1);
const lockVersion = z.number().int().positive();

const isoDay = z
  .string({ error: "Enter a date" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-03-31")
  .refine(isRealIsoDay, "Not a real date");

export const createAssessmentSchema = z.object({ vendorId: id });
export type CreateAssessmentInput = z.input<typeof createAssessmentSchema>;

export const submitAssessmentSchema = z.object({
  assessmentId: id,
  lockVersion,
  comment: z.string().trim().max(4000, "Keep the comment under 4000 characters").default(""),
});
export type SubmitAssessmentInput = z.input<typeof submitAssessmentSchema>;

/** One condition of an approval: becomes a remediation item. */
export const conditionSchema = z.object({
  title: z.string({ error: "Describe the condition" }).trim().min(3, "Describe the condition").max(300, "Keep the title under 300 characters"),
  /**
   * The finding of the assessment the condition remedies, by its unique key
   * (findingKey: code and record, since many findings share a code); "" for none.
   */
  findingKey: z
    .string()
    .trim()
    .max(400)
    .transform((v) => (v === "" ? undefined : v))
    .optional(),
  ownerId: z.string({ error: "Choose an owner" }).trim().min(1, "Choose an owner"),
  dueDate: isoDay,
});
export type ConditionInput = z.input<typeof conditionSchema>;

export const signOffSchema = z
  .object({
    assessmentId: id,
    lockVersion,
    /**
     * Which part is signed, legal's or security's; each needs its own
     * permission. Omitted: the part of the signing user's role.
     */
    role: z.enum(["legal", "security"], { error: "Choose the part you sign off" }).optional(),
    decision: z.enum(REVIEW_DECISIONS, { error: "Choose a decision" }),
    comment: z.string().trim().max(4000, "Keep the comment under 4000 characters"),
    conditions: z.array(conditionSchema).max(50, "At most 50 conditions").default([]),
  })
  .superRefine((v, ctx) => {
    if (v.decision !== "approve" && v.comment.length === 0) {
      ctx.addIssue({ code: "custom", path: ["comment"], message: v.decision === "reject" ? "Explain why you reject" : "Explain the conditions" });
    }
    if (v.decision === "approve_with_conditions" && v.conditions.length === 0) {
      ctx.addIssue({ code: "custom", path: ["conditions"], message: "Add at least one condition" });
    }
  });
export type SignOffInput = z.input<typeof signOffSchema>;
export type SignOffValues = z.output<typeof signOffSchema>;

/** A risk acceptance (docs/assessments.md, "Risk acceptance"); the expiry's upper bound is a setting, checked by the service. */
export const riskAcceptanceSchema = z.object({
  assessmentId: id,
  reason: z.string({ error: "Explain why the risk is accepted" }).trim().min(10, "Explain why the risk is accepted (at least 10 characters)").max(4000, "Keep the reason under 4000 characters"),
  findingKeys: z.array(z.string().trim().min(1).max(400)).min(1, "Choose the findings you accept").max(200, "At most 200 findings"),
  expiresOn: isoDay,
});
export type RiskAcceptanceInput = z.input<typeof riskAcceptanceSchema>;

export const updateRemediationSchema = z
  .object({
    id,
    version: lockVersion,
    status: z.enum(REMEDIATION_STATUSES, { error: "Choose a status" }),
    ownerId: z
      .string()
      .trim()
      .transform((v) => (v === "" ? null : v))
      .optional(),
    dueDate: isoDay,
    closingEvidenceId: z
      .string()
      .trim()
      .transform((v) => (v === "" ? null : v))
      .optional(),
    closingNote: z
      .string()
      .trim()
      .max(4000, "Keep the note under 4000 characters")
      .transform((v) => (v === "" ? null : v))
      .optional(),
  })
  .superRefine((v, ctx) => {
    // Closing needs proof or a reason an auditor can read (docs/rules.md §10: every change explainable).
    if (v.status === "done" && !v.closingEvidenceId && !v.closingNote) {
      ctx.addIssue({ code: "custom", path: ["closingNote"], message: "Attach closing evidence or explain how it was done" });
    }
    if (v.status === "waived" && !v.closingNote) {
      ctx.addIssue({ code: "custom", path: ["closingNote"], message: "Explain why the item is waived" });
    }
  });
export type UpdateRemediationInput = z.input<typeof updateRemediationSchema>;
export type UpdateRemediationValues = z.output<typeof updateRemediationSchema>;

export const compareQuerySchema = z.object({ a: id, b: id });
