"use server";

import type { z } from "zod";
import type { packJobInputSchema } from "@/lib/schemas/audit-pack";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/server/auth";
import { runAction } from "@/lib/server/action-result";
import { startPackJob } from "@/lib/server/services/pack-jobs";

/** input: { filter: { tier?, status?, blocker?, soc2?, country?, industry?, q? }, pdfs: "latest" | "all" } */
export async function startPackJobAction(input: z.input<typeof packJobInputSchema>) {
  return runAction(async () => {
    const job = await startPackJob({ actor: await requireActor(), input });
    revalidatePath("/audit-packs");
    return job;
  });
}
