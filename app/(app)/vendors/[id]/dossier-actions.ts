"use server";

import type { DossierRecordDeleteInput, DossierRecordSaveInput } from "@/lib/server/services/dossier-records";
import type { z } from "zod";
import type { tierOverrideActionSchema } from "@/lib/schemas/vendor";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/server/auth";
import { runAction } from "@/lib/server/action-result";
import { deleteDossierRecord, saveDossierRecord } from "@/lib/server/services/dossier-records";
import { overrideVendorTier } from "@/lib/server/services/vendors";

// Thin entry points for the vendor dossier; the services check permissions,
// validate with the record kind's schema, lock, audit and refresh findings.

/** input: { vendorId, kind, id?, version?, data } */
export async function saveDossierRecordAction(input: DossierRecordSaveInput) {
  return runAction(async () => {
    const saved = await saveDossierRecord({ actor: await requireActor(), input });
    revalidatePath("/vendors", "layout");
    return saved;
  });
}

/** input: { vendorId, kind, id, version } */
export async function deleteDossierRecordAction(input: DossierRecordDeleteInput) {
  return runAction(async () => {
    const deleted = await deleteDossierRecord({ actor: await requireActor(), input });
    revalidatePath("/vendors", "layout");
    return deleted;
  });
}

/** input: { vendorId, version, override: { tier, reason } | null } */
export async function overrideTierAction(input: z.input<typeof tierOverrideActionSchema>) {
  return runAction(async () => {
    const vendor = await overrideVendorTier({ actor: await requireActor(), input });
    revalidatePath("/vendors", "layout");
    return { id: vendor.id, version: vendor.version };
  });
}
