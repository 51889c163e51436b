"use server";

import type { z } from "zod";
import type { createAssessmentSchema, signOffSchema, submitAssessmentSchema, updateRemediationSchema } from "@/lib/schemas/assessment";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/server/auth";
import { runAction } from "@/lib/server/action-result";
import { createAssessment } from "@/lib/server/services/assessments/create";
import { signOffAssessment } from "@/lib/server/services/assessments/sign-off";
import { submitAssessment } from "@/lib/server/services/assessments/submit";
import { updateRemediationItem } from "@/lib/server/services/remediation";

// Thin entry points: each service checks the permission, validates the input
// with the same zod schema as the form, locks, audits and commits in one go.

/** input: { vendorId }. Creates version n+1 (the first assessment or a re-score). */
export async function createAssessmentAction(input: z.input<typeof createAssessmentSchema>) {
  return runAction(async () => {
    const assessment = await createAssessment({ actor: await requireActor(), input });
    revalidatePath("/vendors", "layout");
    revalidatePath("/procurement");
    return { id: assessment.id, version: assessment.version };
  });
}

/** input: { assessmentId, lockVersion, comment? } */
export async function submitAssessmentAction(input: z.input<typeof submitAssessmentSchema>) {
  return runAction(async () => {
    const assessment = await submitAssessment({ actor: await requireActor(), input });
    revalidatePath(`/assessments/${assessment.id}`);
    revalidatePath("/procurement");
    return { id: assessment.id, state: assessment.state };
  });
}

/** input: { assessmentId, lockVersion, decision, comment, conditions[] } */
export async function signOffAssessmentAction(input: z.input<typeof signOffSchema>) {
  return runAction(async () => {
    const assessment = await signOffAssessment({ actor: await requireActor(), input });
    revalidatePath(`/assessments/${assessment.id}`);
    revalidatePath("/vendors", "layout");
    revalidatePath("/procurement");
    return { id: assessment.id, state: assessment.state };
  });
}

/** input: { id, version, status, ownerId?, dueDate, closingEvidenceId?, closingNote? } */
export async function updateRemediationAction(input: z.input<typeof updateRemediationSchema>) {
  return runAction(async () => {
    const item = await updateRemediationItem({ actor: await requireActor(), input });
    revalidatePath("/vendors", "layout");
    revalidatePath("/procurement");
    return { id: item.id, version: item.version, status: item.status };
  });
}
