"use server";

import type { z } from "zod";
import type { riskAcceptanceSchema } from "@/lib/schemas/assessment";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/server/auth";
import { runAction } from "@/lib/server/action-result";
import { createRiskAcceptance } from "@/lib/server/services/risk-acceptance";

/** input: { assessmentId, reason, findingKeys[], expiresOn }. The service checks the permission, the expiry bound and audits. */
export async function createRiskAcceptanceAction(input: z.input<typeof riskAcceptanceSchema>) {
  return runAction(async () => {
    const created = await createRiskAcceptance({ actor: await requireActor(), input });
    revalidatePath(`/assessments/${created.assessmentId}`);
    revalidatePath("/vendors", "layout");
    return { id: created.id, expiresOn: created.expiresOn };
  });
}
