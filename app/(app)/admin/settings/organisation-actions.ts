"use server";

import type { z } from "zod";
import type { organisationNameSchema } from "@/lib/schemas/organisation";
import { revalidatePath } from "next/cache";
import { LOGO_MAX_BYTES } from "@/lib/domain/logo-image";
import { requireActor } from "@/lib/server/auth";
import { runAction } from "@/lib/server/action-result";
import { AppError } from "@/lib/server/errors";
import { removeOrganisationLogo, updateOrganisationName, uploadOrganisationLogo } from "@/lib/server/services/organisation";

export async function updateOrganisationNameAction(input: z.input<typeof organisationNameSchema>) {
  return runAction(async () => {
    const saved = await updateOrganisationName({ actor: await requireActor(), input });
    revalidatePath("/admin/settings");
    return saved;
  });
}

/** The logo arrives as multipart form data (field "logo"); the service checks its bytes. */
export async function uploadOrganisationLogoAction(form: FormData) {
  return runAction(async () => {
    const actor = await requireActor();
    const file = form instanceof FormData ? form.get("logo") : null;
    if (!(file instanceof File) || file.size === 0) throw new AppError("VALIDATION", "Choose a PNG or JPEG image.", { logo: "Choose a PNG or JPEG image." });
    // Refused before reading the body into memory twice; the service checks the bytes again.
    if (file.size > LOGO_MAX_BYTES) {
      const message = `The logo is ${Math.ceil(file.size / 1024)} KB; the limit is ${LOGO_MAX_BYTES / 1024} KB.`;
      throw new AppError("VALIDATION", message, { logo: message });
    }
    const saved = await uploadOrganisationLogo({ actor, file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } });
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
