"use server";

import type { z } from "zod";
import type { vendorFieldsSchema, vendorUpdateSchema } from "@/lib/schemas/vendor";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/server/auth";
import { runAction } from "@/lib/server/action-result";
import { createVendor, updateVendor } from "@/lib/server/services/vendors";

// Thin entry points: the service checks the permission and validates again.

export async function createVendorAction(input: z.input<typeof vendorFieldsSchema>) {
  return runAction(async () => {
    const vendor = await createVendor({ actor: await requireActor(), input });
    revalidatePath("/vendors");
    return { id: vendor.id };
  });
}

export async function updateVendorAction(input: z.input<typeof vendorUpdateSchema>) {
  return runAction(async () => {
    const vendor = await updateVendor({ actor: await requireActor(), input });
    revalidatePath(`/vendors/${vendor.id}`);
    return { id: vendor.id, version: vendor.version };
  });
}
