"use server";

import type { z } from "zod";
import { organisationLogoSchema, type organisationNameSchema } from "@/lib/schemas/organisation";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/server/auth";
import { runAction } from "@/lib/server/action-result";
import { parseInput } from "@/lib/server/validation";
import { removeOrganisationLogo, updateOrganisationName, uploadOrganisationLogo } from "@/lib/server/services/organisation";

export async function updateOrganisationNameAction(input: z.input<typeof organisationNameSchema>) {
  return runAction(async () => {
    const saved = await updateOrganisationName({ actor: await requireActor(), input });
    revalidatePath("/admin/settings");
    return saved;
  });
}

/** The logo arrives as base64 in a JSON action body; the service checks its bytes. */
export async function uploadOrganisationLogoAction(input: z.input<typeof organisationLogoSchema>) {
  return runAction(async () => {
    const actor = await requireActor();
    const { fileName, dataBase64 } = parseInput(organisationLogoSchema, input);
    const saved = await uploadOrganisationLogo({ actor, file: { name: fileName, bytes: new Uint8Array(Buffer.from(dataBase64, "base64")) } });
    revalidatePath("/admin/settings");
    return saved;
  });
}

export async function removeOrganisationLogoAction() {
  return runAction(async () => {
    await removeOrganisationLogo({ actor: await requireActor() });
    revalidatePath("/admin/settings");
    return undefined;
  });
}
